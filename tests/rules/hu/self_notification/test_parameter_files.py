"""Parameter files and the sources registry are read strictly: a typo is an error at load time,
never a silently different figure (e.g. `verfied = false` must not count as verified)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from calculators.core import sources
from calculators.rules.hu.self_notification import figures as p

PARAMETERS = Path(p.__file__).parent / "parameters"
NAMES = sorted(f.stem for f in PARAMETERS.glob("*.toml") if f.stem != "pension_age")

GOOD = '''description = "A figure"
label = "Figure"
unit = "days"

[[values]]
start = 2020-07-01
value = 45
reference = "Ebtv. 29. § (9) a)"
source = "ebtv"
'''


def test_a_well_formed_file_loads():
    param = p.parse_parameter("figure", GOOD)
    assert param.at(dt.date(2024, 1, 1)).value == 45
    assert param.at(dt.date(2024, 1, 1)).url == "https://njt.hu/jogszabaly/1997-83-00-00"


@pytest.mark.parametrize(("broken", "message"), [
    (GOOD.replace('source = "ebtv"\n', 'source = "ebtv"\nverfied = false\n'), "unknown key"),
    (GOOD.replace('unit = "days"\n', 'unti = "days"\n'), "unknown key"),
    (GOOD.replace('unit = "days"\n', ''), "missing key"),
    (GOOD.replace('label = "Figure"\n', ''), "missing key"),
    (GOOD.replace('reference = "Ebtv. 29. § (9) a)"\n', ''), "missing key"),
    (GOOD.replace('reference = "Ebtv. 29. § (9) a)"\n', 'reference = " "\n'), "non-empty"),
    (GOOD.replace('source = "ebtv"\n', 'source = "evtv"\n'), "unknown source"),
    (GOOD.replace('value = 45\n', 'value = 45\nvalue = 46\n'), "already exists|overwrite|duplicate"),
    (GOOD.replace('unit = "days"\n', 'unit = "days"\nunit = "weeks"\n'), "already exists|overwrite|duplicate"),
    (GOOD.replace('value = 45\n', 'value = 45.5\n'), "whole number"),
    (GOOD.replace('source = "ebtv"\n', 'source = "ebtv"\nverified = "no"\n'), "true or false"),
    (GOOD + GOOD[GOOD.index("[[values]]"):], "increasing"),
])
def test_a_malformed_file_is_refused_at_load_time(broken, message):
    with pytest.raises(p.ParameterFileError, match=message):
        p.parse_parameter("figure", broken)


@pytest.mark.parametrize("name", NAMES)
def test_every_shipped_parameter_loads_with_a_reference_and_a_source(name):
    param = p.parameter(name)
    assert param.label and param.unit
    for value in param.values:
        assert value.reference.strip()
        assert sources.source(value.source).title


def test_pension_age_bands_load_and_are_checked():
    assert all(b.reference and b.source for b in p.pension_age_bands())
    text = (PARAMETERS / "pension_age.toml").read_text("utf-8")
    with pytest.raises(p.ParameterFileError, match="unknown key"):
        p.parse_bands(text.replace("years = 65", "yaers = 65"))


@pytest.mark.parametrize(("name", "reference"), [
    ("work_capacity_change_at_least", "Tbj. 22. § (1) j)"), ("health_impairment_at_least", "Tbj. 22. § (1) j)"),
    ("health_status_at_most", "Tbj. 22. § (1) j)"), ("income_limit_share", "Tbj. 22. § (1) k)"),
    ("extension_long_enough_days", "Ebtv. 29. § (9) a)"), ("earlier_condition_more_than_days", "Ebtv. 29. § (9) c)"),
    ("days_between_fewer_than", "Ebtv. 29. § (9) c)"),
])
def test_legal_figures_cite_the_point(name, reference):
    assert p.value(name, dt.date(2024, 1, 1)).reference == reference


def test_december_2023_has_two_possible_limits_and_only_then():
    assert (p.income_threshold(dt.date(2023, 12, 1)), p.income_threshold_for_benefits(dt.date(2023, 12, 1))) == (
        80_040, 69_600)
    for day in (dt.date(2023, 11, 30), dt.date(2024, 1, 1), dt.date(2025, 6, 1), dt.date(2026, 12, 31)):
        assert p.income_threshold(day) == p.income_threshold_for_benefits(day)


# --- the sources registry ---------------------------------------------------------------------

REGISTRY = '''[ebtv]
title = "Ebtv."
url = "https://njt.hu/jogszabaly/1997-83-00-00"
checked = 2026-11-30
topic = "hungary"
'''


def test_the_registry_loads_and_every_entry_is_complete():
    assert sources.parse(REGISTRY)["ebtv"].checked == dt.date(2026, 11, 30)
    for source in sources.registry().values():
        assert source.title and source.checked and source.topic in sources.TOPICS
        assert source.url is None or source.url.startswith("https://")


@pytest.mark.parametrize("broken", [
    REGISTRY.replace("checked =", "cheked ="),
    REGISTRY.replace('title = "Ebtv."\n', ''),
    REGISTRY.replace("https://", "http://"),
    REGISTRY.replace('topic = "hungary"', 'topic = "hungria"'),
    REGISTRY + 'title = "again"\n',
    REGISTRY.replace("checked = 2026-11-30", 'checked = "yesterday"'),
    REGISTRY + 'title_hu = "csak magyarul"\n',  # hu without pl and vi
    REGISTRY + 'title_de = "Deutsch"\n',
])
def test_a_malformed_registry_is_refused(broken):
    with pytest.raises(sources.SourceError):
        sources.parse(broken)


def test_a_described_source_has_its_title_in_every_language_or_one_title():
    legal = sources.parse(REGISTRY)["ebtv"]
    assert [legal.title_in(lang) for lang in ("en", "hu", "vi")] == ["Ebtv."] * 3
    text = REGISTRY + 'title_hu = "magyarul"\ntitle_pl = "po polsku"\ntitle_vi = "tiếng Việt"\n'
    described = sources.parse(text)["ebtv"]
    assert [described.title_in(lang) for lang in ("en", "hu", "pl", "vi")] == [
        "Ebtv.", "magyarul", "po polsku", "tiếng Việt"]


def test_an_unknown_source_id_is_an_error():
    with pytest.raises(sources.SourceError):
        sources.source("source-003")
