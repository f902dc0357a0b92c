"""Jinja2 macros that render calculator widgets (and their worked examples) into pages.

A page writes ``{{ calculator("validators") }}``; the MkDocs hook replaces it with the
widget's HTML in the page's language, using the same gettext catalog as the Python rules.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import jinja2

from calculators import web
from calculators.i18n import translations

TEMPLATES = Path(__file__).parent / "templates"
MACRO_CALL = re.compile(r"\{\{\s*(calculator|examples)\(\s*[\"']([\w-]+)[\"']\s*\)\s*\}\}")


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


MACROS = {"calculator": calculator}


def render_macros(markdown: str, lang: str) -> str:
    """Replace every macro call in a page's Markdown by its HTML."""
    return MACRO_CALL.sub(lambda m: MACROS[m.group(1)](m.group(2), lang), markdown)
