"""Does the Snowball stemmer earn its place? Paraphrase detection with and without it.

    python bench/stemming.py [--shared ../shared]

Scores every MSRP pair (whichever split is present) by the harmonic mean of the two
IDF-weighted containments of content words, keyed once by normal form (case-folded
word) and once by Snowball stem, and prints the AUROC of each. IDF is counted over all
sentences of the split; labels are used only to compute the AUROC.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from _data import SHARED, auroc, msrp_files, read_msrp

from sourcecompare import Token, tokenize


def pair_scores(rows: list[tuple[int, str, str]], key: Callable[[Token], str]) -> list[float]:
    """Harmonic mean of the two weighted containments, for every pair."""
    bags = [
        (
            {key(t) for t in tokenize(a) if not t.is_stop},
            {key(t) for t in tokenize(b) if not t.is_stop},
        )
        for _, a, b in rows
    ]
    df: Counter[str] = Counter()
    for first, second in bags:
        df.update(first)
        df.update(second)
    n = 2 * len(bags)
    scores = []
    for first, second in bags:
        weight = {k: math.log((n + 1) / (df[k] + 1)) + 1 for k in first | second}
        shared = sum(weight[k] for k in first & second)
        a = shared / sum(weight[k] for k in first) if first else 0.0
        b = shared / sum(weight[k] for k in second) if second else 0.0
        scores.append(2 * a * b / (a + b) if a + b else 0.0)
    return scores


def main() -> int:
    """Print the AUROC with normal forms and with stems."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    files = msrp_files(args.shared)
    if not files:
        print(f"no MSRP split under {args.shared}; nothing to measure")
        return 0
    for path in files:
        rows = list(read_msrp(path))
        labels = [label for label, _, _ in rows]
        for name, key in (("normal form", lambda t: t.norm), ("Snowball stem", lambda t: t.stem)):
            print(f"{path.name}: {name:13} AUROC {auroc(pair_scores(rows, key), labels):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
