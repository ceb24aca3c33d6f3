# expect: MemoryError — str.center to ten trillion characters is refused before it is allocated; it was a fatal out of memory
print(len('x'.center(10**13)))
