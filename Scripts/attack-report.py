#!/usr/bin/env python3
"""Tries to work out every withheld figure of the reports Kyosei published.

    Scripts/attack-report.py REPORT.json… [ALLIANCE.json…] [--json]

Reads what left the city: report tables written with `--format json` (each carries its
"layout": the counts behind every column and the sums that hold between them) and Alliance
files (`kyosei report alliance`, `kyosei alliance merge`). Tables with the same counts behind
them and the same published total are taken to be the same people cut differently, so they
share their total; an attacker who has the population by nationality also has it by district. A coarser cut names the finer
groups each of its rows adds up ("row_parts": a region's nationalities), and each such row is
tied to those rows of any finer table given. Reports given with one city's Alliance file are
that city's people; a merged Alliance file's groups add up its cities' files, where given.

Tables of a period (a report's title ends "FIRST to LAST", an Alliance file has first_day and
last_day) are tied to the tables of the periods nested in it: where periods published beside it
tile it (months a quarter, quarters a fiscal year), each group's counts in it are the sum of that
group's counts in them, for the same cut, so a quarter less two of its months gives the third.

For every withheld cell (null) it asks an integer linear program for the smallest and the
largest value the cell can take given everything published: every published count, every
share as rounded (±0.00005), every difference and row relation, each group adding up to the
total, and no count below zero. A cell whose smallest and largest values are the same has been
recomputed. A share is recomputed when its part and its whole both are.

Exit codes: 0 nothing recomputed · 1 a withheld figure was recomputed · 2 a file could not be
read, or figures taken for the same people contradict each other. Needs SciPy (`pip install scipy`).
"""
import datetime
import json
import re
import sys

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

ROUNDING = 0.00005 + 1e-9


class Infeasible(Exception):
    """The published figures contradict each other as grouped: tables taken for the same people
    are not, and any answer would be meaningless."""


class System:
    """Integer unknowns, equalities and inequalities over them."""

    def __init__(self):
        self.count = 0
        self.rows = []  # (terms {var: coeff}, low, high)

    def new(self, n):
        first = self.count
        self.count += n
        return first

    def add(self, terms, low, high):
        self.rows.append((terms, low, high))

    def extremes(self, terms):
        """Smallest and largest value of Σ coeff·var over the integer points of the system."""
        a = np.zeros((len(self.rows), self.count))
        lows, highs = [], []
        for i, (row, low, high) in enumerate(self.rows):
            for v, c in row.items():
                a[i, v] += c
            lows.append(low)
            highs.append(high)
        constraints = [LinearConstraint(a, lows, highs)] if self.rows else []
        objective = np.zeros(self.count)
        for v, c in terms.items():
            objective[v] += c
        bounds = Bounds(np.zeros(self.count), np.full(self.count, np.inf))
        integrality = np.ones(self.count)
        found = []
        for sign in (1, -1):
            result = milp(sign * objective, constraints=constraints, bounds=bounds, integrality=integrality)
            if result.status == 2:
                raise Infeasible()
            if result.status != 0:
                return None
            found.append(sign * result.fun)
        return found[0], found[1]


def report_tables(paths):
    """(name, table, population, cities) for every table in the files: an Alliance file gives
    one per table, its population its city's code (a merged file: the codes joined by "+",
    with the cities it adds up); a report's population is "city"."""
    for path in paths:
        try:
            with open(path, encoding="utf-8-sig") as f:
                document = json.load(f)
        except (OSError, ValueError) as error:
            print(f"{path}: cannot be read: {error}", file=sys.stderr)
            sys.exit(2)
        if "tables" in document:
            cities = document.get("municipalities")
            population = "+".join(cities) if cities else document["municipality_code"]
            for kind, table in sorted(document["tables"].items()):
                yield f"{path} [{kind}]", count_table(table), population, cities
        elif "layout" in document:
            yield path, document, "city", None
        else:
            print(f"{path}: neither a report written with --format json nor an Alliance file", file=sys.stderr)
            sys.exit(2)


def count_table(table):
    """An Alliance count table as a report: one count column per measure."""
    measures = table["measures"]
    header = table["row_header"]
    def row(label, counts):
        return {header: label, **dict(zip(measures, counts))}
    return {
        "title": header,
        "rows": [row(r["group"], r["counts"]) for r in table["rows"]],
        "total": row("Total", table["total"]),
        "layout": {"measures": measures,
                   "columns": [{"title": m, "count": i} for i, m in enumerate(measures)],
                   "relations": []},
    }


