"""A printed guide is a handout (issue 13): Chromium's PDF of a guide in each language shows the
page's address, the site's name and internal links' full addresses. Read back with pdftotext."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.browser.helpers import page_url
from tests.browser.test_link_state import LANGS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGS)
def test_a_printed_guide_shows_its_address_and_internal_link_addresses(page, site_url, lang, tmp_path):
    page.goto(page_url(site_url, lang, "guides/self-notification/"))
    # Printed addresses are the public ones, from site_url (the canonical link), not the test server's.
    address = page.evaluate("document.querySelector('link[rel=canonical]').href")
    public = address.removesuffix(page_url("", lang, "guides/self-notification/"))
    pdf = tmp_path / "guide.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                             check=True).stdout)
    assert address in text  # the print header, on the page
    assert page_url(public, lang, "calculators/eligibility/") in text  # an internal link, written out
    assert page.evaluate("document.querySelector('.kapu-print-header').textContent").startswith("Kapu")
