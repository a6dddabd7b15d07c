#!/usr/bin/env python3
"""Scores a `kyosei import insurance --match-report` against the independent city's truth.

    score.py WORK SECONDS PEAK_KB [SHOW]

WORK holds the city (`generate.py`), `match.csv` and `outcome.json`. Prints precision of the
automatic matches, recall of the roster rows that are residents, the share sent to review,
rows/s and peak memory; then recall by partner style and the rows by kind; with SHOW > 0 that
many wrong matches and missed residents, beside the register's name, to see why.
"""
import collections
import csv
import glob
import json
import sys


def find_counts(value):
    """The object of the import's JSON outcome that holds the roster counts."""
    if isinstance(value, dict):
        if "matched" in value:
            return value
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            found = find_counts(item)
            if found:
                return found
    return {}


def main():
    work, seconds, peak_kb = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    show = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    truth = {r["member_number"]: r for r in csv.DictReader(open(f"{work}/truth.csv", encoding="utf-8"))}
    report = list(csv.DictReader(open(f"{work}/match.csv", encoding="utf-8-sig")))
    roster = {r["member_number"]: r for r in csv.DictReader(open(glob.glob(f"{work}/INS-*.csv")[0], encoding="utf-8"))}
    names = {}
    if show:
        for r in csv.DictReader(open(glob.glob(f"{work}/REG-*.csv")[0], encoding="utf-8")):
            names[r["person_id"]] = (r["name_latin"], r["name_kana"])
    tp = fp = review = residents = 0
    by_style = collections.defaultdict(lambda: [0, 0])
    by_kind = collections.defaultdict(lambda: collections.Counter())
    wrong, missed = [], []
    for r in report:
        member = r["member_number"].lstrip("'")
        t = truth[member]
        person, outcome = t["person_id"], r["outcome"]
        by_kind[t["kind"]][outcome] += 1
        if outcome == "REVIEW":
            review += 1
        if person:
            residents += 1
            hit = outcome == "MATCHED" and r["person_id"] == person
            for style in t["styles"].split() + [t["nationality"]]:
                by_style[style][0] += 1
                by_style[style][1] += hit
            if not hit:
                missed.append((member, outcome, r["person_id"]))
        if outcome == "MATCHED":
            if r["person_id"] == person:
                tp += 1
            else:
                fp += 1
                wrong.append((member, outcome, r["person_id"]))
    outcome = find_counts(json.load(open(f"{work}/outcome.json")))
    rows = len(report)
    print(f"  import: {rows:,} roster rows in {seconds:.1f} s = {rows / max(seconds, 0.001):,.0f} rows/s, "
          f"peak {peak_kb // 1024} MB; {outcome.get('matched', '?'):,} matched, {outcome.get('review', '?'):,} to review")
    print(f"  precision {tp / max(1, tp + fp):.4f}   recall {tp / max(1, residents):.4f}   "
          f"review share {review / max(1, rows):.4f}   ({residents:,} resident rows, {fp} wrong matches)")
    print("  recall by style: " + ", ".join(
        f"{s} {h / n:.3f} ({n})" for s, (n, h) in sorted(by_style.items(), key=lambda x: -x[1][0])))
    print("  rows by kind: " + "; ".join(
        f"{k}: " + " ".join(f"{o} {c}" for o, c in sorted(v.items())) for k, v in sorted(by_kind.items())))
    for label, rows_ in (("WRONG", wrong), ("MISSED", missed)):
        for member, outcome_, got in rows_[:show]:
            t, r = truth[member], roster[member]
            print(f"  {label} {t['kind']} {t['nationality']} {r['name_kana']} {r['birth_date']} card={bool(r['residence_card_number'])}"
                  f" -> {outcome_} {names.get(got, ('', ''))[0]} | truth {names.get(t['person_id'], ('-', ''))} [{t['styles']}]")


if __name__ == "__main__":
    main()
