"""Shared fixtures: the site built once per run, served by a real HTTP server on 127.0.0.1,
and driven by Playwright in Debian's headless Chromium (the browser fixtures are described in
tests/browser/helpers.py).

Every test that needs the built site or the browser is marked `browser` (automatically: anything
under tests/browser/ and any test using one of BROWSER_FIXTURES), so `pytest -m "not browser"`
(`make test-fast`) is the quick tier for the edit–test loop and `make test` runs everything."""

from __future__ import annotations

import fcntl
import json
import os
import re
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kapu_build.browser_deps import TEST_CHROMIUM_ARGS, test_chromium  # noqa: E402

# No per-example deadline and no "generation is slow" health check: on a busy 2-core CI machine
# both fail for reasons unrelated to the code. Speed is measured by bench/bench.py instead.
settings.register_profile("kapu", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("kapu")

BROWSER_DIR = Path(__file__).resolve().parent / "browser"
BROWSER_FIXTURES = {"site_build", "built_site", "site_url", "browser", "browser_context", "page",
                    "page_problems", "calculator_page", "python_snapshot", "shared_workers"}


def pytest_configure(config):
    # The CLI and the rules read compiled catalogs: compile them from the .po sources first.
    from kapu_build import catalogs

    catalogs.compile_all()


@pytest.hookimpl(tryfirst=True)  # before `-m` selects on markers
def pytest_collection_modifyitems(config, items):
    for item in items:
        # A test's own parameter may share a fixture's name (a `page` path in tests/site/test_macros.py):
        # that is a value, not the fixture.
        callspec = getattr(item, "callspec", None)
        fixtures = set(item.fixturenames) - set(callspec.params if callspec else ())
        if BROWSER_DIR in Path(item.path).parents or BROWSER_FIXTURES & fixtures:
            item.add_marker(pytest.mark.browser)
    # Run order, file by file (pytest-xdist hands out whole files in this order; `make test` turns
    # its own reordering off): first the files that need no built site, while the site builds in
    # the background; then the browser files, the longest first, so that no long file is left
    # running alone at the end while the other worker has nothing to do.
    browser_files = {item.path for item in items if item.get_closest_marker("browser")}
    items.sort(key=lambda item: _run_order(item.path, browser_files))


# The browser files that take longest, longest first (measured with --durations; the rest follow
# in collection order). A file missing here is only scheduled later, never skipped.
SLOWEST_FILES = (
    "test_flows_browser.py", "test_eligibility_browser.py", "test_offline_browser.py",
    "test_coverage_browser.py", "test_embed_browser.py", "test_validators_browser.py", "test_every_page.py",
    "test_language_switcher.py", "test_snapshot_browser.py", "test_office_finder_browser.py",
    "test_loading_faults.py", "test_nginx.py", "test_link_state.py", "test_handout.py",
    "test_form_messages.py", "test_answer_sheet.py", "test_required_fields.py", "test_focus_visible.py",
)


def _run_order(path: Path, browser_files: set[Path]) -> tuple[int, int]:
    """Files without a browser test first; a file stays whole (its module fixtures are set up once)."""
    if path not in browser_files:
        return (0, 0)
    return (1, SLOWEST_FILES.index(path.name) if path.name in SLOWEST_FILES else len(SLOWEST_FILES))


def pytest_terminal_summary(terminalreporter):
    from tests.browser.pool import REPLACED

    if REPLACED:
        terminalreporter.write_line(f"calculator pages replaced instead of reset ({len(REPLACED)}):")
        for reason in REPLACED:
            terminalreporter.write_line(f"  {reason}")


# --- the built site -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteBuild:
    path: Path
    returncode: int
    log: str

    def warnings(self) -> list[str]:
        return re.findall(r"^\s*(?:\x1b\[[0-9;]*m)?WARNING\b.*$", self.log, re.MULTILINE)


def _build_folder(config) -> Path:
    """Where this run's one build goes: shared by all pytest-xdist workers of the run (the parent
    of the workers' own temporary folders), this process's temporary folder otherwise."""
    base = config._tmp_path_factory.getbasetemp()
    return base.parent if hasattr(config, "workerinput") else base


def _strict_build(folder: Path) -> SiteBuild:
    """The run's one `mkdocs build --strict`, into `folder/site`: whichever process comes first
    builds (under a lock on `folder/site.lock`), every later one reads the result it recorded."""
    result = folder / "site-build.json"
    with open(folder / "site.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not result.exists():
            out = folder / "site"
            proc = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                cwd=ROOT, capture_output=True, text=True, timeout=600,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"},
            )
            result.write_text(json.dumps({"path": str(out), "returncode": proc.returncode,
                                          "log": proc.stdout + proc.stderr}), "utf-8")
    recorded = json.loads(result.read_text("utf-8"))
    return SiteBuild(Path(recorded["path"]), recorded["returncode"], recorded["log"])


_BACKGROUND: list[threading.Thread] = []


def pytest_collection_finish(session):
    # Start the build at once, in the background, when any selected test needs it: the tests that
    # do not need it run meanwhile (they come first, see pytest_collection_modifyitems).
    if session.config.option.collectonly or not any(i.get_closest_marker("browser") for i in session.items):
        return
    thread = threading.Thread(target=_strict_build, args=(_build_folder(session.config),), daemon=True)
    thread.start()
    _BACKGROUND.append(thread)


def pytest_sessionfinish(session):
    # Another xdist worker may be waiting for this build: never leave it half done.
    for thread in _BACKGROUND:
        thread.join()


@pytest.fixture(scope="session")
def site_build(request) -> SiteBuild:
    """The run's one `mkdocs build --strict`, with its log (shared by the xdist workers). The site
    is read-only for tests: a test that changes files works on a copy of its own."""
    return _strict_build(_build_folder(request.config))


@pytest.fixture(scope="session")
def built_site(site_build) -> Path:
    """The built site; the build must succeed and its log hold no warning."""
    assert site_build.returncode == 0, site_build.log[-3000:]
    warnings = [line for line in site_build.log.splitlines() if "WARNING" in line]
    assert not warnings, "\n".join(warnings)
    return site_build.path


@pytest.fixture(scope="session")
def site_url(built_site):
    from kapu_build.static_server import serve

    with serve(built_site) as url:
        yield url


# --- the browser ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = test_chromium()
    if not executable:
        pytest.fail("Chromium's headless shell not found: install Debian's package `chromium-headless-shell` "
                    "(make test does), or set KAPU_TEST_CHROMIUM.")
    # Playwright launches with a fresh, temporary user-data dir of its own. The DevTools endpoint
    # on 127.0.0.1 is for `shared_workers` (Playwright does not see shared workers).
    from tests.browser.cdp import free_port

    port = free_port()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable,
                                    args=[*TEST_CHROMIUM_ARGS, f"--remote-debugging-port={port}"])
        browser.devtools_port = port
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def shared_workers(browser):
    """Every shared worker of the session's browser (the bridge runs Python in one), watched and
    steered over the DevTools protocol: tests/browser/cdp.py."""
    from tests.browser.cdp import SharedWorkers

    workers = SharedWorkers(browser.devtools_port)
    yield workers
    workers.close()
    assert not workers.errors, workers.errors


