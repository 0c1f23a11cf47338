# Every command is listed in dpf --help; each has its own --help; bad usage exits 2.
dpf --help
dpf import persons --help
dpf frobnicate || echo "exit $?"
dpf export persons || echo "exit $?"
