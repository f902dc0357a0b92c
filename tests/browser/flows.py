"""Helpers for guided flows in the browser: answer a form in order as a reader does (only the
questions on screen), and reset a booted page between examples."""

from __future__ import annotations

from calculators import web
from tests.browser.helpers import widget

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


def settle(page, name: str) -> None:
    page.wait_for_function(f"document.querySelector('[data-calculator=\"{name}\"]').dataset.busy === '0'")


def reset(page, name: str) -> None:
    page.evaluate(RESET, name)
    settle(page, name)


def visible_questions(page, name: str) -> list[str]:
    return widget(page, name).locator("[data-field]:not([hidden])").evaluate_all(
        "(boxes) => boxes.map((b) => b.dataset.field)")


def answer_in_order(page, name: str, values: dict[str, str]) -> list[tuple[str, list[str]]]:
    """Answer each question on screen, in form order, waiting for Python after each; a question
    still hidden when its turn comes is skipped (its value is not typed). Returns, per answered
    question, the questions visible after it."""
    steps = []
    # What is on screen now; after each answer, what the page showed once Python had settled
    # (one read per step instead of one per question).
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
            page.check(f"{selector}-{value}")
        elif value:
            page.fill(selector, value)
        else:
            continue
        settle(page, name)
        visible = visible_questions(page, name)
        steps.append((field.name, visible))
    return steps
