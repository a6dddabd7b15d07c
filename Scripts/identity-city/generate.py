#!/usr/bin/env python3
"""The independent city: a register snapshot and a partner's insurance roster, with the truth.

Written apart from the product (it imports nothing of Kyosei's and uses no table of
`KyoseiSampleData`), so that the matcher is measured on names and spellings it was not built
from. Standard library only.

    python3 Scripts/identity-city/generate.py --residents 3000 --out DIR [--seed 17]

writes into DIR:
- `REG-221309-000001.csv` and `.manifest.json`: every resident (formats.md §1, snapshot);
- `INS-EHI-PARTNER-2026-11-01.csv`: the roster (formats.md §2): about 55% of the residents as
  a partner writes them (see `partner.py`), people who are not residents (strangers, and
  namesakes who share a resident's family name, birth date and sex), twins;
- `truth.csv`: member_number, person_id (empty for a non-resident), kind, nationality, styles.
"""
import argparse
import csv
import datetime
import hashlib
import json
import os
import random

from names import NATIONALITIES, Tables
from kana import katakana
from partner import render
from spelling import by_sound

MUNICIPALITY = "221309"
AS_OF = datetime.date(2026, 11, 1)
HERE = os.path.dirname(os.path.abspath(__file__))
PAIRS = os.path.join(HERE, "..", "..", "Tests", "Fixtures", "identity", "name-pairs.tsv")

STATUSES = [("PERMANENT", 30), ("LONG_TERM", 14), ("SPOUSE_JAPANESE", 7), ("SPOUSE_PERMANENT", 4), ("DEPENDENT", 10),
            ("TITP_1", 7), ("TITP_2", 6), ("SSW_1", 6), ("ENGINEER_HUMANITIES", 9), ("STUDENT", 5),
            ("DESIGNATED", 2)]
HEADER_REGISTER = ["person_id", "municipality_code", "resident_category", "residence_card_number", "name_latin",
                   "name_kanji", "common_name", "name_kana", "birth_date", "sex", "nationality",
                   "status_of_residence", "period_of_stay", "stay_expiry_date", "household_id", "relationship",
                   "postal_code", "address", "district_code", "resident_since"]
HEADER_ROSTER = ["scheme", "insurer_number", "member_number", "member_type", "name_kana", "birth_date", "sex",
                 "residence_card_number", "enrolled_from", "enrolled_until", "agreement_exempt"]
# By letter: a clerk who reads the card's letters as romaji. Rarer for names whose bearers
# gave the insurer their own katakana, as Vietnamese, Chinese and Korean residents mostly do.
STYLE_RATES = {"letter": {"": 0.3, "VN": 0.1, "CN": 0.1, "KR": 0.1, "US": 0.15}, "typo": 0.03, "half": 0.15}


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for value, w in pairs:
        x -= w
        if x <= 0:
            return value
    return pairs[-1][0]


def day(rng, first_year, last_year):
    start = datetime.date(first_year, 1, 1).toordinal()
    end = min(datetime.date(last_year, 12, 31), AS_OF).toordinal()
    return datetime.date.fromordinal(rng.randint(start, end))


def card(rng):
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return (rng.choice(letters) + rng.choice(letters) + "%08d" % rng.randrange(10 ** 8)
            + rng.choice(letters) + rng.choice(letters))


