# source: none: written for gilscope in the style of the Python Parallel Programming Cookbook's (G. Zaccone, 2nd ed., Packt) "run a process in the background" recipe, a daemon and a non-daemon process the main one does not join (the original could not be taken verbatim)
# compare: unordered
import multiprocessing
import time


def task():
    name = multiprocessing.current_process().name
    print("Starting %s" % name)
    first = 0 if name == "background" else 5
    for i in range(first, first + 5):
        print("---> %d" % i)
    time.sleep(0.5)
    print("Exiting %s" % name)


if __name__ == "__main__":
    background = multiprocessing.Process(name="background", target=task)
    background.daemon = True
    foreground = multiprocessing.Process(name="foreground", target=task)
    foreground.daemon = False
    background.start()
    foreground.start()
    time.sleep(0.1)
    print("main ends without joining")
