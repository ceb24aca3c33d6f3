# source: Python 3.12 documentation, concurrent.futures, "ProcessPoolExecutor Example", https://docs.python.org/3.12/library/concurrent.futures.html#processpoolexecutor-example
# edited: each number cut to its first 8 digits, to shrink the loops
import concurrent.futures
import math

PRIMES = [
    11227253,
    11258270,
    11227253,
    11528009,
    11579784,
    10997268]

def is_prime(n):
    if n < 2:
        return False
    if n == 2:
        return True
    if n % 2 == 0:
        return False

    sqrt_n = int(math.floor(math.sqrt(n)))
    for i in range(3, sqrt_n + 1, 2):
        if n % i == 0:
            return False
    return True

def main():
    with concurrent.futures.ProcessPoolExecutor() as executor:
        for number, prime in zip(PRIMES, executor.map(is_prime, PRIMES)):
            print('%d is prime: %s' % (number, prime))

if __name__ == '__main__':
    main()
