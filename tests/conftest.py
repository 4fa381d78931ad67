"""Shared fixtures and skip helpers for the sourcecompare test suite.

Every text used here is fictional and written for the tests; the real articles in
``../shared`` are only read by the tests that are marked :data:`requires_shared`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sourcecompare as sc

REPO_ROOT = Path(__file__).resolve().parent.parent
"""The repository root (the directory that holds ``pyproject.toml``)."""

SHARED_DIR = REPO_ROOT.parent / "shared"
"""The shared material next to the repository (seeds, evaluation data); may be absent."""

ARTICLES_DIR = REPO_ROOT / "examples" / "articles"
"""The fictional example articles that ship with the repository."""

requires_shared = pytest.mark.skipif(
    not SHARED_DIR.is_dir(), reason=f"shared material not found at {SHARED_DIR}"
)
"""Skip a test (or a module, as ``pytestmark``) when ``<repo>/../shared`` is absent."""


def requires_shared_path(*parts: str) -> pytest.MarkDecorator:
    """Skip unless ``<repo>/../shared/<parts>`` exists (e.g. ``requires_shared_path("seeds")``)."""
    path = SHARED_DIR.joinpath(*parts)
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not found")


WIRE_TEXT = """\
News > World >

Lindby harbour board approves ferry link to Skarv island

Source: Reuters | 2025-04-02
Lindby harbour board approves ferry link to Skarv island

By Jane Doe

LINDBY, April 1 (Reuters) - The Lindby harbour board approved a ferry link to \
Skarv island on Tuesday, saying it would carry about 900 passengers a day.

Dr. Ada Berg, who chairs the board, said the U.S. builder would deliver two boats \
by Nov. 3. "We waited a long time. Now it is done," Berg said.

The link will cost 1,200 crowns a year per household, a rise of 4% on current fares.

(Reporting by Jane Doe; Editing by John Roe)
"""
"""A short fictional wire report with every common kind of furniture."""

DERIVATIVE_TEXT = """\
# A New Era for Skarv Island

Skarv island is finally getting the ferry link its residents deserve.

## What the Board Decided

- The board approved the link on Tuesday.
- Two boats will be delivered by November.

**Costs and Concerns**

Households will pay more, a modest price for a reliable crossing.
"""
"""A short fictional Markdown rewrite with headings and a list."""


@pytest.fixture(name="shared_dir")
def _shared_dir() -> Path:
    """The shared material directory; skips the test when it is absent."""
    if not SHARED_DIR.is_dir():
        pytest.skip(f"shared material not found at {SHARED_DIR}")
    return SHARED_DIR


@pytest.fixture(name="articles_dir")
def _articles_dir() -> Path:
    """The repository's fictional example articles."""
    return ARTICLES_DIR


@pytest.fixture(name="agencies")
def _agencies() -> sc.AgencyList:
    """The bundled agency list."""
    return sc.AgencyList.default()


@pytest.fixture(name="wire_text")
def _wire_text() -> str:
    """A fictional wire report with crumbs, source line, byline, dateline and trailer."""
    return WIRE_TEXT


@pytest.fixture(name="wire_doc")
def _wire_doc() -> sc.Document:
    """The fictional wire report, parsed."""
    return sc.Document.from_text(WIRE_TEXT, doc_id="wire")


@pytest.fixture(name="derivative_text")
def _derivative_text() -> str:
    """A fictional Markdown rewrite with headings, a list and a bold heading."""
    return DERIVATIVE_TEXT


@pytest.fixture(name="derivative_doc")
def _derivative_doc() -> sc.Document:
    """The fictional Markdown rewrite, parsed."""
    return sc.Document.from_text(DERIVATIVE_TEXT, doc_id="derivative", format="markdown")
