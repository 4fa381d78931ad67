"""Parse an article and show what sourcecompare found in it.

    python examples/inspect_article.py [ARTICLE]

Without an argument it reads the bundled wire report. Prints the credited agency,
the dateline, the byline, the headline and each sentence with its character offsets,
then the same as a Rich view.
"""

from __future__ import annotations

import sys
from pathlib import Path

import rich

import sourcecompare as sc

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Parse the article named in *argv* (or the bundled wire) and print its structure."""
    path = Path(argv[0]) if argv else HERE / "articles" / "harbour_wire.txt"
    try:
        doc = sc.Document.from_path(path)
    except sc.SourceCompareError as exc:
        print(f"cannot read {path}: {exc}", file=sys.stderr)
        return 2

    print(f"agency:    {doc.agency or 'none credited'}")
    if doc.dateline is not None:
        print(f"dateline:  {doc.dateline.place}, {doc.dateline.date or 'no date'}")
    if doc.byline is not None:
        print(f"byline:    {', '.join(doc.byline.names)}")
    if doc.headline is not None:
        print(f"headline:  {doc.headline.text}")
    for sentence in doc.sentences:
        # Every offset points into the original text, exactly, so the slice
        # of the text between start and end is the sentence itself.
        print(f"{sentence.start:>6}-{sentence.end:<6} {sentence.text[:70]}")
    rich.print(doc)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
