# source: Xayiide/Threading, https://github.com/Xayiide/Threading/blob/52d37bdc2402049120f1b171da45b9fb9f9e2c3b/PCA/Python/threads.py
# compare: exact
import threading

def enumerateThreads():
    print("Enumeration of threads:")
    for i in threading.enumerate():
        print(" ·", i.getName(), "\n")


print("Number of threads: " + str(threading.active_count()))
print("Current thread name: " + threading.current_thread().getName())
#print("dir: " + str(dir(threading.current_thread())))
#print("dir: " + str(dir(threading.enumerate())))
enumerateThreads()



