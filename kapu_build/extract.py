"""Babel extractor for the navigation titles in mkdocs.yml, so they sit in the same catalog."""

from __future__ import annotations

import re

NAV_TITLE = re.compile(r"^\s*-\s+([^:#][^:]*):")


def extract_nav(fileobj, keywords, comment_tags, options):
    in_nav = False
    for lineno, raw in enumerate(fileobj, start=1):
        line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        if not line.strip():
            continue
        if not line.startswith((" ", "-")):
            in_nav = line.startswith("nav:")
            continue
        if in_nav and (m := NAV_TITLE.match(line)):
            yield lineno, None, m.group(1).strip(), ["navigation title"]
