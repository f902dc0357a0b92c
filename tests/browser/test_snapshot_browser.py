"""The Pyodide memory snapshot (web/snapshot.mjs): made after the first visit, restored on the
next, and every way it can be unusable falls back to a normal boot that answers. One page, one
sequence of reloads (each step is a boot: the test is about booting; the theme's search index,
which every load would build, is kept off)."""

from __future__ import annotations

import pytest

from tests.browser.helpers import RECORD_SNAPSHOT, dedicated_worker, page_url, wait_ready, without_search

pytestmark = pytest.mark.browser

# Wait until a snapshot is stored (with `key`, when given: a fresh one replacing an altered one).
STORED = """async (key) => {
  for (let i = 0; i < 600; i++) {
    const r = await (await caches.open('kapu-python-snapshot')).match('/__kapu/python-snapshot');
    if (r && (!key || r.headers.get('X-Kapu-Key') === key)) return r.headers.get('X-Kapu-Key');
    await new Promise((done) => setTimeout(done, 50));
  }
  return null;
}"""

# Rewrite the stored entry: change(bytes, key) returns [bytes, key]; the hash is recomputed
# unless keepHash (then the old hash stays, as after a truncated write); `pages` replaces the map of
# stored pages (web/snapshot.mjs stores only the non-zero 64 KiB pages).
REWRITE = """async ([change, keepHash, pages]) => {
  const cache = await caches.open('kapu-python-snapshot');
  const old = await cache.match('/__kapu/python-snapshot');
  const edit = (new Function('return ' + change))();
  const [bytes, key] = edit(new Uint8Array(await old.arrayBuffer()), old.headers.get('X-Kapu-Key'));
  const hex = async (b) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', b))]
    .map((x) => x.toString(16).padStart(2, '0')).join('');
  const sha = keepHash ? old.headers.get('X-Kapu-Sha256') : await hex(bytes);
  const headers = Object.fromEntries(old.headers);  // the stored pages' map and length stay
  Object.assign(headers, {'x-kapu-key': key, 'x-kapu-sha256': sha}, pages ? {'x-kapu-pages': pages} : {});
  await cache.put('/__kapu/python-snapshot', new Response(bytes, {headers}));
}"""

# The stored entry holds fewer bytes than Python's memory (zero pages left out) and says how long it was.
SPARSE = """async () => {
  const r = await (await caches.open('kapu-python-snapshot')).match('/__kapu/python-snapshot');
  const stored = (await r.arrayBuffer()).byteLength;
  return stored > 0 && stored < Number(r.headers.get('X-Kapu-Length'));
}"""

SHA = """async () => (await (await caches.open('kapu-python-snapshot')).match('/__kapu/python-snapshot'))
  .headers.get('X-Kapu-Sha256')"""

# Wait until the stored entry is another one than the one with hash `sha`.
REPLACED = """async (sha) => {
  for (let i = 0; i < 600; i++) {
    const r = await (await caches.open('kapu-python-snapshot')).match('/__kapu/python-snapshot');
    if (r && r.headers.get('X-Kapu-Sha256') !== sha) return true;
    await new Promise((done) => setTimeout(done, 50));
  }
  return false;
}"""

FORGET = "async () => (await caches.open('kapu-python-snapshot')).delete('/__kapu/python-snapshot')"


def stored_again(page, key: str) -> None:
    """After a normal boot, wait until its fresh snapshot is written: the altered entry it replaces
    has the same key, so looking at the key alone could let its late write follow the next change."""
    page.wait_for_function("window.__kapuSnapshot !== undefined", timeout=60_000)
    report = page.evaluate("window.__kapuSnapshot")
    assert report["stored"] is True, report
    assert page.evaluate(STORED, key) == key


def boot(page, url: str | None = None) -> str:
    """Reload (or go to `url`), wait until ready, check Python answers; return how the boot used
    the snapshot."""
    if url:
        page.goto(url)
    else:
        page.reload()
    root = wait_ready(page, "validators")
    outcome = page.evaluate("window.Kapu.call('validators', {kind: 'taj', value: '123456788'}, 'en')")
    assert outcome["answer"]["tone"] == "positive", outcome
    assert root.get_attribute("data-state") == "ready"
    return page.evaluate("window.Kapu.timings.snapshot")


def test_snapshot_restored_and_every_unusable_snapshot_falls_back(page, site_url):
    page.add_init_script(RECORD_SNAPSHOT)
    # Each load starts its own Python (a dedicated worker): not the context's shared one, running
    # already (the snapshot is offered to either in the same way: test_shared_worker.py).
    dedicated_worker(page)
    without_search(page)
    # First a page of the site without a calculator (no boot of its own): earlier tests in the
    # session may have stored a snapshot, start from none.
    page.goto(page_url(site_url, "en", "guides/"))
    page.evaluate(FORGET)
    assert boot(page, page_url(site_url, "en", "calculators/validators/")) == "missing"
    key = page.evaluate(STORED, None)
    assert key and "/pyodide/" in key and ".whl" in key
    assert page.evaluate(SPARSE) is True

    assert boot(page) == "restored"

    # Truncated (a write cut short): the hash does not match.
    page.evaluate(REWRITE, ["(b, k) => [b.slice(0, b.length >> 1), k]", True])
    assert boot(page) == "hash"
    stored_again(page, key)  # the normal boot made a fresh one

    # Bytes whose hash matches but that do not fit the map of stored pages (one page too many).
    page.evaluate(REWRITE, ["(b, k) => [b, k]", False, "0-100000"])
    assert boot(page) == "pages"
    stored_again(page, key)

    # Another site's, or another wheel's: a different key.
    page.evaluate(REWRITE, ["(b, k) => [b, k.replace(/[0-9a-f]{12}\\.whl/, '000000000000.whl')]", False])
    assert boot(page) == "other-key"
    stored_again(page, key)

    # A Pyodide version change.
    page.evaluate(REWRITE, ["(b, k) => [b, k.replace(/pyodide\\/[^/]+\\//, 'pyodide/0.0.1/')]", False])
    assert boot(page) == "other-key"
    stored_again(page, key)

    # Damaged but with a matching hash (written wrong): Pyodide rejects it, the same worker boots normally.
    page.evaluate(REWRITE, ["(b, k) => [b.map((x, i) => (i % 7 ? x : 255 - x)), k]", False])
    damaged = page.evaluate(SHA)
    assert boot(page).startswith("rejected")

    # Gone (storage cleared): a normal boot. (First wait until the boot above has replaced the
    # damaged entry, which has the same key: else its late write would follow the clearing.)
    assert page.evaluate(REPLACED, damaged)
    page.evaluate(FORGET)
    assert boot(page) == "missing"
