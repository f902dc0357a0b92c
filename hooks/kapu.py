"""MkDocs hooks: everything `mkdocs build` needs beyond Markdown, so there is no manual step.

- on_config: compile the gettext catalogs; take the translated site name and navigation
  titles from them (one catalog per language for pages and Python alike); generate the office
  finder's postcode asset from the pinned package (kapu_build/postcodes.py).
- on_page_markdown: render calculator macros in the page's language (an unknown macro or name
  fails the build, naming the page).
- on_post_page, on_post_template: keep the page-level hreflang alternates out of the <head> (they
  live in sitemap.xml).
- on_post_build: copy the pinned Pyodide from node_modules into a versioned folder, build the
  calculators wheel, publish the browser files under hashed names (kapu_build/assets.py), the
  outcome's JSON Schema, the service worker with its precache manifest (kapu_build/offline.py),
  the embed pages (/<lang>/embed/<calculator>/, macros/embed.py: not MkDocs pages, so not in
  search or sitemap), and gzip copies of the large files, into the site; last of all, write the
  Content-Security-Policy the finished pages need (kapu_build/csp.py).

`mkdocs serve` (make serve) watches calculators/, macros/ and web/ (mkdocs.yml `watch:`); before
each rebuild the hook forgets the project's imported modules, so the site is built with the
Python as it is now on disk, not as it was when serving started."""

from __future__ import annotations

import importlib
import logging
import re
import sys
from pathlib import Path
from types import ModuleType

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

log = logging.getLogger("mkdocs.hooks.kapu")

# The project's own packages: imported afresh before each rebuild while serving.
PROJECT_PACKAGES = ("calculators", "macros", "kapu_build")
SERVING = {"on": False}


def forget_modules(packages: tuple[str, ...] = PROJECT_PACKAGES, modules: dict | None = None) -> list[str]:
    """Drop `packages` and their submodules from the import cache, so that the next import reads
    the files as they are now. Returns the names dropped."""
    modules = sys.modules if modules is None else modules
    names = [n for n in modules if n in packages or n.startswith(tuple(p + "." for p in packages))]
    for name in names:
        del modules[name]
    importlib.invalidate_caches()
    return names


def _module(name: str) -> ModuleType:
    """The project module `name`, looked up at each use (never held across a rebuild)."""
    return importlib.import_module(name)


def N_(message: str) -> str:  # marks the string for extraction, as calculators.core.i18n.N_ does
    return message


SITE_NAME = N_("Kapu: e-services step by step")
LAST_CHECKED = N_("Last checked: %(date)s")  # heads every printed page (macros/handout.py)
ANSWER_KEY = N_("Answer key")  # ends a printed guide: its practice answers (macros/handout.py)


def _nav_titles(nav: list) -> set[str]:
    titles = set()
    for item in nav:
        if isinstance(item, dict):
            for title, value in item.items():
                titles.add(title)
                if isinstance(value, list):
                    titles |= _nav_titles(value)
    return titles


def on_startup(command, dirty):
    SERVING["on"] = command == "serve"
    if SERVING["on"]:
        sys.dont_write_bytecode = True  # a fresh .pyc under calculators/ would trigger another rebuild


@event_priority(100)  # before mkdocs-static-i18n reads its per-language settings
def on_config(config):
    if SERVING["on"]:
        forgotten = forget_modules()
        log.debug("serving: %d project modules will be imported afresh", len(forgotten))
    _module("kapu_build.catalogs").compile_all()
    _module("kapu_build.postcodes").generate()  # the office finder's postcode asset (ODbL)
    messages = _module("calculators.core.i18n")
    i18n = config.plugins.get("i18n")
    titles = _nav_titles(config.nav or [])
    for language in i18n.config.languages:
        lang = language.locale
        language.site_name = messages.translate(lang, SITE_NAME)
        if lang != messages.DEFAULT_LANGUAGE:
            language.nav_translations = {t: messages.translate(lang, t) for t in titles}
    return config


ABBREVIATIONS = ROOT / "includes" / "abbreviations"


