"""Romaji-like sound strings to katakana, half-width katakana and katakana typos.

The spelling rules (`spelling.py`) turn a Latin name into a string of Japanese-style syllable
sounds; this module writes that string in katakana the way a partner's clerk would, with the
clerk's own habits (the ヴ row or the バ row, a long-vowel mark or none, ム or ン for a final M).
It is written for the independent city alone and shares nothing with the product's matcher.

Sound strings: lower-case consonants and the vowels a i u e o; ':' lengthens the vowel before
(ー), 'Q' doubles the next consonant (ッ), 'N' is the moraic n (ン), '-' is a break that
writes nothing (between parts of one token).
"""
import unicodedata

VOWELS = "aiueo"

# Onset -> the katakana for a, i, u, e, o after it.
ROWS = {
    "": "ア イ ウ エ オ",
    "k": "カ キ ク ケ コ",
    "g": "ガ ギ グ ゲ ゴ",
    "s": "サ シ ス セ ソ",
    "z": "ザ ジ ズ ゼ ゾ",
    "t": "タ ティ トゥ テ ト",
    "d": "ダ ディ ドゥ デ ド",
    "n": "ナ ニ ヌ ネ ノ",
    "h": "ハ ヒ フ ヘ ホ",
    "f": "ファ フィ フ フェ フォ",
    "b": "バ ビ ブ ベ ボ",
    "v": "ヴァ ヴィ ヴ ヴェ ヴォ",
    "p": "パ ピ プ ペ ポ",
    "m": "マ ミ ム メ モ",
    "y": "ヤ イ ユ イェ ヨ",
    "r": "ラ リ ル レ ロ",
    "l": "ラ リ ル レ ロ",
    "w": "ワ ウィ ウ ウェ ウォ",
    "ch": "チャ チ チュ チェ チョ",
    "sh": "シャ シ シュ シェ ショ",
    "j": "ジャ ジ ジュ ジェ ジョ",
    "ts": "ツァ ツィ ツ ツェ ツォ",
    "ny": "ニャ ニ ニュ ニェ ニョ",
    "ky": "キャ キ キュ キェ キョ",
    "gy": "ギャ ギ ギュ ギェ ギョ",
    "ry": "リャ リ リュ リェ リョ",
    "ly": "リャ リ リュ リェ リョ",
    "hy": "ヒャ ヒ ヒュ ヒェ ヒョ",
    "by": "ビャ ビ ビュ ビェ ビョ",
    "py": "ピャ ピ ピュ ピェ ピョ",
    "my": "ミャ ミ ミュ ミェ ミョ",
    "vy": "ヴャ ヴィ ヴュ ヴィェ ヴョ",
    "fy": "フャ フィ フュ フィェ フョ",
    "ty": "チャ ティ テュ チェ チョ",
    "dy": "ジャ ディ デュ ジェ ジョ",
    "kw": "クァ クィ ク クェ クォ",
    "gw": "グァ グィ グ グェ グォ",
    "dz": "ザ ジ ズ ゼ ゾ",
}
ONSETS = sorted(ROWS, key=len, reverse=True)
# What a consonant with no vowel after it is written as (an echo vowel, or nothing).
CODA = {"t": "ト", "d": "ド", "ch": "チ", "j": "ジ", "sh": "シュ", "ts": "ツ", "h": "フ", "y": "イ", "w": "ウ",
        "n": "ン", "ny": "ニ", "dz": "ズ"}


