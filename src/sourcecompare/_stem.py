"""The Snowball English ("Porter2") stemmer, as plain string operations.

Each token's ``stem`` comes from here. The rules are those of the Snowball project's
English algorithm (https://snowballstem.org/algorithms/english/stemmer.html), in the
revision that snowballstemmer 3.x generates: the extra R1 prefixes ("emerg", "inter",
"later", "organ", "past", "univers"), "-ing" after consonant + "y" ("dying" to "die"),
and the "past" short syllable.

Why our own: the Snowball package's generated Python imports the stemmers of 34
languages to give us one (about 15 ms at start-up) and walks its tables a character
at a time (about 40 µs a word). This module does the same work with ``str`` methods,
several times faster. It is checked against snowballstemmer, word for word, by
``tests/test_stem.py`` and ``bench/stemmer.py`` (every word of the evaluation data).

The input is expected in lower case, as :mod:`sourcecompare._tokens` gives it.
"""

from __future__ import annotations

from typing import Final

__all__ = ["stem"]

_VOWELS: Final = frozenset("aeiouy")
# Letters that end a short syllable's vowel without closing it: "w", "x" and the "Y"
# that marks a consonant "y".
_NOT_SHORT_END: Final = frozenset("aeiouywxY")
_LI_ENDINGS: Final = frozenset("cdeghkmnrt")
_DOUBLES: Final = frozenset(("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"))

# Words stemmed by a table rather than by rule.
_EXCEPTIONS: Final = {
    "andes": "andes",
    "atlas": "atlas",
    "bias": "bias",
    "cosmos": "cosmos",
    "early": "earli",
    "gently": "gentl",
    "howe": "howe",
    "idly": "idl",
    "news": "news",
    "only": "onli",
    "singly": "singl",
    "skies": "sky",
    "skis": "ski",
    "sky": "sky",
    "ugly": "ugli",
}
# Prefixes after which R1 starts, whatever the letters.
_R1_PREFIXES: Final = (
    "arsen",
    "commun",
    "emerg",
    "gener",
    "inter",
    "later",
    "organ",
    "past",
    "univers",
)
# Stems left alone by step 1b: "inning", "outing", "exceed", ...
_ING_KEEP: Final = frozenset(("even", "cann", "inn", "earr", "herr", "out"))
_EED_KEEP: Final = frozenset(("succ", "proc", "exc"))

