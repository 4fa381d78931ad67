"""Detectors: what a derivative added, what it dropped, and how attribution drifted.

Each detector is an object with a ``name`` and a ``detect(context)`` method that yields
:class:`~sourcecompare.Finding` objects (see :class:`sourcecompare.typing.Detector`).
:func:`detect` runs them on an alignment; :func:`default_detectors` returns the
built-in set. Write your own and pass ``detectors=[*default_detectors(), Mine()]``.
"""

from __future__ import annotations

from typing import Final

from sourcecompare._claims import (
    CLAIM_LEVELS,
    ClaimCue,
    ClaimLexicon,
    ClaimReading,
    read_claim,
)
from sourcecompare.detectors._base import DetectionContext, default_detectors, detect
from sourcecompare.detectors.added import FACT_LISTS, AddedFact, FactLexicon
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
from sourcecompare.detectors.claims import ClaimStrength
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
    "CLAIM_LEVELS",
    "FACT_LISTS",
    "KINDS",
    "AddedFact",
    "AddedHeading",
    "CertaintyShift",
    "ClaimCue",
    "ClaimLexicon",
    "ClaimReading",
    "ClaimStrength",
    "CreditRemoved",
    "CueChanged",
    "DatelineRemoved",
    "DetectionContext",
    "Embellishment",
    "EvaluativeLanguage",
    "Fabricated",
    "FactLexicon",
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
    "read_claim",
]

KINDS: Final = (
    "framing.unsupported_sentence",
    "framing.added_heading",
    "framing.embellishment",
    "framing.evaluative_language",
    "framing.certainty_shift",
    "framing.claim_strength",
    "framing.speculation",
    "framing.added_fact",
    "omission.sentence",
    "omission.entity",
    "omission.figure",
    "omission.quote",
    "attribution.speaker_dropped",
    "attribution.speaker_generalised",
    "attribution.speaker_amplified",
    "attribution.speaker_changed",
    "attribution.cue_changed",
    "attribution.quote_altered",
    "attribution.paraphrase_quoted",
    "attribution.fabricated",
    "attribution.credit_removed",
    "attribution.dateline_removed",
)
"""The kind of every finding the built-in detectors report, in reporting order."""
