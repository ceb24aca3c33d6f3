# A fork copies memory once: an object both a global and the process's arguments
# reach is one object in the child, as in the parent.
import multiprocessing

shared = [1, 2]
config = {'items': shared}


class Job:
    def __init__(self, items):
        self.items = items


def child(cfg, job):
    print(cfg is config, cfg['items'] is shared, job.items is shared)
    shared.append(3)
    print(config['items'], job.items)


if __name__ == '__main__':
    multiprocessing.set_start_method('fork')
    p = multiprocessing.Process(target=child, args=(config, Job(shared)))
    p.start()
    p.join()
    print('parent', shared)