def attack(tables, ties=()):
    """Every withheld cell of tables over the same counts that comes back as one number. Tables
    of one population share their total; a merged population's table adds up its cities'; with
    `ties` (population of a period → tilings of it by the populations of shorter periods), a
    period's table adds up those of each tiling."""
    system = System()
    measures = len(tables[0][1]["layout"]["measures"])
    totals = {}
    targets = []
    rows_of = []  # per table: group label → row number (the total last), and where its counts start
    for name, table, population, _ in tables:
        layout = table["layout"]
        rows = table["rows"] + [table["total"]]
        base = system.new(len(rows) * measures)
        def var(r, m, base=base):
            return base + r * measures + m
        total_row = len(rows) - 1
        header = next(iter(table["total"]))
        labels = {row[header]: r for r, row in enumerate(table["rows"])}
        labels[None] = total_row
        rows_of.append((labels, base))
        for r, row in enumerate(rows):
            for column in layout["columns"]:
                value = row.get(column["title"])
                if "count" in column:
                    m = column["count"]
                    if value is None:
                        targets.append((name, row[header], column["title"], [{var(r, m): 1}]))
                    else:
                        system.add({var(r, m): 1}, value, value)
                elif "difference" in column:
                    form = {var(r, column["difference"]): 1}
                    for m in column["less"]:
                        form[var(r, m)] = form.get(var(r, m), 0) - 1
                    if value is None:
                        targets.append((name, row[header], column["title"], [form]))
                    else:
                        system.add(form, value, value)
                elif "share" in column:
                    n, d = var(r, column["share"]), var(r, column["of"])
                    if value is None:
                        targets.append((name, row[header], column["title"], [{n: 1}, {d: 1}]))
                    else:
                        system.add({n: 1, d: -(value + ROUNDING)}, -np.inf, 0)
                        system.add({n: 1, d: -(value - ROUNDING)}, 0, np.inf)
                elif "share_of_total" in column:
                    m = column["share_of_total"]
                    if value is None:
                        targets.append((name, row[header], column["title"], [{var(r, m): 1}, {var(total_row, m): 1}]))
                    elif r != total_row:
                        t = var(total_row, m)
                        system.add({var(r, m): 1, t: -(value + ROUNDING)}, -np.inf, 0)
                        system.add({var(r, m): 1, t: -(value - ROUNDING)}, 0, np.inf)
            for relation in layout["relations"]:
                form = {var(r, relation["whole"]): 1}
                for m in relation["parts"]:
                    form[var(r, m)] = form.get(var(r, m), 0) - 1
                system.add(form, 0, 0)
        for m in range(measures):
            form = {var(r, m): 1 for r in range(total_row)}
            form[var(total_row, m)] = -1
            system.add(form, 0, 0)
            if population in totals:
                system.add({var(total_row, m): 1, totals[population] + m: -1}, 0, 0)
        totals.setdefault(population, var(total_row, 0))
    # A merged table's group adds up that group in each of its cities' tables (none where a city
    # does not list it).
    for (name, table, population, cities), (labels, base) in zip(tables, rows_of):
        header = next(iter(table["total"]))
        city_tables = [(l, b) for (_, t, p, _), (l, b) in zip(tables, rows_of)
                       if cities and p in cities and next(iter(t["total"])) == header]
        if not cities or len(city_tables) < len(cities):
            continue
        for group, r in labels.items():
            for m in range(measures):
                form = {base + r * measures + m: -1}
                for city_labels, city_base in city_tables:
                    if group in city_labels:
                        form[city_base + city_labels[group] * measures + m] = 1
                system.add(form, 0, 0)
    # A period's row is the sum of the same group's rows in the periods that tile it, cut alike.
    for outer, tiles in ties:
        for (name, table, population, _), (labels, base) in zip(tables, rows_of):
            if population != outer:
                continue
            header = next(iter(table["total"]))
            for tiling in tiles:
                parts = []
                for inner in tiling:
                    match = [(l, b) for (_, t, p, _), (l, b) in zip(tables, rows_of)
                             if p == inner and next(iter(t["total"])) == header]
                    if not match:
                        break
                    parts.append(match[0])
                else:
                    for group in set(labels) | {g for l, _ in parts for g in l}:
                        for m in range(measures):
                            form = {base + labels[group] * measures + m: -1} if group in labels else {}
                            for part_labels, part_base in parts:
                                if group in part_labels:
                                    v = part_base + part_labels[group] * measures + m
                                    form[v] = form.get(v, 0) + 1
                            system.add(form, 0, 0)
    # A coarser cut's row is the sum of the finer cut's rows it names (a region's nationalities).
    for (name, table, population, _), (labels, base) in zip(tables, rows_of):
        for coarse, parts in table["layout"].get("row_parts", {}).items():
            for (_, _, other, _), (fine_labels, fine_base) in zip(tables, rows_of):
                if other == population and fine_base != base and all(p in fine_labels for p in parts):
                    for m in range(measures):
                        form = {fine_base + fine_labels[p] * measures + m: 1 for p in parts}
                        form[base + labels[coarse] * measures + m] = -1
                        system.add(form, 0, 0)
    found = []
    for name, group, column, forms in targets:
        pinned = []
        for form in forms:
            extremes = system.extremes(form)
            if extremes is None or abs(extremes[0] - extremes[1]) > 1e-6:
                break
            pinned.append(round(extremes[0]))
        else:
            # A share of nothing is empty, not withheld: there is nothing to recompute.
            if not (len(pinned) == 2 and pinned[1] == 0):
                found.append({"table": name, "group": group, "column": column, "value": pinned})
    return len(targets), found


