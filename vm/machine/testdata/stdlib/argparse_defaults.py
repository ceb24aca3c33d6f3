# argparse as scripts use it: with no arguments on the command line, every option
# takes its default; explicit argument lists parse as CPython's do.
import argparse

parser = argparse.ArgumentParser(prog='fetch', description='Fetch some pages.')
parser.add_argument('urls', nargs='*', help='pages to fetch')
parser.add_argument('-w', '--workers', type=int, default=4, help='threads')
parser.add_argument('--timeout', type=float, default=2.5)
parser.add_argument('-v', '--verbose', action='store_true')
parser.add_argument('--quiet', action='store_false', dest='loud')
parser.add_argument('--mode', choices=['thread', 'process'], default='thread')
parser.add_argument('-t', '--tag', action='append')
parser.add_argument('-d', action='count', default=0)
args = parser.parse_args()
print(args)
print(args.workers, args.timeout, args.verbose, args.loud, args.mode, args.urls)

args = parser.parse_args(['a', 'b', '-w', '8', '--timeout=0.5', '-v', '-t', 'x', '-t', 'y', '-d', '-d', '--mode', 'process'])
print(sorted(vars(args).items()))

p2 = argparse.ArgumentParser(prog='count')
p2.add_argument('n', type=int)
p2.add_argument('rest', nargs='?', default='none')
print(p2.parse_args(['3']))
ns, extra = p2.parse_known_args(['4', 'r', '--other'])
print(ns.n, ns.rest, extra)
print(p2.format_usage(), end='')
p3 = argparse.ArgumentParser(prog='strict', exit_on_error=False)
p3.add_argument('--n', type=int)
try:
    p3.parse_args(['--n', 'x'])
except argparse.ArgumentError as e:
    print('ArgumentError:', e)
print(argparse.Namespace(a=1) == argparse.Namespace(a=1), 'a' in argparse.Namespace(a=1))
