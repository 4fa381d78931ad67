"""``python -m sourcecompare``: the command-line interface."""

from __future__ import annotations

import sys

from sourcecompare.cli import main

if __name__ == "__main__":
    sys.exit(main())
