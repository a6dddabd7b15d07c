#!/usr/bin/env python3
"""The floor of a register delta, line (f) of bench-sync.sh: SQLite alone writing what the delta
wrote, with nothing read, checked or compared.

    delta-floor.py BEFORE AFTER

BEFORE is a copy of the database as it was before the delta and AFTER the database the delta
left. First, untimed, the rows the delta added or changed are read from AFTER (and the old
search text of renamed residents from BEFORE). Then BEFORE is opened with Kyosei's connection
settings and, in one transaction, given those rows the cheapest way SQLite offers: one prepared
statement per kind of row, bound row by row (a statement that changes many rows would first copy
every page it changes into a statement journal), each changed resident updated in the columns
that changed only (an update rewrites every index on a column it assigns). Then it commits and
closes, which checkpoints the WAL, as the `kyosei` process does when it exits.

Prints "seconds cpu_seconds" for the timed part. Python's sqlite3 module runs the system's SQLite,
the one Kyosei links.
"""
import sqlite3
import sys
import time

before, after = sys.argv[1:3]
src = sqlite3.connect(f"file:{after}?mode=ro", uri=True)
src.execute("ATTACH ? AS b", (f"file:{before}?mode=ro",))


def columns(table):
    return [row[1] for row in src.execute(f"SELECT * FROM pragma_table_info('{table}')")]


def newer(table, key="id"):
    """Rows of AFTER's `table` past BEFORE's last key, in key order."""
    last = src.execute(f"SELECT coalesce(max({key}), 0) FROM b.{table}").fetchone()[0]
    return list(src.execute(f"SELECT * FROM main.{table} WHERE {key} > ? ORDER BY {key}", (last,)))


resident_columns = columns("resident")
last_resident = src.execute("SELECT max(id) FROM b.resident").fetchone()[0]
select_both = ", ".join([f"a.{c}" for c in resident_columns] + [f"o.{c}" for c in resident_columns])
index = {c: i for i, c in enumerate(resident_columns)}
updates, renamed = [], []
for row in src.execute(f"""
        SELECT {select_both} FROM main.resident a JOIN b.resident o ON o.id = a.id
        WHERE a.updated_at IS NOT o.updated_at ORDER BY a.id"""):
    new, old = row[:len(resident_columns)], row[len(resident_columns):]
    changed = tuple(c for c, n, o in zip(resident_columns, new, old) if n != o)
    values = [n for n, o in zip(new, old) if n != o]
    updates.append((changed, values + [new[0]]))
    if "search_latin" in changed or "search_japanese" in changed:
        renamed.append((new[0], old[index["search_latin"]], old[index["search_japanese"]],
                        new[index["search_latin"]], new[index["search_japanese"]]))
created = list(src.execute("SELECT * FROM main.resident WHERE id > ? ORDER BY id", (last_resident,)))
history = newer("history")
households = list(src.execute(
    "SELECT * FROM main.household h WHERE NOT EXISTS (SELECT 1 FROM b.household o WHERE o.household_id = h.household_id)"))
files, rejects, audits = newer("intake_file"), newer("intake_reject"), newer("audit_log", "seq")
subjects = list(src.execute(
    "SELECT * FROM main.audit_subject WHERE seq > (SELECT coalesce(max(seq), 0) FROM b.audit_log) ORDER BY seq, resident_id"))
src.close()


def insert(db, table, rows):
    if rows:
        marks = ", ".join("?" * len(rows[0]))
        db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)


start, cpu = time.perf_counter(), time.process_time()
db = sqlite3.connect(before, isolation_level=None)
db.execute("PRAGMA foreign_keys = ON")
db.execute("PRAGMA synchronous = NORMAL")
db.execute("PRAGMA cache_size = -131072")
db.execute("BEGIN IMMEDIATE")
insert(db, "intake_file", files)
insert(db, "intake_reject", rejects)
insert(db, "household", households)
insert(db, "history", [h for h in history if h[1] <= last_resident])
db.executemany("INSERT INTO resident_search (resident_search, rowid, search_latin, search_japanese) VALUES ('delete', ?, ?, ?)",
               [(r[0], r[1], r[2]) for r in renamed])
for changed, values in updates:
    db.execute(f"UPDATE resident SET {', '.join(c + ' = ?' for c in changed)} WHERE id = ?", values)
insert(db, "resident", created)
insert(db, "history", [h for h in history if h[1] > last_resident])
db.executemany("INSERT INTO resident_search (rowid, search_latin, search_japanese) VALUES (?, ?, ?)",
               [(r[0], r[3], r[4]) for r in renamed])
db.executemany("INSERT INTO resident_search (rowid, search_latin, search_japanese) VALUES (?, ?, ?)",
               [(r[0], r[index["search_latin"]], r[index["search_japanese"]]) for r in created])
insert(db, "audit_log", audits)
insert(db, "audit_subject", subjects)
db.execute("COMMIT")
db.close()
print(f"{time.perf_counter() - start:.2f} {time.process_time() - cpu:.2f}")
