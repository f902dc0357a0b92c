"""Hostile input for the fuzz tests and the benchmark: arbitrary JSON requests to run_json and
arbitrary command lines. One place, so the test and bench/bench.py send the same shapes."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import strategies as st

from calculators import web

CALCULATORS = sorted(web.CALCULATORS)
FIELDS = sorted({f.name for name in CALCULATORS for f in web.form(name).fields})
CHOICES = sorted({o.value for name in CALCULATORS for f in web.form(name).fields for o in f.options})

# Characters that have broken text handling somewhere: controls, direction marks, zero-width and
# no-break spaces, full-width digits, combining marks, lone surrogates, markup.
NASTY = ("\x00", "\x07", "\x1b", "\t", "\n", "\u200e", "\u200f", "\u202e", "\u2066", "\u061c", "\u200b",
         "\u00a0", "\u3000", "\uff10", "\uff19", "\u0301", "\ud800", "\udcff", "\ufeff", "<script>", "%s",
         "%(x)s", "{0}", "\\", '"', "-", ".", ",", " ")

hostile_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=40),  # surrogates too
    st.lists(st.sampled_from(NASTY) | st.text(alphabet="0123456789", max_size=12), max_size=12).map("".join),
    st.builds(lambda c, n: c * n, st.sampled_from(["9", "a", " ", "\u200b", "é", "-"]),
              st.integers(0, 20_000)),  # huge strings
)

_part = st.one_of(st.integers(0, 99_999_999_999_999_999_999).map(str), st.text(alphabet="0123456789", max_size=25),
                  st.integers(-99, 99).map(str))
date_shapes = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: f"{d.year}-{d.month}-{d.day}"),  # no leading zeros
    st.dates().map(lambda d: d.strftime("%d.%m.%Y")),
    st.dates().map(lambda d: d.isoformat().translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})),
    st.tuples(_part, _part, _part).map("-".join),
    st.sampled_from(["2024-02-30", "2023-02-29", "0000-01-01", "9999-12-31", "1-1-1", "2024-01-9999999999",
                     "2024-01-2147483648", "2024-13-01", "2026-03-01T00:00", "20260301", "2026-W09-1", ""]),
)

form_value = st.one_of(st.sampled_from(CHOICES), date_shapes, hostile_text)

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(-(10**60), 10**60),
                         st.floats(), hostile_text)
any_json = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4)
                        | st.dictionaries(hostile_text, inner, max_size=4), max_leaves=12)

values = st.one_of(
    st.dictionaries(st.sampled_from(FIELDS) | hostile_text, form_value | json_scalars, max_size=10),
    st.dictionaries(st.sampled_from(FIELDS), form_value, max_size=10),
    any_json,
)


def _request(calculator, values, lang, today, extra) -> dict:
    request = {**extra, "calculator": calculator, "values": values, "lang": lang, "today": today}
    return {k: v for k, v in request.items() if v is not _MISSING}


_MISSING = object()
_maybe = lambda s: st.just(_MISSING) | s  # noqa: E731 (a key left out of the request)

request_objects = st.builds(
    _request,
    _maybe(st.sampled_from(CALCULATORS) | any_json),
    _maybe(values),
    _maybe(st.sampled_from(["en", "hu", "pl", "vi", "de", "", "EN"]) | any_json),
    _maybe(date_shapes | any_json),
    st.dictionaries(hostile_text, any_json, max_size=2),
)



def _field_value(field, hostile: bool) -> st.SearchStrategy:
    """Values a field may plausibly get, and hostile ones if asked for."""
    plausible = {
        "date": st.dates(dt.date(1930, 1, 1), dt.date(2035, 12, 31)).map(dt.date.isoformat),
        "percent": st.from_regex(r"-?\d{1,4}([.,]\d{0,3})? ?%?", fullmatch=True),
        "money": st.from_regex(r"-?\d{1,3}([ .]?\d{3}){0,4}(,-)?( ?(Ft|HUF|forint))?", fullmatch=True),
        "text": st.from_regex(r"[0-9 \-]{0,14}", fullmatch=True) | st.sampled_from(["Győr", "Budapest", "Pécs"]),
    }.get(field.kind, st.nothing())
    options = st.sampled_from([o.value for o in field.options]) if field.options else st.nothing()
    if not hostile:
        return options | plausible
    return st.one_of(options, plausible, st.just(""), hostile_text, date_shapes)


def _form_values(name: str) -> st.SearchStrategy:
    """Either every required field answered plausibly, or any fields with any values."""
    fields = web.form(name).fields
    plausible = st.fixed_dictionaries({f.name: _field_value(f, False) for f in fields if f.required},
                                      optional={f.name: _field_value(f, False) for f in fields if not f.required})
    return plausible | st.fixed_dictionaries({}, optional={f.name: _field_value(f, True) for f in fields})


# Requests as the bridge sends them, with every field filled plausibly or hostilely: the rules' own input.
well_formed = st.sampled_from(CALCULATORS).flatmap(lambda name: st.builds(
    lambda values, lang, today: {"calculator": name, "values": values, "lang": lang, "today": today},
    _form_values(name), st.sampled_from(["en", "hu", "pl", "vi"]),
    st.dates().map(lambda d: d.isoformat()))).map(json.dumps)

# What the worker receives: mostly JSON objects, sometimes any JSON, sometimes not JSON at all.
_malformed = st.one_of(
    request_objects.map(json.dumps),
    request_objects.map(lambda r: json.dumps(r, ensure_ascii=False)),
    any_json.map(json.dumps),
    hostile_text,
    st.builds(lambda n: "[" * n + "]" * n, st.integers(1, 100_000)),  # nested deeper than the recursion limit
    st.builds(lambda n: "1" * n, st.integers(4000, 6000)),  # a number longer than int() reads
)
requests = st.booleans().flatmap(lambda plain: well_formed if plain else _malformed)  # half and half

# --- the command line ------------------------------------------------------------------------

# Every generated command and its documented aliases, and every option any of them takes.
COMMANDS = sorted({*CALCULATORS, "validate", "office"})
FLAGS = ["--not-domestic", "--domestic", "--help", "-h", "--", "-"]
VALUED = sorted({"--lang", "--today", "--pick", *("--" + f.replace("_", "-") for f in FIELDS)})
KINDS = ["taj", "snils", "vn-personal-id", "ugyfelkapu-username", "eid-document-number", "eid-registration-code"]
cli_value = st.one_of(st.sampled_from([*KINDS, "en", "hu", "pl", "vi", "de", "9021", "Győr"]),
                      st.dates(dt.date(1930, 1, 1), dt.date(2035, 12, 31)).map(dt.date.isoformat), date_shapes,
                      hostile_text.filter(lambda s: "\x00" not in s and len(s) < 5000))  # exec refuses NUL
_option = st.one_of(st.tuples(st.sampled_from(VALUED), cli_value), st.tuples(st.sampled_from(FLAGS)))
argv = st.one_of(
    # a command, its positional arguments, then options with values: what a user types
    st.builds(lambda command, positional, options: [command, *positional, *(w for o in options for w in o)],
              st.sampled_from(COMMANDS), st.lists(cli_value, max_size=2), st.lists(_option, max_size=6)),
    st.builds(lambda kind, value, options: ["validate", kind, value, *(w for o in options for w in o)],
              st.sampled_from(KINDS), cli_value, st.lists(_option, max_size=3)),
    st.lists(st.sampled_from(COMMANDS + FLAGS + VALUED) | cli_value, max_size=8),  # any words at all
)
