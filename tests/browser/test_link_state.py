"""State in the link (issue 13): a calculator's inputs live in the address's fragment.

Opening a link fills the form and answers once Python is ready, on every calculator in every
language; typing keeps the fragment in step without adding history entries; reload and Back
restore the answer; foreign values are refused field by field; "Copy link" copies the address.
One booted page serves several checks (a guide page holds several widgets)."""

from __future__ import annotations

from urllib.parse import quote, urlencode

import pytest

from tests.browser.helpers import RECORD_OUTCOMES, page_url, wait_ready, widget

pytestmark = pytest.mark.browser

LANGS = ("en", "hu", "pl", "vi")

# One case per calculator, each a worked example's values (calculators/examples/*.toml), in the
# fragment format: "<calculator>.<field>=<raw value>".
SELF_NOTIFICATION = {
    "eligibility": {"on": "2026-03-01", "birth_date": "1960-02-10", "monthly_income": "90000",
                    "residence": "hu-citizen-address"},
    "coverage-end": {"first_day": "2026-01-10", "last_day": "2026-03-31", "domestic": "yes"},
    "office-finder": {"query": "komlo", "pick": "Kömlő"},  # a choice the outcome offers later
}
VALIDATORS = {"validators": {"kind": "taj", "value": "123 456 788"}}


def fragment(cases: dict[str, dict[str, str]]) -> str:
    return "#" + urlencode([(f"{calc}.{k}", v) for calc, values in cases.items() for k, v in values.items()],
                           quote_via=quote)


def settled(page, calculator: str):
    """The widget's last outcome once every input has been answered."""
    root = widget(page, calculator)
    page.wait_for_function(
        """name => { const w = document.querySelector(`[data-calculator="${name}"]`);
             return w.dataset.busy === "0" && window.__kapuOutcomes.some((o) => o.calculator === name)
               && w.querySelector("[data-kapu-result]").children.length
                  + w.querySelectorAll("[aria-invalid]").length > 0; }""",
        arg=calculator)
    return root


def last_outcome(page, calculator: str) -> dict:
    return page.evaluate("name => window.__kapuOutcomes.filter((o) => o.calculator === name).at(-1)", calculator)


def open_linked(page, site_url: str, lang: str, path: str, cases: dict) -> None:
    page.add_init_script(RECORD_OUTCOMES)
    page.goto(page_url(site_url, lang, path) + fragment(cases))
    for calculator in cases:
        wait_ready(page, calculator)


@pytest.mark.parametrize("lang", LANGS)
def test_a_link_fills_every_calculator_and_answers(page, site_url, lang):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    open_linked(page, site_url, lang, "guides/self-notification/", SELF_NOTIFICATION)
    for calculator, values in SELF_NOTIFICATION.items():
        root = settled(page, calculator)
        for name, value in values.items():
            if name == "residence" or name == "domestic" or name == "pick":
                page.wait_for_function(
                    "([c, n, v]) => document.querySelector("
                    "`[data-calculator='${c}'] input[name='${n}'][value='${v}']`)?.checked",
                    arg=[calculator, name, value])
            else:
                assert root.locator(f'[name="{name}"]').input_value() == value
    page.wait_for_function("() => window.__kapuOutcomes.some((o) => o.calculator === 'office-finder' && o.data.office)")
    answers = {c: last_outcome(page, c) for c in SELF_NOTIFICATION}
    assert answers["eligibility"]["data"]["eligible"] is True
    assert answers["coverage-end"]["data"]["coverage_last_day"] == "2026-05-15"
    assert answers["office-finder"]["data"]["settlements"] == ["Kömlő"]
    for calculator, outcome in answers.items():
        assert outcome["status"] == "answer", (calculator, outcome["errors"])
        headline = widget(page, calculator).locator(".kapu-answer__headline").inner_text()
        assert headline == outcome["answer"]["headline"]
    # The fragment is left as the link gave it (every calculator's keys kept).
    assert page.evaluate("location.hash") == fragment(SELF_NOTIFICATION)
    # Validators, on its own page in the same language.
    open_linked(page, site_url, lang, "calculators/validators/", VALIDATORS)
    settled(page, "validators")
    page.wait_for_function(
        "() => window.__kapuOutcomes.some((o) => o.calculator === 'validators' && o.status === 'answer')")
    assert last_outcome(page, "validators")["data"]["valid"] is True
    assert not errors


