# source: written for gilscope's corpus around the "Writing a Tokenizer" example of the Python 3.12 documentation (library/re.html); not an author's program
# compare: exact
import queue
import re
import threading
from typing import NamedTuple


class Token(NamedTuple):
    type: str
    value: str
    line: int
    column: int


def tokenize(code):
    keywords = {'IF', 'THEN', 'ENDIF', 'FOR', 'NEXT', 'GOSUB', 'RETURN'}
    token_specification = [
        ('NUMBER',   r'\d+(\.\d*)?'),  # Integer or decimal number
        ('ASSIGN',   r':='),           # Assignment operator
        ('END',      r';'),            # Statement terminator
        ('ID',       r'[A-Za-z]+'),    # Identifiers
        ('OP',       r'[+\-*/]'),      # Arithmetic operators
        ('NEWLINE',  r'\n'),           # Line endings
        ('SKIP',     r'[ \t]+'),       # Skip over spaces and tabs
        ('MISMATCH', r'.'),            # Any other character
    ]
    tok_regex = '|'.join('(?P<%s>%s)' % pair for pair in token_specification)
    line_num = 1
    line_start = 0
    for mo in re.finditer(tok_regex, code):
        kind = mo.lastgroup
        value = mo.group()
        column = mo.start() - line_start
        if kind == 'NUMBER':
            value = float(value) if '.' in value else int(value)
        elif kind == 'ID' and value in keywords:
            kind = value
        elif kind == 'NEWLINE':
            line_start = mo.end()
            line_num += 1
            continue
        elif kind == 'SKIP':
            continue
        elif kind == 'MISMATCH':
            raise RuntimeError(f'{value!r} unexpected on line {line_num}')
        yield Token(kind, value, line_num, column)


programs = [
    '''
    IF quantity THEN
        total := total + price * quantity;
        tax := price * 0.05;
    ENDIF;
''',
    '''
    FOR i := 1 TO 10
        GOSUB report;
    NEXT i;
''',
    '''
    x := 3 $ 4;
''',
]

work = queue.Queue()
results = {}
lock = threading.Lock()


def worker():
    while True:
        item = work.get()
        if item is None:
            break
        index, code = item
        try:
            tokens = list(tokenize(code))
        except RuntimeError as e:
            tokens = [str(e)]
        with lock:
            results[index] = tokens


threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads:
    t.start()
for item in enumerate(programs):
    work.put(item)
for _ in threads:
    work.put(None)
for t in threads:
    t.join()

for index in sorted(results):
    print(f'program {index}:')
    for token in results[index]:
        print('   ', token)
