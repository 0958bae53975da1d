"""``reader``: the desktop app; ``reader check FILE``: the engine headless."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "check":
        from reader.cli import check_main

        return check_main(args[1:])
    from reader.gui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
