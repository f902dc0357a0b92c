"""Shared fixtures: the site built once per run, served by a real HTTP server on 127.0.0.1,
and driven by Playwright in Debian's headless Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kapu_build.browser_deps import CHROMIUM_ARGS, chromium  # noqa: E402

# No per-example deadline and no "generation is slow" health check: on a busy 2-core CI machine
# both fail for reasons unrelated to the code. Speed is measured by bench/bench.py instead.
settings.register_profile("kapu", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("kapu")


def pytest_configure(config):
    # The CLI and the rules read compiled catalogs: compile them from the .po sources first.
    from kapu_build import catalogs

    catalogs.compile_all()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """`mkdocs build --strict` into a fresh folder; the build log must hold no warning."""
    out = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    warnings = [line for line in log.splitlines() if "WARNING" in line]
    assert not warnings, "\n".join(warnings)
    return out


@pytest.fixture(scope="session")
def site_url(built_site):
    from kapu_build.static_server import serve

    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium()
    if not executable:
        pytest.fail("Chromium not found: install Debian's package `chromium` (make test does), or set KAPU_CHROMIUM.")
    # Playwright launches with a fresh, temporary user-data dir of its own.
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh page (new context: empty cache and storage). Fails the test if any request leaves
    the site's origin: the site must be private by construction."""
    context = browser.new_context(locale="en-GB")
    foreign: list[str] = []

    def watch(request):
        url = request.url
        if not url.startswith((site_url, "data:", "blob:")):
            foreign.append(url)

    context.on("request", watch)
    page = context.new_page()
    page.on("request", watch)
    page.foreign_requests = foreign
    yield page
    context.close()
    assert not foreign, f"requests left the origin: {foreign}"
