"""Read the data files shipped inside the package.

Plain paths, not importlib.resources: the package is always unpacked (site-packages in CPython,
the virtual file system in Pyodide), and importlib.resources adds start-up time in the browser.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def read_text(*parts: str) -> str:
    """The text of calculators/<parts…>, e.g. read_text("data", "vn_province_codes.csv")."""
    return PACKAGE_DIR.joinpath(*parts).read_text("utf-8")
