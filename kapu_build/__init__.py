"""Build helpers used by the MkDocs hook, the tests and the benchmark (not shipped to browsers)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
