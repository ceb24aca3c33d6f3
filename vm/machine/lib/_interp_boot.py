# The first code of a thread running in a subinterpreter.
import concurrent.interpreters
concurrent.interpreters._thread_main()
