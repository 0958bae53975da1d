"""Entry point of the frozen app: the same as the ``reader`` command."""

import sys

from reader.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
