"""Load the word lists and tables that ship as data files inside the package."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

__all__ = ["load_json", "load_word_list"]


def _read(name: str) -> str:
    return (resources.files("sourcecompare") / "data" / name).read_text(encoding="utf-8")


@functools.cache
def load_word_list(name: str) -> frozenset[str]:
    """Read a one-entry-a-line data file, skipping blank lines and ``#`` comments."""
    words = set()
    for raw in _read(name).splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            words.add(line)
    return frozenset(words)


@functools.cache
def load_json(name: str) -> Any:  # noqa: ANN401 - the shape is the data file's own
    """Read a JSON data file."""
    return json.loads(_read(name))