def test_typing_keeps_the_link_and_reload_and_back_restore_it(page, site_url):
    page.add_init_script(RECORD_OUTCOMES)
    page.goto(page_url(site_url, "en", "calculators/coverage-end/"))
    root = wait_ready(page, "coverage-end")
    history = page.evaluate("history.length")
    root.locator('[name="first_day"]').fill("2026-01-10")
    root.locator('[name="last_day"]').fill("2026-03-31")
    root.locator('[name="domestic"][value="yes"]').check()
    settled(page, "coverage-end")
    expected = "#coverage-end.first_day=2026-01-10&coverage-end.last_day=2026-03-31&coverage-end.domestic=yes"
    assert page.evaluate("location.hash") == expected
    assert page.evaluate("history.length") == history, "typing must not add history entries"
    # Reload: the fragment fills the form again (autocomplete=off blocks the browser's own restore).
    page.reload()
    root = wait_ready(page, "coverage-end")
    page.wait_for_function("() => window.__kapuOutcomes.some((o) => o.status === 'answer')")
    assert root.locator('[name="last_day"]').input_value() == "2026-03-31"
    assert last_outcome(page, "coverage-end")["data"]["coverage_last_day"] == "2026-05-15"
    # Away and Back: the answer is there again.
    page.goto(page_url(site_url, "en", "about/"))
    page.go_back()
    root = wait_ready(page, "coverage-end")
    page.wait_for_function("() => document.querySelector('[data-calculator=\"coverage-end\"] .kapu-answer__headline')")
    assert root.locator('[name="first_day"]').input_value() == "2026-01-10"
    assert page.evaluate("location.hash") == expected
    # Emptying the form empties the fragment.
    for name in ("first_day", "last_day"):
        root.locator(f'[name="{name}"]').fill("")
    page.evaluate("""() => { const r = document.querySelector('[data-calculator="coverage-end"] input[value="yes"]');
        r.checked = false; r.dispatchEvent(new Event("change", { bubbles: true })); }""")
    assert page.evaluate("location.hash") == ""


def test_foreign_values_are_refused_field_by_field(page, site_url):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    bad = {
        "coverage-end": {"first_day": "2026-02-30", "last_day": "not a date", "domestic": "maybe"},
        "eligibility": {"residence": "martian", "nonsense": "x", "on": "2026-03-01"},
        "office-finder": {"query": "<img src=x onerror=alert(1)>", "pick": "Atlantis"},
    }
    open_linked(page, site_url, "en", "guides/self-notification/", bad)
    page.wait_for_function("""() => ['coverage-end', 'eligibility', 'office-finder'].every((c) =>
        window.__kapuOutcomes.some((o) => o.calculator === c)
        && document.querySelector(`[data-calculator="${c}"]`).dataset.busy === "0")""")
    coverage = widget(page, "coverage-end")
    # Each refused value leaves its field as Python's usual message for it says, beside the field.
    assert {e["field"] for e in last_outcome(page, "coverage-end")["errors"]} >= {"first_day", "last_day", "domestic"}
    for name in ("first_day", "last_day", "domestic"):
        assert coverage.locator(f'[data-field="{name}"] .kapu-field-error').is_visible()
    eligibility = last_outcome(page, "eligibility")
    assert "residence" in {e["field"] for e in eligibility["errors"]}  # an option it does not offer
    assert widget(page, "eligibility").locator('[data-field="residence"] .kapu-field-error').is_visible()
    assert last_outcome(page, "office-finder")["status"] == "problems"
    assert page.locator("img[src=x]").count() == 0
    assert not errors


def test_a_heading_anchor_is_left_alone(page, site_url):
    page.goto(page_url(site_url, "en", "guides/self-notification/") + "#domestic")
    wait_ready(page, "eligibility")
    assert page.evaluate("location.hash") == "#domestic"
    assert widget(page, "eligibility").locator('[name="birth_date"]').input_value() == ""


def test_copy_link_copies_the_address_with_the_answer(page, browser_context, site_url):
    # The page fixture clears the permissions again after the test.
    browser_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    # The clipboard answers only the focused page; other pages of the shared context may be open.
    page.bring_to_front()
    open_linked(page, site_url, "hu", "calculators/office-finder/", {"office-finder": {"query": "9021"}})
    root = settled(page, "office-finder")
    keep = root.locator("[data-kapu-keep]")
    keep.wait_for(state="visible")
    assert "megbízik" in keep.inner_text()  # the note, in the reader's language
    keep.get_by_role("button", name="Hivatkozás másolása ehhez a válaszhoz").click()
    keep.locator("[data-kapu-copied]").get_by_text("A hivatkozás a vágólapra került.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.url and copied.endswith("#office-finder.query=9021")
