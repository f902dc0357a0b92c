"""Enter pressed before Python is ready is kept and answered once it is (issue 12, item 6)."""

from __future__ import annotations

import pytest

from calculators.core.i18n import LANGUAGES, translate
from tests.browser.helpers import RECORD_OUTCOMES, dedicated_worker, page_url, wait_ready, widget

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGUAGES)
def test_enter_while_loading_is_answered_when_ready(page, site_url, lang):
    """A page of its own (not a pooled one): the test is about the time before Python is ready, and
    holds Pyodide back from the first request."""
    held = []  # Pyodide's WebAssembly, held back until the reader has pressed Enter
    dedicated_worker(page)  # a Python of this page's own, still starting; routes reach its requests
    page.context.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    page.add_init_script(RECORD_OUTCOMES)
    page.goto(page_url(site_url, lang, "calculators/validators/"))
    root = widget(page, "validators")
    root.locator("select").select_option("taj")
    field = root.locator('input[name="value"]')
    field.fill("123 456 789")  # a wrong check digit: a submit opens the error summary
    field.press("Enter")
    assert root.get_attribute("data-state") == "loading"
    assert root.get_attribute("data-queued") == "submit"
    assert root.locator("[data-kapu-status]").inner_text() == translate(
        lang, "Still starting: your answer will appear as soon as the calculator is ready.")
    for _ in range(200):  # until the worker has asked for the WebAssembly (and waits for it)
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the test did not hold Pyodide back"
    assert root.get_attribute("data-state") == "loading"
    for route in held:
        route.continue_()
    wait_ready(page, "validators")
    page.wait_for_function("window.__kapuOutcomes.some((o) => o.errors.length)"
                           " && document.querySelector('[data-calculator=validators]').dataset.busy === '0'")
    assert root.get_attribute("data-queued") is None
    summary = root.locator(".kapu-error-summary")
    assert summary.is_visible()  # answered as a submit: the summary opens and takes focus
    assert page.evaluate("document.activeElement.classList.contains('kapu-error-summary')")
    assert root.locator(".kapu-answer").is_visible()
