"""Load the word lists and tables that ship as data files inside the package."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, TypeVar

from sourcecompare.exceptions import InvalidOptionError

__all__ = ["load_json", "load_word_list", "read_data", "read_user_json"]

_T = TypeVar("_T")


_DATA: Final = Path(__file__).resolve().parent / "data"


def read_data(name: str) -> str:
    """A bundled data file's text (a plain path: importlib.resources costs 7 ms to import)."""
    return (_DATA / name).read_text(encoding="utf-8")


@functools.cache
def load_word_list(name: str) -> frozenset[str]:
    """Read a one-entry-a-line data file, skipping blank lines and ``#`` comments."""
    words = set()
    for raw in read_data(name).splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            words.add(line)
    return frozenset(words)


@functools.cache
def load_json(name: str) -> Any:  # noqa: ANN401 - the shape is the data file's own
    """Read a JSON data file."""
    return json.loads(read_data(name))


def read_user_json(
    path: str | Path, build: Callable[[dict[str, Any]], _T], *, what: str, option: str
) -> _T:
    """Build *what* from a user's JSON file holding one object.

    Raises:
        InvalidOptionError: The file cannot be read, is not JSON, holds no object, or
            *build* rejects it; the message names the file and the problem.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            msg = f"expected a JSON object, found {type(data).__name__}"
            raise TypeError(msg)  # noqa: TRY301 - reported below with the file name
        return build(data)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        msg = f"cannot read {what} from {str(path)!r}: {exc}"
        raise InvalidOptionError(msg, option=option) from exc
