# source: Harshit-2/pythonPractice, https://github.com/Harshit-2/pythonPractice/blob/785f64285029b445a18e90f25f9a94bc39d441a6/97(4).py
# compare: exact
import threading


def increment(counter, lock):
    for i in range(10000):
        lock.acquire()
        counter += 1
        lock.release()


if __name__ == '__main__':
    counter = 0
    lock = threading.Lock()

    threads = []
    for i in range(2):
        thread = threading.Thread(target=increment, args=(counter, lock))
        threads.append(thread)
        thread.start()

    for thread in threads:
        thread.join()

    print("Counter value:", counter)
