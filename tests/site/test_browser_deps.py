"""`make test` installs what the browser tests need (kapu_build/browser_deps.py): the tests' headless
shell and the benchmark's Chromium are separate Debian packages, each asked for when it is missing."""

from __future__ import annotations

import shutil

import pytest

from kapu_build import browser_deps


@pytest.fixture
def machine(monkeypatch):
    """A machine with the given programs on its PATH and no KAPU_* overrides."""
    for name in ("KAPU_CHROMIUM", "KAPU_TEST_CHROMIUM", "KAPU_NGINX"):
        monkeypatch.delenv(name, raising=False)

    def having(*programs: str) -> None:
        found = {p: f"/usr/bin/{p}" for p in programs}
        monkeypatch.setattr(shutil, "which", lambda name, path=None: found.get(name))

    return having


def test_a_machine_without_the_headless_shell_gets_it_installed(machine):
    machine("chromium", "pdfinfo", "pdftotext", "nginx")
    assert browser_deps.missing_packages() == ["chromium-headless-shell"]


def test_a_machine_with_everything_needs_nothing(machine):
    machine("chromium", "chromium-headless-shell", "pdfinfo", "pdftotext", "nginx")
    assert browser_deps.missing_packages() == []
    assert browser_deps.test_chromium() == "/usr/bin/chromium-headless-shell"
    assert browser_deps.chromium() == "/usr/bin/chromium"


def test_the_tests_browser_can_be_named(machine, monkeypatch):
    machine()
    monkeypatch.setenv("KAPU_CHROMIUM", "/opt/chromium")
    assert browser_deps.test_chromium() == "/opt/chromium"  # as before the headless shell
    monkeypatch.setenv("KAPU_TEST_CHROMIUM", "/opt/shell")
    assert browser_deps.test_chromium() == "/opt/shell"
    assert browser_deps.chromium() == "/opt/chromium"
