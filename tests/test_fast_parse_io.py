"""Binary detection counts control bytes in C: the same verdict as counting them one by one."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecompare import decode_bytes
from sourcecompare._io import _BOMS, _CONTROL_BYTES, _MAGIC, _utf16_without_bom
from sourcecompare.exceptions import BinaryInputError, DecodingError

_BYTES = st.lists(
    st.sampled_from([*range(0x20), 0x41, 0x61, 0x20, 0x7F, 0xC3, 0xA9]), max_size=60
).map(bytes)


def _plain_verdict(data: bytes) -> int | None:
    """Where the one-by-one rule finds the input binary, or ``None``."""
    sample = data[:8192]
    zero = sample.find(b"\x00")
    controls = [i for i, b in enumerate(sample) if b in _CONTROL_BYTES]
    if zero >= 0 or (sample and len(controls) > 0.1 * len(sample)):
        return zero if zero >= 0 else controls[0]
    return None


@settings(max_examples=500, deadline=None)
@given(_BYTES)
def test_binary_verdict_and_offset_are_the_plain_rule(data: bytes) -> None:
    """Binary at the same offset, or decoded (or refused as undecodable) alike."""
    # Magic numbers, byte-order marks and UTF-16 guesses come first: count only without.
    marks = [magic for magic, _ in _MAGIC] + [bom for bom, _ in _BOMS]
    if any(data.startswith(mark) for mark in marks) or _utf16_without_bom(data[:8192]):
        return
    expected = _plain_verdict(data)
    if expected is None:
        with contextlib.suppress(DecodingError):  # not binary: decoded, or not UTF-8
            decode_bytes(data)
        return
    with pytest.raises(BinaryInputError) as caught:
        decode_bytes(data)
    assert caught.value.offset == expected