class City:
    def __init__(self, residents, seed):
        self.rng = random.Random(seed)
        self.tables = Tables(PAIRS)
        self.people = []
        self.cards = set()
        person = 10_000_000_000 + self.rng.randrange(10 ** 9)
        household = 1_000_000_000 + self.rng.randrange(10 ** 8)
        while len(self.people) < residents:
            household += 1
            for member in self.household(household):
                person += 1 + self.rng.randrange(3)
                member["person_id"] = str(person)
                self.people.append(member)
        del self.people[residents:]

    def new_card(self):
        while True:
            c = card(self.rng)
            if c not in self.cards:
                self.cards.add(c)
                return c

    def household(self, household_id):
        rng = self.rng
        nationality, _, maker, keeps_own = weighted(rng, [(n, n[1]) for n in NATIONALITIES])
        head_sex = 1 if rng.random() < 0.6 else 2
        head_family, head_given = maker(rng, self.tables, head_sex)
        address = f"静岡県浜松市中央区{rng.choice(['元城町', '高林', '佐鳴台', '可美', '篠原'])}{rng.randint(1, 9)}-{rng.randint(1, 40)}-{rng.randint(1, 20)}"
        base = {"household_id": str(household_id), "nationality": nationality, "address": address,
                "postal_code": f"43{rng.randint(0, 4)}-{rng.randint(0, 9999):04d}", "district": f"D{rng.randint(1, 12):02d}"}
        members = [dict(base, family=head_family, given=head_given, sex=head_sex, relationship="HEAD",
                        birth=day(rng, 1950, 2004))]
        shape = rng.random()
        if shape < 0.45:
            return members
        spouse_sex = 3 - head_sex
        if rng.random() < keeps_own:
            spouse_family, spouse_given = maker(rng, self.tables, spouse_sex)
        else:
            spouse_family, spouse_given = maker(rng, self.tables, spouse_sex, family=list(head_family))
        head_birth = members[0]["birth"]
        members.append(dict(base, family=spouse_family, given=spouse_given, sex=spouse_sex, relationship="SPOUSE",
                            birth=day(rng, max(1950, head_birth.year - 6), min(2004, head_birth.year + 6))))
        father = members[0] if head_sex == 1 else members[1]
        children = 0 if shape < 0.6 else rng.choice([1, 1, 2, 2, 3])
        first_child = max(head_birth.year + 20, 2000)
        twins = rng.random() < 0.03
        for n in range(children):
            sex = 1 if rng.random() < 0.5 else 2
            family = list(father["family"])
            if nationality in ("PE", "BO") and len(father["family"]) > 1:
                mother = members[1] if head_sex == 1 else members[0]
                family = [p for p in father["family"][:1]] + [p for p in mother["family"][:1]]
            _, given = NATIONALITIES[[x[0] for x in NATIONALITIES].index(nationality)][2](rng, self.tables, sex,
                                                                                         family=family)
            birth = day(rng, min(first_child, 2025), 2026)
            members.append(dict(base, family=family, given=given, sex=sex, relationship="CHILD", birth=birth))
            if twins and n == 0:
                sex2 = 1 if rng.random() < 0.5 else 2
                _, given2 = NATIONALITIES[[x[0] for x in NATIONALITIES].index(nationality)][2](
                    rng, self.tables, sex2, family=family)
                members.append(dict(base, family=family, given=given2, sex=sex2, relationship="CHILD", birth=birth,
                                    twin=True))
        return members

    @staticmethod
    def parts(member):
        return member["family"] + member["given"]

    def latin(self, member):
        return " ".join(p.latin for p in self.parts(member))

    def register_kana(self, member):
        habits = {"v_row": False, "long": True, "final_m": "ム"}
        words = []
        for p in self.parts(member):
            if p.sound is not None:
                words.append(katakana(p.sound, habits))
            elif p.kana:
                words.append(p.kana)
            else:
                words.append(katakana(by_sound(p.text, p.language, habits), habits))
        return " ".join(words)

    def write_register(self, out):
        rng = self.rng
        path = os.path.join(out, f"REG-{MUNICIPALITY}-000001.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(HEADER_REGISTER)
            for m in self.people:
                category = "SPECIAL_PERMANENT" if m["nationality"] == "KR" and m["birth"].year < 1975 \
                    and rng.random() < 0.5 else "MID_LONG_TERM"
                m["card"] = self.new_card()
                status = period = expiry = ""
                if category == "MID_LONG_TERM":
                    status = weighted(rng, STATUSES)
                    if status == "PERMANENT":
                        period = "INDEFINITE"
                    else:
                        period = rng.choice(["P1Y", "P3Y", "P5Y"])
                        expiry = (AS_OF + datetime.timedelta(days=rng.randint(20, 1500))).isoformat()
                since = datetime.date.fromordinal(rng.randint(max(m["birth"], datetime.date(1990, 1, 1)).toordinal(),
                                                              AS_OF.toordinal()))
                m["since"] = since
                kana = self.register_kana(m) if rng.random() < 0.2 else ""
                w.writerow([m["person_id"], MUNICIPALITY, category, m["card"], self.latin(m), "", "", kana,
                            m["birth"].isoformat(), m["sex"], m["nationality"], status, period, expiry,
                            m["household_id"], m["relationship"], m["postal_code"], m["address"], m["district"],
                            since.isoformat()])
        data = open(path, "rb").read()
        manifest = {"as_of": f"{AS_OF.isoformat()}T03:00:00+09:00", "kind": "snapshot",
                    "municipality_code": MUNICIPALITY, "row_count": len(self.people),
                    "sequence": 1, "sha256": hashlib.sha256(data).hexdigest()}
        with open(path[:-4] + ".manifest.json", "w") as f:
            json.dump(manifest, f, indent=2, sort_keys=True)
        return path

    def stranger(self):
        """Someone who is not a resident: a name and birth date of their own."""
        rng = self.rng
        nationality, _, maker, _ = weighted(self.rng, [(n, n[1]) for n in NATIONALITIES])
        sex = 1 if rng.random() < 0.5 else 2
        family, given = maker(rng, self.tables, sex)
        return {"family": family, "given": given, "sex": sex, "birth": day(rng, 1950, 2026),
                "nationality": nationality}

    def namesake(self, resident):
        """Not a resident, but shares a resident's family name, birth date and sex (a relative
        who lives elsewhere, or a stranger with a common name): a hard negative."""
        rng = self.rng
        maker = NATIONALITIES[[x[0] for x in NATIONALITIES].index(resident["nationality"])][2]
        for _ in range(10):
            _, given = maker(rng, self.tables, resident["sex"], family=list(resident["family"]))
            if [p.latin for p in given] != [p.latin for p in resident["given"]]:
                break
        return {"family": resident["family"], "given": given, "sex": resident["sex"], "birth": resident["birth"],
                "nationality": resident["nationality"]}

    def write_roster(self, out, share=0.55, strangers=0.07, namesakes=0.03):
        rng = self.rng
        path = os.path.join(out, f"INS-EHI-PARTNER-{AS_OF.isoformat()}.csv")
        number = 0
        with open(path, "w", encoding="utf-8", newline="") as f, \
                open(os.path.join(out, "truth.csv"), "w", encoding="utf-8", newline="") as t:
            w = csv.writer(f, lineterminator="\n")
            tw = csv.writer(t, lineterminator="\n")
            w.writerow(HEADER_ROSTER)
            tw.writerow(["member_number", "person_id", "kind", "nationality", "styles"])

            def row(person, kind, person_id, card_number, birth):
                nonlocal number
                number += 1
                member = f"M{number:09d}"
                kana, styles = render(self.parts(person), person["nationality"], rng, STYLE_RATES)
                since = person.get("since") or max(person["birth"], datetime.date(2015, 4, 1))
                w.writerow(["EHI", "06130017", member, "DEPENDENT" if number % 4 == 0 else "INSURED", kana,
                            birth.isoformat(), person["sex"], card_number, since.isoformat(), "", ""])
                tw.writerow([member, person_id, kind, person["nationality"], " ".join(styles)])

            for m in self.people:
                if rng.random() < share:
                    birth, kind, card_number = m["birth"], "resident", ""
                    draw = rng.random()
                    if draw < 0.35:
                        card_number, kind = m["card"], "resident-card"
                    elif draw < 0.365:
                        card_number, kind = self.new_card(), "resident-wrong-card"
                    draw = rng.random()
                    if draw < 0.01:
                        birth = birth.replace(day=max(1, min(28, birth.day + rng.choice([-2, -1, 1, 2]))))
                        kind += "-wrong-day"
                    elif draw < 0.015 and birth.day <= 12 and birth.day != birth.month:
                        birth = birth.replace(month=birth.day, day=birth.month)
                        kind += "-swapped-date"
                    row(m, kind, m["person_id"], card_number, birth)
                draw = rng.random()
                if draw < strangers:
                    s = self.stranger()
                    row(s, "stranger", "", self.new_card() if rng.random() < 0.3 else "", s["birth"])
                elif draw < strangers + namesakes:
                    s = self.namesake(m)
                    row(s, "namesake", "", self.new_card() if rng.random() < 0.3 else "", s["birth"])
        return path, number


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--residents", type=int, default=3000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    city = City(args.residents, args.seed)
    register = city.write_register(args.out)
    roster, rows = city.write_roster(args.out)
    print(f"{register}: {len(city.people)} residents; {roster}: {rows} rows")


if __name__ == "__main__":
    main()
