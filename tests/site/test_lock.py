"""The Python lock: every package pinned with hashes, and the lock agrees with requirements.in."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s\\;#]+)", re.MULTILINE)


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_locked_package_is_pinned_with_a_hash():
    lock = (ROOT / "requirements.txt").read_text("utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", lock)  # an entry: a "name==version" line and its hash lines
    packages = [e for e in entries if PIN.match(e)]
    assert len(packages) > 30  # the transitive ones too (Markdown, Pygments, PyYAML, MarkupSafe, …)
    for entry in packages:
        assert "--hash=sha256:" in entry, entry.splitlines()[0]
    names = {normal(m[1]) for m in PIN.finditer(lock)}
    assert {"markdown", "pygments", "pyyaml", "markupsafe"} <= names


def test_the_lock_has_what_requirements_in_asks_for_at_the_same_version():
    wanted = {normal(n): v for n, v in PIN.findall((ROOT / "requirements.in").read_text("utf-8"))}
    locked = {normal(n): v for n, v in PIN.findall((ROOT / "requirements.txt").read_text("utf-8"))}
    assert wanted and {n: locked.get(n) for n in wanted} == wanted, "run `make lock`"