def on_page_markdown(markdown, page, config, files):
    lang = getattr(page.file, "locale", _module("calculators.core.i18n").DEFAULT_LANGUAGE)
    macros = _module("macros")
    try:
        markdown = macros.render_macros(markdown, lang, page=page.url, source=page.file.src_uri)
    except macros.MacroError as err:
        raise PluginError(str(err)) from None
    # The glossary's abbreviations (*[TAJ]: …) become tooltips on every page of that language.
    glossary = ABBREVIATIONS / f"{lang}.md"
    if glossary.exists():
        markdown += "\n\n" + glossary.read_text("utf-8")
    return markdown


# Material's JavaScript (integrations/alternate, 9.x) treats every <link rel="alternate"> in the head
# as the root of an alternate *site* and fetches `sitemap.xml` relative to it. mkdocs-static-i18n
# points those links at the same page in each language (/hu/guides/x/), so every page asked for
# /hu/guides/x/sitemap.xml and friends: four 404s and four console errors per page. The page's
# hreflang alternates are already in the root sitemap.xml (static-i18n's template), which search
# engines read as the same signal; and the language selector's links (also page-level, from
# static-i18n) work as plain links once Material stops intercepting them.
HEAD_ALTERNATE = re.compile(r'\n?[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_page_content(html, page, config, files):
    """Handouts: internal links get their full address to print, the page a print-only header
    with the site's name, its address and its last-checked date, and a guide its practice
    answers in an answer key at the end, printed instead of inline (macros/handout.py)."""
    handout = _module("macros.handout")
    lang = getattr(page.file, "locale", _module("calculators.core.i18n").DEFAULT_LANGUAGE)
    address = page.canonical_url or (config.site_url or "") + page.url
    header = handout.print_header(lang, config.site_name, address, page.meta.get("last_checked"), LAST_CHECKED)
    key_heading = _module("calculators.core.i18n").translate(lang, ANSWER_KEY)
    html = handout.answer_key(html, key_heading, f"{page.title} · {address}")
    return header + handout.absolute_links(html, address)


def on_post_page(output, page, config):
    return HEAD_ALTERNATE.sub("", output)


def on_post_template(output_content, template_name, config):
    return HEAD_ALTERNATE.sub("", output_content)  # 404.html: the same head as a page


# Last of all: static-i18n builds the other languages in its own on_post_build (-100) and
# hooks/languages.py (-110) writes the search indexes; the Content-Security-Policy is then
# computed from the finished HTML of every language.
@event_priority(-120)
def on_post_build(config):
    site = Path(config.site_dir)
    assets = _module("kapu_build.assets")
    offline = _module("kapu_build.offline")
    languages = [language.locale for language in config.plugins.get("i18n").config.languages]
    wheel = _module("kapu_build.wheel").build(site / "assets" / "kapu" / "wheels")
    published = assets.Published(pyodide=assets.publish_pyodide(site), wheel=assets.publish_wheel(site, wheel))
    postcodes = _module("kapu_build.postcodes")
    # ODbL: the derived postcode file stays open, as a plain download beside the wheel.
    assets.copy_if_changed(postcodes.ASSET, site / "assets" / "kapu" / "data" / postcodes.PUBLISHED_NAME)
    # The outcome's shape, for embedders (README: "The outcome").
    assets.copy_if_changed(ROOT / "calculators" / "core" / "outcome.schema.json",
                           site / "assets" / "kapu" / "outcome.schema.json")
    messages = _module("calculators.core.i18n")
    notice = offline.update_messages(messages.translate, languages)
    assets.publish_web(site, published, {"__KAPU_UPDATE_MESSAGES__": notice})
    # Every calculator's embed page in every language, from the registry (macros/embed.py).
    _module("macros.embed").write_pages(site, config.site_url or "/")
    assets.point_pages_at_hashed(site, published.names)
    offline.write_service_worker(site, published, languages, messages.DEFAULT_LANGUAGE)
    assets.precompress(site)
    csp = _module("kapu_build.csp")
    hashes = csp.write(site)  # the exact policy these pages need (hashes of Material's inline scripts)
    log.info("Content-Security-Policy: %d inline script hashes (site/%s)", len(hashes), csp.POLICY_FILE)
