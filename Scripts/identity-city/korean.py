"""Korean names from hangul: the Latin a passport prints and the katakana Japanese writes.

Hangul syllables are decomposed into their letters (Unicode's arithmetic: 19 initials x 21
vowels x 28 finals from U+AC00). The Latin is the Revised Romanization, with the spellings
passports keep for the common family names (LEE, PARK, CHOI...); the katakana is the usual
Japanese reading (voiceless initial, voiced inside a name, final consonants as ク/ン/ッ/ル/ム/プ).
"""

INITIAL_LATIN = ["G", "KK", "N", "D", "TT", "R", "M", "B", "PP", "S", "SS", "", "J", "JJ", "CH", "K", "T", "P", "H"]
VOWEL_LATIN = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WO", "WE", "WI",
               "YU", "EU", "UI", "I"]
FINAL_LATIN = ["", "K", "K", "K", "N", "N", "N", "T", "L", "K", "M", "L", "L", "L", "P", "L", "M", "P", "P", "T", "T",
               "NG", "T", "T", "K", "T", "P", "T"]

# Sound strings (`kana.py`) for the katakana.
INITIAL_SOUND = ["k", "k", "n", "t", "t", "r", "m", "p", "p", "s", "s", "", "ch", "ch", "ch", "k", "t", "p", "h"]
VOICED = {"k": "g", "t": "d", "p": "b", "ch": "j"}
VOWEL_SOUND = ["a", "e", "ya", "ye", "o", "e", "yo", "ye", "o", "wa", "we", "we", "yo", "u", "wo", "we", "wi", "yu",
               "u", "ui", "i"]
FINAL_SOUND = {"": "", "K": "ku", "N": "N", "T": "Q", "L": "ru", "M": "mu", "P": "pu", "NG": "N"}

# Passport spellings of the common family names, the first the most usual.
PASSPORT = {
    "이": ["LEE", "YI", "RHEE"], "박": ["PARK", "BAK"], "최": ["CHOI", "CHOE"], "정": ["JUNG", "JEONG", "CHUNG"],
    "조": ["CHO", "JO"], "윤": ["YOON", "YUN"], "강": ["KANG", "GANG"], "임": ["LIM", "IM"], "신": ["SHIN", "SIN"],
    "김": ["KIM", "GIM"], "류": ["RYU", "YOO"], "유": ["YOO", "YU"], "노": ["ROH", "NOH"], "오": ["OH"],
    "장": ["JANG", "CHANG"], "서": ["SEO", "SUH"], "권": ["KWON"], "안": ["AHN", "AN"], "전": ["JEON", "CHUN"],
    "문": ["MOON", "MUN"], "손": ["SON", "SOHN"], "백": ["BAEK", "PAIK"], "허": ["HEO", "HUH"], "심": ["SIM", "SHIM"],
    "구": ["KOO", "GU"], "성": ["SUNG", "SEONG"], "주": ["JOO", "JU"], "우": ["WOO"], "나": ["NA", "RA"],
    "엄": ["UM", "EOM"], "배": ["BAE"], "홍": ["HONG"], "송": ["SONG"], "한": ["HAN"], "황": ["HWANG"],
}
# The usual katakana of the family names whose reading differs from the letters' (the ㄹ/ㄴ
# that Korean drops at the start of a word).
FAMILY_KANA = {"이": "i", "류": "ryu", "노": "no", "나": "na"}


def letters(syllable):
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        raise ValueError(syllable)
    return code // 588, (code % 588) // 28, code % 28


def latin(word):
    """Revised Romanization of one word, syllable by syllable."""
    out = []
    for ch in word:
        i, v, f = letters(ch)
        out.append(INITIAL_LATIN[i] + VOWEL_LATIN[v] + FINAL_LATIN[f])
    return "".join(out)


def syllables_latin(word):
    return [latin(ch) for ch in word]


def sound(word, family=False):
    """The usual Japanese reading of a Korean name part as a sound string."""
    if family and word in FAMILY_KANA:
        return FAMILY_KANA[word]
    out = []
    previous_final = None
    for n, ch in enumerate(word):
        i, v, f = letters(ch)
        onset = INITIAL_SOUND[i]
        if n > 0 and onset in VOICED and previous_final in ("", "N", "NG", "M", "L"):
            onset = VOICED[onset]
        vowel = VOWEL_SOUND[v]
        if onset == "h" and vowel.startswith("w"):
            onset, vowel = "f", vowel[1:]
        if onset and vowel.startswith("w") and onset not in ("k", "g"):
            vowel = vowel[1:]
        if onset in ("ch", "j", "sh") and vowel.startswith("y"):
            vowel = vowel[1:]
        out.append(onset + vowel + FINAL_SOUND[FINAL_LATIN[f]])
        previous_final = FINAL_LATIN[f]
    return "".join(out)
