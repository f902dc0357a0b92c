"""The shipped production configuration (deploy/nginx/kapu.conf), for real: Debian's nginx runs it
unprivileged on a loopback port with a temporary prefix over the built site, and Chromium goes
through it. Every page in four languages loads with no CSP violation and no console error, every
calculator starts and answers (the second page restoring the first one's Python snapshot), content tabs
work, and the headers are the documented ones."""

from __future__ import annotations

import gzip
import shutil
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from calculators.core.i18n import DEFAULT_LANGUAGE, LANGUAGES
from kapu_build import csp
from kapu_build.browser_deps import nginx
from kapu_build.nginx_server import serve_nginx
from tests.browser.helpers import NO_SHARED_WORKER, page_url, wait_ready
from tests.browser.pool import SNAPSHOT_STORED
from tests.browser.watch import Watcher

pytestmark = pytest.mark.browser

@pytest.fixture(scope="module")
def served_site(built_site):
    """The built site where a web server would have it: outside pytest's private (0700) temporary
    folder, copied with its files' modes. Started as root, nginx serves as the user nobody, so a
    file that is not world-readable (the 0600 postcode asset once) would fail here as in production."""
    folder = Path(tempfile.mkdtemp(prefix="kapu-nginx-site-"))
    folder.chmod(0o755)
    shutil.copytree(built_site, folder / "site")
    (folder / "site").chmod(0o755)  # the build's own folder came from pytest's mktemp (0700)
    yield folder / "site"
    shutil.rmtree(folder)


@pytest.fixture(scope="module")
def nginx_url(served_site):
    if not nginx():
        pytest.fail("nginx not found: install Debian's package `nginx` (make test does), or set KAPU_NGINX.")
    with serve_nginx(served_site) as url:  # the same start-up as make bench's: nginx -t, then serve
        yield url


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def prefix(lang: str) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


# --- headers ---------------------------------------------------------------------------------


def test_security_headers_and_policy_are_the_documented_ones(nginx_url, built_site):
    policy = (built_site / csp.POLICY_FILE).read_text("utf-8").splitlines()[0]
    assert "'unsafe-inline'" not in policy and "'wasm-unsafe-eval'" in policy
    _, headers, _ = fetch(f"{nginx_url}guides/")
    assert headers["Content-Security-Policy"] == policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
    for lang in LANGUAGES:  # embed pages, and only they, may be shown in another site's iframe
        _, headers, _ = fetch(f"{nginx_url}{prefix(lang)}embed/validators/")
        assert headers["Content-Security-Policy"] == policy.replace(csp.FRAMED_HERE, csp.FRAMED_ANYWHERE)
        _, headers, _ = fetch(f"{nginx_url}{prefix(lang)}calculators/validators/")
        assert headers["Content-Security-Policy"] == policy


