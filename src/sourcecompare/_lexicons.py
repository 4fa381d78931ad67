"""Word lists the detectors use, matched on stems so that one entry covers its forms.

The bundled lists are ``data/framing.json`` (evaluative words, intensifiers, hedges,
boosters, speculation), written for sourcecompare and documented in that file. Users
extend them with :meth:`Lexicons.extend` or :meth:`Lexicons.from_json`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from sourcecompare._lexicon import load_json
from sourcecompare._tokens import Token, tokenize
from sourcecompare.exceptions import InvalidOptionError

__all__ = ["CATEGORIES", "Lexicons"]

CATEGORIES: Final = ("evaluative", "intensifiers", "hedges", "boosters", "speculation")
"""The word-list categories, in the order the JSON file lists them."""


def _entries(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({" ".join(v.split()) for v in values if v and v.strip()}))


@attrs.frozen
class Lexicons:
    """The detectors' word lists.

    Attributes:
        evaluative: Words and phrases that judge rather than report.
        intensifiers: Words that raise the force of a statement.
        hedges: Words and phrases that make a statement possible, planned or expected.
        boosters: Words that assert certainty.
        speculation: Phrases of prediction.

    .. versionadded:: 0.1
    """

    evaluative: tuple[str, ...] = attrs.field(default=(), converter=_entries)
    intensifiers: tuple[str, ...] = attrs.field(default=(), converter=_entries)
    hedges: tuple[str, ...] = attrs.field(default=(), converter=_entries)
    boosters: tuple[str, ...] = attrs.field(default=(), converter=_entries)
    speculation: tuple[str, ...] = attrs.field(default=(), converter=_entries)
    _index: Mapping[str, dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]] = attrs.field(
        init=False, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        index: dict[str, dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]] = {}
        for category in CATEGORIES:
            by_first: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
            for entry in getattr(self, category):
                tokens = tokenize(entry)
                stems = tuple(t.stem for t in tokens)
                if stems:
                    norms = tuple(t.norm for t in tokens)
                    by_first.setdefault(stems[0], []).append((stems, norms))
            for candidates in by_first.values():
                candidates.sort(key=lambda c: (-len(c[0]), c[0]))  # longest first
            index[category] = by_first
        object.__setattr__(self, "_index", index)

    @classmethod
    def default(cls) -> Lexicons:
        """The lists that ship with sourcecompare."""
        return _DEFAULT

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Lexicons:
        """Build lists from a mapping shaped like ``data/framing.json``."""
        unknown = sorted(set(data) - {*CATEGORIES, "about"})
        if unknown:
            msg = f"unknown lexicon categories {unknown}; use {', '.join(CATEGORIES)}"
            raise InvalidOptionError(msg, option="lexicons")
        return cls(**{c: tuple(str(x) for x in data.get(c, ())) for c in CATEGORIES})

    @classmethod
    def from_json(cls, path: str | Path, *, extend_default: bool = True) -> Lexicons:
        """Read lists from a JSON file; by default they extend the bundled ones."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                msg = "expected a JSON object of word lists"
                raise TypeError(msg)  # noqa: TRY301 - reported below with the file name
            extra = cls.from_data(data)
        except (OSError, ValueError, TypeError) as exc:
            msg = f"cannot read lexicons from {str(path)!r}: {exc}"
            raise InvalidOptionError(msg, option="lexicons") from exc
        if not extend_default:
            return extra
        return _DEFAULT.extend(**{c: getattr(extra, c) for c in CATEGORIES})

    def extend(self, **entries: Iterable[str]) -> Lexicons:
        """Return lists with *entries* added, e.g. ``extend(evaluative=["stellar"])``."""
        unknown = sorted(set(entries) - set(CATEGORIES))
        if unknown:
            msg = f"unknown lexicon categories {unknown}; use {', '.join(CATEGORIES)}"
            raise InvalidOptionError(msg, option="lexicons")
        return Lexicons(**{c: (*getattr(self, c), *entries.get(c, ())) for c in CATEGORIES})

    def find(self, category: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
        """Token ranges of *tokens* matching an entry of *category*, longest match first."""
        by_first = self._index[category]
        found: list[tuple[int, int]] = []
        i = 0
        while i < len(tokens):
            for stems, norms in by_first.get(tokens[i].stem, ()):
                end = i + len(stems)
                if end <= len(tokens) and all(
                    tokens[i + k].stem == stem and _same_word(tokens[i + k].norm, norms[k])
                    for k, stem in enumerate(stems)
                ):
                    found.append((i, end))
                    i = end
                    break
            else:
                i += 1
        return found


def _same_word(written: str, entry: str) -> bool:
    """Whether *written* is a form of *entry*, beyond sharing its stem.

    The written word must start with the entry, allowing a dropped final letter
    ("praising" for "praise"): Snowball stems "likely" like "like", and "like" must
    not be taken for a hedge.
    """
    shared = 0
    for a, b in zip(written, entry, strict=False):
        if a != b:
            break
        shared += 1
    return shared >= len(entry) - 1


_DEFAULT: Final = Lexicons.from_data(load_json("framing.json"))
