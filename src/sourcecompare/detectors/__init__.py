"""Detectors: what a derivative added, what it dropped, and how attribution drifted.

Each detector is an object with a ``name`` and a ``detect(context)`` method that yields
:class:`~sourcecompare.Finding` objects (see :class:`sourcecompare.typing.Detector`).
:func:`detect` runs them on an alignment; :func:`default_detectors` returns the
built-in set. Write your own and pass ``detectors=[*default_detectors(), Mine()]``.
"""

from __future__ import annotations

from sourcecompare.detectors._base import DetectionContext, default_detectors, detect
from sourcecompare.detectors.attribution import (
    CreditRemoved,
    CueChanged,
    DatelineRemoved,
    Fabricated,
    ParaphraseQuoted,
    QuoteAltered,
    SpeakerAmplified,
    SpeakerChanged,
    SpeakerDropped,
    SpeakerGeneralised,
)
from sourcecompare.detectors.framing import (
    AddedHeading,
    CertaintyShift,
    Embellishment,
    EvaluativeLanguage,
    Speculation,
    UnsupportedSentence,
)
from sourcecompare.detectors.omission import (
    OmittedEntity,
    OmittedFigure,
    OmittedQuote,
    OmittedSentence,
)

__all__ = [
    "AddedHeading",
    "CertaintyShift",
    "CreditRemoved",
    "CueChanged",
    "DatelineRemoved",
    "DetectionContext",
    "Embellishment",
    "EvaluativeLanguage",
    "Fabricated",
    "OmittedEntity",
    "OmittedFigure",
    "OmittedQuote",
    "OmittedSentence",
    "ParaphraseQuoted",
    "QuoteAltered",
    "SpeakerAmplified",
    "SpeakerChanged",
    "SpeakerDropped",
    "SpeakerGeneralised",
    "Speculation",
    "UnsupportedSentence",
    "default_detectors",
    "detect",
]