def test_types_caching_and_compression(nginx_url, built_site):
    bundle = next((built_site / "assets" / "javascripts").glob("bundle.*.min.js")).relative_to(built_site)
    pyodide = next((built_site / "assets" / "pyodide").glob("*/pyodide.asm.wasm")).parent.relative_to(built_site)
    worker = next((built_site / "assets" / "kapu").glob("worker.*.mjs")).relative_to(built_site)
    year = "public, max-age=31536000, immutable"
    expected = {  # path: (Content-Type, Cache-Control)
        "": ("text/html; charset=utf-8", "no-cache"),
        "assets/kapu/worker.mjs": ("text/javascript", "no-cache"),  # the unhashed name, for embedders
        str(worker): ("text/javascript", year),  # content-hashed (kapu_build/assets.py)
        f"{pyodide}/pyodide.asm.mjs": ("text/javascript", year),  # a versioned folder
        f"{pyodide}/pyodide.asm.wasm": ("application/wasm", year),
        str(bundle): ("text/javascript", year),
    }
    for path, (content_type, cache) in expected.items():
        status, headers, body = fetch(nginx_url + path, **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers["Content-Type"] == content_type, path
        assert headers["Cache-Control"] == cache, path
        assert headers.get("Content-Encoding") == "gzip", path
        assert gzip.decompress(body) == (built_site / path / ("index.html" if path == "" else "")).read_bytes()


def test_each_language_has_its_own_not_found_page(nginx_url, built_site):
    for lang in LANGUAGES:
        status, headers, body = fetch(f"{nginx_url}{prefix(lang)}no/such/page/")
        own = built_site / prefix(lang) / "404.html"
        page = own if own.exists() else built_site / "404.html"  # the English one until a language has its own
        assert status == 404 and body == page.read_bytes(), lang
        assert headers["Content-Security-Policy"] and headers["X-Content-Type-Options"] == "nosniff"


# --- Chromium through nginx --------------------------------------------------------------------

# Every CSP violation the page sees (a worker's appear as console errors "Refused to …").
RECORD_VIOLATIONS = """window.__csp = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""

# Two pages hold all four calculators: each page starts Python once, the first cold.
CALCULATOR_PAGES = [("hu", "calculators/validators/"), ("pl", "guides/self-notification/")]
ANSWERS = {
    "validators": {"kind": "taj", "value": "123 456 788"},
    "eligibility": {"residence": "hu-citizen-address", "work_capacity_change": "60", "on": "2026-03-01"},
    "coverage-end": {"first_day": "2026-01-10", "last_day": "2026-03-31", "domestic": "yes"},
    "office-finder": {"query": "9021"},
}
TABS = 2  # pages loading at once in the sweep
# In the sweep no worker starts: 28 pages would each boot Pyodide, and every page Material's search
# (646 kB of index) for nothing. The same workers then run for real on three pages, below: the
# content-tabs page (search) and the two calculator pages (search, Pyodide).
NO_WORKERS = """window.Worker = function () {
  return Object.assign(new EventTarget(), { postMessage() {}, terminate() {} });  // never answers
};""" + NO_SHARED_WORKER  # so the bridge asks for the Worker above


def pages(site: Path) -> list[str]:
    return [*sorted(str(p.parent.relative_to(site)) + "/" for p in site.rglob("index.html") if p.parent != site), ""]


def test_every_page_loads_clean_and_every_calculator_answers_through_nginx(browser, nginx_url, built_site,
                                                                           shared_workers):
    context = browser.new_context(locale="en-GB")
    # Python's shared worker, watched over DevTools (Playwright does not see it): a CSP violation
    # there is a console error of the worker's.
    worker_watch = Watcher(nginx_url)
    stop_watching = worker_watch.watch_shared_workers(shared_workers)
    in_worker = worker_watch.start()
    errors: list[str] = []
    foreign: list[str] = []
    context.on("request", lambda r: None if r.url.startswith((nginx_url, "data:", "blob:")) else foreign.append(r.url))
    context.add_init_script(RECORD_VIOLATIONS)
    violations: list[str] = []

    def new_tab():
        tab = context.new_page()
        tab.on("console", lambda m: m.type == "error" and errors.append(f"{tab.url}: {m.text}"))
        tab.on("pageerror", lambda e: errors.append(f"{tab.url}: {e}"))
        return tab

    tabs = [new_tab() for _ in range(TABS)]
    for tab in tabs:
        tab.add_init_script(NO_WORKERS)
    try:
        # Every page, a few at a time.
        visited = pages(built_site)
        assert len(visited) > 60 and all(any(p.startswith(f"{lang}/") for p in visited) for lang in ("hu", "pl", "vi"))
        for start in range(0, len(visited), TABS):
            batch = list(zip(tabs, visited[start:start + TABS], strict=False))
            for tab, path in batch:
                tab.goto(nginx_url + path, wait_until="commit")
            for tab, _ in batch:
                tab.wait_for_load_state("load")
                violations += tab.evaluate("window.__csp")

        for tab in tabs:
            tab.close()

        # Content tabs (Material, pymdownx.tabbed): a click shows the other tab.
        page = new_tab()
        page.goto(f"{nginx_url}vi/guides/vneid-health-book/")
        blocks = page.locator(".tabbed-set").first.locator(".tabbed-block")
        page.locator(".tabbed-set").first.locator(".tabbed-labels label").nth(1).click()
        assert blocks.nth(1).is_visible() and not blocks.first.is_visible()
        page.wait_for_timeout(500)  # let its search worker load the index
        violations += page.evaluate("window.__csp")
        page.close()

        # Every calculator starts and answers. The first page boots Python cold and stores its
        # snapshot; the second restores it (one cold boot, not two: the snapshot works here too).
        started = []
        for first, (lang, path) in zip((True, False), CALCULATOR_PAGES, strict=True):
            tab = new_tab()
            tab.goto(page_url(nginx_url, lang, path))
            names = tab.eval_on_selector_all("[data-calculator]", "(ws) => ws.map((w) => w.dataset.calculator)")
            for calculator in names:
                wait_ready(tab, calculator)
                outcome = tab.evaluate("([n, v, l]) => window.Kapu.call(n, v, l)",
                                       [calculator, ANSWERS[calculator], lang])
                assert outcome["status"] == "answer", (calculator, outcome["errors"])
                started.append(calculator)
            if first:
                assert tab.evaluate(SNAPSHOT_STORED, 60_000), "no Python snapshot stored through nginx"
                # The next page would find this Python running: end it, as the browser does minutes
                # after the last page, so that the next one restores the snapshot.
                assert shared_workers.end(tab) == 1
            else:
                assert tab.evaluate("window.Kapu.timings.snapshot") == "restored"
            violations += tab.evaluate("window.__csp")
            tab.close()
        assert sorted(started) == sorted(ANSWERS)
        assert not in_worker.problems and not in_worker.foreign, (in_worker.problems, in_worker.foreign)
    finally:
        stop_watching()
        context.close()
    print(f"\nnginx: {len(visited)} pages, {len(started)} calculators: {len(violations)} CSP violations, "
          f"{len(errors)} console errors")
    assert not violations
    assert not errors
    assert not foreign
