# A class pattern with more positional sub-patterns than __match_args__ names:
# the TypeError's traceback points at the match statement's line.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


def describe(p):
    match p:
        case Point(x, y, z):
            return "3d"
    return "none"


print(describe(Point(1, 2)))
