"""Office finder: the government office that receives the health-insurance self-notification.

Sources (last checked 2026-11-22, see docs/*/about/sources.md):
- NEAK, "Egyéni bejelentés" (registry id neak-self-notification): the notification is filed "a lakóhely szerinti
  kormányhivatalnál"; to find the office "adja meg lakóhelyének, vagy tartózkodási helyének
  irányítószámát" (the postcode of the residence or place of stay).
- Tbj. (2019. évi CXXII. törvény) 22. §; kormanyablak.hu procedure EGBIZ00002: the office's
  department "egészségbiztosítási pénztári feladatkörében eljáró főosztálya" handles it.
- 568/2022. (XII. 23.) Korm. rendelet: Budapest's and the 19 county ("vármegyei") government
  offices; the offices are hu_offices.csv (beside this file), keyed by ISO 3166-2:HU code.
- Postcode → settlement → county: countrystatecity-postal-codes 2.0.1 (ODbL 1.0), turned into
  hu_postcodes.csv (beside this file) at build time by kapu_build/postcodes.py.

This module is the rule and its data: a postcode or a name in, the places and their office out.
The wording of the answer, the form and the declaration are in office_finder_form.py.
"""

from __future__ import annotations

import bisect
import csv
import difflib
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import quote

from calculators.core.cleaning import InputTooLong, clean
from calculators.core.files import read_text
from calculators.core.i18n import N_, Text
from calculators.core.results import InvalidInput, Problem

NATIONAL_PROCEDURE_URL = "https://kormanyablak.hu/hu/feladatkorok/133/EGBIZ00002"
OSM_SEARCH = "https://www.openstreetmap.org/search?query="
POSTCODE_SOURCE = "countrystatecity-postal-codes 2.0.1 (ODbL 1.0)"
# The why-step names NEAK's page by its title in the sources registry, never by a seed number.
RESIDENCE_SOURCE_ID = "neak-self-notification"
RESIDENCE_REFERENCE = "Tbj. 22. §"
DEPARTMENT_SOURCE = "kormanyablak.hu EGBIZ00002"
BUDAPEST = "BU"
MAX_CHOICES = 8
FUZZY_CUTOFF = 0.8  # difflib ratio: "debrecn" → Debrecen (0.93); "abcd" → nothing (Abda is 0.75)
ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
         "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII")
_BUDAPEST_DISTRICT = re.compile(r"Budapest (\d\d)\. ker\.")  # how the package names districts
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_POSTCODE_PREFIX = re.compile(r"(?i)^h\s*-?\s*(?=\d)")  # "H-9021", as on envelopes


# --- data -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Office:
    """One row of hu_offices.csv: empty fields are unknown (never guessed)."""

    county_code: str
    county: str
    name: str
    seat: str
    postcode: str
    street: str
    phone: str
    email: str
    hours: str
    url: str
    source: str
    checked: str

    @property
    def address(self) -> str:
        """The postal address, only when a verified street is on file."""
        if not self.street:
            return ""
        return f"{self.postcode} {self.seat}, {self.street}".strip()

    @property
    def link(self) -> str:
        """The office's own page if verified, else the national procedure page."""
        return self.url or NATIONAL_PROCEDURE_URL

    @property
    def map_url(self) -> str:
        """An OpenStreetMap search for what is known: a plain link, the page requests nothing."""
        query = self.address or f"{self.name}, {self.seat}"
        return OSM_SEARCH + quote(query, safe="")

    def as_dict(self) -> dict[str, str]:
        return {
            "name": self.name, "seat": self.seat, "address": self.address, "phone": self.phone,
            "email": self.email, "hours": self.hours, "url": self.link,
            "url_kind": "office" if self.url else "national-procedure",
            "map": self.map_url, "source": self.source, "checked": self.checked,
        }


@dataclass(frozen=True)
class Place:
    """A settlement (or part of one, or a Budapest district) with its postcodes."""

    name: str
    county: str
    postcodes: tuple[str, ...]
    district: int | None = None  # Budapest only


def _read_csv(name: str) -> list[dict[str, str]]:
    try:
        text = read_text("rules", "hu", "offices", name)
    except FileNotFoundError:
        raise RuntimeError(
            f"calculators/rules/hu/offices/{name} is missing: run `python -m kapu_build.postcodes` (make setup does)."
        ) from None
    return list(csv.DictReader(line for line in io.StringIO(text) if not line.startswith("#")))


@cache
def offices() -> dict[str, Office]:
    rows = _read_csv("hu_offices.csv")
    return {row["county_code"]: Office(name=row.pop("office"), **row) for row in rows}


