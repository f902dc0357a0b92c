"""Fill translations into the catalogs from a JSON file: {"msgid": {"hu": "…", "pl": "…", "vi": "…"}}.

Used by translators and helpers working side by side; run it under the catalog lock:

    flock /tmp/kapu-catalog.lock .venv/bin/python -m kapu_build.po_fill strings.json

Only entries whose msgid is already in the catalog (run `make catalogs` first) are filled.
"""

from __future__ import annotations

import json
import sys

from babel.messages.pofile import write_po

from calculators.core.i18n import DEFAULT_LANGUAGE, LANGUAGES
from kapu_build import catalogs


def fill(translations: dict[str, dict[str, str]]) -> list[str]:
    unknown = []
    for lang in LANGUAGES:
        if lang == DEFAULT_LANGUAGE:
            continue
        catalog = catalogs.load(lang)
        for msgid, by_lang in translations.items():
            if lang not in by_lang:
                continue
            message = catalog.get(msgid)
            if message is None:
                unknown.append(msgid)
                continue
            message.string = by_lang[lang]
            message.flags.discard("fuzzy")
        with catalogs.po_path(lang).open("wb") as f:
            write_po(f, catalog, omit_header=True, sort_output=True, width=100)
    return sorted(set(unknown))


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as f:
        unknown = fill(json.load(f))
    for msgid in unknown:
        print(f"not in the catalog (run make catalogs?): {msgid!r}", file=sys.stderr)
    return 1 if unknown else 0


if __name__ == "__main__":
    raise SystemExit(main())
