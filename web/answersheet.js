// Kapu answer sheet: "Print this answer" prints one clean page: the question, what the reader
// entered (labels and values as typed), the answer as the widget shows it (why-steps with their
// legal references; documents to bring; the office), the day it was worked out, when the rules
// were last checked, the page's address, and that it is guidance, not a decision.
// Generic: it reads the widget's own form and rendered answer; the words come from the page
// (macros/templates/widget.html, in the reader's language). No calculator names, no rules.

import { pageAddress } from "./__KAPU:linkstate.js__";

const SHEET_ID = "kapu-answer-sheet";
const PRINTING = "kapu-printing-answer"; // on <html> while the sheet is what prints

// What the reader entered, as they see it: the question's label, the value typed or the option
// picked, and what the page says is wrong with it (a code that is not valid yet: on paper there is
// no input box to look above). Questions left empty and without a problem are left out.
function enteredValues(widget) {
  const rows = [];
  for (const box of widget.querySelectorAll("form [data-field]")) {
    if (box.hidden) continue;
    const label = box.querySelector(".kapu-label")?.textContent.trim();
    let value = "";
    const checked = box.querySelector("input[type=radio]:checked");
    const select = box.querySelector("select");
    const input = box.querySelector("input.kapu-input");
    if (checked) value = box.querySelector(`label[for="${checked.id}"]`)?.textContent.trim() || checked.value;
    else if (select) value = select.selectedOptions[0]?.textContent.trim() || "";
    else if (input) value = input.value;
    const slot = box.querySelector(".kapu-field-error");
    const problem = slot && !slot.hidden ? slot.textContent.trim() : "";
    if (label && (value || problem)) rows.push([label, value, problem]);
  }
  return rows;
}

function today(lang) {
  try {
    // English pages write dates the British way (22 November 2026), as calculators/core/i18n.py does.
    return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang, { dateStyle: "long" }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

/** Build the sheet for `widget`'s current answer and make it the only thing that prints. */
export function prepareAnswerSheet(widget) {
  const template = widget.querySelector("template[data-kapu-sheet]");
  const card = widget.querySelector("[data-kapu-result] .kapu-answer");
  if (!template || !card) return null;
  const sheet = template.content.firstElementChild.cloneNode(true);
  sheet.id = SHEET_ID;
  const list = sheet.querySelector("[data-kapu-sheet-inputs]");
  for (const [label, value, problem] of enteredValues(widget)) {
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    dd.textContent = value;
    if (problem) {
      const note = document.createElement("strong");
      note.className = "kapu-sheet__problem";
      note.textContent = problem;
      dd.append(...(value ? [document.createElement("br")] : []), note);
    }
    list.append(dt, dd);
  }
  const answer = card.cloneNode(true);
  for (const details of answer.querySelectorAll("details")) details.open = true;
  // Links print with their full address (the print style writes it out), a link to another
  // calculator too.
  for (const a of answer.querySelectorAll("a[href]")) a.setAttribute("href", a.href);
  sheet.querySelector("[data-kapu-sheet-answer]").append(answer);
  sheet.querySelector("[data-kapu-sheet-today]").textContent = today(sheet.lang || document.documentElement.lang);
  // The page without the fragment: the sheet lists what was typed; the address need not repeat it.
  // In an embed, the calculator's full page (linkstate.js).
  sheet.querySelector("[data-kapu-sheet-url]").textContent = pageAddress(widget).split("?")[0];
  document.getElementById(SHEET_ID)?.remove();
  document.body.append(sheet);
  document.documentElement.classList.add(PRINTING);
  return sheet;
}

// After printing, the page prints as a handout again (the browser's own Print command).
window.addEventListener("afterprint", () => {
  document.documentElement.classList.remove(PRINTING);
  document.getElementById(SHEET_ID)?.remove();
});
