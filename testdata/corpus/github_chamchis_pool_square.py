# source: Chamchis/likelion_learn_vscode, https://github.com/Chamchis/likelion_learn_vscode/blob/main/February/2_week/day8_library/my_pool.py
from multiprocessing import Pool

def square(n):
    return n**2

if __name__ == '__main__':
    with Pool(4) as p:
        results = p.map(square, range(10))
    print(results)
