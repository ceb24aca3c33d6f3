# expect: MemoryError — findall making ten million one-character strings: the run's memory budget stops it
import re
print(len(re.findall(r'a', 'ab' * 10_000_000)))