def fold(text: str) -> str:
    """Accent-, case- and punctuation-insensitive form for matching: "Győr" and "GYOR" → "gyor"."""
    bare = unicodedata.normalize("NFD", text.casefold()).encode("ascii", "ignore").decode("ascii")
    return _NOT_ALNUM.sub(" ", bare).strip()


def display_name(raw: str) -> tuple[str, int | None]:
    """The package writes "Budapest 13. ker."; Hungarians write "Budapest XIII. kerület"."""
    m = _BUDAPEST_DISTRICT.fullmatch(raw)
    if not m:
        return raw, None
    district = int(m.group(1))
    return f"Budapest {ROMAN[district]}. kerület", district


def _district_keys(district: int) -> list[str]:
    """Ways people write a district: "Budapest XIII", "budapest 13. ker.", "Budapest 13 kerület"."""
    return [
        f"budapest {number}{suffix}"
        for number in (ROMAN[district].lower(), str(district), f"{district:02d}")
        for suffix in ("", " ker", " kerulet")
    ]


@dataclass
class Gazetteer:
    """Postcodes and names → places → county. Built once from the postcode asset."""

    by_postcode: dict[str, list[Place]] = field(default_factory=dict)
    groups: dict[str, list[Place]] = field(default_factory=dict)  # pickable name → its places
    keys: dict[str, list[str]] = field(default_factory=dict)  # folded spelling → group names
    search_keys: list[str] = field(default_factory=list)  # one folded key per group and part, sorted
    by_initial: dict[str, list[str]] = field(default_factory=dict)  # search keys by first letter

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, Iterable[str]]]) -> Gazetteer:
        g = cls()
        searchable: set[str] = set()
        parts: dict[str, list[Place]] = {}
        for county, raw, codes in rows:
            name, district = display_name(raw)
            place = Place(name, county, tuple(sorted(codes)), district)
            for code in place.postcodes:
                g.by_postcode.setdefault(code, []).append(place)
            g._add(name, [place], fold(name), searchable)
            if district is not None:
                parts.setdefault("Budapest", []).append(place)
                for key in _district_keys(district):
                    g._key(key, name)
            elif ", " in name:  # "Göd, Alsógöd": a part of a settlement
                base, part = name.split(", ", 1)
                parts.setdefault(base, []).append(place)
                g._key(fold(part), name)
                searchable.add(fold(part))
        for base, places in parts.items():
            if base not in g.groups:  # "Göd" exists only as its parts; "Budapest" only as districts
                g._add(base, places, fold(base), searchable)
        g.search_keys = sorted(searchable)
        for key in g.search_keys:
            g.by_initial.setdefault(key[:1], []).append(key)
        for places in g.by_postcode.values():
            places.sort(key=lambda p: p.name)
        return g

    def _key(self, key: str, group: str) -> None:
        names = self.keys.setdefault(key, [])
        if group not in names:
            names.append(group)

    def _add(self, name: str, places: list[Place], key: str, searchable: set[str]) -> None:
        self.groups.setdefault(name, []).extend(places)
        self._key(key, name)
        searchable.add(key)

    def suggest(self, key: str, limit: int = MAX_CHOICES) -> list[str]:
        """Group names closest to a folded query: what it starts, then near spellings."""
        found: list[str] = []
        start = bisect.bisect_left(self.search_keys, key)
        prefixed = []
        for candidate in self.search_keys[start:]:
            if not candidate.startswith(key) or len(prefixed) >= 200:
                break
            prefixed.append(candidate)
        prefixed.sort(key=lambda k: (len(k), k))
        ranked = list(prefixed)
        if len(ranked) < limit and len(key) >= 3:
            # Near spellings share the first letter (accents are folded away) and about the
            # length: comparing only those keeps difflib within the 20 ms budget in the browser.
            slack = 1 + len(key) // 4
            nearby = [k for k in self.by_initial.get(key[0], ()) if abs(len(k) - len(key)) <= slack]
            ranked += difflib.get_close_matches(key, nearby, n=limit, cutoff=FUZZY_CUTOFF)
        for candidate in ranked:
            for name in self.keys[candidate]:
                if name not in found:
                    found.append(name)
        return found[:limit]


@cache
def gazetteer() -> Gazetteer:
    rows = _read_csv("hu_postcodes.csv")
    return Gazetteer.from_rows((r["county"], r["settlement"], r["postcodes"].split()) for r in rows)


# --- lookup ---------------------------------------------------------------------------------


