// Kapu link state: a calculator's inputs live in the page address's fragment (#…), which a browser
// never sends to a server. Generic: it knows form elements and field names, no calculator and no rule;
// Python checks every value, as it checks what a reader types.
//
// The format (a promise to embedders and trainers; README, "Link state"):
//   the fragment is a URLSearchParams string; each key is "<calculator>.<field>", each value the raw
//   form string, e.g. #office-finder.query=9021 or
//   #coverage-end.first_day=2026-01-10&coverage-end.last_day=2026-03-31&coverage-end.domestic=yes
//   A fragment without "=" is a heading anchor and is left alone; keys of other calculators (several
//   widgets on one guide page) are kept; unknown keys are ignored.

const MAX_VALUE_LENGTH = 200; // longer values are not a form's; a link cannot fill a page with them

/** The fragment's parameters, or null when the fragment is a heading anchor (or empty). */
export function fragmentParams(hash = window.location.hash) {
  const text = hash.startsWith("#") ? hash.slice(1) : hash;
  if (!text.includes("=")) return null;
  return new URLSearchParams(text);
}

/** The values the fragment holds for one calculator: {field: raw string}. */
export function linkedValues(calculator, hash = window.location.hash) {
  const params = fragmentParams(hash);
  const values = {};
  if (!params) return values;
  const prefix = `${calculator}.`;
  for (const [key, value] of params) {
    if (key.startsWith(prefix) && value.length <= MAX_VALUE_LENGTH) values[key.slice(prefix.length)] = value;
  }
  return values;
}

/** The fragment with one calculator's values replaced (empty values left out), other keys kept. */
export function fragmentWith(calculator, values, hash = window.location.hash) {
  const params = fragmentParams(hash) || new URLSearchParams();
  const prefix = `${calculator}.`;
  for (const key of [...params.keys()]) if (key.startsWith(prefix)) params.delete(key);
  for (const [field, value] of Object.entries(values)) if (value) params.append(prefix + field, value);
  const text = params.toString();
  return text ? `#${text}` : "";
}

/** Write one calculator's values into the address without adding a history entry. A heading
 * anchor is replaced only once there is something to keep. */
export function rememberValues(calculator, values) {
  const hash = fragmentWith(calculator, values);
  if (!hash && !fragmentParams()) return; // nothing typed and no state: leave a heading anchor alone
  if (hash === window.location.hash) return;
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  window.history.replaceState(window.history.state, "", url);
}

/** Put values into a form's fields, as if typed. Returns the names of the fields it filled; a
 * value a field cannot hold (an unknown option, an impossible date) is left out, and the field
 * stays empty so Python's usual message for it shows. */
export function fillForm(form, values) {
  const filled = [];
  for (const [name, value] of Object.entries(values)) {
    const inputs = [...form.elements].filter((i) => i.name === name);
    if (!inputs.length) continue; // an unknown key, or a choice the outcome has not offered yet
    let done = false;
    for (const input of inputs) {
      if (input.type === "radio") {
        if (input.value === value) { input.checked = true; done = true; }
      } else if (input.type === "checkbox") {
        input.checked = value === "yes"; done = true;
      } else if (input.tagName === "SELECT") {
        if ([...input.options].some((o) => o.value === value)) { input.value = value; done = true; }
      } else {
        input.value = value;
        done = input.value === value || input.type === "date"; // a date field drops an impossible date
      }
    }
    filled.push(name);
    if (!done) for (const input of inputs) if (input.type === "radio") input.checked = false;
  }
  return filled;
}

/** The address of the page a widget belongs to, without the fragment: the page itself, or the
 * calculator's full page for a widget that names one in data-kapu-page (an embed, whose own
 * chrome-less address is not one to share or print). */
export function pageAddress(widget) {
  if (widget.dataset.kapuPage) return widget.dataset.kapuPage.split("#")[0];
  return `${window.location.origin}${window.location.pathname}${window.location.search}`;
}

/** The link to share: the page's address with the fragment, i.e. what the reader typed. */
export function shareableLink(widget) {
  return `${pageAddress(widget)}${window.location.hash}`;
}

/** Copy text to the clipboard; resolves to false where the browser refuses (the caller then shows it). */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
