"""The service worker's precache manifest, written into <site>/sw.js at build time.

The manifest lists, with a SHA-256 prefix for each file:
- `shared`: what every language needs to run a calculator offline — Material's CSS/JS (without
  source maps and without lunr languages the site does not use), Kapu's hashed assets, Pyodide's
  files and the hashed calculators wheel;
- `languages[lang]`: every page of that language (by folder address, e.g. `hu/guides/`) and its
  search index when the language has its own.
Its `version` is a hash over all of that, so any change to any listed file makes a new sw.js,
which the browser installs beside the old one and activates as one unit (web/sw.js).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from kapu_build import ROOT
from kapu_build.assets import Published

SW_TEMPLATE = ROOT / "web" / "sw.js"


def N_(message: str) -> str:  # marks the string for extraction, as calculators.core.i18n.N_ does
    return message


# The notice a page shows when a newer build is installed and waiting (web/offline.mjs).
UPDATE_MESSAGES = {
    "ready": N_("A newer version of this site is ready."),
    "reload": N_("Reload to use it"),
}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _entry(site: Path, rel: str) -> list[str]:
    return [rel, _sha(site / rel)]


def page_address(rel: str) -> str:
    """`hu/guides/index.html` -> `hu/guides/`; the root page -> `./`."""
    folder = rel.removesuffix("index.html")
    return folder or "./"


def _page_entry(site: Path, rel: str) -> list[str]:
    return [page_address(rel), _sha(site / rel)]


def shared_files(site: Path, published: Published, languages: list[str]) -> list[str]:
    lunr = {"lunr.stemmer.support.min.js", "lunr.multi.min.js", *(f"lunr.{lang}.min.js" for lang in languages)}
    files = []
    for folder in ("assets/javascripts", "assets/stylesheets", "assets/images"):
        for path in sorted((site / folder).rglob("*")):
            rel = path.relative_to(site).as_posix()
            if not path.is_file() or path.suffix in (".map", ".gz"):
                continue
            if "/lunr/" in rel and path.name not in lunr:
                continue
            files.append(rel)
    files += [f"assets/kapu/{name}" for name in sorted(published.names.values())]
    files += [published.wheel]
    files += [f"{published.pyodide}{p.name}" for p in sorted((site / published.pyodide).iterdir())
              if p.suffix != ".gz"]
    return files


def language_pages(site: Path, lang: str, languages: list[str], default: str) -> list[str]:
    """Every page of `lang`: the default language's pages sit at the root, the others under <lang>/."""
    others = [f"{code}/" for code in languages if code != default]
    if lang == default:
        pages = [p.relative_to(site).as_posix() for p in site.rglob("index.html")]
        pages = [p for p in pages if not p.startswith(tuple(others))]
    else:
        pages = [p.relative_to(site).as_posix() for p in (site / lang).rglob("index.html")]
    search = f"{'' if lang == default else lang + '/'}search/search_index.json"
    return sorted(pages), search if (site / search).exists() and lang != default else None


def manifest(site: Path, published: Published, languages: list[str], default: str) -> dict:
    shared = [_entry(site, rel) for rel in shared_files(site, published, languages)]
    own_index = False
    by_language = {}
    for lang in languages:
        pages, search = language_pages(site, lang, languages, default)
        entries = [_page_entry(site, rel) for rel in pages]
        if search:
            own_index = True
            entries.append(_entry(site, search))
        by_language[lang] = entries
    if own_index and (site / "search/search_index.json").exists():
        by_language[default].append(_entry(site, "search/search_index.json"))
    elif (site / "search/search_index.json").exists():
        shared.append(_entry(site, "search/search_index.json"))  # one index for every language
    everything = json.dumps([shared, by_language], sort_keys=True).encode()
    return {"version": hashlib.sha256(everything).hexdigest()[:16], "shared": shared, "languages": by_language}


def write_service_worker(site: Path, published: Published, languages: list[str], default: str) -> dict:
    found = manifest(site, published, languages, default)
    text = SW_TEMPLATE.read_text("utf-8").replace("__KAPU_MANIFEST__", json.dumps(found, separators=(",", ":")))
    target = site / "sw.js"
    if not target.exists() or target.read_text("utf-8") != text:
        target.write_text(text, "utf-8")
    return found


def update_messages(translate, languages: list[str]) -> str:
    """The update notice's words in every language, as JSON for web/offline.mjs."""
    return json.dumps({lang: {k: translate(lang, v) for k, v in UPDATE_MESSAGES.items()} for lang in languages},
                      ensure_ascii=False, separators=(",", ":"))