def katakana(sound, habits):
    """`sound` written in katakana. `habits` (a dict) holds the clerk's choices:
    `v_row` (ヴ for v, else the バ row), `long` (write ':' as ー; else drop it),
    `final_m` ('ム' or 'ン')."""
    out = []
    i = 0
    s = sound
    while i < len(s):
        c = s[i]
        if c in VOWELS:
            out.append(ROWS[""].split()[VOWELS.index(c)])
            i += 1
            continue
        if c == ":":
            if habits.get("long", True) and out and out[-1] != "ー":
                out.append("ー")
            i += 1
            continue
        if c == "Q":
            if out and out[-1] not in ("ッ", "ン"):
                out.append("ッ")
            i += 1
            continue
        if c == "N":
            out.append("ン")
            i += 1
            continue
        if c in "- '":
            i += 1
            continue
        onset = next((o for o in ONSETS if o and s.startswith(o, i)), None)
        if onset is None:
            # A letter the rules left over (x, q, c): read as the closest sound.
            s = s[:i] + {"x": "ks", "q": "k", "c": "k"}.get(c, "") + s[i + 1:]
            continue
        j = i + len(onset)
        if onset == "v" and not habits.get("v_row", False):
            onset = "b"
        if j < len(s) and s[j] in VOWELS:
            kana = ROWS[onset].split()[VOWELS.index(s[j])]
            out.append(kana)
            i = j + 1
            continue
        # No vowel follows: a coda.
        if onset == "m" and (j == len(s) or s[j] in "bpm"):
            out.append(habits.get("final_m", "ム") if j == len(s) else "ン")
        elif onset in CODA:
            out.append(CODA[onset])
        else:
            out.append(ROWS[onset].split()[2])
        i = j
    return "".join(out)


def _half_width_table():
    table = {}
    for code in range(0xFF61, 0xFFA0):
        ch = chr(code)
        full = unicodedata.normalize("NFKC", ch)
        if len(full) == 1:
            table.setdefault(full, ch)
    return table


HALF = _half_width_table()
DAKUTEN = {"\u3099": "\uFF9E", "\u309A": "\uFF9F"}


def half_width(text):
    """Full-width katakana as a half-width (JIS X 0201) system writes it; ・ becomes ･."""
    out = []
    for ch in text:
        if ch == " ":
            out.append(" ")
            continue
        if ch in HALF:
            out.append(HALF[ch])
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        if len(decomposed) == 2 and decomposed[0] in HALF and decomposed[1] in DAKUTEN:
            out.append(HALF[decomposed[0]] + DAKUTEN[decomposed[1]])
        elif ch == "ヮ":
            out.append(HALF["ワ"])
        else:
            small = {"ヵ": "カ", "ヶ": "ケ", "ヰ": "イ", "ヱ": "エ"}.get(ch)
            out.append(HALF[small] if small else ch)
    return "".join(out)


# Pairs of kana a hurried clerk (or an OCR pass over a paper form) mixes up.
LOOKALIKES = [("ソ", "ン"), ("シ", "ツ"), ("ク", "グ"), ("ト", "ド"), ("ハ", "バ"), ("ス", "ズ"), ("タ", "ダ"),
              ("ル", "レ"), ("コ", "ゴ"), ("キ", "ギ"), ("オ", "ォ"), ("ア", "ァ"), ("イ", "ィ"), ("ウ", "ゥ")]


def typo(text, rng):
    """One clerk's slip in a katakana name: a lookalike kana, a long-vowel mark or ッ added or
    lost, or a kana dropped from a long part."""
    positions = [i for i, ch in enumerate(text) if ch not in " ・"]
    if not positions:
        return text
    for _ in range(8):
        i = rng.choice(positions)
        ch = text[i]
        kind = rng.random()
        if kind < 0.45:
            for a, b in LOOKALIKES:
                if ch in (a, b):
                    return text[:i] + (b if ch == a else a) + text[i + 1:]
        elif kind < 0.65:
            if ch in "ーッ":
                return text[:i] + text[i + 1:]
            if i + 1 < len(text) and text[i + 1] not in "ーッ ・" and ch not in "ンッー":
                return text[:i + 1] + "ー" + text[i + 1:]
        elif kind < 0.8:
            if ch not in "ッン" and i + 1 < len(text) and text[i + 1] not in " ・ッ":
                return text[:i + 1] + "ッ" + text[i + 1:]
        else:
            if len(text) > 5 and ch not in "ャュョァィゥェォ":
                return text[:i] + text[i + 1:]
    return text
