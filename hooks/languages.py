"""MkDocs hooks for what a reader sees in their language around the pages themselves.

mkdocs-static-i18n builds the site once per language, on one shared config. Some things are not
per-language by themselves; these hooks make them so, with strings from Kapu's catalogs:

- on_config: the headings' "Permanent link" tooltip (a Markdown `toc` option, which static-i18n
  may not override per language).
- on_env: theme strings Material leaves in English (the footer's credit; Vietnamese "Initializing
  search"), and the 404 page's words, for the templates in overrides/.
- on_post_template / on_post_build: one 404 page per language. Material writes `404.html` at the
  site root in every language's build, so the last language built overwrote the others; each
  rendering is kept and written to `<lang>/404.html` (English: `/404.html`).
- on_post_page / on_post_build: one search index per language, and each language's pages (404
  included) point Material's search at their own (kapu_build/search_index.py); Material's search
  dialog gets an accessible name in the page's language.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from calculators.core.i18n import DEFAULT_LANGUAGE, N_, translate  # noqa: E402
from kapu_build import search_index  # noqa: E402

PERMALINK_TITLE = N_("Permanent link")
# The accessible name of Material's search dialog (it has none of its own).
SEARCH_DIALOG_NAME = N_("Search this site")
# Keys looked up first by overrides/partials/language.html: Material's keys that some of its
# translations leave in English, and Kapu's own ("kapu.*").
THEME_STRINGS = {
    "search.result.initializer": N_("Initializing search"),
    "kapu.made-with": N_("Made with %(material)s"),
    "kapu.not-found.title": N_("Page not found"),
    "kapu.not-found.text": N_("There is no page at this address. It may be mistyped, or the page may have moved. "
                              "Start again from the home page:"),
}
# Each language's link to its own home page, in that language (translators name their own
# language here, not English: "Kezdőlap magyarul").
HOME_IN_LANGUAGE = N_("Home page in English")

_not_found: dict[str, str] = {}  # language -> its rendered 404 page, written after the last build


def _i18n(config):
    return config.plugins["i18n"]


def _language(config) -> str:
    i18n = _i18n(config)
    return i18n.current_language or i18n.default_language


def _prefix(lang: str) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def _site_path(config) -> str:
    """The site's path on its server ("/" or "/kapu/"), from site_url."""
    return urlsplit(config.site_url or "/").path.rstrip("/") + "/"


def theme_strings(lang: str) -> dict[str, str]:
    return {key: translate(lang, message) for key, message in THEME_STRINGS.items()}


def home_links(config) -> list[dict[str, str]]:
    """Every language's home page, named in its own language, as absolute paths (a 404 page is
    served at any depth)."""
    return [
        {"lang": language.locale, "link": _site_path(config) + _prefix(language.locale),
         "text": translate(language.locale, HOME_IN_LANGUAGE)}
        for language in _i18n(config).config.languages if language.build
    ]


@event_priority(-50)  # after static-i18n has picked the language of this build
def on_config(config):
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = translate(_language(config), PERMALINK_TITLE)
    return config


def on_env(env, config, files):
    env.globals["kapu_theme"] = theme_strings(_language(config))
    env.globals["kapu_homes"] = home_links(config)
    return env


def on_template_context(context, template_name, config):
    if template_name == "404.html":
        # static-i18n left the language switcher pointing at the last page built: point it at
        # the home pages instead.
        i18n = _i18n(config)
        if i18n.extra_alternate:
            # (static-i18n sets it as an attribute, which templates read before the item)
            config.extra.alternate = [dict(a) for a in i18n.extra_alternate]
    return context


def on_post_template(output_content, template_name, config):
    if template_name == "404.html":
        lang = _language(config)
        html = search_index.point_search_at(output_content, _site_path(config) + _prefix(lang))
        _not_found[lang] = search_index.name_search_dialog(html, translate(lang, SEARCH_DIALOG_NAME))
    return output_content


def on_post_page(output, page, config):
    lang = getattr(page.file, "locale", DEFAULT_LANGUAGE)
    html = search_index.point_search_at(output, get_relative_url(_prefix(lang) or ".", page.url))
    return search_index.name_search_dialog(html, translate(lang, SEARCH_DIALOG_NAME))


@event_priority(-110)  # after static-i18n (-100) has built every language and the joint search index
def on_post_build(config):
    if _i18n(config).building:
        return  # one language's build inside static-i18n's loop: wait for the last one
    site = Path(config.site_dir)
    for lang, html in _not_found.items():
        out = site / _prefix(lang) / "404.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, "utf-8")
    languages = [language.locale for language in _i18n(config).config.languages if language.build]
    search = config.plugins.get("material/search") or config.plugins["search"]
    search_index.split(site, list(search.config.lang or []), languages, DEFAULT_LANGUAGE)
