"""Handouts (issue 13): internal links carry their full address to print; each page a print-only
header with the site's name, its address and its last-checked date."""

from __future__ import annotations

import datetime as dt

from macros import handout

PAGE = "https://kapu.example/hu/guides/self-notification/"


def test_internal_links_get_their_full_address_and_others_are_left_alone():
    html = ('<a href="../../calculators/eligibility/">x</a> <a href="#domestic">y</a> '
            '<a href="https://njt.hu/">z</a> <a href="mailto:a@b.c">m</a>')
    out = handout.absolute_links(html, PAGE)
    assert 'data-print-href="https://kapu.example/hu/calculators/eligibility/"' in out
    assert out.count("data-print-href") == 1


def test_the_print_header_names_the_site_the_page_and_the_date_in_the_language():
    header = handout.print_header("hu", "Kapu", PAGE, dt.date(2026, 11, 30), "Last checked: %(date)s")
    assert "Kapu" in header and PAGE in header and "Utoljára ellenőrizve: 2026. 11. 30." in header
    assert "Last" not in handout.print_header("en", "Kapu", PAGE, None, "Last checked: %(date)s")
    # print-only: not on screen, not read out, not in the search index's text
    assert 'aria-hidden="true"' in header and "data-search-exclude" in header


def test_search_results_do_not_start_with_the_print_header(built_site):
    import json

    docs = json.loads((built_site / "search/search_index.json").read_text("utf-8"))["docs"]
    assert docs and not [d["location"] for d in docs if "127.0.0.1:8000/" in d["text"]]