# Step 2, 3 and 4 suffixes, longest first: only the longest suffix a word ends with is
# considered, and when its condition fails the step does nothing.
_STEP2: Final = (
    ("ational", "ate"),
    ("fulness", "ful"),
    ("iveness", "ive"),
    ("ization", "ize"),
    ("ousness", "ous"),
    ("biliti", "ble"),
    ("lessli", "less"),
    ("tional", "tion"),
    ("alism", "al"),
    ("aliti", "al"),
    ("ation", "ate"),
    ("entli", "ent"),
    ("fulli", "ful"),
    ("iviti", "ive"),
    ("ogist", "og"),
    ("ousli", "ous"),
    ("abli", "able"),
    ("alli", "al"),
    ("anci", "ance"),
    ("ator", "ate"),
    ("enci", "ence"),
    ("izer", "ize"),
    ("bli", "ble"),
    ("ogi", "og"),  # only after "l"
    ("li", ""),  # only after a valid li-ending
)
_STEP3: Final = (
    ("ational", "ate"),
    ("tional", "tion"),
    ("alize", "al"),
    ("ative", ""),  # only in R2
    ("icate", "ic"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ness", ""),
    ("ful", ""),
)
_STEP4: Final = (
    "ement",
    "ance",
    "ence",
    "able",
    "ible",
    "ment",
    "ant",
    "ate",
    "ent",
    "ism",
    "iti",
    "ion",  # only after "s" or "t"
    "ive",
    "ize",
    "ous",
    "al",
    "er",
    "ic",
)


# Each step's suffixes as one tuple, for str.endswith: most words end in none of them,
# and one test in C rules that out before the step looks for which one it is.
_STEP1B_ENDINGS: Final = ("eedly", "ingly", "edly", "eed", "ing", "ed")
_STEP2_ENDINGS: Final = tuple(suffix for suffix, _ in _STEP2)
_STEP3_ENDINGS: Final = tuple(suffix for suffix, _ in _STEP3)


def _find(word: str, suffixes: tuple[str, ...]) -> str | None:
    for suffix in suffixes:
        if word.endswith(suffix):
            return suffix
    return None


def _regions(word: str) -> tuple[int, int]:
    """R1 and R2 as start offsets (``len(word)`` when a region is empty)."""
    n = len(word)

    def after_vowel_consonant(i: int) -> int:
        while i < n and word[i] not in _VOWELS:
            i += 1
        while i < n and word[i] in _VOWELS:
            i += 1
        return i + 1 if i < n else n

    r1 = next((len(p) for p in _R1_PREFIXES if word.startswith(p)), None)
    if r1 is None:
        r1 = after_vowel_consonant(0)
    r2 = after_vowel_consonant(r1) if r1 < n else n
    return r1, r2


def _short_syllable(word: str) -> bool:
    """Whether *word* ends in a short syllable (or in "past")."""
    n = len(word)
    if n >= 3 and (
        word[-1] not in _NOT_SHORT_END and word[-2] in _VOWELS and word[-3] not in _VOWELS
    ):
        return True
    if n == 2 and word[1] not in _VOWELS and word[0] in _VOWELS:
        return True
    return word.endswith("past")


def _has_vowel(text: str) -> bool:
    return any(c in _VOWELS for c in text)


def _step1a(word: str) -> str:
    if word.endswith("'s'"):
        word = word[:-3]
    elif word.endswith("'s"):
        word = word[:-2]
    elif word.endswith("'"):
        word = word[:-1]
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(("ied", "ies")):
        return word[:-2] if len(word) > 4 else word[:-1]
    if word.endswith(("ss", "us")) or not word.endswith("s"):
        return word
    return word[:-1] if _has_vowel(word[:-2]) else word


def _step1b(word: str, r1: int) -> str:
    if not word.endswith(_STEP1B_ENDINGS):
        return word
    for suffix in _STEP1B_ENDINGS:
        if word.endswith(suffix):
            break
    else:
        return word
    stem = word[: -len(suffix)]
    if suffix in ("eed", "eedly"):
        if len(stem) >= r1 and stem not in _EED_KEEP:
            return stem + "ee"
        return word
    if suffix == "ing":
        if stem in _ING_KEEP:
            return word
        if len(stem) == 2 and stem[1] == "y" and stem[0] not in _VOWELS:
            return stem[0] + "ie"  # "dying", "lying", "tying"
    if not _has_vowel(stem):
        return word
    if stem.endswith(("at", "bl", "iz")):
        return stem + "e"
    if stem[-2:] in _DOUBLES:
        if len(stem) == 3 and stem[0] in "aeo":
            return stem  # "add", "egg", "err" keep their double letter
        return stem[:-1]
    if len(stem) == r1 and _short_syllable(stem):
        return stem + "e"
    return stem


def _step1c(word: str) -> str:
    if len(word) > 2 and word[-1] in "yY" and word[-2] not in _VOWELS:
        return word[:-1] + "i"
    return word


def _step2(word: str, r1: int) -> str:
    if not word.endswith(_STEP2_ENDINGS):
        return word
    for suffix, replacement in _STEP2:
        if word.endswith(suffix):
            start = len(word) - len(suffix)
            if start < r1:
                return word
            if suffix == "ogi" and not word.endswith("logi"):
                return word
            if suffix == "li" and (start == 0 or word[start - 1] not in _LI_ENDINGS):
                return word
            return word[:start] + replacement
    return word


def _step3(word: str, r1: int, r2: int) -> str:
    if not word.endswith(_STEP3_ENDINGS):
        return word
    for suffix, replacement in _STEP3:
        if word.endswith(suffix):
            start = len(word) - len(suffix)
            if start < r1 or (suffix == "ative" and start < r2):
                return word
            return word[:start] + replacement
    return word


def _step4(word: str, r2: int) -> str:
    if not word.endswith(_STEP4):
        return word
    suffix = _find(word, _STEP4)
    if suffix is None:
        return word
    start = len(word) - len(suffix)
    if start < r2:
        return word
    if suffix == "ion" and (start == 0 or word[start - 1] not in "st"):
        return word
    return word[:start]


def _step5(word: str, r1: int, r2: int) -> str:
    start = len(word) - 1
    if word.endswith("e"):
        if start >= r2 or (start >= r1 and not _short_syllable(word[:-1])):
            return word[:-1]
    elif word.endswith("ll") and start >= r2:
        return word[:-1]
    return word


def stem(word: str) -> str:
    """The Porter2 stem of *word*, a lower-case word: "opening" gives "open"."""
    exception = _EXCEPTIONS.get(word)
    if exception is not None:
        return exception
    if len(word) < 3:
        return word
    if word[0] == "'":
        word = word[1:]
    # A "y" that opens the word or follows a vowel is a consonant: mark it "Y".
    found_y = False
    if "y" in word:
        letters = list(word)
        for i, letter in enumerate(letters):
            if letter == "y" and (i == 0 or letters[i - 1] in _VOWELS):
                letters[i] = "Y"
                found_y = True
        word = "".join(letters)
    r1, r2 = _regions(word)
    word = _step1a(word)
    word = _step1b(word, r1)
    word = _step1c(word)
    word = _step2(word, r1)
    word = _step3(word, r1, r2)
    word = _step4(word, r2)
    word = _step5(word, r1, r2)
    return word.replace("Y", "y") if found_y else word
