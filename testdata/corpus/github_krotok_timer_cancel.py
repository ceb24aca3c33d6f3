# source: krotok/interview_2022, https://github.com/krotok/interview_2022/blob/b11812b546c98511d467931429d43b9212aa6761/web_threadpool_processesPool/017.ThreadTimer.py
# compare: exact
# SuperFastPython.com
# example of using a thread timer object
from time import sleep
from threading import Timer


# target task function
def task(message):
    # report the custom message
    print(message)


# create a thread timer object
timer = Timer(3, task, args=('Hello world',))
# start the timer object
timer.start()
# block for a moment
sleep(1)
# cancel the thread
print('Canceling the timer...')
timer.cancel()