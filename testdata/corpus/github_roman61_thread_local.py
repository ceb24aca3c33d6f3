# source: Roman61/Urban_university_Lesson_Python, https://github.com/Roman61/Urban_university_Lesson_Python/blob/bfa5d69bd053dd44f0004a1b26736c61fd0843da/HomeWorks/Lesson_my/Threading/Python_6.py
# compare: exact
import time
import threading

data = threading.local()


def get():
    print(data.value)


def t1():
    data.value = 111
    get()


def t2():
    data.value = 222
    get()


threading.Thread(target=t1).start()
threading.Thread(target=t2).start()

