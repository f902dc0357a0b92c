"""Each change the reader makes asks Python once: a radio, a select or a date fires both `input` and
`change`, and a text box fires `change` when it is left; the bridge answers the second only when
the values are new (web/bridge.js, wire)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Counts the bridge's run requests to its worker (the worker already exists: patch the prototypes
# of both channels the bridge may use, a shared worker's port and a dedicated worker).
COUNT_RUNS = """() => {
  window.__kapuRuns = 0;
  window.__kapuPost = [MessagePort.prototype.postMessage, Worker.prototype.postMessage];
  for (const [i, kind] of [MessagePort, Worker].entries()) {
    kind.prototype.postMessage = function (message, ...rest) {
      if (message?.type === "run") window.__kapuRuns += 1;
      return window.__kapuPost[i].call(this, message, ...rest);
    };
  }
}"""
RESTORE = """() => {
  [MessagePort.prototype.postMessage, Worker.prototype.postMessage] = window.__kapuPost;
}"""


def runs_after(page, root, act) -> int:
    """How many run requests `act` made, once the widget has answered them all."""
    before = page.evaluate("window.__kapuRuns")
    act()
    page.wait_for_function("([runs, busy]) => window.__kapuRuns > runs && busy.dataset.busy === '0'",
                           arg=[before, root.element_handle()])
    page.wait_for_timeout(100)  # a second request, had there been one, is sent within a task
    page.wait_for_function("busy => busy.dataset.busy === '0'", arg=root.element_handle())
    return page.evaluate("window.__kapuRuns") - before


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_each_answer_change_asks_python_once(calculator_page, lang):
    page, root = calculator_page("coverage-end", lang)
    page.evaluate(COUNT_RUNS)
    try:
        assert runs_after(page, root, lambda: root.locator('input[name="domestic"][value="yes"]').check()) == 1
        assert runs_after(page, root, lambda: root.locator('input[name="domestic"][value="no"]').check()) == 1
        first = root.locator('input[name="first_day"]')
        assert runs_after(page, root, lambda: first.fill("2026-01-10")) == 1
        # Leaving the box (its `change`) with nothing new asks nothing.
        root.locator('input[name="last_day"]').focus()
        page.wait_for_timeout(150)
        assert page.evaluate("window.__kapuRuns") == 3
        assert runs_after(page, root, lambda: root.locator('input[name="last_day"]').fill("2026-03-31")) == 1
    finally:
        page.evaluate(RESTORE)
