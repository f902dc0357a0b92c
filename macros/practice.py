"""Practice scenarios as data (issue 13): a guide's practice questions that a calculator can answer.

macros/scenarios/<guide>.toml (the guide's file name, e.g. self-notification.toml) lists them:

    today = "2026-11-22"                  # the date the rules answer on at build time
    [[scenario]]
    id = "anna-entitled"                  # named by the macros in every language's guide
    calculator = "eligibility"
    values = { on = "2026-03-01", … }     # the form's raw strings, as in calculators/examples
    expect = { status = "answer", data = { eligible = true } }   # checked like a worked example

In a guide, ``{{ try_it("anna-entitled") }}`` (in the question) is a "Try it" link that opens the
calculator's page with these values in the link-state fragment (web/linkstate.js, README "Link
state"), and ``{{ scenario_answer("anna-entitled") }}`` (in the answer) is the calculator's answer,
computed by the rules when the site is built, as in the worked-examples tables: the answer key
and the calculator cannot disagree. Both macros write one line, so they sit inside an admonition.
"""

from __future__ import annotations

import html
import posixpath
import tomllib
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

from calculators import web
from calculators.core import examples as example_data
from calculators.core import registry
from calculators.core.i18n import N_, translate

SCENARIOS = Path(__file__).parent / "scenarios"

TRY_IT = N_("Try it in the calculator: %(calculator)s")
CALCULATOR_SAYS = N_("The calculator's answer:")


class ScenarioError(ValueError):
    """A guide names a scenario that its scenarios file does not hold, or the file is wrong."""


def guide_of(page: str) -> str:
    """The guide a page address belongs to: "hu/guides/self-notification/" → "self-notification"."""
    parts = [p for p in page.split("/") if p]
    if len(parts) < 2 or parts[-2] != "guides":
        raise ScenarioError(f"practice scenarios belong to a guide page, not {page!r}")
    return parts[-1]


@cache
def load(guide: str) -> dict:
    """The parsed scenarios file of `guide`, every scenario's calculator and fields checked."""
    path = SCENARIOS / f"{guide}.toml"
    if not path.exists():
        raise ScenarioError(f"no practice scenarios for guide {guide!r} ({path})")
    data = tomllib.loads(path.read_text("utf-8"))
    for scenario in data.get("scenario", []):
        fields = {f.name for f in registry.calculator(scenario["calculator"]).form.fields}
        unknown = set(scenario["values"]) - fields
        if unknown:
            raise ScenarioError(f"{guide}/{scenario['id']}: {sorted(unknown)} are not fields of "
                                f"{scenario['calculator']!r} ({', '.join(sorted(fields))})")
    return data


def scenario(guide: str, scenario_id: str) -> dict:
    for item in load(guide).get("scenario", []):
        if item["id"] == scenario_id:
            return item
    known = ", ".join(s["id"] for s in load(guide).get("scenario", []))
    raise ScenarioError(f"guide {guide!r} has no practice scenario {scenario_id!r}; known: {known}")


def outcome(guide: str, scenario_id: str, lang: str) -> dict:
    """What the calculator answers for the scenario, in `lang`, on the file's `today`."""
    item = scenario(guide, scenario_id)
    return web.run(item["calculator"], item["values"], lang, load(guide)["today"])


def answer_lines(name: str, result: dict) -> list[str]:
    """An outcome as the worked-examples tables show it: the headline, the facts where the
    calculator declares them short (`example_facts`), then what is wrong with the input."""
    lines = [result["answer"]["headline"]] if result["answer"] else []
    if result["answer"] and registry.calculator(name).example_facts:
        lines += result["answer"]["facts"]
    return lines + [e["message"] for e in result["errors"]]


def fragment(item: dict) -> str:
    """The link-state fragment that fills the scenario's calculator: "#eligibility.on=…&…"."""
    name = item["calculator"]
    return "#" + urlencode([(f"{name}.{field}", value) for field, value in item["values"].items()])


def try_it(scenario_id: str, lang: str, page: str) -> str:
    """The "Try it" link of a scenario: its calculator's page, filled in through the fragment."""
    from macros import calculator_page, relative  # the page addresses the widgets use too

    item = scenario(guide_of(page), scenario_id)
    name = item["calculator"]
    href = relative(calculator_page(name, lang), page) + fragment(item)
    title = translate(lang, registry.calculator(name).form.title)
    text = translate(lang, TRY_IT, calculator=title)
    return (f'<a class="kapu-try-it" data-scenario="{html.escape(scenario_id)}" '
            f'href="{html.escape(href)}">{html.escape(text)}</a>')


def scenario_answer(scenario_id: str, lang: str, page: str) -> str:
    """The calculator's answer to a scenario, computed now by the rules, on one line."""
    guide = guide_of(page)
    item = scenario(guide, scenario_id)
    lines = answer_lines(item["calculator"], outcome(guide, scenario_id, lang))
    body = "<br>".join(html.escape(line) for line in lines)
    # A span, not a <p>: Markdown wraps it in its own paragraph (raw HTML blocks are not read
    # inside an admonition).
    return (f'<span class="kapu-scenario-answer" data-scenario="{html.escape(scenario_id)}">'
            f'{html.escape(translate(lang, CALCULATOR_SAYS))} <strong>{body}</strong></span>')


def mismatches(guide: str) -> list[str]:
    """Scenarios whose stated expectation the rules do not meet (the worked examples' checker)."""
    wrong = []
    for item in load(guide).get("scenario", []):
        got = outcome(guide, item["id"], "en")
        wrong += [f"{guide}/{item['id']}: {w}" for w in example_data.mismatches(item, got)]
    return wrong


def guides() -> list[str]:
    """Every guide that has a scenarios file."""
    return sorted(posixpath.splitext(p.name)[0] for p in SCENARIOS.glob("*.toml"))
