# source: none: written for gilscope in the style of the Python Parallel Programming Cookbook's (G. Zaccone, 2nd ed., Packt) "communicating with pipes" recipe, processes chained by Pipes that end on EOFError (the original could not be taken verbatim)
# compare: exact
import multiprocessing


def produce(pipe):
    out, _ = pipe
    for item in range(8):
        out.send(item)
    out.close()


def square(inbound, outbound):
    unused, source = inbound
    unused.close()
    sink, _ = outbound
    try:
        while True:
            item = source.recv()
            sink.send(item * item)
    except EOFError:
        sink.close()


if __name__ == "__main__":
    first = multiprocessing.Pipe(True)
    producer = multiprocessing.Process(target=produce, args=(first,))
    producer.start()
    second = multiprocessing.Pipe(True)
    squarer = multiprocessing.Process(target=square, args=(first, second))
    squarer.start()
    first[0].close()
    second[0].close()
    try:
        while True:
            print(second[1].recv())
    except EOFError:
        print("End")
    producer.join()
    squarer.join()