@pytest.fixture(scope="session")
def browser_context(browser):
    """The session's one browser context: its HTTP cache is shared by every page of the run."""
    # No service worker here: a worker answering from its cache would hide what tests block with
    # routes (a blocked wasm, a missing wheel). Offline tests make contexts of their own.
    context = browser.new_context(locale="en-GB", service_workers="block")
    yield context
    context.close()


@pytest.fixture(scope="session")
def _watcher(site_url, shared_workers):
    from tests.browser.watch import Watcher

    watcher = Watcher(site_url)
    watcher.watch_shared_workers(shared_workers)
    return watcher


@pytest.fixture
def page_problems(request, _watcher, browser_context):
    """What went wrong on this test's pages (requests to other origins, console and page errors,
    failed same-origin requests); the test fails at the end on any it did not declare with
    @pytest.mark.expect_page_errors (tests/browser/watch.py)."""
    from tests.browser.watch import expected_patterns, verdict

    problems = _watcher.start()
    yield problems
    pages = [p for p in browser_context.pages if not p.is_closed()]
    failures = verdict(problems, expected_patterns(request.node), pages[0].wait_for_timeout if pages else None)
    _watcher.stop()
    assert not failures, "\n".join(failures)


@pytest.fixture
def page(request, browser_context, _watcher, page_problems, site_url):
    """A fresh page for this test (in the session's context: shared HTTP cache, storage cleared
    after the test). Fails the test if any request leaves the site's origin (the site must be
    private by construction), and on console errors and failed requests (see page_problems)."""
    page = browser_context.new_page()
    _watcher.watch(page)
    page.foreign_requests = page_problems.foreign
    yield page
    if not page.is_closed():
        from tests.browser.watch import await_expected, expected_patterns

        await_expected(page_problems, expected_patterns(request.node), page.wait_for_timeout)
        if page.url.startswith(site_url):
            page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        page.close()
    # Whatever a test changed on the shared context is put back for the next one.
    browser_context.unroute_all(behavior="ignoreErrors")
    browser_context.set_offline(False)
    browser_context.clear_cookies()
    browser_context.clear_permissions()


@pytest.fixture(scope="session")
def _calculator_pages(browser_context, site_url, _watcher):
    from tests.browser.pool import CalculatorPages

    pages = CalculatorPages(browser_context, site_url, _watcher)
    yield pages
    pages.close()


@pytest.fixture
def calculator_page(_calculator_pages, page_problems):
    """`calculator_page(calculator, lang)` → (page, widget root): that calculator's own page in that
    language, booted and ready, with the widget as on a fresh load. The page is kept for later tests
    (tests/browser/pool.py), so a test must not navigate it, nor change it beyond what a reset undoes
    (the widget, focus, scroll, routes, media, viewport). `fresh=True` gives a page that was just
    loaded, Python still starting, for tests of the page before Python is ready."""
    return _calculator_pages.get


@pytest.fixture
def python_snapshot(_calculator_pages, page_problems):
    """For tests that open calculators outside the pool in the session's context (embed pages, a
    host page's frames): the context holds Python's stored snapshot, so those pages restore it
    (0.7 s of CPU) instead of booting cold (5 s). Booted once per session at most, again only if a
    test removed the snapshot (tests/browser/pool.py, CalculatorPages.store_snapshot)."""
    _calculator_pages.store_snapshot()