@dataclass
class Found:
    """What a query matched: places in one county give an office; several counties, choices."""

    query_kind: str  # "postcode" | "name"
    postcode: str | None
    places: list[Place]
    settlements: list[str]
    choices: list[str] = field(default_factory=list)  # names the reader can pick from
    needs_pick: bool = False  # no office until the reader picks one of the choices
    guessed: bool = False  # the choices are near spellings of what was typed, not exact matches

    @property
    def county(self) -> str | None:
        """The one county of the matched places; None while the reader still has to choose."""
        counties = {p.county for p in self.places}
        return counties.pop() if len(counties) == 1 and not self.needs_pick else None

    @property
    def office(self) -> Office | None:
        return offices().get(self.county) if self.county else None

    @property
    def postcodes(self) -> list[str]:
        return sorted({c for p in self.places for c in p.postcodes})


class NothingTyped(Exception):
    """The query is empty: nothing to answer yet."""


def _problem(code: str, message: Text, hint: Text | None = None) -> InvalidInput:
    return InvalidInput([Problem(code, message, hint, field="query")])


_TYPE_HINT = Text(N_("Type a 4-digit postcode, for example 9021, or the name of a settlement, for example Győr."))
EMPTY = Problem("empty", Text(N_("Enter a postcode or the name of a settlement.")), _TYPE_HINT, field="query")


def _by_postcode(code: str, pick: str, g: Gazetteer) -> Found:
    if len(code) != 4:
        raise _problem(
            "wrong-length",
            Text(N_("A Hungarian postcode has 4 digits; this has %(n)d."), {"n": len(code)}),
            Text(N_("Check the postcode on a letter or on your address card.")),
        )
    places = g.by_postcode.get(code)
    if not places:
        raise _problem(
            "unknown-postcode",
            Text(N_("We know no settlement with the postcode %(postcode)s."), {"postcode": code}),
            Text(N_("Check the postcode on a letter or on your address card. Postcodes of P.O. boxes are not "
                    "included: use the postcode of your home.")),
        )
    names = [p.name for p in places]
    if len({p.county for p in places}) == 1:  # one county: the answer at once, whichever is yours
        return Found("postcode", code, places, names)
    # Settlements in different counties: the reader says which is theirs (and may change it).
    picked = [p for p in places if fold(p.name) == fold(pick)] if pick else []
    if picked:
        return Found("postcode", code, picked, [p.name for p in picked], choices=names)
    return Found("postcode", code, places, names, choices=names, needs_pick=True)


def _by_name(key: str, pick: str, g: Gazetteer, typed: str = "") -> Found:
    names = g.keys.get(key)
    if names and not pick:  # typed with its accents ("Kömlő"): that one, not its look-alikes
        pick = next((n for n in names if n.casefold() == typed.casefold()), "")
    exact = names is not None
    if names is None:
        if len(key) < 2:
            raise _problem("too-short", Text(N_("Type at least 2 letters of the settlement's name.")))
        names = g.suggest(key)
        if not names:
            raise _problem("not-found", Text(N_("We found no settlement with a name like this.")), _TYPE_HINT)
    if len(names) == 1:
        return Found("name", None, g.groups[names[0]], list(names))
    places = [p for n in names for p in g.groups[n]]
    if exact and len({p.county for p in places}) == 1:
        # Look-alike names in one county ("Komoró", "Kömörő") answer at once, as a postcode does.
        return Found("name", None, places, list(names))
    # A near spelling is a guess and look-alikes in two counties are ambiguous: the reader picks
    # (the choices stay on screen, so the pick can be changed).
    if pick in names:
        return Found("name", None, g.groups[pick], [pick], choices=list(names), guessed=not exact)
    return Found("name", None, places, list(names), choices=list(names), needs_pick=True, guessed=not exact)


def find(query: str, pick: str = "", g: Gazetteer | None = None) -> Found:
    """Match a postcode or a settlement name. Raises NothingTyped, or InvalidInput with the
    problem; never anything else, for any string."""
    g = g or gazetteer()
    try:
        text = clean(query)
        pick = clean(pick)
    except InputTooLong:
        raise _problem("too-long", Text(N_("This is far too long for a postcode or a settlement name.")),
                       _TYPE_HINT) from None
    if not text:
        raise NothingTyped
    text = _POSTCODE_PREFIX.sub("", text)
    compact = text.replace(" ", "")
    if compact.isascii() and compact.isdigit():
        return _by_postcode(compact, pick, g)
    key = fold(text)
    if key in g.keys:
        return _by_name(key, pick, g, text)
    head = re.fullmatch(r"(\d{4})\W+(\D.*)", text)  # "9021 Győr": the postcode decides
    if head:
        return _by_postcode(head.group(1), pick or head.group(2), g)
    if any(c.isdigit() for c in text) or not key:
        raise _problem("wrong-shape", Text(N_("This is neither a postcode nor a settlement name.")), _TYPE_HINT)
    return _by_name(key, pick, g)