def period(table):
    """(first, last) day of the period a table counts, from its title or the Alliance file's days."""
    if "first_day" in table:
        return table["first_day"], table["last_day"]
    found = re.search(r"(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})$", table.get("title", ""))
    return (found.group(1), found.group(2)) if found else None


def period_ties(tables, spans):
    """For each population of a period, every way the shorter periods given tile it, each tiling
    as the populations (one per tile) of the same city."""
    def day(text):
        return datetime.date.fromisoformat(text)
    populations = {p for _, _, p, _ in tables}
    ties = []
    for outer in populations:
        city, tag = outer.split("@", 1)
        first, last = (day(d) for d in spans["@" + tag])
        inner = [(day(spans["@" + p.split("@", 1)[1]][0]), day(spans["@" + p.split("@", 1)[1]][1]), p)
                 for p in populations if p != outer and p.split("@", 1)[0] == city]
        inner = [(a, b, p) for a, b, p in inner if first <= a and b <= last and (a, b) != (first, last)]
        tilings = []

        def extend(start, chosen):
            if start == last + datetime.timedelta(days=1):
                tilings.append(list(chosen))
                return
            for a, b, p in inner:
                if a == start:
                    extend(b + datetime.timedelta(days=1), chosen + [p])
        extend(first, [])
        if tilings:
            ties.append((outer, tilings))
    return ties


def main(argv):
    as_json = "--json" in argv
    paths = [a for a in argv if a != "--json"]
    if not paths or any(p in ("-h", "--help") for p in paths):
        print(__doc__.strip())
        return 0 if paths else 2
    found = list(report_tables(paths))
    # Reports are the city's own; with one city's Alliance file beside them, they are its people.
    codes = {population for _, _, population, cities in found if population != "city" and not cities}
    if len(codes) == 1:
        code = codes.pop()
        found = [(n, t, code if p == "city" else p, c) for n, t, p, c in found]
    # The same people: the same counts behind the columns and the same published total (the
    # register-state cut counts everyone who ever lived here; a period's last day is not today).
    groups = {}
    for item in found:
        table = item[1]
        total = tuple((k, v) for k, v in table["total"].items())[1:]
        groups.setdefault((tuple(table["layout"]["measures"]), total), []).append(item)
    # Tables of periods nested in each other are attacked together, each period its own people.
    spans_of = {key: period(tables[0][1]) for key, tables in groups.items()}
    families = {}
    for key, tables in groups.items():
        related = {spans_of[k] for k in groups if k[0] == key[0] and spans_of[k] is not None}
        if spans_of[key] is None or len(related) < 2:
            families[key] = (tables, {})
            continue
        tag = "@{}..{}".format(*spans_of[key])
        merged, spans = families.setdefault(key[0], ([], {}))
        merged.extend((n, t, p + tag, c) for n, t, p, c in tables)
        spans[tag] = spans_of[key]
    withheld, recomputed = 0, []
    for tables, spans in families.values():
        try:
            n, found = attack(tables, period_ties(tables, spans) if spans else ())
        except Infeasible:
            print("The figures of " + ", ".join(t[0] for t in tables) + " contradict each other; not the same people?",
                  file=sys.stderr)
            return 2
        withheld += n
        recomputed += found
    if as_json:
        print(json.dumps({"tables": sum(len(t) for t in groups.values()), "withheld": withheld, "recomputed": recomputed}))
    else:
        for f in recomputed:
            print(f"RECOMPUTED {f['table']}: {f['group']} / {f['column']} = {f['value']}")
        print(f"{sum(len(t) for t in groups.values())} tables, {withheld} withheld cells, {len(recomputed)} recomputed")
    return 1 if recomputed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
