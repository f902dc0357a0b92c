"""Offline use through the service worker (web/sw.js, web/offline.mjs, kapu_build/offline.py), on a
copy of the built site served by this file's own server, so a test can take the network away for
real (the context is set offline and the server answers every request that still reaches it with
an error) and can publish a "newer build".

Python starts cold once in this file (about 5 s of CPU): `hu_stored` is one context that visited one
Hungarian calculator page (Python booted, its snapshot made, the language stored), shared by the
tests that only read what it stored. A test whose service worker and caches must be its own (it
damages them, or replaces the build) gets a fresh context that already holds that Python snapshot
(`seeded_context`): those tests need a snapshot there, not one their context made
(tests/browser/test_snapshot_browser.py tests the making)."""

from __future__ import annotations

import base64
import json
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from kapu_build.static_server import serve
from tests.browser.helpers import RECORD_OUTCOMES, RECORD_SNAPSHOT, page_url, submit_and_settle, wait_ready
from tests.browser.watch import Watcher, verdict

pytestmark = pytest.mark.browser
STORED_MS = 120_000


@dataclass
class Site:
    path: Path  # this file's copy of the built site (a test that changes a file puts it back)
    url: str
    faults: dict[str, str]  # the server's fault injection (kapu_build/static_server.py)


@pytest.fixture(scope="module")
def site(built_site, tmp_path_factory) -> Iterator[Site]:
    copy = tmp_path_factory.mktemp("offline") / "site"
    shutil.copytree(built_site, copy)
    faults: dict[str, str] = {}
    with serve(copy, faults) as url:
        yield Site(copy, url, faults)


def manifest(site: Path) -> dict:
    text = (site / "sw.js").read_text("utf-8")
    return json.loads(re.search(r"const MANIFEST = (\{.*?\});\n", text).group(1))


@contextmanager
def network_gone(context, site: Site) -> Iterator[None]:
    """No network: the context is offline, and a request that reached the server anyway would be
    answered 404 (a failed request: the test fails)."""
    context.set_offline(True)
    site.faults[""] = "404"
    try:
        yield
    finally:
        site.faults.clear()
        context.set_offline(False)


def store_language(page, url: str, lang: str) -> None:
    """Visit one calculator page and wait until the service worker holds the language."""
    page.goto(page_url(url, lang, "calculators/validators/"))
    wait_ready(page, "validators")
    page.locator(f'html[data-kapu-offline="{lang}"]').wait_for(state="attached", timeout=STORED_MS)


@dataclass
class Visited:
    context: object
    page: object
    watcher: Watcher  # each test using it calls watcher.start() and answers for what it reports


@pytest.fixture(scope="module")
def hu_stored(browser, site) -> Iterator[Visited]:
    """One context after its first visit to a calculator page: Hungarian stored, Python's snapshot made."""
    context = browser.new_context(locale="hu-HU")
    page = context.new_page()
    page.add_init_script(RECORD_OUTCOMES)
    page.add_init_script(RECORD_SNAPSHOT)
    watcher = Watcher(site.url)  # what goes wrong here is reported to the first test that uses it
    watcher.watch(page)
    store_language(page, site.url, "hu")
    page.wait_for_function("window.__kapuSnapshot !== undefined", timeout=60_000)
    assert page.evaluate("window.__kapuSnapshot.stored") is True
    yield Visited(context, page, watcher)
    context.close()


# The stored Python snapshot: its headers, and its bytes as a data: URL (base64).
READ_SNAPSHOT = """async () => {
  const r = await (await caches.open('kapu-python-snapshot')).match('/__kapu/python-snapshot');
  const blob = await r.blob();
  const body = await new Promise((done) => {
    const reader = new FileReader();
    reader.onload = () => done(reader.result);
    reader.readAsDataURL(blob);
  });
  return {headers: Object.fromEntries(r.headers), body: body.slice(body.indexOf(',') + 1)};
}"""

# Store the snapshot whose bytes the server has at `address`, with its headers, as the worker would.
SEED = """async ({address, headers}) => {
  const body = await (await fetch(address)).arrayBuffer();
  await (await caches.open('kapu-python-snapshot')).put('/__kapu/python-snapshot', new Response(body, {headers}));
}"""


@pytest.fixture(scope="module")
def snapshot_seed(hu_stored, site) -> dict:
    """hu_stored's Python snapshot: its bytes served by this file's server (outside the build's
    manifest: no service worker stores them), and its headers."""
    entry = hu_stored.page.evaluate(READ_SNAPSHOT)
    path = site.path / "test-seed" / "python-snapshot"
    path.parent.mkdir()
    path.write_bytes(base64.b64decode(entry["body"]))
    return {"address": site.url + "test-seed/python-snapshot", "headers": entry["headers"]}


def seeded_context(browser, site: Site, seed: dict, locale: str):
    """(context, page): a fresh context, no service worker yet, whose Cache Storage already holds the
    Python snapshot, so its first calculator page restores Python instead of starting it cold."""
    context = browser.new_context(locale=locale)
    page = context.new_page()
    # An empty document of the site's origin (from no server) to reach that origin's Cache Storage.
    blank = site.url + "test-seed/blank"
    page.route(blank, lambda route: route.fulfill(body="<!doctype html><title>seed</title>", content_type="text/html"))
    page.goto(blank)
    page.evaluate(SEED, seed)
    page.unroute_all()
    return context, page


def assert_restored(page) -> None:
    """The seeded snapshot was used (else this file's tests start Python cold and take seconds more)."""
    assert page.evaluate("window.Kapu.timings.snapshot") == "restored"


