# expect: MemoryError — findall making five million two-character strings: the run's memory budget stops it
import re
print(len(re.findall(r'ab', 'ab' * 5_000_000)))
