"""How much of one segment other segments support: the measures alignment can use.

Alignment turns every segment into a :class:`TermBag`: its content keys (stems,
names, numbers; see :mod:`sourcecompare._keys`) weighted by how informative they are
(inverse document frequency). A :class:`Similarity` answers one question: how much
of a bag do some other bags, taken together, cover? The answer is in ``[0, 1]``.

The built-in measures wrap textdistance's token-based algorithms, which accept
weighted ``Counter`` bags directly:

========================  ==========================================================
``"containment"``          Tversky index with weights (1, 0): the weighted share of
                           the bag found in the sources. The default; it separated
                           supported from added sentences best (see
                           ``bench/calibrate_alignment.py``).
``"cosine"``               Cosine (Ochiai) similarity of the bag and the sources.
``"overlap"``              Overlap coefficient: intersection over the smaller bag.
``"jaccard"``              Jaccard index of the bag and the sources.
========================  ==========================================================

textdistance is called with ``external=False`` semantics: these algorithms have no
external accelerators, so results never depend on which optional libraries are
installed.

To plug in another measure (a semantic model, say), write a class with a ``name``
and a ``support(part, sources)`` method and pass it as ``AlignOptions(similarity=...)``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Final, Protocol, runtime_checkable

import attrs

from sourcecompare.exceptions import UnknownMeasureError

if TYPE_CHECKING:
    from sourcecompare._documents import Segment

__all__ = [
    "MEASURES",
    "Similarity",
    "TermBag",
    "TextdistanceSimilarity",
    "get_measure",
    "union_of",
    "weighted_bag",
    "weighted_containment",
]


@attrs.frozen(eq=False)
class TermBag:
    """A segment as alignment sees it: its content keys with their weights.

    Attributes:
        segment: The segment.
        doc: Index of its document (0 for the derivative; for wires, the wire's index).
        weights: Key to weight (informativeness): content words, plus function words
            when ``function_word_weight`` is above 0 or the segment has nothing else.
        cover: What the segment covers when it is a source: its weights plus the
            words inside its multi-word names ("Port Alder Water Authority" also
            covers "Port" and "Alder"). Defaults to ``weights``.

    .. versionadded:: 0.1
    """

    segment: Segment
    doc: int
    weights: Counter[str]
    cover: Counter[str] = attrs.field(
        default=attrs.Factory(lambda self: self.weights, takes_self=True)
    )

    @property
    def total(self) -> float:
        """The bag's total weight."""
        return float(sum(self.weights.values()))


@runtime_checkable
class Similarity(Protocol):
    """Scores how much of a segment some source segments support.

    Implementations must be deterministic and return a float in ``[0, 1]``: 1 when the
    sources cover every content key of *part*, 0 when they share nothing with it.
    *sources* may be empty (return 0 then).

    .. versionadded:: 0.1
    """

    name: str

    def support(self, part: TermBag, sources: Sequence[TermBag]) -> float:
        """Return how much of *part* the *sources* together support, in ``[0, 1]``."""
        ...


def union_of(bags: Sequence[TermBag]) -> Counter[str]:
    """What the bags cover together: the key-wise maximum of their ``cover``."""
    if len(bags) == 1:
        return bags[0].cover
    union: Counter[str] = Counter(bags[0].cover)
    for bag in bags[1:]:
        for key, weight in bag.cover.items():
            if weight > union.get(key, 0.0):
                union[key] = weight
    return union


def weighted_bag(weights: Mapping[str, float]) -> Counter[str]:
    """A ``Counter`` holding float weights.

    textdistance accepts bags only as ``Counter`` objects, whose values typeshed
    declares as ``int``; the algorithms themselves work on any numbers.
    """
    # Counter() then Counter.update(weights), without their Python-level checks: an
    # empty Counter is an empty dictionary, and update on an empty one is dict.update.
    bag: Counter[str] = Counter.__new__(Counter)
    dict.update(bag, weights)
    return bag


class TextdistanceSimilarity:
    """A :class:`Similarity` computed by a textdistance token algorithm on weighted bags.

    Args:
        name: The measure's name in reports.
        algorithm: A textdistance algorithm instance taking two ``Counter`` bags.

    .. versionadded:: 0.1
    """

    def __init__(
        self,
        name: str,
        algorithm: Callable[..., float],
        *,
        containment: bool = False,
    ):
        self.name = name
        self._algorithm = algorithm
        #: Whether the measure is weighted containment: alignment then searches for
        #: sources with the same arithmetic inline, without per-call overhead, and
        #: reports every kept score through the measure itself.
        self.is_containment = containment

    def __repr__(self) -> str:
        return f"TextdistanceSimilarity({self.name!r})"

    def support(self, part: TermBag, sources: Sequence[TermBag]) -> float:
        """Return how much of *part* the union of *sources* supports."""
        if not sources or not part.weights:
            return 0.0
        union = union_of(sources)
        if not union:
            return 0.0
        if self.is_containment:
            value = weighted_containment(part.weights, union)
        else:
            value = float(self._algorithm(part.weights, union))
        return min(1.0, max(0.0, value))


def weighted_containment(part: Mapping[str, float], union: Mapping[str, float]) -> float:
    """The value of textdistance's ``Tversky(ks=(1, 0), as_set=False)(part, union)``.

    The same arithmetic in the same order, so the same float to the last bit
    (``tests/test_prepare.py`` checks it against textdistance): the weight of the
    intersection (key by key the smaller weight, summed in *part*'s order) over
    ``intersection + 1 * (total - intersection) + 0 * (...)``. It skips the
    Counter copies and the generic checks of textdistance's call, which made up most
    of the cost of alignment. Both bags must be non-empty, with positive weights.

    .. versionadded:: 0.1
    """
    return _containment(part, union, sum(part.values()))


def _containment(part: Mapping[str, float], union: Mapping[str, float], total: float) -> float:
    """:func:`weighted_containment` given *total*, ``sum(part.values())`` (a bag's ``total``)."""
    # Summed one by one in *part*'s order from 0, as sum() of the list of them would
    # (0 + the first is the first); a key *union* lacks adds nothing (min(weight, 0)).
    intersection = 0.0
    for key, weight in part.items():
        if key in union:
            other = union[key]
            least = weight if weight < other else other  # noqa: FURB136 - as Counter.__and__
            if least > 0:
                intersection += least
    return float(intersection / (intersection + (total - intersection)))


def _algorithm(name: str, **options: object) -> Callable[[Counter[str], Counter[str]], float]:
    """The textdistance algorithm *name*, made with *options* when it is first called.

    textdistance is imported then, not before: ``import sourcecompare`` stays fast,
    and a run with the default measure (whose arithmetic :func:`weighted_containment`
    does inline) never needs it.
    """
    made: list[Callable[[Counter[str], Counter[str]], float]] = []

    def algorithm(part: Counter[str], union: Counter[str]) -> float:
        if not made:
            import textdistance  # noqa: PLC0415 - lazy, see above

            made.append(getattr(textdistance, name)(**options))
        return made[0](part, union)

    return algorithm


MEASURES: Final[dict[str, Callable[[], Similarity]]] = {
    "containment": lambda: TextdistanceSimilarity(
        "containment", _algorithm("Tversky", ks=(1, 0), as_set=False), containment=True
    ),
    "cosine": lambda: TextdistanceSimilarity("cosine", _algorithm("Cosine", as_set=False)),
    "overlap": lambda: TextdistanceSimilarity("overlap", _algorithm("Overlap", as_set=False)),
    "jaccard": lambda: TextdistanceSimilarity("jaccard", _algorithm("Jaccard", as_set=False)),
}
"""Built-in measures by name."""


def get_measure(name: str) -> Similarity:
    """Return the built-in measure called *name*.

    Raises:
        UnknownMeasureError: There is no measure of that name.

    .. versionadded:: 0.1
    """
    factory = MEASURES.get(name)
    if factory is None:
        msg = f"unknown similarity measure {name!r}; choose one of {', '.join(sorted(MEASURES))}"
        raise UnknownMeasureError(msg, option="measure")
    return factory()
