"""Residents' names by nationality, drawn from the tables in `names/` (Faker's, see README.md)
and the real English name readings of `Tests/Fixtures/identity/name-pairs.tsv`.

A name is a list of `Part`s in the register's order (family name first). Each part knows its
role and the language that reads it, and may carry a real katakana reading.
"""
import os
from dataclasses import dataclass

import korean
from spelling import card_spelling

HERE = os.path.dirname(os.path.abspath(__file__))
PARTICLES = {"DA", "DE", "DO", "DOS", "DAS", "DEL", "LA", "LOS", "LAS", "DELA", "DI", "VAN", "VON", "DER", "Y"}


@dataclass
class Part:
    text: str          # as the table spells it (diacritics, hangul)
    latin: str         # as the card prints it
    role: str          # family, given, middle, particle
    language: str      # pt es en vi zh ko id de fr it pl
    kana: str = None   # a real katakana reading, when one is known
    sound: str = None  # a sound string fixed by the table (Korean)


def _table(name):
    rows = []
    with open(os.path.join(HERE, "names", name + ".tsv"), encoding="utf-8") as f:
        for line in f:
            text, weight = line.rstrip("\n").split("\t")
            rows.append((text, float(weight)))
    return rows


class Tables:
    def __init__(self, pairs_path):
        self.t = {}
        for file in os.listdir(os.path.join(HERE, "names")):
            if file.endswith(".tsv"):
                self.t[file[:-4]] = _table(file[:-4])
        self.pairs = {}
        with open(pairs_path, encoding="utf-8") as f:
            next(f)
            for line in f:
                latin, kana, given, family = line.rstrip("\n").split("\t")
                self.pairs[latin] = (kana, given == "1", family == "1")
        self.cum = {}

    def pick(self, rng, table):
        rows = self.t[table]
        if table not in self.cum:
            total, cum = 0.0, []
            for _, w in rows:
                total += w
                cum.append(total)
            self.cum[table] = (cum, total)
        cum, total = self.cum[table]
        x = rng.random() * total
        lo, hi = 0, len(cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if cum[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        return rows[lo][0]


def _words(text, role, language, tables=None):
    parts = []
    for word in text.replace("-", " - ").split():
        if word == "-":
            continue
        latin = card_spelling(word, language)
        if not latin:
            continue
        is_particle = latin in PARTICLES and role == "family"
        kana = None
        if tables is not None and language == "en" and latin in tables.pairs:
            kana = tables.pairs[latin][0]
        parts.append(Part(word, latin, "particle" if is_particle else role, language, kana))
    return parts


def _given(rng, tables, locale, sex, count, language):
    names = []
    while len(names) < count:
        table = f"{locale}.{'male' if sex == 1 else 'female'}"
        name = tables.pick(rng, table)
        if name not in names:
            names.append(name)
    out = []
    for n in names:
        out += _words(n, "given", language, tables)
    return out


def brazilian(rng, tables, sex, family=None):
    if family is None:
        family = []
        for _ in range(1 if rng.random() < 0.45 else 2):
            family += _words(tables.pick(rng, "pt_BR.family"), "family", "pt")
    return family, _given(rng, tables, "pt_BR", sex, 1 if rng.random() < 0.5 else 2, "pt")


def hispanic(rng, tables, sex, family=None):
    locale = "es_CO" if rng.random() < 0.6 else "es_MX"
    if family is None:
        family = _words(tables.pick(rng, f"{locale}.family"), "family", "es")
        family += _words(tables.pick(rng, f"{locale}.family"), "family", "es")
    return family, _given(rng, tables, locale, sex, 1 if rng.random() < 0.4 else 2, "es")


def filipino(rng, tables, sex, family=None):
    """Spanish family names, English or Spanish given names, the mother's family name as the
    middle name (written last on the card)."""
    if family is None:
        family = _words(tables.pick(rng, "es_MX.family"), "family", "es")
    english = rng.random() < 0.6
    given = _given(rng, tables, "en_US" if english else "es_MX", sex, 1 if rng.random() < 0.5 else 2,
                   "en" if english else "es")
    for part in given:
        part.language = "en" if english else "es"
    middle = _words(tables.pick(rng, "es_MX.family"), "middle", "es")
    return family, given + middle


def vietnamese(rng, tables, sex, family=None):
    if family is None:
        family = _words(tables.pick(rng, "vi_VN.family"), "family", "vi")
    middle = "Thị" if sex == 2 and rng.random() < 0.7 else "Văn" if sex == 1 and rng.random() < 0.6 else \
        tables.pick(rng, "vi_VN.middle")
    table = "vi_VN.unisex" if rng.random() < 0.3 else f"vi_VN.{'male' if sex == 1 else 'female'}"
    given = _words(tables.pick(rng, table), "given", "vi")
    return family, _words(middle, "middle", "vi") + given


def chinese(rng, tables, sex, family=None):
    if family is None:
        family = _words(tables.pick(rng, "zh_CN.family"), "family", "zh")
    given = tables.pick(rng, "zh_CN.given")
    part = Part(given, given.upper(), "given", "zh")
    return family, [part]


def korean_name(rng, tables, sex, family=None):
    if family is None:
        hangul = tables.pick(rng, "ko_KR.family")
        spellings = korean.PASSPORT.get(hangul, [korean.latin(hangul)])
        latin = spellings[0] if rng.random() < 0.7 else rng.choice(spellings)
        family = [Part(hangul, latin, "family", "ko", sound=korean.sound(hangul, family=True))]
    hangul = tables.pick(rng, f"ko_KR.{'male' if sex == 1 else 'female'}")
    syllables = korean.syllables_latin(hangul)
    style = rng.random()
    given = []
    if style < 0.6 or len(syllables) < 2:
        given.append(Part(hangul, "".join(syllables), "given", "ko", sound=korean.sound(hangul)))
    elif style < 0.8:
        given.append(Part(hangul, "-".join(syllables), "given", "ko", sound=korean.sound(hangul)))
    else:
        for ch, syl in zip(hangul, syllables):
            given.append(Part(ch, syl, "given", "ko", sound=korean.sound(ch)))
    return family, given


def indonesian(rng, tables, sex, family=None):
    given = _given(rng, tables, "id_ID", sex, 1, "id")
    if family is None:
        if rng.random() < 0.25:
            return [], given  # a single name, as many Indonesians have
        family = _words(tables.pick(rng, "id_ID.family"), "family", "id")
    return family, given


def american(rng, tables, sex, family=None):
    def known(table):
        for _ in range(20):
            name = tables.pick(rng, table)
            if card_spelling(name, "en") in tables.pairs:
                return name
        return name
    if family is None:
        family = _words(known("en_US.family"), "family", "en", tables)
    given = _words(known(f"en_US.{'male' if sex == 1 else 'female'}"), "given", "en", tables)
    if rng.random() < 0.4:
        given += _words(known(f"en_US.{'male' if sex == 1 else 'female'}"), "middle", "en", tables)
    return family, given


def european(locale, language):
    def make(rng, tables, sex, family=None):
        if family is None:
            family = _words(tables.pick(rng, f"{locale}.family"), "family", language)
        return family, _given(rng, tables, locale, sex, 1 if rng.random() < 0.75 else 2, language)
    return make


# nationality, share of residents, name maker, share of spouses who keep their own family name
NATIONALITIES = [
    ("BR", 28, brazilian, 0.3), ("PH", 15, filipino, 0.2), ("VN", 16, vietnamese, 1.0), ("CN", 11, chinese, 1.0),
    ("PE", 7, hispanic, 1.0), ("KR", 6, korean_name, 1.0), ("ID", 6, indonesian, 0.5), ("US", 5, american, 0.3),
    ("DE", 1.5, european("de_DE", "de"), 0.3), ("FR", 1, european("fr_FR", "fr"), 0.3),
    ("IT", 1, european("it_IT", "it"), 0.3), ("PL", 1, european("pl_PL", "pl"), 0.3), ("BO", 1.5, hispanic, 1.0),
]