def test_after_one_calculator_page_every_page_of_the_language_works_offline(hu_stored, site):
    pages = [path for path, _ in manifest(site.path)["languages"]["hu"] if path.endswith("/")]
    assert len(pages) >= 10 and "hu/calculators/office-finder/" in pages
    page = hu_stored.page
    # Watched as every test's pages are: offline too, no console error and no failed request.
    problems = hu_stored.watcher.start()
    answered = 0
    with network_gone(hu_stored.context, site):
        for path in pages:
            response = page.goto(site.url + path)
            assert response is not None and response.ok, path
            # An embed page is the widget alone (no heading); every other page has its title.
            assert page.locator("[data-calculator]" if "/embed/" in path else "h1").first.is_visible(), path
            for calculator in page.locator("[data-calculator]").evaluate_all("ws => ws.map(w => w.dataset.calculator)"):
                root = wait_ready(page, calculator)
                outcome = submit_and_settle(page, root)
                assert outcome.get("errors") or outcome.get("answer"), (path, calculator)
                answered += 1
        failures = verdict(problems, [], page.wait_for_timeout)
    hu_stored.watcher.stop()
    assert answered >= 4
    assert not failures, "\n".join(failures)


def test_the_widget_says_error_offline_when_python_is_not_stored(browser, site, snapshot_seed, shared_workers):
    """Honest states: with the wheel missing from the cache and no network, never `ready`."""
    context, page = seeded_context(browser, site, snapshot_seed, "pl-PL")
    store_language(page, site.url, "pl")
    assert_restored(page)
    # Python no longer running either (the browser ends a shared worker minutes after its last page).
    assert shared_workers.end(page) == 1
    page.evaluate("""async () => {
        for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const r of await cache.keys()) if (r.url.endsWith('.whl')) await cache.delete(r);
        }
    }""")
    context.new_cdp_session(page).send("Network.clearBrowserCache")  # nor in the HTTP cache
    with network_gone(context, site):
        page.goto(page_url(site.url, "pl", "calculators/validators/"))
        root = page.locator('[data-calculator="validators"]')
        root.locator('xpath=self::*[@data-state="error" or @data-state="ready"]').wait_for(timeout=90_000)
        assert root.get_attribute("data-state") == "error"
    context.close()


def test_a_newer_build_is_announced_in_the_page_language_and_replaces_the_old_cache(browser, site, snapshot_seed):
    old = manifest(site.path)["version"]
    context, page = seeded_context(browser, site, snapshot_seed, "vi-VN")
    store_language(page, site.url, "vi")
    assert_restored(page)
    # Publish a "newer build": the same files, another manifest version (put back after the test).
    sw = site.path / "sw.js"
    published = sw.read_text("utf-8")
    sw.write_text(published.replace(f'"version":"{old}"', '"version":"0123456789abcdef"'), "utf-8")
    try:
        page.goto(page_url(site.url, "vi", "guides/"))
        notice = page.locator(".kapu-update")
        notice.wait_for(timeout=STORED_MS)
        assert "Có phiên bản mới" in notice.inner_text()
        # Nothing is replaced before the reader agrees.
        assert page.evaluate("caches.keys()").count(f"kapu-site-{old}") == 1
        with page.expect_navigation():
            notice.locator("button").click()
        page.wait_for_function("navigator.serviceWorker.controller !== null")
        names = page.evaluate("caches.keys()")
        assert "kapu-site-0123456789abcdef" in names and f"kapu-site-{old}" not in names
        stored = page.evaluate("""async () => (await (await caches.open('kapu-site-0123456789abcdef')).keys())
            .map((r) => r.url)""")
        assert any(u.endswith("/vi/guides/") for u in stored)  # the language stays offline after the update
    finally:
        sw.write_text(published, "utf-8")
    context.close()


def test_pages_work_where_service_workers_are_unavailable(browser_context, built_site, site_url):
    # The session's context has service workers blocked (tests/conftest.py): its HTTP cache and
    # Python snapshot spare this page a cold start. A page of its own: it goes to a file:// URL.
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(RECORD_OUTCOMES)
    page.goto(page_url(site_url, "en", "calculators/validators/"))
    root = wait_ready(page, "validators")
    assert submit_and_settle(page, root)
    page.wait_for_timeout(500)
    assert page.get_attribute("html", "data-kapu-offline") is None
    page.evaluate("localStorage.clear()")  # the shared context's storage, as the `page` fixture leaves it
    # file://: no service worker is even asked for; the guide reads as it does online.
    page.goto((built_site / "guides" / "index.html").as_uri())
    assert page.locator("h1").first.is_visible()
    assert not errors
    page.close()


def test_the_service_worker_stores_only_files_of_the_build(hu_stored, site):
    """Nothing a reader typed: a page address with a query is answered but never stored."""
    page = hu_stored.page
    problems = hu_stored.watcher.start()
    page.goto(page_url(site.url, "hu", "guides/") + "?q=my+secret")
    stored = page.evaluate("""async () => {
        const all = [];
        for (const name of await caches.keys()) {
            if (!name.startsWith('kapu-site-')) continue;
            for (const r of await (await caches.open(name)).keys()) all.push(r.url);
        }
        return all;
    }""")
    failures = verdict(problems, [], page.wait_for_timeout)
    hu_stored.watcher.stop()
    listed = {site.url + path.removeprefix("./") for path, _ in manifest(site.path)["shared"]}
    listed |= {site.url + path.removeprefix("./") for path, _ in manifest(site.path)["languages"]["hu"]}
    extra = [u for u in stored if u not in listed and "/__kapu/stored-language/" not in u]
    assert not extra
    assert not [u for u in stored if "?" in u or "#" in u or "secret" in u]
    assert not failures, "\n".join(failures)
