"""Rule-based English sentence segmentation tuned for news copy.

A boundary candidate is a run of ``.``, ``!``, ``?`` or ``…`` (with any closing
quotes and brackets after it), or a dash right before a closing quote
(``"...but —" Her voice broke.``), followed by white space and a word that can open
a sentence: one with a capital or a digit, or a name such as "eFarm". Candidates are
then vetoed when:

* they fall inside a quotation or bracket that shields them: one whose sentence goes
  on after it (the quote ends with a comma or dash, or lower case follows:
  ``"We will win. We must," she said.``; ``(Why? Who?) and got``). A stand-alone
  quotation is split at its own sentence ends; one that never closes (news copy
  leaves multi-paragraph quotes open) shields nothing;
* the word before the period is an abbreviation that never ends a sentence
  (``Dr.``, ``Gen.``, ``e.g.``); one that stands before numbers (``No. 3``,
  ``p. 14``) and a number follows; a month followed by a day (``Jan. 5``); ``a.m.``
  or ``p.m.`` followed by a weekday or time zone; or one that rarely ends a sentence
  (``U.S.``, ``Inc.``, a capital initial) unless a function word that typically
  opens a sentence follows;
* the period follows a list number at the start of the paragraph (``1. First``).

The rules were measured against a hand-written gold set
(``tests/data/segmentation_gold.jsonl``); ``bench/segmentation.py`` compares them
with pysbd on the same set.
"""

from __future__ import annotations

import bisect
import re
from typing import Final

from sourcecompare._lexicon import load_word_list

__all__ = ["RuleSegmenter"]

# A terminator run, closing punctuation, then the white space before the next sentence.
# The pattern opens with one character class (then tells a terminator from a dash by
# looking back at it) so that the engine skips to the next terminator or dash in one
# quick scan, rather than trying the alternatives at every character of the paragraph.
_CANDIDATE_RE: Final = re.compile(
    r"[.!?…—–](?:(?<=[.!?…])[.!?…]*(?P<close>[\"'”’»)\]]*)|(?<=[—–])(?P<dash_close>[\"”’»]+))"
    r"(?P<space>\s+)"
)
# Characters besides white space that end the word before a period, looking back.
_WORD_BEFORE_STOPS: Final = frozenset("([\"“‘'«")
_QUOTE_RE: Final = re.compile(r"[\"“”«»„()]")
_NEXT_WORD_RE: Final = re.compile(r"[\"'“‘«(\[]*(?P<word>[^\W_][\w'’-]*)")
_CAMEL_RE: Final = re.compile(r"[a-z]+[A-Z]")
_OPENERS: Final = frozenset("\"'“‘«([„")

# Abbreviations after which a sentence essentially never ends (titles and the like).
_NEVER_FINAL: Final = frozenset(
    """mr mrs ms mx dr prof gen sen rep gov lt col capt cpt sgt maj rev st mt ft supt
    insp det cpl pvt adm cmdr cmdt hon pres amb atty fr brig messrs mme mlle msgr
    vs v cf approx ca eg ie e.g i.e viz al""".split()
)
# Abbreviations that may end a sentence: split only before a typical sentence opener.
_MAYBE_FINAL: Final = frozenset(
    """u.s u.k u.n e.u d.c a.m p.m inc ltd co corp jr sr etc bros llc plc s.a n.v
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs
    fri sat sun est dept univ assn intl govt""".split()
)
_MONTHS: Final = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Abbreviations that stand before a number ("No. 3", "p. 14", "vol. 2"): no split then.
_BEFORE_NUMBER: Final = frozenset(
    "no nos art p pp vol vols ch fig figs sec para paras min max est ed op nr tel".split()
)
_CLOCK: Final = frozenset(["a.m", "p.m"])
_AFTER_CLOCK: Final = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur
    thurs fri sat sun et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest
    local""".split()
)
_STOPWORDS: Final = load_word_list("stopwords.txt")


def _protected_pairs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pair quotes and brackets that shield their sentence ends from splitting.

    A pair shields what it encloses when the sentence goes on after it: the enclosed
    text ends with a comma or dash (``"We will win. We must," she said.``) or what
    follows the closing mark is lower case or punctuation (``(Why? Who?) and got``).
    A stand-alone quotation is split at its own sentence ends, and a quotation that
    never closes (news copy leaves multi-paragraph quotes open) shields nothing.
    """
    pairs: list[tuple[int, int]] = []
    open_quote: int | None = None
    open_paren: list[int] = []
    for match in _QUOTE_RE.finditer(text, start, end):
        pos = match.start()
        char = text[pos]
        if char == "(":
            open_paren.append(pos)
            continue
        if char == ")":
            if open_paren:
                first = open_paren.pop()
                if not open_paren and _continues(text, pos, end):
                    pairs.append((first, pos))
            continue
        if char in "“«„":
            opening = True
        elif char in "”»":
            opening = False
        else:  # a straight quote: it opens after space, an opener or a dash
            before = text[pos - 1] if pos > start else " "
            opening = before.isspace() or before in "([{—–-/" or before in _OPENERS
        if opening:
            if open_quote is None:
                open_quote = pos
        elif open_quote is not None:
            if _continues(text, pos, end):
                pairs.append((open_quote, pos))
            open_quote = None
    pairs.sort()
    return pairs


