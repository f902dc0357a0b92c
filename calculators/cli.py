"""Command line, same engine as the pages: one JSON object on stdout.

    python -m calculators validate KIND VALUE [--birth-date YYYY-MM-DD] [--lang en|hu|pl|vi]

Exit codes: 0 valid / answered, 1 invalid input, 2 usage error, 3 internal error (a fault in
Kapu: one line on stderr; KAPU_DEBUG=1 adds the traceback).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import traceback

from calculators import identifiers, offices
from calculators.cleaning import parse_date
from calculators.hu_self_notification import coverage_end, eligibility
from calculators.i18n import LANGUAGES

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with a short message
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def common_options(parser: argparse.ArgumentParser) -> None:
    """Options every command takes: the reader's language, and a pinned "today" for tests."""
    parser.add_argument("--lang", choices=LANGUAGES, default="en")
    parser.add_argument("--today", type=_today, help=argparse.SUPPRESS)


def _today(text: str) -> dt.date:
    """--today: a real date, or a usage error (exit 2)."""
    try:
        return parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def print_json(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def today(args: argparse.Namespace) -> dt.date:
    return args.today or dt.date.today()


def add_validate(sub: argparse._SubParsersAction) -> None:
    v = sub.add_parser("validate", help="check an identifier")
    v.add_argument("kind", choices=sorted(identifiers.KINDS))
    v.add_argument("value")
    v.add_argument("--birth-date", help="YYYY-MM-DD, for vn-personal-id")
    common_options(v)
    v.set_defaults(handler=cmd_validate)


# Each command registers its own sub-parser; a new calculator adds one line here.
COMMANDS = (add_validate, eligibility.add_command, coverage_end.add_command, offices.add_office)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m calculators", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for add in COMMANDS:
        add(sub)
    return parser


def cmd_validate(args: argparse.Namespace) -> int:
    birth_date = None
    if args.birth_date:
        try:
            birth_date = parse_date(args.birth_date)
        except ValueError:
            print_json({"problems": [identifiers._BAD_BIRTH_DATE.as_dict(args.lang)]})
            return EXIT_INVALID
    result = identifiers.validate(args.kind, args.value, today(args), birth_date)
    out = result.as_dict(args.lang)
    print_json(out)
    return EXIT_OK if result.valid else EXIT_INVALID


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except Exception as err:  # a fault in Kapu, not in the input: say so in one line, exit 3
        if os.environ.get("KAPU_DEBUG") == "1":
            traceback.print_exc()
        print(f"python -m calculators: internal error ({type(err).__name__}); "
              "run again with KAPU_DEBUG=1 for details", file=sys.stderr)
        return EXIT_INTERNAL
