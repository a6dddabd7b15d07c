"""How a partner insurer writes a resident's name in katakana: one clerk's habits per row.

Styles (each row draws its own): every part read by sound (the name's language) or by letter
(romaji), real readings of English names where the pairs know them, Filipino given names read
the English or the Spanish way; family and given names in either order; `・` or a space
between parts; given names or family names run together with no separator; a particle dropped
or joined to its surname; the middle name or the second family name left out; the ヴ row or
the バ row; long-vowel marks kept or dropped; half-width katakana; a typo.
"""
from kana import half_width, katakana, typo
from spelling import by_letter, by_sound


def _reading(part, by, habits, rng):
    if part.sound is not None:
        return katakana(part.sound, habits)
    if part.language == "en":
        if part.kana and by == "sound":
            return part.kana
        return katakana(by_letter(part.text) if by == "letter" else by_sound(part.text, "es"), habits)
    if by == "letter":
        return katakana(by_letter(part.text), habits)
    return katakana(by_sound(part.text, part.language, habits), habits)


def render(parts, nationality, rng, style_rates):
    """The katakana a partner writes for a name given as register-order parts, and the styles
    used (for the report by style)."""
    used = []
    habits = {"v_row": rng.random() < 0.4, "long": rng.random() < 0.8, "final_m": "ム" if rng.random() < 0.7 else "ン"}
    by = "letter" if rng.random() < style_rates["letter"].get(nationality, style_rates["letter"][""]) else "sound"
    used.append(by)
    if nationality == "PH" and rng.random() < 0.5:
        used.append("spanish-reading")
    family = [p for p in parts if p.role in ("family", "particle")]
    given = [p for p in parts if p.role == "given"]
    middle = [p for p in parts if p.role == "middle"]

    readings = {}
    for p in parts:
        if nationality == "PH" and "spanish-reading" in used and p.language == "en":
            readings[id(p)] = katakana(by_sound(p.text, "es"), habits)
        else:
            readings[id(p)] = _reading(p, by, habits, rng)

    # Leave parts out.
    if middle and rng.random() < (0.6 if nationality == "PH" else 0.12):
        middle = []
        used.append("dropped-middle")
    # A Korean given name written syllable by syllable is still one name: it is not cut.
    if len(given) > 1 and given[0].language != "ko" and rng.random() < 0.12:
        given = given[:1]
        used.append("dropped-given")
    surnames = [p for p in family if p.role == "family"]
    if len(surnames) > 1 and rng.random() < 0.3:
        drop = surnames[-1] if rng.random() < 0.5 else surnames[0]
        keep_from = family.index(surnames[1]) if drop is surnames[0] else 0
        family = [p for p in family[keep_from:] if p is not drop]
        if family and family[-1].role == "particle":
            family = family[:-1]
        used.append("dropped-surname")
    particles = [p for p in family if p.role == "particle"]
    if particles and rng.random() < 0.3:
        family = [p for p in family if p.role != "particle"]
        used.append("dropped-particle")

    def group(items, join_rate, label):
        words = [readings[id(p)] for p in items]
        if len(words) > 1 and rng.random() < join_rate:
            used.append(label)
            return ["".join(words)]
        # A particle rides on the surname after it more often than not.
        out = []
        for p, w in zip(items, words):
            if out and items[len(out) - 1].role == "particle" and rng.random() < 0.6:
                out[-1] += w
            else:
                out.append(w)
        return out

    family_words = group(family, 0.35, "joined-family")
    given_words = group(given, 0.25, "joined-given")
    middle_words = [readings[id(p)] for p in middle]
    if nationality == "VN":
        rest = group(middle + given, 0.1, "joined-given")
        order = [family_words, rest]
        swapped = rng.random() < 0.12
        if swapped:
            order = [rest, family_words]
    else:
        swapped = rng.random() < (0.15 if nationality in ("CN", "KR") else 0.25)
        order = [given_words + middle_words, family_words] if swapped else [family_words, given_words + middle_words]
    if swapped:
        used.append("swapped")
    separator = "・" if rng.random() < 0.4 else " "
    text = separator.join(w for g in order for w in g if w)
    if rng.random() < style_rates["typo"]:
        text = typo(text, rng)
        used.append("typo")
    if rng.random() < style_rates["half"]:
        text = half_width(text)
        used.append("half-width")
    return text, used
