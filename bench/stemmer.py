"""Our Porter2 stemmer against snowballstemmer: agreement on real text, and speed.

    python bench/stemmer.py [--data ../shared/data] [--check]

Collects every distinct word of the files under ``--data`` (the annotated datasets),
adds each with common English suffixes, and stems all of them with
``sourcecompare._stem.stem`` and with snowballstemmer's English stemmer (the Snowball
project's generated Python, the reference). Prints how many words disagree (target:
none) and the time per word of each. With ``--check`` it exits 1 on any disagreement.
Needs the ``bench`` dependency group (snowballstemmer).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _data import SHARED
from snowballstemmer.english_stemmer import EnglishStemmer

from sourcecompare._stem import stem

WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*'?")
SUFFIXES = "s es ed ing ly ness ation 's ies ied edly ingly eed y al ize ement ion ful".split()
MAX_FILE = 300_000_000  # bytes; larger files are skipped


def vocabulary(root: Path) -> list[str]:
    """Every distinct lower-cased word in the text files under *root*."""
    words: set[str] = set()
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.stat().st_size > MAX_FILE:
            continue
        text = path.read_bytes().decode("utf-8", errors="ignore")
        words.update(w.lower() for w in WORD_RE.findall(text))
    return sorted(words)


def per_word(function: Callable[[str], str], words: list[str]) -> float:
    """Seconds per word of *function* over *words*, best of three passes."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for word in words:
            function(word)
        best = min(best, time.perf_counter() - start)
    return best / len(words)


def main(argv: list[str] | None = None) -> int:
    """Compare, print the figures, and with --check return 1 on a disagreement."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=SHARED / "data", help="text to take words from"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 on any disagreement")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no data at {args.data}: nothing to compare", file=sys.stderr)
        return 0 if not args.check else 1

    reference = EnglishStemmer()
    words = vocabulary(args.data)
    variants = sorted({w + s for w in words for s in ("", *SUFFIXES)})
    wrong = [w for w in variants if stem(w) != reference.stemWord(w)]
    print(f"{len(words):,} distinct words under {args.data}, {len(variants):,} with suffixes")
    print(f"disagreements with snowballstemmer: {len(wrong)}")
    for word in wrong[:20]:
        print(f"  {word!r}: ours {stem(word)!r}, snowball {reference.stemWord(word)!r}")
    sample = words[:: max(1, len(words) // 50_000)]
    ours, theirs = per_word(stem, sample), per_word(reference.stemWord, sample)
    print(f"time per word: ours {ours * 1e6:.1f} µs, snowballstemmer {theirs * 1e6:.1f} µs")
    return 1 if args.check and wrong else 0


if __name__ == "__main__":
    sys.exit(main())
