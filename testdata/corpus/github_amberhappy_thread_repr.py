# source: amberhappy/machine-learning, https://github.com/amberhappy/machine-learning/blob/924be77208eb257dbfda9b2bd064e8090aa3b528/basic/threading/1-add_thread.py
# compare: exact
# mask: started \d+
import threading

def thread_job():
    print('This is a thread of %s'%threading.current_thread())

def main():
    print(threading.active_count())
    print(threading.enumerate())
    print(threading.current_thread())
    thread = threading.Thread(target=thread_job(),)
    thread.start()

if __name__ =='__main__':
    main()
