"""The validators page as a reader uses it: real Chromium, the built site, Python in Pyodide."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from calculators import web
from calculators.core import examples
from calculators.core.i18n import LANGUAGES, translate
from tests.browser.helpers import axe_violations, call_all, dedicated_worker, page_url, wait_ready, widget

pytestmark = pytest.mark.browser

EXAMPLES = examples.load("validators")

# Record every data-state the widget goes through, from the very first paint.
RECORD_STATES = """
window.__kapuStates = [];
window.__kapuOutcomes = [];
document.addEventListener("kapu:outcome", (e) => window.__kapuOutcomes.push(e.detail));
new MutationObserver((records) => {
  for (const r of records) {
    const el = r.target.nodeType === 1 && r.target.matches("[data-calculator]") ? r.target : null;
    if (el && (window.__kapuStates.at(-1) !== el.dataset.state)) window.__kapuStates.push(el.dataset.state);
    for (const n of r.addedNodes || []) {
      if (n.nodeType === 1 && n.matches("[data-calculator]")) window.__kapuStates.push(n.dataset.state);
    }
  }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"]});
"""


def values_of(example: dict) -> dict[str, str]:
    return {"birth_date": "", **example["values"]}


def open_validators(page, site_url, lang):
    """The page loaded afresh in `page` (a test's own page), recording from its first paint."""
    page.add_init_script(RECORD_STATES)
    page.goto(page_url(site_url, lang, "calculators/validators/"))
    return widget(page, "validators")


def last_outcome(page):
    return page.evaluate("window.__kapuOutcomes.at(-1)")


def settled(page, calculator="validators"):
    """Wait until the widget has answered every input so far."""
    page.wait_for_function(
        f"document.querySelector('[data-calculator=\"{calculator}\"]').dataset.busy === '0'"
    )


def type_example(page, values):
    page.select_option("#kapu-validators-kind", values["kind"])
    page.fill("#kapu-validators-birth_date", values.get("birth_date", ""))
    page.fill("#kapu-validators-value", values["value"])
    settled(page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_type_the_worked_examples(calculator_page, lang):
    # A page just loaded (its first paint recorded by the pool's RECORD_WIDGETS, as RECORD_STATES does).
    page, root = calculator_page("validators", lang, fresh=True)
    # Before Python: the form is visible, labelled and typeable at once.
    assert root.get_attribute("data-state") == "loading" or page.evaluate("window.__kapuStates[0]") == "loading"
    page.fill("#kapu-validators-value", "typed early")
    assert page.get_by_label(translate(lang, "Code"), exact=True).input_value() == "typed early"
    wait_ready(page, "validators")
    assert page.evaluate("window.__kapuStates") == ["loading", "ready"]
    status = root.locator("[data-kapu-status]").inner_text()
    assert status == translate(lang, "Ready: answers appear as you type.")

    for example in EXAMPLES["example"]:
        type_example(page, example["values"])
        outcome = last_outcome(page)
        assert not examples.mismatches(example, outcome), example["id"]  # the one checker
        # What the reader sees: the headline and one message per problem beside the field.
        result = root.locator("[data-kapu-result]")
        assert result.get_attribute("aria-live") == "polite"
        assert outcome["answer"]["headline"] in result.inner_text()
        field_errors = root.locator("#kapu-validators-value-error span")
        assert field_errors.count() == len(example["expect"]["data"]["problems"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_error_summary_on_submit_and_keyboard_only(calculator_page, lang):
    page, root = calculator_page("validators", lang)
    # Keyboard only: Tab to the first field of the form, choose TAJ, type, submit with Enter.
    for _ in range(60):  # from the top of the page, Tab until the first field
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "kapu-validators-kind":
            break
    for _ in range(3):  # the fourth option is the TAJ number
        page.keyboard.press("ArrowDown")
    assert page.input_value("#kapu-validators-kind") == "taj"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "kapu-validators-value"
    page.keyboard.press("Enter")  # submit an empty code
    summary = root.locator(".kapu-error-summary")
    summary.wait_for(state="visible")
    assert page.evaluate("document.activeElement.classList.contains('kapu-error-summary')")
    assert translate(lang, "There is a problem") in summary.inner_text()
    assert translate(lang, "Enter the code.") in summary.inner_text()
    assert root.locator("#kapu-validators-value-error").is_visible()
    # The summary's link takes the reader to the field.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "kapu-validators-value"
    page.keyboard.type("123456789")
    page.keyboard.press("Enter")
    settled(page)
    check_digit = translate(lang, "The last digit does not match the others: there is a typo somewhere.")
    assert check_digit in summary.inner_text()
    assert page.get_attribute("#kapu-validators-value", "aria-invalid") == "true"
    # Fixing the number (back at the field through the summary's link) clears both errors.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("End")
    page.keyboard.press("Backspace")
    page.keyboard.type("8")
    settled(page)
    assert summary.is_hidden()
    assert page.get_attribute("#kapu-validators-value", "aria-invalid") is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_accessibility_violations(calculator_page, lang):
    page, _ = calculator_page("validators", lang)
    type_example(page, EXAMPLES["example"][2]["values"])  # an invalid one: errors are on the page
    page.locator(".kapu-submit").click()
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=1)


def test_python_in_the_browser_agrees_with_cpython(calculator_page):
    """Every worked example, in every language: Pyodide's outcome equals CPython's, field for field."""
    page, _ = calculator_page("validators", "en")
    requests = EXAMPLES["example"]
    for lang in LANGUAGES:
        browser = call_all(page, "validators", [values_of(e) for e in requests], lang, EXAMPLES["today"])
        cpython = [web.run("validators", values_of(e), lang, EXAMPLES["today"]) for e in requests]
        assert browser == cpython, lang
        assert not [e["id"] for e, out in zip(requests, browser, strict=True) if examples.mismatches(e, out)]


def test_nothing_leaves_the_origin_and_python_is_self_hosted_in_a_dedicated_worker(page, site_url):
    """Where the browser has no shared workers, each page starts Python in a worker of its own
    (test_shared_worker.py: the same for a shared worker, the usual case)."""
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    dedicated_worker(page)
    open_validators(page, site_url, "vi")
    wait_ready(page, "validators")
    assert page.evaluate("window.Kapu.timings.worker") == "dedicated"
    type_example(page, EXAMPLES["example"][0]["values"])
    # The watcher sees the worker's own downloads, so an outside request could not hide from it.
    assert any(re.search(r"/assets/pyodide/[^/]+/pyodide\.asm\.wasm$", u) for u in seen)
    assert any(u.endswith(".whl") for u in seen)
    assert all(u.startswith((site_url, "data:", "blob:")) for u in seen), seen
    # (the `page` fixture also fails the test on any request that leaves the origin)


@pytest.mark.parametrize(("lang", "blocked"), [
    # The blocked download fails, as it should; nothing else does (the worker reports it, web/worker.mjs).
    pytest.param("hu", "**/pyodide.asm.wasm", marks=pytest.mark.expect_page_errors(
        r"^request failed \(net::ERR_FAILED\) \S*/assets/pyodide/[^/]+/pyodide\.asm\.wasm$")),
    pytest.param("pl", "**/*.whl", marks=pytest.mark.expect_page_errors(
        r"^request failed \(net::ERR_FAILED\) \S*/assets/kapu/wheels/\S*\.whl$")),
])
def test_python_that_cannot_load_says_so_and_the_page_stays_usable(page, site_url, lang, blocked):
    dedicated_worker(page)  # routes reach its requests (a shared worker's: test_shared_worker.py)
    page.route(blocked, lambda route: route.abort())
    root = open_validators(page, site_url, lang)
    root.locator('xpath=self::*[@data-state="error"]').wait_for(timeout=90_000)
    status = root.locator("[data-kapu-status]").inner_text()
    assert status == translate(
        lang,
        "Sorry, the calculator could not start in this browser. The rest of the page still works; "
        "the guide explains the rules in words.",
    )
    page.fill("#kapu-validators-value", "still typeable")
    assert page.locator("table").first.is_visible()  # the rules in words are still there


def test_a_page_without_a_calculator_loads_no_python(page, site_url):
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.goto(page_url(site_url, "hu", "about/privacy/"))
    page.wait_for_load_state("networkidle")
    assert not [u for u in seen if "pyodide" in u or u.endswith(".whl")]


def test_today_is_the_readers_date(calculator_page):
    """The page passes the reader's local date: a birth year of this year is accepted."""
    page, _ = calculator_page("validators", "en")
    year = dt.date.today().year
    type_example(page, {"kind": "vn-personal-id", "value": f"0012{year % 100:02d}000001"})
    assert last_outcome(page)["data"]["valid"] is True
