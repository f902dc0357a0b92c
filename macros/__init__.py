"""Jinja2 macros that render calculator widgets, worked examples and figure tables into pages.

A page writes ``{{ calculator("validators") }}``, ``{{ examples("coverage-end") }}``,
``{{ parameters("minimum-wage") }}``, ``{{ sources("ebtv,tbj") }}``, or in a guide's practice
questions ``{{ try_it("scenario-id") }}`` and ``{{ scenario_answer("scenario-id") }}``
(macros/practice.py); the MkDocs hook replaces each with HTML in the page's language, using the
same gettext catalog as the Python rules.
Everything comes from the calculators' declarations (calculators.core.registry). A macro or a
name this does not know fails the build with a message naming the page and the known names.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache
from pathlib import Path

import jinja2

from calculators import web
from calculators.core import examples as example_data
from calculators.core import flow, registry
from calculators.core import sources as source_registry
from calculators.core.cleaning import INCOMPLETE_DATE
from calculators.core.declaration import Calculator
from calculators.core.i18n import DEFAULT_LANGUAGE, format_date, translate, translations
from macros import practice

TEMPLATES = Path(__file__).parent / "templates"
# Any {{ name(…) }} in a page is a macro call: an unknown name is an error, never literal text.
MACRO_CALL = re.compile(r"\{\{\s*(?P<macro>\w+)\s*\((?P<args>[^)]*)\)\s*\}\}")
ONE_NAME = re.compile(r"\s*[\"'](?P<name>[\w,-]+)[\"']\s*")  # sources() takes ids joined by commas


class MacroError(ValueError):
    """A page calls a macro, or names a calculator or table, that does not exist."""


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


def _one_block(html: str) -> str:
    # Markdown ends a raw HTML block at a blank line: keep the output one block.
    return "\n".join(line for line in html.splitlines() if line.strip())


def calculator_page(name: str, lang: str) -> str:
    """Where calculator `name` has its own page, from the site root: "hu/calculators/eligibility/"."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return f"{prefix}calculators/{name}/"


def relative(target: str, page: str) -> str:
    """The address of `target` (from the site root) as a link on `page` (from the site root too)."""
    return posixpath.relpath(target or ".", page or ".") + "/"


def _calculator(name: str) -> Calculator:
    try:
        return registry.calculator(name)
    except registry.UnknownCalculator as unknown:
        raise MacroError(str(unknown)) from None


def rules_checked(declared: Calculator, lang: str) -> str:
    """When the rules of a calculator were last checked: the oldest date among the sources they
    rest on (the sources registry), written the page's way."""
    if not declared.sources:
        raise MacroError(f"calculator {declared.name!r} declares no sources (Calculator.sources)")
    try:
        checked = min(source_registry.source(i).checked for i in declared.sources)
    except source_registry.SourceError as err:
        raise MacroError(f"calculator {declared.name!r}: {err}") from None
    return format_date(lang, checked)


def calculator(name: str, lang: str, page: str = "") -> str:
    """The widget of calculator `name`. `page` is the page's address from the site root, so that
    links naming another calculator or a page can be turned into addresses on this page."""
    declared = _calculator(name)
    form = declared.form
    pages = {other: relative(calculator_page(other, lang), page) for other in registry.names()}
    home = relative("" if lang == DEFAULT_LANGUAGE else lang, page)  # the language's home page
    # Before Python answers, the page shows the questions that matter on an empty form (the same
    # relevance rule); the bridge then shows and hides them from each outcome's `relevant`.
    relevant = flow.settle(form, declared.relevant, {}).relevant
    # GOV.UK conditional reveal: an input names the questions it reveals (aria-controls), by the
    # id of each question's container (a fieldset for radios, a div for the rest).
    box = {f.name: f"kapu-{form.name}-{f.name}" + ("" if f.kind in ("radios", "choices") else "-question")
           for f in form.fields}
    controls = {f.name: " ".join(box[n] for n in f.controls) for f in form.fields}
    html = environment(lang).get_template("widget.html").render(form=form, lang=lang, pages=pages, home=home,
                                                                relevant=relevant, controls=controls,
                                                                incomplete_date=INCOMPLETE_DATE,
                                                                checked=rules_checked(declared, lang))
    return _one_block(html)


def examples(name: str, lang: str, page: str = "") -> str:
    """The worked examples of calculator `name` as a table, answered by the rules in `lang`."""
    declared = _calculator(name)
    data = example_data.load(name)
    labels = {f.name: f for f in declared.form.fields}
    rows = []
    for example in data["example"]:
        values = example_data.values(data, example)
        inputs = []
        for field_name, value in sorted(values.items(), key=lambda kv: list(labels).index(kv[0])):
            field = labels[field_name]
            options = {o.value: o.label for o in field.options}
            shown = translate(lang, options[value]) if value in options else value
            inputs.append((translate(lang, field.label), shown))
        outcome = web.run(name, values, lang, data["today"])
        answer = practice.answer_lines(name, outcome)  # the same lines as a practice answer key's
        title = example.get("title", {})
        rows.append({"id": example.get("id", ""), "title": title.get(lang) or title.get("en", ""),
                     "inputs": inputs, "answer": answer, "status": outcome["status"]})
    return _one_block(environment(lang).get_template("examples.html").render(name=name, rows=rows, lang=lang))


