"""How a Japanese clerk hears a foreign name: Latin spellings to sound strings (see `kana.py`).

Two readings per name, as partner systems really write them:
- `by_sound(word, language)`: the name as its own language pronounces it (Portuguese RODRIGO
  -> hodorigo, Spanish JUAN -> huaN, Vietnamese NGUYEN -> gueN, pinyin QIANG -> chiaN);
- `by_letter(word)`: the letters read as if they were Japanese romaji (RODRIGO -> rodorigo,
  JUAN -> juaN), what a clerk writes from the card without knowing the language.

These rules were written for the independent city only, from general descriptions of each
language's spelling; they share no code or table with the product's matcher.
"""
import re
import unicodedata


def fold(text):
    """Upper-case ASCII: diacritics stripped, as a residence card prints the name."""
    text = text.replace("Đ", "D").replace("đ", "d").replace("ß", "SS").replace("Ł", "L").replace("ł", "l")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).upper()


def card_spelling(text, language):
    """The name as a residence card prints it: ICAO transliteration for German umlauts, else
    diacritics stripped."""
    if language == "de":
        for a, b in (("Ä", "AE"), ("Ö", "OE"), ("Ü", "UE"), ("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
            text = text.replace(a, b)
    return re.sub(r"[^A-Z' -]", "", fold(text))


def strip(text):
    """Diacritics stripped, case kept (upper-case letters are placeholders in the rules)."""
    text = text.replace("Đ", "D").replace("đ", "d").replace("ł", "w")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


# Placeholders the rules write so later rules leave a sound alone, and what each becomes.
PLACEHOLDERS = {"S": "sh", "C": "ch", "G": "g", "K": "k", "X": "h", "Z": "s", "E": "e", "J": "j", "Y": "y",
                "V": "v", "D": "d", "T": "t"}


def _apply(word, rules):
    for pattern, replacement in rules:
        word = re.sub(pattern, replacement, word)
    return word


def _read(word, rules, after=()):
    """`rules` on the lower-case word with its diacritics, then `after` on it stripped, then the
    placeholders resolved."""
    text = _apply(strip(_apply(word.lower(), rules)), after)
    return "".join(PLACEHOLDERS.get(c, c) for c in text)


C = "[bcdfghjklmnpqrstvwxyz]"
V = "[aeiou]"

BY_LETTER = [
    (r"ph", "f"), (r"th", "t"), (r"ck", "k"), (r"sch", "S"), (r"c(?=[eiy])", "Z"), (r"ch(?=ae|[rl])", "k"),
    (r"ch", "C"),
    (r"c", "k"), (r"qu", "k"), (r"q", "k"), (r"x", "ks"), (r"y(?=" + V + ")", "y"), (r"y", "i"),
    (r"([bdfgkmprstvz])\1", r"Q\1"), (r"nn", "Nn"), (r"mm", "Nm"), (r"ll", "l"),
    (r"n(?!" + V + "|y)", "N"), (r"h$", ""),
]

PORTUGUESE = [
    (r"ph", "f"), (r"th", "t"), (r"y", "i"), (r"ss", "Z"), (r"([bcdfgklmnptvz])\1", r"\1"), (r"ção", "ZaN"), (r"ão", "aN"), (r"ãe", "aiN"), (r"õe", "oiN"), (r"ç", "Z"), (r"é$", "E"), (r"ê$", "E"),
    (r"^h", ""), (r"ch", "S"), (r"nh", "ny"), (r"lh", "ry"), (r"rr", "h"), (r"^r", "h"), (r"(?<=[nls])r", "h"),
    (r"qu(?=[eiéê])", "K"), (r"gu(?=[eiéê])", "G"), (r"qu", "kw"), (r"c(?=[eiéê])", "Z"), (r"c", "k"),
    (r"g(?=[eiéêí])", "J"), (r"x", "S"),
]
PORTUGUESE_AFTER_FOLD = [
    (r"te$", "Ci"), (r"de$", "Ji"), (r"e$", "i"), (r"ti", "Ci"), (r"di", "Ji"),
    (r"(?<=" + V + ")s(?=" + V + ")", "z"), (r"w", "u"), (r"y", "i"), (r"m$", "N"),
    (r"n(?!" + V + "|y)", "N"), (r"m(?=[bp])", "N"), (r"h$", ""),
]

SPANISH = [
    (r"ph", "f"), (r"th", "t"), (r"([bdfgkmnpstvz])\1", r"\1"), (r"ñ", "ny"), (r"ll", "Y"), (r"ch(?=ae|[rl])", "k"), (r"ch", "C"), (r"h", ""), (r"gu(?=[eiéí])", "G"), (r"gü", "gw"),
    (r"j", "X"), (r"g(?=[eiéí])", "X"), (r"qu(?=[eiéí])", "k"), (r"c(?=[eiyéí])", "s"), (r"c", "k"), (r"z", "s"),
    (r"^x", "X"), (r"x", "ks"), (r"v", "b"), (r"rr", "r"),
]
SPANISH_AFTER_FOLD = [(r"y$", "i"), (r"y(?=" + C + ")", "i"), (r"n(?!" + V + "|y)", "N"), (r"d$", "do")]

GERMAN = [
    (r"th", "t"), (r"nn$", "N"), (r"jü", "Yu"), (r"j", "Y"), (r"ä", "e"), (r"ö", "e"), (r"ü", "Yu"), (r"ß", "s"), (r"tsch", "C"), (r"sch", "S"),
    (r"^st", "St"), (r"^sp", "Sp"), (r"ei", "ai"), (r"äu", "oi"), (r"eu", "oi"), (r"ie", "i:"),
    (r"([aou])ch", r"\1QX\1"), (r"([ei])ch", r"\1Xi"), (r"ch", "k"), (r"w", "V"), (r"v", "f"),
    (r"tz", "ts"), (r"z", "ts"), (r"ck", "Qk"), (r"qu", "kv"), (r"(?<=" + V + ")s(?=" + V + ")", "z"),
    (r"er$", "a:"), (r"dt$", "t"), (r"h(?=" + C + "|$)", ":"), (r"([bdfgkmprt])\1", r"Q\1"), (r"ll", "l"),
    (r"ss", "s"),
    (r"nn", "Nn"), (r"mm", "Nm"), (r"n(?!" + V + "|y)", "N"), (r"y$", "i"),
]

FRENCH = [
    (r"[stdxzp]$", ""), (r"ean", "aN"), (r"eau", "o"), (r"au", "o"), (r"ou", "U"), (r"oi", "wa"), (r"ai", "e"), (r"ei", "e"), (r"eu", "U"),
    (r"ch", "sh"), (r"ph", "f"), (r"gn", "ny"), (r"qu", "k"), (r"g(?=[eiyé])", "j"), (r"ç", "s"),
    (r"c(?=[eiyé])", "s"), (r"c", "k"), (r"th", "t"), (r"h", ""), (r"ill", "iy"), (r"ll", "l"),
    (r"(an|en|am|em)(?!" + "[aeiouéU]" + "|n|m)", "aN"), (r"(on|om)(?![aeiouéU]|n|m)", "oN"),
    (r"(in|ain|ein)(?![aeiouéU]|n)", "aN"), (r"(?<=.)e$", ""), (r"er$", "e"), (r"ez$", "e"),
    (r"é", "e"), (r"è", "e"), (r"u", "yu"), (r"U", "u"), (r"(?<=[aeiou])s(?=[aeiou])", "z"),
    (r"([bdfgkmprt])\1", r"\1"), (r"ss", "s"), (r"nn", "n"), (r"y(?=" + C + ")", "i"),
]

ITALIAN = [
    (r"ch", "k"), (r"gh", "g"), (r"gli", "ri"), (r"gn", "ny"), (r"sci(?=[aou])", "sh"), (r"sc(?=[ei])", "sh"),
    (r"ci(?=[aou])", "ch"), (r"gi(?=[aou])", "j"), (r"cc(?=[ei])", "Qch"), (r"c(?=[ei])", "ch"),
    (r"gg(?=[ei])", "Qj"), (r"g(?=[ei])", "j"), (r"zz", "Qts"), (r"z", "ts"), (r"h", ""), (r"qu", "kw"),
    (r"cc", "Qk"), (r"c", "k"), (r"([bdfgkmprstv])\1", r"Q\1"), (r"ll", "Ql"), (r"nn", "Nn"), (r"mm", "Nm"),
    (r"n(?!" + V + ")", "N"),
]

POLISH = [
    (r"szcz", "shch"), (r"sz", "sh"), (r"cz", "ch"), (r"rz", "j"), (r"ż", "j"), (r"ź", "j"), (r"ś", "sh"),
    (r"ć", "ch"), (r"ń", "ny"), (r"ł", "w"), (r"ó", "u"), (r"ą", "oN"), (r"ę", "eN"), (r"ch", "h"),
    (r"si(?=[aeou])", "sh"), (r"ci(?=[aeou])", "ch"), (r"zi(?=[aeou])", "j"), (r"ni(?=[aeou])", "ny"),
    (r"dz", "z"), (r"w", "v"), (r"j", "y"), (r"c(?!h)", "ts"), (r"y(?=" + C + "|$)", "i"), (r"sh(?=[kp])", "su"),
    (r"n(?!" + V + "|y)", "N"),
]

INDONESIAN = [
    (r"oe", "u"), (r"dj", "j"), (r"tj", "ch"), (r"sj", "sh"), (r"sy", "sh"), (r"kh", "h"), (r"c", "ch"),
    (r"ng$", "N"), (r"ng(?=" + C + ")", "N"), (r"n(?!" + V + "|y|g)", "N"), (r"h$", ""), (r"k$", "Qku"),
    (r"([bdgkmprst])\1", r"Q\1"), (r"y(?=" + C + "|$)", "i"), (r"q", "k"), (r"x", "ks"), (r"v", "f"),
]

ENGLISH = BY_LETTER


VIETNAMESE = [
    (r"^đ", "D"), (r"^ngh", "G"), (r"^ng", "G"), (r"^nh", "ny"), (r"^kh", "K"), (r"^ph", "f"), (r"^th", "T"),
    (r"^tr", "C"), (r"^ch", "C"), (r"^gi", "z"), (r"^d", "z"), (r"^x", "s"), (r"^qu", "kw"), (r"^gh", "G"), (r"^c", "K"),
]
VIETNAMESE_AFTER_STRIP = [
    (r"uye", "ue"), (r"uy", "ui"), (r"y", "i"), (r"anh$", "aiN"), (r"inh$", "iN"), (r"nh$", "N"), (r"ng$", "N"),
    (r"n$", "N"), (r"m$", "mu"), (r"ch$", "Qku"), (r"c$", "Qku"), (r"t$", "Qto"), (r"p$", "Qpu"),
]


PINYIN_INITIALS = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
                   "z", "c", "s", "y", "w"]
PINYIN_FINALS = {
    "a": "a", "o": "o", "e": "o", "i": "i", "u": "u", "ai": "ai", "ei": "ei", "ao": "ao", "ou": "ou",
    "an": "aN", "en": "eN", "ang": "aN", "eng": "oN", "ong": "oN", "er": "a:ru", "ia": "ya", "ie": "ie",
    "iao": "yao", "iu": "iu", "ian": "ieN", "in": "iN", "ing": "iN", "iang": "iaN", "iong": "yoN", "ua": "ua",
    "uo": "uo", "uai": "uai", "ui": "ui", "uan": "uaN", "un": "uN", "uang": "uaN", "ue": "ue", "ve": "ue",
}
PINYIN_ONSET = {"zh": "j", "ch": "ch", "sh": "sh", "q": "ch", "x": "sh", "j": "j", "l": "r", "c": "ts"}


def pinyin_syllables(word):
    """A pinyin word split into syllables (longest initial and final first), or None."""
    word = word.lower()
    out = []
    i = 0
    while i < len(word):
        for initial in [x for x in PINYIN_INITIALS if word.startswith(x, i)] + [""]:
            j = i + len(initial)
            finals = sorted((f for f in PINYIN_FINALS if word.startswith(f, j)), key=len, reverse=True)
            # A final ending in n/ng must not steal the next syllable's initial vowel.
            chosen = next((f for f in finals if j + len(f) == len(word) or word[j + len(f)] not in "aeiouv"), None)
            if chosen:
                out.append((initial, chosen))
                i = j + len(chosen)
                break
        else:
            return None
    return out


def _pinyin(word, habits):
    syllables = pinyin_syllables(word)
    if syllables is None:
        return _apply(word.lower(), BY_LETTER)
    sounds = []
    for initial, final in syllables:
        onset = PINYIN_ONSET.get(initial, initial)
        sound = PINYIN_FINALS[final]
        if final == "i" and initial in ("z", "c", "s"):
            sound = "u"
        if final == "u" and initial in ("j", "q", "x", "y"):
            sound = "yu"
        if initial == "y":
            sound = {"i": "i", "in": "iN", "ing": "iN", "an": "aN", "e": "e", "u": "yu", "ue": "ue"}.get(final, sound)
            onset = "" if sound.startswith(("i", "y")) else "y"
        if initial == "w":
            sound = {"u": "u", "ei": "ei", "en": "eN", "eng": "oN", "o": "o"}.get(final, sound)
            onset = "" if sound.startswith("u") else "w"
        if onset.endswith(("j", "ch", "sh")) and sound.startswith("y"):
            sound = sound[1:]
        if onset and sound.startswith("y") and onset in ("n", "r", "m", "b", "p", "k", "g", "h", "d", "t"):
            onset += "y"
            sound = sound[1:]
        if len(syllables) == 1 and len(final) == 1 and habits.get("long", True):
            sound += ":"
        sounds.append(onset + sound)
    return "-".join(sounds)


def by_sound(word, language, habits=None):
    """The name's sound string as its language reads it."""
    habits = habits or {}
    rules = {"pt": (PORTUGUESE, PORTUGUESE_AFTER_FOLD), "es": (SPANISH, SPANISH_AFTER_FOLD),
             "de": (GERMAN, []), "fr": (FRENCH, []),
             "it": (ITALIAN, []), "pl": (POLISH, []), "id": ([], INDONESIAN),
             "vi": (VIETNAMESE, VIETNAMESE_AFTER_STRIP)}.get(language)
    if language == "zh":
        return _pinyin(fold(word), habits)
    if rules is None:
        return by_letter(word)
    return _read(word, *rules)


def by_letter(word):
    """The letters read as Japanese romaji."""
    return _read(fold(word), [], BY_LETTER)
