"""Offline use through the service worker (web/sw.js, web/offline.mjs, kapu_build/offline.py), on a
copy of the built site served by its own server, so the test can take the network away for real
(the server is shut down and the context is set offline) and can publish a "newer build"."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from kapu_build.static_server import serve
from tests.browser.helpers import RECORD_OUTCOMES, page_url, submit_and_settle, wait_ready
from tests.browser.watch import Watcher, verdict

pytestmark = pytest.mark.browser
STORED_MS = 120_000


@pytest.fixture
def site_copy(built_site, tmp_path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    return copy


def manifest(site: Path) -> dict:
    text = (site / "sw.js").read_text("utf-8")
    return json.loads(re.search(r"const MANIFEST = (\{.*?\});\n", text).group(1))


def store_language(page, url: str, lang: str) -> None:
    """Visit one calculator page and wait until the service worker holds the language."""
    page.goto(page_url(url, lang, "calculators/validators/"))
    wait_ready(page, "validators")
    page.locator(f'html[data-kapu-offline="{lang}"]').wait_for(state="attached", timeout=STORED_MS)


def test_after_one_calculator_page_every_page_of_the_language_works_offline(browser, site_copy):
    pages = [path for path, _ in manifest(site_copy)["languages"]["hu"] if path.endswith("/")]
    assert len(pages) >= 10 and "hu/calculators/office-finder/" in pages
    context = browser.new_context(locale="hu-HU")
    page = context.new_page()
    page.add_init_script(RECORD_OUTCOMES)
    with serve(site_copy) as url:
        # Watched as every test's pages are: offline too, no console error and no failed request.
        watcher = Watcher(url)
        watcher.watch(page)
        problems = watcher.start()
        store_language(page, url, "hu")
    context.set_offline(True)  # and the server is gone too
    answered = 0
    for path in pages:
        response = page.goto(url + path)
        assert response is not None and response.ok, path
        # An embed page is the widget alone (no heading); every other page has its title.
        assert page.locator("[data-calculator]" if "/embed/" in path else "h1").first.is_visible(), path
        for calculator in page.locator("[data-calculator]").evaluate_all("ws => ws.map(w => w.dataset.calculator)"):
            root = wait_ready(page, calculator)
            outcome = submit_and_settle(page, root)
            assert outcome.get("errors") or outcome.get("answer"), (path, calculator)
            answered += 1
    assert answered >= 4
    failures = verdict(problems, [], page.wait_for_timeout)
    assert not failures, "\n".join(failures)
    context.close()


def test_the_widget_says_error_offline_when_python_is_not_stored(browser, site_copy):
    """Honest states: with the wheel missing from the cache and no network, never `ready`."""
    context = browser.new_context(locale="pl-PL")
    page = context.new_page()
    with serve(site_copy) as url:
        store_language(page, url, "pl")
        page.evaluate("""async () => {
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const r of await cache.keys()) if (r.url.endsWith('.whl')) await cache.delete(r);
            }
        }""")
    context.new_cdp_session(page).send("Network.clearBrowserCache")  # nor in the HTTP cache
    context.set_offline(True)
    page.goto(page_url(url, "pl", "calculators/validators/"))
    root = page.locator('[data-calculator="validators"]')
    root.locator('xpath=self::*[@data-state="error" or @data-state="ready"]').wait_for(timeout=90_000)
    assert root.get_attribute("data-state") == "error"
    context.close()


def test_a_newer_build_is_announced_in_the_page_language_and_replaces_the_old_cache(browser, site_copy):
    old = manifest(site_copy)["version"]
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    with serve(site_copy) as url:
        store_language(page, url, "vi")
        # Publish a "newer build": the same files, another manifest version.
        sw = site_copy / "sw.js"
        sw.write_text(sw.read_text("utf-8").replace(f'"version":"{old}"', '"version":"0123456789abcdef"'), "utf-8")
        page.goto(page_url(url, "vi", "guides/"))
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


def test_the_service_worker_stores_only_files_of_the_build(browser, site_copy):
    """Nothing a reader typed: a page address with a query is answered but never stored."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    with serve(site_copy) as url:
        store_language(page, url, "en")
        page.goto(url + "guides/?q=my+secret")
        stored = page.evaluate("""async () => {
            const all = [];
            for (const name of await caches.keys()) {
                if (!name.startsWith('kapu-site-')) continue;
                for (const r of await (await caches.open(name)).keys()) all.push(r.url);
            }
            return all;
        }""")
    listed = {url + path.removeprefix("./") for path, _ in manifest(site_copy)["shared"]}
    listed |= {url + path.removeprefix("./") for path, _ in manifest(site_copy)["languages"]["en"]}
    extra = [u for u in stored if u not in listed and "/__kapu/stored-language/" not in u]
    assert not extra
    assert not [u for u in stored if "?" in u or "#" in u or "secret" in u]
    context.close()
