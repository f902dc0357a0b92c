"""Embeds are prefilled by the link state (issues 8 and 13): one mechanism and one format,
`#<calculator>.<field>=<value>&…`, for a calculator's own page and its embed page. The embed kit's
documented prefill (the fragment, or the host script's data-prefill, tests/browser/test_embed_browser.py)
is that format; here the embed page is opened as a link would open it, and everything the link
state does on a full page happens in the embed: the answer, choices the outcome offers later, the
200-character limit, the fragment kept as the reader types, a changed fragment answered again.
"Copy link" and "Print this answer" in an embed name the calculator's full page, not the embed.
The embed pages restore the session's Python snapshot (python_snapshot): how Python starts is the
snapshot tests' subject, not this file's."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from calculators.core import registry
from calculators.core.i18n import LANGUAGES
from tests.browser.helpers import page_url, widget
from tests.browser.test_answer_sheet import print_answer
from tests.browser.test_embed_browser import typical
from tests.browser.test_link_state import fragment, last_outcome, open_linked, settled

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("name", "lang"), list(zip(registry.names(), LANGUAGES, strict=True)))
def test_a_link_prefills_the_embed_and_it_answers(python_snapshot, page, site_url, name, lang):
    """Every calculator's embed page, opened with a worked example's values in the fragment."""
    values = typical(name)
    open_linked(page, site_url, lang, f"embed/{name}/", {name: values})
    root = settled(page, name)
    page.wait_for_function("name => window.__kapuOutcomes.some((o) => o.calculator === name && o.status === 'answer')",
                           arg=name)
    outcome = last_outcome(page, name)
    assert outcome["status"] == "answer", outcome["errors"]
    assert root.locator(".kapu-answer__headline").inner_text() == outcome["answer"]["headline"]
    for field, value in values.items():
        checked = root.locator(f'[name="{field}"][value="{value}"]')
        if checked.count() and checked.first.get_attribute("type") == "radio":
            assert checked.first.is_checked(), field
        else:
            assert root.locator(f'[name="{field}"]').input_value() == value, field
    assert page.evaluate("location.hash") == fragment({name: values})  # the link is left as given


def test_the_embed_keeps_and_shares_its_link_as_a_full_page_does(python_snapshot, page, browser_context, site_url,
                                                                 tmp_path: Path):
    browser_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    # The clipboard answers only the focused page; other pages of the shared context may be open.
    page.bring_to_front()
    # A choice the outcome offers later (the settlement) is picked once it is offered.
    open_linked(page, site_url, "hu", "embed/office-finder/", {"office-finder": {"query": "komlo", "pick": "Kömlő"}})
    root = settled(page, "office-finder")
    page.wait_for_function("() => window.__kapuOutcomes.some((o) => o.data.office && o.data.settlements?.length === 1)")
    assert last_outcome(page, "office-finder")["data"]["settlements"] == ["Kömlő"]
    query = root.locator('[name="query"]')

    # A value longer than 200 characters is not a form's: ignored, as on a full page.
    page.evaluate("location.hash = '#office-finder.query=' + '9'.repeat(201)")
    page.wait_for_function("() => location.hash.length > 200")
    page.wait_for_timeout(300)
    assert query.input_value() == "komlo"

    # Typing keeps the frame's own fragment in step, without adding history entries.
    history = page.evaluate("history.length")
    query.fill("9021")
    page.wait_for_function("() => location.hash === '#office-finder.query=9021'")
    page.wait_for_function("() => window.__kapuOutcomes.at(-1).data.settlements?.[0] === 'Győr'")
    assert page.evaluate("history.length") == history

    # A changed fragment (a host setting the frame's address) fills the form and answers again.
    page.evaluate("location.hash = '#office-finder.query=3300'")
    page.wait_for_function("() => window.__kapuOutcomes.at(-1).data.settlements?.[0] === 'Eger'"
                           " && document.querySelector('[data-calculator]').dataset.busy === '0'")
    assert query.input_value() == "3300"

    # "Copy link" gives the calculator's full page with the answers, not the chrome-less embed.
    full_page = page_url(site_url, "hu", "calculators/office-finder/")
    keep = root.locator("[data-kapu-keep]")
    keep.wait_for(state="visible")
    keep.get_by_role("button", name="Hivatkozás másolása ehhez a válaszhoz").click()
    message = keep.locator("[data-kapu-copied]")
    try:
        message.get_by_text("A hivatkozás a vágólapra került.").wait_for(timeout=10_000)
    except PlaywrightTimeoutError:
        raise AssertionError(f"no 'copied' message; the keeping area shows: {message.inner_html()!r}") from None
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == full_page + "#office-finder.query=3300"

    # The printed answer sheet names the full page too, on one A4 page.
    pages, text = print_answer(page, "office-finder", tmp_path)
    assert pages == 1
    assert full_page in text and "/embed/" not in text

    # The copied link opens the full page with the same answer.
    open_linked(page, site_url, "hu", "calculators/office-finder/", {"office-finder": {"query": "3300"}})
    assert page.url == copied
    settled(page, "office-finder")
    page.wait_for_function("() => window.__kapuOutcomes.some((o) => o.data.settlements?.[0] === 'Eger')")
    assert widget(page, "office-finder").locator(".kapu-answer__headline").is_visible()
