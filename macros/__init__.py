"""Jinja2 macros that render calculator widgets (and their worked examples) into pages.

A page writes ``{{ calculator("validators") }}``; the MkDocs hook replaces it with the
widget's HTML in the page's language, using the same gettext catalog as the Python rules.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import jinja2

from calculators import examples as example_data
from calculators import sources as source_registry
from calculators import web
from calculators.hu_self_notification import coverage_end, eligibility
from calculators.i18n import format_date, translate, translations

TEMPLATES = Path(__file__).parent / "templates"
MACRO_CALL = re.compile(r"\{\{\s*(calculator|examples|parameters|sources)\(\s*[\"']([\w,-]+)[\"']\s*\)\s*\}\}")


@cache
def environment(lang: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)
    return env


def calculator(name: str, lang: str) -> str:
    html = environment(lang).get_template("widget.html").render(form=web.form(name), lang=lang)
    # Markdown ends a raw HTML block at a blank line: keep the widget one block.
    return "\n".join(line for line in html.splitlines() if line.strip())


# Calculators whose answer facts belong in the examples table (short, and part of the answer).
EXAMPLE_FACTS = frozenset({"coverage-end"})


def examples(name: str, lang: str) -> str:
    """The worked examples of calculator `name` as a table, answered by the rules in `lang`.

    The examples file is calculators/examples/<name with _>.toml: `today`, optional `defaults`,
    and `[[example]]` entries with `id`, `title` (one per language) and `values` (raw form input)."""
    data = example_data.load(name.replace("-", "_"))
    form = web.form(name)
    labels = {f.name: f for f in form.fields}
    rows = []
    for example in data["example"]:
        values = {**data.get("defaults", {}), **example["values"]}
        inputs = []
        for field_name, value in sorted(values.items(), key=lambda kv: list(labels).index(kv[0])):
            field = labels[field_name]
            options = {o.value: o.label for o in field.options}
            shown = translate(lang, options[value]) if value in options else value
            inputs.append((translate(lang, field.label), shown))
        outcome = web.run(name, values, lang, data["today"])
        answer = [outcome["answer"]["headline"]] if outcome["answer"] else []
        if outcome["answer"] and name in EXAMPLE_FACTS:
            answer += outcome["answer"]["facts"]
        answer += [e["message"] for e in outcome["errors"]]  # what is wrong, as the reader sees it
        title = example.get("title", {})
        rows.append({"id": example.get("id", ""), "title": title.get(lang) or title.get("en", ""),
                     "inputs": inputs, "answer": answer, "status": outcome["status"]})
    html = environment(lang).get_template("examples.html").render(name=name, rows=rows, lang=lang)
    return "\n".join(line for line in html.splitlines() if line.strip())


# Dated figures shown on pages straight from calculators/parameters/, never copied by hand.
PARAMETER_TABLES = {
    "minimum-wage": eligibility.figures_table,
    "pension-age": eligibility.pension_age_table,
    "coverage-periods": coverage_end.figures_table,
}


def parameters(name: str, lang: str) -> str:
    """A table of dated parameters (e.g. "minimum-wage") in the page's language."""
    headers, rows = PARAMETER_TABLES[name](lang)
    html = environment(lang).get_template("table.html").render(name=name, headers=headers, rows=rows)
    return "\n".join(line for line in html.splitlines() if line.strip())


def sources(which: str, lang: str) -> str:
    """A list of sources from the registry (calculators/data/sources.toml): a topic ("hungary") or
    ids separated by commas ("ebtv,tbj"). Each shows its title, its link and when it was checked,
    the date written the page's way; the id itself never reaches the reader."""
    registry = source_registry.registry()
    if which in source_registry.TOPICS:
        chosen = [s for s in registry.values() if s.topic == which]
    else:
        chosen = [source_registry.source(i) for i in which.split(",")]
    items = [{"title": s.title_in(lang), "url": s.url, "checked": format_date(lang, s.checked)} for s in chosen]
    html = environment(lang).get_template("sources.html").render(items=items)
    return "\n".join(line for line in html.splitlines() if line.strip())


MACROS = {"calculator": calculator, "examples": examples, "parameters": parameters, "sources": sources}


def render_macros(markdown: str, lang: str) -> str:
    """Replace every macro call in a page's Markdown by its HTML."""
    return MACRO_CALL.sub(lambda m: MACROS[m.group(1)](m.group(2), lang), markdown)
