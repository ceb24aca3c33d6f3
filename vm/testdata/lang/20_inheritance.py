# Single inheritance: overriding, super().__init__ and super().method(), isinstance with classes and tuples.
class Animal:
    kingdom = "animalia"

    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound

    def speak(self):
        return self.name + " says " + self.sound

    def describe(self):
        return "I am " + self.name + " (" + type(self).__name__ + "): " + self.speak()

class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name, "woof")
        self.breed = breed

    def speak(self):
        return super().speak() + "!"

    def fetch(self):
        return self.name + " fetches"

class Puppy(Dog):
    def __init__(self, name):
        super().__init__(name, "mixed")
        self.age = 0

    def speak(self):
        return super().speak() + " (tiny)"

class Cat(Animal):
    kingdom = "felis"

a = Animal("generic")
d = Dog("rex", "lab")
p = Puppy("bit")
c = Cat("tom", "meow")
for x in [a, d, p, c]:
    print(x.describe())
print(d.fetch(), p.fetch(), p.breed, p.age, c.kingdom, d.kingdom, Animal.kingdom)
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(d, Puppy))
print(isinstance(c, (Dog, Puppy)), isinstance(c, (Dog, Cat)), isinstance(3, (str, int)), isinstance("s", (int, float)))
print(isinstance(p, object), isinstance(3, object), isinstance(None, object))
print(type(p).__name__, type(p) is Dog, type(p) == Puppy)
print(hasattr(d, "fetch"), hasattr(c, "fetch"), hasattr(a, "kingdom"))

class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        return 0

    def summary(self):
        return "%s with area %.2f" % (self.name, self.area())

class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"

class Circle(Shape):
    def __init__(self, r):
        Shape.__init__(self, "circle")
        self.r = r

    def area(self):
        return 3.14159 * self.r ** 2

shapes = [Rect(2, 3), Square(4), Circle(1), Shape("blob")]
for s in shapes:
    print(s.summary())
print(sorted([s.area() for s in shapes]))
print([type(s).__name__ for s in shapes if isinstance(s, Rect)])

class Base:
    def __init__(self):
        self.log = ["Base"]

    def hook(self):
        return "base hook"

    def run(self):
        return self.hook()

class Mid(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Mid")

class Leaf(Mid):
    def __init__(self):
        super().__init__()
        self.log.append("Leaf")

    def hook(self):
        return "leaf hook, parent said: " + super().hook()

leaf = Leaf()
print(leaf.log, leaf.run(), Mid().run())

class MyError(Exception):
    pass

class MyOtherError(MyError):
    pass

print(isinstance(MyOtherError(), Exception), isinstance(MyError(), MyOtherError))

class Plain:
    pass

pl = Plain()
print(type(pl).__name__, isinstance(pl, Plain), isinstance(pl, object))

class WithDefault(Animal):
    pass

w = WithDefault("w")
print(w.speak(), w.sound, w.describe())

class Counter:
    total = 0

    def __init__(self):
        Counter.total += 1
        self.id = Counter.total

class SubCounter(Counter):
    def __init__(self):
        super().__init__()
        self.kind = "sub"

objs = [Counter(), SubCounter(), SubCounter()]
print([o.id for o in objs], Counter.total, SubCounter.total, objs[1].kind)
