# source: rion27/python-selenium-wipro, https://github.com/rion27/python-selenium-wipro/blob/8188b385fda6a48b61893f7e2cf41b045aa44d7a/PythonProgramming/RaceCondition.py
# edited: loop count shrunk (100000 -> 10000)
# compare: exact
#race condition is when multiple threads access shared data without synchronisation
import threading
count=0
lock=threading.Lock()

def increment():
    global count
    with lock:
        for _ in range(10000):
            count+=1
t1=threading.Thread(target=increment)
t2=threading.Thread(target=increment)
t1.start()
t2.start()
t1.join()
t2.join()
print(count)
