"""Trainer handouts (issue 13): a guide printed by Chromium (print media, `page.pdf()`, read back
with poppler's `pdftotext`) shows its practice questions without their answers, then an answer key
with every answer; internal links and the page's address are printed in full. A "Try it" link
opens the calculator with the scenario's values, and the calculator gives the key's answer.
Set KAPU_PRINT_DIR to keep the PDFs."""

from __future__ import annotations

import html
import os
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from calculators.core.i18n import LANGUAGES, translate
from macros import practice
from tests.browser.helpers import RECORD_OUTCOMES, axe_violations, page_url, wait_ready, widget

pytestmark = pytest.mark.browser

# A guide per language, so that both ways of writing the answers (inside the question, or after
# it) and every guide with a calculator scenario are printed.
PRINTED = {"en": "self-notification", "hu": "ugyfelkapu-eeszt", "pl": "gosuslugi-appointments",
           "vi": "vneid-health-book"}
# One scenario per language whose Try it link is followed (macros/scenarios/<guide>.toml).
TRIED = {"en": ("self-notification", "anna-coverage-end"), "hu": ("self-notification", "anna-entitled"),
         "pl": ("ugyfelkapu-eeszt", "username-hyphen-digit"), "vi": ("vneid-health-book", "lan-personal-id")}
# The worker as an empty module: a printed page needs no Python (the worker's name is hashed).
WORKER = re.compile(r".*/assets/kapu/worker(\.[0-9a-f]+)?\.mjs$")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def no_space(text: str) -> str:  # a long address wraps anywhere in print
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def no_python(page) -> None:
    page.route(WORKER, lambda route: route.fulfill(body="", content_type="text/javascript"))


def printed_text(page, out: Path, name: str) -> str:
    page.emulate_media(media="print")
    pdf = out / f"{name}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("lang", PRINTED)
def test_a_printed_guide_keeps_its_answers_for_the_key_at_the_end(page, site_url, lang, tmp_path):
    guide = PRINTED[lang]
    out = Path(os.environ.get("KAPU_PRINT_DIR", tmp_path)) / lang
    out.mkdir(parents=True, exist_ok=True)
    no_python(page)
    page.goto(page_url(site_url, lang, f"guides/{guide}/"))
    # What the page holds, read before printing: each answer's text (its paragraphs, one by one),
    # the key's heading, the page's public address and where its internal links lead.
    answers = page.evaluate("""() => [...document.querySelectorAll(".kapu-practice-answer")].map(
        (d) => [...d.querySelectorAll("p")].map((p) => p.textContent))""")
    key_answers = page.evaluate("""() => [...document.querySelectorAll(".kapu-answer-key__entry")].map(
        (d) => [...d.querySelectorAll("p:not(.kapu-answer-key__question)")].map((p) => p.textContent))""")
    assert len(answers) == 3 and key_answers == answers  # the key holds every answer, in order
    heading = page.locator("#answer-key").text_content()
    assert heading == translate(lang, "Answer key")
    address = page.locator(".kapu-print-header").text_content()
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert canonical and canonical in address
    internal = page.evaluate("""() => [...document.querySelectorAll(
        "article a[data-print-href]:not(.kapu-try-it)")].filter((a) => !a.closest(
        ".kapu-practice-answer, .kapu-answer-key, .kapu-widget, .md-typeset .headerlink"))
        .map((a) => a.dataset.printHref)""")
    assert internal, "the guide links to other pages of the site"

    text = printed_text(page, out, guide)
    lines = text.splitlines()
    at_key = next(i for i, line in enumerate(lines) if flat(line) == flat(heading))
    # A link's address prints after it, in brackets: read the words around it as on screen; and
    # compare without spaces (pdftotext adds one where the font changes, as after `code`).
    before, after = (no_space(re.sub(r" ?\(https?://[^)]*\)", "", flat("\n".join(part))))
                     for part in (lines[:at_key], lines[at_key:]))
    for paragraphs in answers:
        for paragraph in paragraphs:
            sentence = no_space(paragraph)[:50]  # a paragraph's start: long enough to be its own
            assert sentence not in before, f"an answer prints before the key ({lang}): {sentence}"
            assert sentence in after, f"the key lacks an answer ({lang}): {sentence}"
    assert no_space(translate(lang, "The calculator's answer:")) in after  # the rules' answer is in the key
    printed = no_space(text)
    assert no_space(canonical) in printed  # the page's address heads the handout
    for href in internal:
        assert no_space(href) in printed, f"internal link printed without its address: {href}"
    assert "#eligibility." not in text and "#validators." not in text  # Try it links stay on screen


@pytest.mark.parametrize("lang", TRIED)
def test_try_it_opens_the_calculator_with_the_scenario_and_gives_the_key_answer(page, site_url, lang):
    guide, scenario = TRIED[lang]
    no_python(page)  # the guide is only read; the calculator page it opens boots Python
    page.goto(page_url(site_url, lang, f"guides/{guide}/"))
    key = page.locator(f'.kapu-answer-key .kapu-scenario-answer[data-scenario="{scenario}"] strong')
    expected = key.evaluate("s => s.innerHTML.split('<br>').map((l) => { const d = document.createElement('div');"
                            " d.innerHTML = l; return d.textContent; })")
    link = page.locator(f'a.kapu-try-it[data-scenario="{scenario}"]')
    calculator = re.search(r"calculators/([\w-]+)/#", link.get_attribute("href"))[1]
    page.unroute(WORKER)
    page.add_init_script(RECORD_OUTCOMES)
    link.click()
    page.wait_for_url(re.compile(rf"/calculators/{calculator}/#"))
    root = wait_ready(page, calculator)
    page.wait_for_function("name => window.__kapuOutcomes.some((o) => o.calculator === name"
                           " && o.status === 'answer')", arg=calculator)
    root.locator(".kapu-answer__headline").wait_for()
    assert flat(root.locator(".kapu-answer__headline").inner_text()) == flat(expected[0])
    shown = flat(widget(page, calculator).inner_text())
    for line in expected[1:]:  # the facts and the field errors, as the key lists them
        assert flat(line) in shown, f"{scenario} ({lang}): {line}"


@pytest.mark.parametrize("lang", PRINTED)
def test_practice_with_try_it_links_and_the_trainers_page_are_accessible(page, site_url, lang):
    no_python(page)
    page.goto(page_url(site_url, lang, f"guides/{PRINTED[lang]}/#practise"))
    assert page.locator("a.kapu-try-it").first.is_visible()
    assert not page.locator(".kapu-answer-key").is_visible()  # print only
    assert axe_violations(page, "article") == []
    page.goto(page_url(site_url, lang, "trainers/"))
    assert axe_violations(page, "article") == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_built_key_of_every_guide_holds_the_rules_answer_to_every_scenario(built_site, lang):
    for guide in practice.guides():
        page = built_site / ("" if lang == "en" else lang) / "guides" / guide / "index.html"
        built = page.read_text("utf-8")
        key = built[built.index('<section class="kapu-answer-key"'):]
        shown = dict(re.findall(r'data-scenario="([\w-]+)">[^<]*<strong>(.*?)</strong></span>', key))
        for item in practice.load(guide)["scenario"]:
            lines = practice.answer_lines(item["calculator"], practice.outcome(guide, item["id"], lang))
            assert item["id"] in shown, f"{lang}/{guide}: {item['id']} is not in the answer key"
            assert [html.unescape(line) for line in shown[item["id"]].split("<br>")] == lines
