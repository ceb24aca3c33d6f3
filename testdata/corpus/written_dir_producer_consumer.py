# source: none: written for gilscope in the style of shiangwen/X-Village-OS-Exercise's lab2.py (https://github.com/shiangwen/X-Village-OS-Exercise/blob/949199622260f5844d1f0f98ce35bebd3fb73a2c/lab2.py), an exercise whose producer puts the sub-directories of a tree in a bounded queue and twenty consumers count their files under a lock; it builds its own tree (the original could not be taken verbatim)
# compare: exact
import os
import queue
import threading

buffer_size = 5

lock = threading.Lock()
dir_queue = queue.Queue(buffer_size)
file_count = 0
consumer_count = 20


def build_tree(top_dir):
    for i in range(12):
        sub = os.path.join(top_dir, "dir%02d" % i, "inner")
        os.makedirs(sub)
        for j in range(i % 4 + 1):
            with open(os.path.join(top_dir, "dir%02d" % i, "f%d.txt" % j), "w") as f:
                f.write("x" * j)
        with open(os.path.join(sub, "deep.txt"), "w") as f:
            f.write("deep")


def producer(top_dir, queue_buffer):
    # Search sub-dirs in top_dir and put them in the queue
    for root, dirs, files in os.walk(top_dir):
        for d in dirs:
            queue_buffer.put(os.path.join(root, d))
    for _ in range(consumer_count):
        queue_buffer.put(None)


def consumer(queue_buffer):
    # Count the files in each directory taken from the queue
    global file_count
    while True:
        directory = queue_buffer.get()
        if directory is None:
            break
        for entry in os.scandir(directory):
            if entry.is_file():
                with lock:
                    file_count += 1


def main():
    build_tree("./testdata_lab2")
    producer_thread = threading.Thread(target=producer, args=("./testdata_lab2", dir_queue))

    consumers = []
    for i in range(consumer_count):
        consumers.append(threading.Thread(target=consumer, args=(dir_queue,)))

    producer_thread.start()
    for c in consumers:
        c.start()

    producer_thread.join()
    for c in consumers:
        c.join()

    print(file_count, "files found.")
    for root, dirs, files in os.walk("./testdata_lab2", topdown=False):
        for name in files:
            os.remove(os.path.join(root, name))
        for name in dirs:
            os.rmdir(os.path.join(root, name))
    os.rmdir("./testdata_lab2")
    print(os.path.exists("./testdata_lab2"))


if __name__ == "__main__":
    main()
