# The first code a child process runs: multiprocessing's bootstrap.
import multiprocessing
multiprocessing._child_main()
