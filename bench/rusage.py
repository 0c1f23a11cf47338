#!/usr/bin/python3
"""Runs a command (its output to /dev/null) and prints its wall time in seconds and its peak
resident memory in KB (getrusage of the child: ru_maxrss, its own and its own children's
peak, e.g. the parsing child's). Usage: COMMAND ARGS..."""
import os
import sys
import time

t0 = time.monotonic()
pid = os.fork()
if pid == 0:
    fd = os.open(os.devnull, os.O_WRONLY)
    os.dup2(fd, 1)
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, ru = os.wait4(pid, 0)
t1 = time.monotonic()
if os.waitstatus_to_exitcode(status) != 0:
    sys.exit("rusage: %s failed" % sys.argv[1])
print("%.3f %d" % (t1 - t0, ru.ru_maxrss))
