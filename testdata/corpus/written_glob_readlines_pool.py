# source: none: written for gilscope in the style of Itaygadadassi/Apple-2022-q1's all_lines_4.py (https://github.com/Itaygadadassi/Apple-2022-q1/blob/b6f58d6a6ffac279200a29fc9884492139b402f1/all_lines_4.py), a course exercise that reads every file glob finds with ThreadPoolExecutor.map and times it; its files are the course's own, here written by the program into a tempfile.TemporaryDirectory with pathlib (the original could not be taken verbatim)
# compare: exact
# mask: Total time = \d+\.\d+(e-\d+)?
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
import glob
import os
import tempfile
import time


def all_lines(one_filename):
    return open(one_filename).readlines()


with tempfile.TemporaryDirectory() as tmp:
    folder = Path(tmp)
    for i in range(5):
        (folder / f'module{i}.py').write_text(''.join(f'x{j} = {j}\n' for j in range(i * 3 + 1)))
    (folder / 'notes.txt').write_text('not python\n')
    (folder / 'pkg').mkdir()
    (folder / 'pkg' / '__init__.py').write_text('"""package"""\n')

    os.chdir(folder)
    with ThreadPoolExecutor() as executor:
        start_time = time.time()
        results = executor.map(all_lines, sorted(glob.glob('*.py')))
        end_time = time.time()

    for name, lines in zip(sorted(glob.glob('*.py')), results):
        print(name, len(lines), lines[-1].strip())
    print(sorted(str(p.relative_to(folder)) for p in folder.rglob('*.py')))
    print(f'Total time = {end_time - start_time}')
    os.chdir(os.path.dirname(tmp))
print(os.path.exists(tmp))
