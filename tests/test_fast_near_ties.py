"""Near ties among candidates rank as the full rounded key ranks them.

``_Aligner._rank_near`` rounds shares only where two come within ``_NEAR`` of each
other (rounding is costly); the ranking must be the one the full key gives.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecompare import Document
from sourcecompare._align import AlignOptions, _Aligner

_WIRE = Document.from_text(
    "Ferry service resumes\n\n"
    + " ".join(f"The ferry line {n} resumed service on the harbour route {n}." for n in range(12))
)
_DERIVATIVE = Document.from_text("Ferry back\n\nThe ferry resumed service on the harbour route.")
_SIZE = len(_WIRE.segments)


def _full_key_ranking(
    aligner: _Aligner, here: float, near: list[tuple[int, float]]
) -> list[tuple[int, float]]:
    relative = aligner._relative_positions()
    totals = aligner.wire_totals
    decorated = sorted(
        (-round(v, 9), -round(v / totals[p], 9), abs(relative[p] - here), p, (p, v))
        for p, v in near
    )
    return [entry[4] for entry in decorated]


_NUDGES = st.sampled_from([0.0, 1e-13, -1e-13, 4e-10, -4e-10, 3e-9, 2e-8, 0.25])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(0, _SIZE - 1), min_size=2, max_size=_SIZE, unique=True),
    st.lists(st.tuples(st.sampled_from([1.0, 2.0, 3.5]), _NUDGES), min_size=_SIZE, max_size=_SIZE),
    st.sampled_from([0.7, 0.7 + 1e-12]),
    st.integers(1, 10),
)
def test_rank_near_is_the_full_key_ranking(
    positions: list[int], totals: list[tuple[float, float]], second: float, wanted: int
) -> None:
    """The first *wanted* of the ranking, with one overlap for all or near ones."""
    aligner = _Aligner([_WIRE], _DERIVATIVE, AlignOptions())
    aligner.wire_totals = [base + nudge for base, nudge in totals]
    item = aligner.derivative_items[-1]
    here = item.segment.index / len(_DERIVATIVE.segments)
    near = sorted(
        [(p, 0.7 if k % 2 == 0 else second) for k, p in enumerate(positions)],
        key=lambda entry: entry[1],
        reverse=True,
    )
    ranked = aligner._rank_near(item, near, wanted)
    expected = _full_key_ranking(aligner, here, near)
    assert ranked[:wanted] == expected[:wanted]
    assert len(ranked) >= min(wanted, len(near))
