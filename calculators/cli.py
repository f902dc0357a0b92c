"""Adapter: the command line, generated from the calculators' declarations; one JSON object on stdout.

    python -m calculators COMMAND [ARGUMENTS] [--lang en|hu|pl|vi]

Every registered calculator is a command named after it (`coverage-end`), with one option per
question of its form (`--first-day`; choices and required as the form says) plus what its
declaration adds for the command line (the documented aliases `validate` and `office`, positional
arguments, switches such as `--not-domestic`). The output is the outcome the browser receives
(status, errors, choices, answer, data), with `problems` and each command's documented keys at the
top level.

Exit codes: 0 answered / valid, 1 invalid input (see `problems`), 2 usage error (a bad --today too),
3 internal error (a fault in Kapu: one line on stderr; KAPU_DEBUG=1 adds the traceback).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import traceback

from calculators.core import registry
from calculators.core.cleaning import parse_date
from calculators.core.declaration import Calculator
from calculators.core.forms import Field, FieldKind
from calculators.core.i18n import LANGUAGES

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

METAVARS = {FieldKind.DATE: "YYYY-MM-DD", FieldKind.PERCENT: "PERCENT", FieldKind.MONEY: "FORINTS"}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with a short message
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def option(field_name: str) -> str:
    return "--" + field_name.replace("_", "-")


def _field_help(field: Field) -> str:
    return field.label.replace("%", "%%")  # English is the message id; argparse formats with %


def add_command(sub: argparse._SubParsersAction, calc: Calculator) -> None:
    """One sub-command for one calculator, from its form and its command-line declaration."""
    spec = calc.command
    p = sub.add_parser(calc.name, aliases=list(spec.aliases), help=calc.form.title, description=calc.form.title)
    fields = {f.name: f for f in calc.form.fields}
    for name in spec.positional:
        f = fields[name]
        p.add_argument(name, choices=[o.value for o in f.options] or None, help=_field_help(f))
    for f in calc.form.fields:
        if f.name in spec.positional:
            continue
        choices = [o.value for o in f.options] or None
        required = (f.required and f.name not in spec.defaults) or f.name in spec.required
        switches = [s for s in spec.switches if s.field == f.name]
        target = p.add_mutually_exclusive_group(required=required) if switches else p
        if option(f.name) not in {s.option for s in switches}:  # a switch may take the option's name
            target.add_argument(option(f.name), dest=f.name, choices=choices, metavar=METAVARS.get(f.kind),
                                required=required and not switches, help=_field_help(f))
        for s in switches:
            target.add_argument(s.option, dest=f.name, action="store_const", const=s.value, help=s.help)
    p.add_argument("--lang", choices=LANGUAGES, default="en")
    p.add_argument("--today", type=_today, help=argparse.SUPPRESS)  # pinned by the tests
    p.set_defaults(calculator=calc.name)


def _today(text: str) -> dt.date:
    try:
        return parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError("not a date (YYYY-MM-DD)") from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m calculators", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar="COMMAND")
    for name in registry.names():
        add_command(sub, registry.calculator(name))
    return parser


def answer(calc: Calculator, values: dict[str, str], lang: str, today: dt.date) -> tuple[dict, int]:
    """The JSON object to print and the exit status, for the answers given on the command line."""
    outcome = calc.outcome({**calc.command.defaults, **values}, today).as_dict(lang)
    out = outcome | {"problems": outcome["errors"]}
    if calc.command.keys:
        out |= calc.command.keys(outcome, lang)
    return out, EXIT_INVALID if out["problems"] or outcome["status"] != "answer" else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)  # a usage error (a bad --today too) exits 2 here
    try:
        return run(args)
    except Exception as err:  # a fault in Kapu, not in the input: say so in one line, exit 3
        if os.environ.get("KAPU_DEBUG") == "1":
            traceback.print_exc()
        print(f"python -m calculators: internal error ({type(err).__name__}); "
              "run again with KAPU_DEBUG=1 for details", file=sys.stderr)
        return EXIT_INTERNAL


def run(args: argparse.Namespace) -> int:
    """Answer one parsed command line: print the outcome, return the exit code."""
    calc = registry.calculator(args.calculator)
    values = {f.name: getattr(args, f.name) for f in calc.form.fields if getattr(args, f.name) is not None}
    out, status = answer(calc, values, args.lang, args.today or dt.date.today())
    if out.get("ignored"):  # the command takes every option at once; say which did not matter
        print(f"note: not used, an earlier answer makes them irrelevant: {', '.join(map(option, out['ignored']))}",
              file=sys.stderr)
    sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    return status
