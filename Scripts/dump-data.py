#!/usr/bin/env python3
"""Writes a canonical dump of a Kyosei database: every table, every row, ordered by all its
columns, except the audit log (`audit_log`, `audit_subject`), which `doctor` and every call
append to. Two databases hold the same data exactly when their dumps are equal; the crash
campaign (Scripts/crash-campaign.sh) and the crash test in the suite compare them.

    Scripts/dump-data.py DATABASE OUT
"""
import sqlite3
import sys

db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
skip = {"audit_log", "audit_subject"}
with open(sys.argv[2], "w") as out:
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%' ORDER BY name")]
    for table in tables:
        if table in skip:
            continue
        columns = len(db.execute(f'SELECT * FROM "{table}" LIMIT 0').description)
        out.write(f"## {table}\n")
        order = ", ".join(str(i + 1) for i in range(columns))
        for row in db.execute(f'SELECT * FROM "{table}" ORDER BY {order}'):
            out.write(repr(row) + "\n")