def parameters(name: str, lang: str, page: str = "") -> str:
    """A table of dated figures (e.g. "minimum-wage") that a calculator declares, in `lang`."""
    tables = registry.tables()
    if name not in tables:
        raise MacroError(f"unknown table {name!r}; known tables: {', '.join(sorted(tables))}")
    headers, rows = tables[name][1](lang)
    return _one_block(environment(lang).get_template("table.html").render(name=name, headers=headers, rows=rows))


def sources(which: str, lang: str, page: str = "") -> str:
    """A list of sources from the registry (calculators/sources.toml): a topic ("hungary") or
    ids separated by commas ("ebtv,tbj"). Each shows its title, its link and when it was checked,
    the date written the page's way; the id itself never reaches the reader."""
    registry_ = source_registry.registry()
    if which in source_registry.TOPICS:
        chosen = [s for s in registry_.values() if s.topic == which]
    else:
        try:
            chosen = [source_registry.source(i) for i in which.split(",")]
        except source_registry.SourceError as err:
            raise MacroError(f"{err}; known sources: {', '.join(sorted(registry_))}") from None
    items = [{"title": s.title_in(lang), "url": s.url, "checked": format_date(lang, s.checked)} for s in chosen]
    return _one_block(environment(lang).get_template("sources.html").render(items=items))


AUTONYMS = {"en": "English", "hu": "Magyar", "pl": "Polski", "vi": "Tiếng Việt"}


def embed_builder(which: str, lang: str, page: str = "") -> str:
    """The embed builder (For municipalities): `{{ embed_builder("all") }}`."""
    from macros import embed

    if which != "all":
        raise MacroError(f"embed_builder({which!r}): write embed_builder(\"all\")")
    data = embed.builder_data(lang)
    html = environment(lang).get_template("embed_builder.html").render(
        lang=lang, options=embed.builder_json(lang), calculators=data["calculators"],
        languages=[(code, AUTONYMS.get(code, code)) for code in data["languages"]], root=relative("", page),
    )
    return _one_block(html)


def embed_calculators(which: str, lang: str, page: str = "") -> str:
    """Every calculator's embed name, height and embed page: `{{ embed_calculators("all") }}`."""
    from macros import embed

    if which != "all":
        raise MacroError(f"embed_calculators({which!r}): write embed_calculators(\"all\")")
    rows = []
    for c in embed.builder_data(lang)["calculators"]:
        path = embed.embed_path(c["name"], lang)
        rows.append({**c, "path": "/" + path, "href": relative(path, page)})
    return _one_block(environment(lang).get_template("embed_calculators.html").render(calculators=rows))




def try_it(scenario_id: str, lang: str, page: str = "") -> str:
    """A practice scenario's "Try it" link to its calculator, filled in (macros/practice.py)."""
    try:
        return practice.try_it(scenario_id, lang, page)
    except practice.ScenarioError as err:
        raise MacroError(str(err)) from None


def scenario_answer(scenario_id: str, lang: str, page: str = "") -> str:
    """A practice scenario's answer as the calculator gives it, computed by the rules now."""
    try:
        return practice.scenario_answer(scenario_id, lang, page)
    except practice.ScenarioError as err:
        raise MacroError(str(err)) from None


MACROS = {"calculator": calculator, "examples": examples, "parameters": parameters, "sources": sources,
          "embed_builder": embed_builder, "embed_calculators": embed_calculators,
          "try_it": try_it, "scenario_answer": scenario_answer}


def _expand(match: re.Match, lang: str, page: str) -> str:
    macro = match["macro"]
    if macro not in MACROS:
        raise MacroError(f"unknown macro {macro!r} in {match[0]!r}; known macros: {', '.join(MACROS)}")
    arg = ONE_NAME.fullmatch(match["args"])
    if not arg:
        raise MacroError(f"{match[0]!r}: a macro takes one quoted name, e.g. {macro}(\"validators\")")
    return MACROS[macro](arg["name"], lang, page)


def render_macros(markdown: str, lang: str, page: str = "", source: str = "") -> str:
    """Replace every macro call in a page's Markdown by its HTML. `source` names the page in
    errors (e.g. "hu/calculators/validators.md"); `page` is its address from the site root."""
    try:
        return MACRO_CALL.sub(lambda m: _expand(m, lang, page), markdown)
    except MacroError as err:
        raise MacroError(f"{source or 'a page'}: {err}") from None
