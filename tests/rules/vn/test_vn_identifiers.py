"""The Vietnamese personal identification number: province codes and the year of birth."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.core import examples
from calculators.rules.validators import validate
from calculators.rules.vn.identifiers import vn_province_codes

TODAY = dt.date.fromisoformat(examples.load("validators")["today"])


def test_vn_province_codes_are_the_63_official_ones():
    codes = vn_province_codes()
    assert len(codes) == 63
    assert codes["001"] == "Hà Nội" and codes["079"] == "Hồ Chí Minh"
    assert all(len(c) == 3 and c.isdigit() for c in codes)


def test_vn_birth_year_this_year_is_fine_next_year_is_not():
    this_year = f"001{2 + 0}{TODAY.year % 100:02d}000001"
    next_year = f"0012{(TODAY.year + 1) % 100:02d}000001"
    assert validate("vn-personal-id", this_year, TODAY).valid
    assert [p.code for p in validate("vn-personal-id", next_year, TODAY).problems] == ["birth-year-in-future"]


@settings(max_examples=300, deadline=None)
@given(value=st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_every_valid_vn_id_has_a_known_province_and_a_past_birth_year(value):
    result = validate("vn-personal-id", value, TODAY)
    if result.valid:
        assert value[:3] in vn_province_codes()
        assert 1900 + int(value[3]) // 2 * 100 + int(value[4:6]) <= TODAY.year
