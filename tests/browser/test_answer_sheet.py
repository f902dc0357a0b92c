"""The printed answer sheet (issue 13): "Print this answer" prints one A4 page in the reader's
language with the question, the inputs as typed, the answer with its why-steps, the dates, the
page's address and the guidance line, and nothing else from the page. Read back with poppler's
pdfinfo and pdftotext. One booted page per language answers three calculators (a guide page)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from calculators.core.i18n import translate
from tests.browser.helpers import widget
from tests.browser.test_link_state import LANGS, SELF_NOTIFICATION, VALIDATORS, last_outcome, open_linked, settled

pytestmark = pytest.mark.browser

GUIDANCE = "This is guidance from Kapu, not an official decision: the authority decides."
# Where the answer shows the office, the documents to bring and the why-steps' references.
EXPECTED_PARTS = {
    "eligibility": ["Tbj. 22. § (1) k)", "https://njt.hu/jogszabaly/2019-122-00-00"],
    "coverage-end": ["Ebtv. 29. § (9) a)"],
    "office-finder": ["Heves"],
    "validators": [],
}


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def print_answer(page, calculator: str, out: Path) -> tuple[int, str]:
    """Press "Print this answer" (the browser's print dialog stubbed) and print as Chromium does."""
    page.evaluate("window.print = () => { window.__printed = (window.__printed || 0) + 1; }")
    root = widget(page, calculator)
    root.locator("[data-kapu-print]").click()
    assert page.evaluate("window.__printed") >= 1
    pdf = out / f"{calculator}.pdf"
    page.pdf(path=str(pdf), format="A4")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])
    # -raw: the text in the order Chromium drew it. -layout guesses word gaps from glyph positions and
    # splits Vietnamese letters with stacked marks ("củ a") as Chromium's headless shell places them.
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")  # what the browser does after printing
    return pages, flat(text)


@pytest.mark.parametrize("lang", LANGS)
def test_print_this_answer_is_one_clean_a4_page(page, site_url, lang, tmp_path):
    out = Path(os.environ.get("KAPU_PRINT_DIR", tmp_path)) / lang
    out.mkdir(parents=True, exist_ok=True)
    cases = [("guides/self-notification/", SELF_NOTIFICATION), ("calculators/validators/", VALIDATORS)]
    for path, linked in cases:
        open_linked(page, site_url, lang, path, linked)
        page.wait_for_function("""names => names.every((c) => window.__kapuOutcomes.some((o) =>
            o.calculator === c && o.status === "answer" && (c !== "office-finder" || o.data.office)))""",
                               arg=list(linked))
        page_title = flat(page.locator("h1").first.inner_text())
        for calculator in linked:
            settled(page, calculator)
            outcome = page.evaluate("c => window.__kapuOutcomes.filter((o) => o.calculator === c).at(-1)", calculator)
            pages, text = print_answer(page, calculator, out)
            assert pages == 1, f"{calculator} ({lang}) prints on {pages} pages"
            form_title = flat(widget(page, calculator).locator("template").evaluate(
                "t => t.content.querySelector('.kapu-sheet__title').textContent"))
            assert form_title in text
            for name, value in linked[calculator].items():
                if name not in ("residence", "domestic", "pick", "kind"):  # options show their labels
                    assert value in text, (calculator, lang, name, value)
            assert flat(outcome["answer"]["headline"]) in text
            for step in outcome["answer"]["why"]:  # a reference may break across lines
                assert re.sub(r"\s", "", step["source"]) in re.sub(r"\s", "", text)
            for part in EXPECTED_PARTS[calculator]:
                assert part in text
            if calculator == "eligibility":
                assert all(flat(f) in text for f in outcome["answer"]["facts"])  # the documents to bring
            assert flat(translate(lang, GUIDANCE)) in text
            assert page.url.split("#")[0] in text  # the page's address
            assert re.search(r"20\d\d", text)  # dates: worked out on, rules last checked
            # Nothing else from the page: not its title, not the buttons or the status line.
            assert page_title in form_title or page_title not in text
            for chrome in ("[data-kapu-copy]", "[data-kapu-print]", "[data-kapu-status]"):
                assert flat(widget(page, calculator).locator(chrome).inner_text()) not in text
        # After printing, the page prints as a handout again.
        assert page.locator("#kapu-answer-sheet").count() == 0


@pytest.mark.parametrize("lang", LANGS)
def test_a_code_not_valid_yet_prints_what_to_fix(page, site_url, lang, tmp_path):
    """On paper there is no input box to look at: the sheet prints what is wrong beside the code."""
    invalid = {"validators": {"kind": "taj", "value": "123 456 789"}}  # the check digit is wrong
    open_linked(page, site_url, lang, "calculators/validators/", invalid)
    settled(page, "validators")
    outcome = last_outcome(page, "validators")
    assert outcome["answer"]["tone"] == "negative" and outcome["errors"], outcome
    pages, text = print_answer(page, "validators", Path(os.environ.get("KAPU_PRINT_DIR", tmp_path)))
    assert pages == 1
    assert flat(outcome["answer"]["headline"]) in text
    assert "123 456 789" in text
    for error in outcome["errors"]:
        assert flat(error["message"]) in text, (lang, error["message"], text)
