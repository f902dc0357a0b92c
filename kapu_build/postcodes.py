"""Generate the compact Hungarian postcode asset from the pinned `countrystatecity-postal-codes`.

    python -m kapu_build.postcodes        # writes calculators/rules/hu/offices/hu_postcodes.csv if it changed

The office finder needs postcode → settlements → county. That table is maintained upstream
(countries-states-cities-database, ODbL 1.0), so we derive it at build time from the pinned
package instead of copying it into the repository. The derived file is small (one line per
settlement: county code, settlement name, its postcodes), ships in the calculators wheel and is
published on the site as an open file, as the ODbL asks of derived databases.
"""

from __future__ import annotations

import csv
import io
import os
import re
import sys
import tempfile
from collections import defaultdict
from importlib import metadata
from pathlib import Path

from kapu_build import ROOT

PACKAGE = "countrystatecity-postal-codes"
ASSET = ROOT / "calculators" / "rules" / "hu" / "offices" / "hu_postcodes.csv"
PUBLISHED_NAME = "hu_postcodes.csv"  # under site/assets/kapu/data/, linked from the licences page
PUBLISHED_MODE = 0o644  # published on the site: readable by everyone, as every file there
# ISO 3166-2:HU codes of Budapest and the 19 counties: the offices' keys (calculators/rules/hu/offices/hu_offices.csv).
COUNTY_CODES = frozenset({
    "BU", "BA", "BE", "BK", "BZ", "CS", "FE", "GS", "HB", "HE",
    "JN", "KE", "NO", "PE", "SO", "SZ", "TO", "VA", "VE", "ZA",
})
POSTCODE = re.compile(r"[1-9][0-9]{3}")


class UnexpectedData(ValueError):
    """The package's data no longer looks like what the office finder was built for."""


def pinned_version() -> str:
    """The version the lock (requirements.txt) pins: the build must use exactly that data."""
    pin = re.search(rf"^{re.escape(PACKAGE)}==([^\s\\;#]+)", (ROOT / "requirements.txt").read_text("utf-8"),
                    re.MULTILINE | re.IGNORECASE)
    if not pin:
        raise UnexpectedData(f"{PACKAGE} is not pinned in requirements.txt")
    return pin[1]


def installed_version() -> str:
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        raise SystemExit(f"{PACKAGE} is not installed: run `make setup`.") from None


def hungarian_rows() -> list[tuple[str, str, str]]:
    """(county code, settlement, postcode) for every Hungarian row of the package, checked."""
    from countrystatecity_postal_codes import get_postcodes_of_country

    rows = set()
    for entry in get_postcodes_of_country("HU"):
        county, name, code = entry.stateCode or "", " ".join((entry.localityName or "").split()), entry.code
        if county not in COUNTY_CODES:
            raise UnexpectedData(f"{code} {name!r}: unknown county code {county!r}")
        if not POSTCODE.fullmatch(code):
            raise UnexpectedData(f"{name!r}: postcode {code!r} is not 4 digits")
        if not name:
            raise UnexpectedData(f"{code}: no settlement name")
        rows.add((county, name, code))
    if not rows:
        raise UnexpectedData("the package has no Hungarian postcodes")
    return sorted(rows)


def render(rows: list[tuple[str, str, str]], version: str) -> str:
    """One line per (county, settlement) with its postcodes, space-separated."""
    grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
    for county, name, code in rows:
        grouped[(county, name)].append(code)
    out = io.StringIO()
    out.write(
        f"# Hungarian postcodes, settlements and counties (ISO 3166-2:HU), derived by kapu_build/postcodes.py\n"
        f"# from the PyPI package {PACKAGE} {version}, built on the countries-states-cities-database\n"
        f"# (https://github.com/dr5hn/countries-states-cities-database). Licence: Open Database License\n"
        f"# (ODbL) v1.0, https://opendatacommons.org/licenses/odbl/1-0/ - this derived file is open under it.\n"
    )
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["county", "settlement", "postcodes"])
    for (county, name), codes in sorted(grouped.items()):
        writer.writerow([county, name, " ".join(sorted(codes))])
    return out.getvalue()


def _write_atomically(target: Path, text: str) -> None:
    # Builds and test runs may generate at the same time: readers never see half a file.
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".hu_postcodes.", suffix=".tmp")
    os.fchmod(fd, PUBLISHED_MODE)  # mkstemp makes it 0600: a web server running as another user would answer 403
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.replace(tmp, target)


def generate(target: Path = ASSET) -> Path:
    """Write the asset if it is missing or differs; returns its path. Fails loudly when the
    installed package is not the pinned one, so every build uses the same data."""
    version = installed_version()
    if version != pinned_version():
        raise SystemExit(
            f"{PACKAGE} {version} is installed but requirements.txt pins {pinned_version()}: run `make setup`."
        )
    text = render(hungarian_rows(), version)
    if not target.exists() or target.read_text("utf-8") != text:
        _write_atomically(target, text)
    elif target.stat().st_mode & 0o777 != PUBLISHED_MODE:  # written 0600 by an earlier version
        target.chmod(PUBLISHED_MODE)
    return target


if __name__ == "__main__":
    path = generate()
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes", file=sys.stderr)
