"""Every part of a calculator's form that takes keyboard focus shows it (WCAG 2.4.7, 2.4.11),
including the calendar button inside a date field (issue 12, item 7)."""

from __future__ import annotations

import pytest

from calculators.core.i18n import LANGUAGES
from tests.browser.helpers import page_url, widget, without_python

pytestmark = pytest.mark.browser

CALCULATORS = ("validators", "eligibility", "coverage-end", "office-finder")
# Where keyboard focus is and how it is drawn. Inside a date field, focus moves over the day,
# month, year and the calendar button; the page sees the field as the active element throughout,
# and while the button has focus the field matches :focus-within but no longer :focus.
FOCUS = """(root) => {
  const e = document.activeElement;
  if (!root.contains(e)) return null;
  const s = getComputedStyle(e);
  return {element: e.id || e.tagName, button: !e.matches(":focus") && e.matches(":focus-within"),
          outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2, shadow: s.boxShadow !== "none"};
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("calculator", CALCULATORS)
def test_every_focus_stop_in_the_form_is_visible(page, site_url, calculator, lang):
    # The form works before Python does: keep Python off, so the test looks at the form alone
    # (and sixteen pages need no Pyodide start).
    without_python(page)
    page.goto(page_url(site_url, lang, f"calculators/{calculator}/"))
    root = widget(page, calculator)
    root.locator("input, select, button").first.focus()
    stops = []
    for _ in range(40):
        stop = root.evaluate(FOCUS)
        if stop is None:
            break
        stops.append(stop)
        page.keyboard.press("Tab")
    assert stops, "no focus stop in the form"
    hidden = [s for s in stops if not (s["outline"] or s["shadow"])]
    assert not hidden, hidden
    if root.locator("input[type=date]:visible").count():
        assert any(s["button"] for s in stops), "the calendar button of a date field was never focused"
