# source: Mastering Python for Networking and Security (Packt), https://github.com/PacktPublishing/Mastering-Python-for-Networking-and-Security/blob/master/chapter2/code/concurrency/threadPoolConcurrency2.py
# compare: unordered
from concurrent.futures import ThreadPoolExecutor

def task(n):
 print("Processing {}".format(n))

def main():
 print("Starting ThreadPoolExecutor")
 with ThreadPoolExecutor(max_workers=3) as executor:
   future = executor.submit(task, (2))
   future = executor.submit(task, (3))
   future = executor.submit(task, (4))
 print("All tasks complete")
  
if __name__ == '__main__':
 main()