def _continues(text: str, close: int, end: int) -> bool:
    """Whether the sentence goes on after the closing mark at *close*."""
    inside = text[close - 1] if close > 0 else ""
    if inside in ",—–-":
        return True
    after = close + 1
    while after < end and text[after] in "\"'”’»)] \t\n":
        after += 1
    if after >= end:
        return False
    nxt = text[after]
    return nxt.islower() or nxt in ",;:"


class RuleSegmenter:
    """The default sentence segmenter: fast, dependency-free rules for news English.

    It implements the :class:`sourcecompare.typing.Segmenter` protocol.

    .. versionadded:: 0.1
    """

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Return ``(start, end)`` offsets of the sentences in ``text[start:end]``.

        Spans are trimmed of surrounding white space, cover every other character
        of the range, and never overlap.
        """
        pairs = _protected_pairs(text, start, end)
        opens = [p[0] for p in pairs]
        sentences: list[tuple[int, int]] = []
        sent_start = start
        for match in _CANDIDATE_RE.finditer(text, start, end):
            boundary = match.start("space")
            next_at = match.end()
            if next_at >= end:
                break
            if self._is_boundary(
                text, match.start(), boundary, next_at, end, sent_start, pairs, opens
            ):
                sentences.append((sent_start, boundary))
                sent_start = next_at
        sentences.append((sent_start, end))
        return [_trim(text, s, e) for s, e in sentences if text[s:e].strip()]

    @staticmethod
    def _is_boundary(
        text: str,
        term_at: int,
        boundary: int,
        next_at: int,
        end: int,
        sent_start: int,
        pairs: list[tuple[int, int]],
        opens: list[int],
    ) -> bool:
        nxt = text[next_at]
        next_word = _NEXT_WORD_RE.match(text, next_at, end)
        next_text = next_word.group("word") if next_word else ""
        if next_text and not (
            next_text[0].isupper() or next_text[0].isdigit() or _CAMEL_RE.match(next_text)
        ):
            return False  # a sentence opens with a capital, a digit or a name like "eFarm"
        if not next_text and not (nxt.isupper() or nxt.isdigit() or nxt in "$£€¥#"):
            return False
        # Inside a quotation or bracket that shields it?
        idx = bisect.bisect_left(opens, term_at) - 1
        if idx >= 0 and pairs[idx][1] >= boundary:
            return False
        if text[term_at] != ".":
            return True
        if text[term_at : term_at + 2] == "..":  # an ellipsis: a new capitalised start splits
            return True
        # Look back a bounded distance so that long unsplit runs stay linear.
        before, before_at = _word_before(text, max(sent_start, term_at - 40), term_at)
        if not before:
            return True
        key = before.casefold().rstrip(".")
        next_key = next_text.casefold().replace("’", "'")
        opener = next_key in _STOPWORDS
        number_follows = nxt.isdigit() or nxt == "#"
        if key in _NEVER_FINAL:
            return False
        if (len(key) == 1 and before.islower()) or (key in _BEFORE_NUMBER and len(key) > 1):
            return not number_follows
        if key in _MONTHS:
            return not number_follows
        if key in _CLOCK:
            return next_key not in _AFTER_CLOCK
        if key in _MAYBE_FINAL or (len(key) == 1 and before[0].isupper()):
            return opener
        parts = key.split(".")
        if len(parts) > 1 and all(p.isalpha() and len(p) <= 2 for p in parts):
            # An unlisted dotted abbreviation such as "N.Y." or "B.C.".
            return opener
        return not (before.isdigit() and len(before) <= 2 and before_at == sent_start)


def _word_before(text: str, low: int, at: int) -> tuple[str, int]:
    r"""The word that ends at *at* (starting at *low* or after), and where it starts.

    What ``re.search(r"[^\s(\[\"“‘'«]*$", text[:at])`` from *low* finds: the run of
    characters that are neither white space nor an opening quote or bracket ending
    at *at*, or before a line break ending there (which ``$`` matches before too).
    Walked back here: the search tried every position of the stretch and backed out
    of every word in it.
    """
    end = at - 1 if at > low and text[at - 1] == "\n" else at
    start = end
    while start > low:
        char = text[start - 1]
        if char.isspace() or char in _WORD_BEFORE_STOPS:
            break
        start -= 1
    return text[start:end], start


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
