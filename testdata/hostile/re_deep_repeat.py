# expect: RecursionError — a repeated group over a million characters: gilscope's bound on the matcher's nesting stops it before the host's stack
import re
print(re.match(r'(?:ab)*', 'ab' * 500000).end())
