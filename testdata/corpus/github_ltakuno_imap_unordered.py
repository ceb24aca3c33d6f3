# source: ltakuno/arquivos, https://github.com/ltakuno/arquivos/blob/2c7b6ef978796c37600826a1b1ddb4208e51995f/python/parallel/multiprocessing_pool2.py
# compare: unordered
from multiprocessing import Pool

def f(n):
	return n*n

if __name__ == "__main__":
	p = Pool(processes=2)
	result = p.imap_unordered(f, [1,2,3,4,5])
	for n in result: 
		print(n)
