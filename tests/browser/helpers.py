"""Helpers for the browser tests."""

from __future__ import annotations

BOOT_TIMEOUT_MS = 90_000


def widget(page, calculator: str):
    return page.locator(f'[data-calculator="{calculator}"]')


def wait_ready(page, calculator: str, timeout: int = BOOT_TIMEOUT_MS):
    """Wait until the widget's Python is loaded; fail fast with the status text if it errors."""
    root = widget(page, calculator)
    root.locator('xpath=self::*[@data-state="ready" or @data-state="error"]').wait_for(timeout=timeout)
    state = root.get_attribute("data-state")
    assert state == "ready", f"widget {calculator} is {state}: {root.locator('[data-kapu-status]').inner_text()}"
    return root


def page_url(site_url: str, lang: str, path: str) -> str:
    """URL of a page in a language: English at the root, others under /<lang>/."""
    prefix = "" if lang == "en" else f"{lang}/"
    return f"{site_url}{prefix}{path}"
