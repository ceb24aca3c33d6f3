# expect: limit — a regular expression that backtracks exponentially ((a+)+b over 60 a's): the run's CPU limit stops the match
import re
print(re.match(r'(a+)+b', 'a' * 60))
