#!/usr/bin/env python3
"""Prints what the yearly update changes in a database, for comparing two of them: the
register, the updates, and the person's audit rows without their times and ids (a clock
that runs on between commands, and a numbering an import's own rows shift).
Usage: dump.py DB"""
import sqlite3, sys

con = sqlite3.connect(sys.argv[1])
for sql in ("SELECT * FROM person ORDER BY id",
            "SELECT * FROM yearly_update ORDER BY person_id, year",
            "SELECT user, entity, entity_id, action, before, after FROM audit "
            "WHERE entity = 'person' ORDER BY entity_id, id"):
    for row in con.execute(sql):
        print('|'.join('' if v is None else str(v) for v in row))
