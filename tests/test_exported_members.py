"""The public surface of ``sourcecompare`` is exactly its curated ``__all__``.

After httpx's ``tests/test_exported_members.py``: everything public that the package
namespace defines is listed in ``__all__``, and ``__all__`` stays sorted.
"""

from __future__ import annotations
import __future__

import re
import types

import pytest

import sourcecompare

# Submodules that importing the package (or its CLI) binds as attributes; they are
# reached as modules (``sourcecompare.exceptions``), not re-exported names.
SUBMODULES = frozenset({"cli", "exceptions", "render", "typing"})


def isort_key(name: str) -> tuple[int, list[object]]:
    """Ruff's RUF022 "isort-style" order: CONSTANTS, then Classes, then functions.

    Within each group names sort naturally (digits by value), as ruff does.
    """
    if name.isupper() and len(name) > 1:
        group = 0
    elif name[:1].isupper():
        group = 1
    else:
        group = 2
    natural = [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]
    return group, natural


def public_names() -> list[str]:
    """Public names bound in the package namespace, without submodules and __future__."""
    return [
        name
        for name, value in vars(sourcecompare).items()
        if not name.startswith("_")
        and name not in SUBMODULES
        and not isinstance(value, types.ModuleType)
        and value is not __future__.annotations
    ]


class TestExportedMembers:
    """The package's public names."""

    def test_all_is_sorted(self):
        """__all__ is in ruff's isort-style order and has no duplicates."""
        assert sourcecompare.__all__ == sorted(sourcecompare.__all__, key=isort_key)
        assert len(set(sourcecompare.__all__)) == len(sourcecompare.__all__)

    def test_all_is_every_public_name(self):
        """__all__ lists exactly the public names the package namespace defines."""
        assert sorted(sourcecompare.__all__) == sorted(public_names())

    def test_all_names_resolve(self):
        """Every name in __all__ is an attribute of the package."""
        for name in sourcecompare.__all__:
            assert getattr(sourcecompare, name) is not None, name

    def test_exported_objects_come_from_the_package(self):
        """Exported classes and functions are defined inside sourcecompare."""
        for name in sourcecompare.__all__:
            value = getattr(sourcecompare, name)
            module = getattr(value, "__module__", None)
            if module is not None and not isinstance(value, int):
                assert module.startswith("sourcecompare"), (name, module)

    def test_version(self):
        """__version__ is a version string read from the package metadata."""
        assert isinstance(sourcecompare.__version__, str)
        assert re.match(r"\d+\.\d+", sourcecompare.__version__)
        assert "__version__" not in sourcecompare.__all__

    def test_unknown_attribute(self):
        """An unknown attribute raises AttributeError naming it."""
        with pytest.raises(AttributeError, match="no_such_name"):
            _ = sourcecompare.no_such_name  # type: ignore[attr-defined]
