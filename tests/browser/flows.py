"""Helpers for guided flows in the browser: answer a form in order as a reader does (only the
questions on screen), and reset a booted page between examples."""

from __future__ import annotations

from calculators import web
from tests.browser.helpers import when_settled, widget

# Clear every answer (as a fresh page), close the summary, and let Python say what to show.
RESET = """(name) => {
  const root = document.querySelector(`[data-calculator="${name}"]`);
  const form = root.querySelector("form");
  for (const input of form.elements) {
    if (input.type === "radio" || input.type === "checkbox") input.checked = false;
    else if (input.tagName !== "BUTTON" && input.tagName !== "SELECT") input.value = "";
  }
  for (const box of root.querySelectorAll("[data-field]")) box.dataset.pristine = "1";
  root.querySelector(".kapu-error-summary").hidden = true;
  form.dispatchEvent(new Event("input", { bubbles: true }));
}"""


# The questions on screen, in form order.
VISIBLE = "(w) => [...w.querySelectorAll('[data-field]:not([hidden])')].map((b) => b.dataset.field)"


def settle(page, name: str) -> list[str]:
    """Wait until Python has answered every input so far; return the questions then on screen."""
    return when_settled(widget(page, name), VISIBLE)


def reset(page, name: str) -> list[str]:
    """Clear the form as on a fresh page; return the questions on screen once Python has answered."""
    page.evaluate(RESET, name)
    return settle(page, name)


def visible_questions(page, name: str) -> list[str]:
    return widget(page, name).evaluate(VISIBLE)


def answer_in_order(page, name: str, values: dict[str, str],
                    visible: list[str] | None = None) -> list[tuple[str, list[str]]]:
    """Answer each question on screen, in form order, waiting for Python after each; a question
    still hidden when its turn comes is skipped (its value is not typed). Returns, per answered
    question, the questions visible after it. `visible`: the questions on screen now, if just read
    (as `reset` returns them)."""
    steps = []
    # What is on screen now; after each answer, what the page showed once Python had settled
    # (one read per step instead of one per question).
    if visible is None:
        visible = visible_questions(page, name)
    for field in web.form(name).fields:
        if field.kind == "choices" or field.name not in visible:
            continue
        value = values.get(field.name, "")
        selector = f"#kapu-{name}-{field.name}"
        if field.kind == "select":
            page.select_option(selector, value)
        elif field.kind == "radios":
            if not value:
                continue
            # Chosen as a keyboard reader does (the radio focused, Space): the same input and change
            # events as a click, for much less CPU than a pointer click (scrolling, waiting until
            # stable, hit-testing). Clicks on radios are tested where the click is the point.
            page.press(f"{selector}-{value}", "Space")
        elif value:
            page.fill(selector, value)
        else:
            continue
        visible = settle(page, name)
        steps.append((field.name, visible))
    return steps
