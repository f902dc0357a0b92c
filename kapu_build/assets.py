"""Kapu's files in the built site under names that change when their content does, so a host can
serve them `Cache-Control: immutable` (README: "Caching and offline use"), and gzip copies of the
large files for servers that send a precompressed file (nginx `gzip_static`).

- Pyodide goes to assets/pyodide/<version>/ (a pinned npm version never changes its files).
- Each file of web/ is published as assets/kapu/<stem>.<hash>.<ext>, with the placeholders
  `__KAPU:<file>__` in it replaced by the hashed name of <file>, `__KAPU_WHEEL__` by the wheel's
  and `__KAPU_PYODIDE__` by Pyodide's folder; the unhashed name is written too (same content),
  for embedders that load assets/kapu/bridge.js by name. The pages load the hashed names.
- The wheel gets a hashed copy in assets/kapu/wheels/.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import posixpath
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from kapu_build import ROOT

PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
# The Pyodide core the worker loads; everything else in the npm package stays out of the site.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
WEB = ROOT / "web"
# Files of web/ that are not page assets: the service worker goes to the site's root (offline.py).
NOT_ASSETS = ("sw.js",)
PLACEHOLDER = re.compile(r"__KAPU:([\w.-]+)__")
# Worth a .gz copy: text-like files above this size (a gzip of a small file saves nothing).
# (.zip and .whl are compressed already; source maps are for developers.)
GZIP_SUFFIXES = (".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".csv", ".xml")
GZIP_MIN_BYTES = 1024


def short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def pyodide_version() -> str:
    return json.loads((PYODIDE_DIR / "package.json").read_text("utf-8"))["version"]


def hashed_name(name: str, data: bytes) -> str:
    stem, dot, ext = name.partition(".")
    return f"{stem}.{short_hash(data)}{dot}{ext}"


@dataclass
class Published:
    """Where the build put Kapu's files, relative to the site's root."""

    pyodide: str  # folder, e.g. assets/pyodide/314.0.7/
    wheel: str  # hashed wheel, e.g. assets/kapu/wheels/kapu_calculators-0.1.0-py3-none-any.<hash>.whl
    names: dict[str, str] = field(default_factory=dict)  # web/ file name -> hashed file name


def copy_if_changed(src: Path, dst: Path) -> None:
    if (dst.exists() and dst.stat().st_size == src.stat().st_size and dst.stat().st_mtime >= src.stat().st_mtime
            and dst.stat().st_mode == src.stat().st_mode):  # a 0600 copy left by an earlier build is redone
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dst)


def write_if_changed(dst: Path, data: bytes) -> None:
    if dst.exists() and dst.read_bytes() == data:
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_bytes(data)


def publish_pyodide(site: Path) -> str:
    missing = [name for name in PYODIDE_FILES if not (PYODIDE_DIR / name).exists()]
    if missing:
        raise SystemExit(f"Pyodide is not installed ({', '.join(missing)} missing): run `npm ci` (make setup).")
    folder = f"assets/pyodide/{pyodide_version()}/"
    for name in PYODIDE_FILES:
        copy_if_changed(PYODIDE_DIR / name, site / folder / name)
    return folder


def publish_wheel(site: Path, wheel: Path) -> str:
    data = wheel.read_bytes()
    path = f"assets/kapu/wheels/{wheel.stem}.{short_hash(data)}{wheel.suffix}"
    write_if_changed(site / path, data)
    return path


def publish_web(site: Path, published: Published, fill: dict[str, str]) -> None:
    """Publish web/ into assets/kapu/, each file after the files it names (placeholders)."""
    kapu = site / "assets" / "kapu"
    texts = {p.name: p.read_text("utf-8") for p in sorted(WEB.iterdir()) if p.is_file() and p.name not in NOT_ASSETS}
    fixed = {"__KAPU_WHEEL__": _relative(published.wheel, "assets/kapu/"),
             "__KAPU_PYODIDE__": _relative(published.pyodide, "assets/kapu/"), **fill}
    while texts:
        ready = [n for n, t in texts.items() if all(d in published.names for d in PLACEHOLDER.findall(t))]
        if not ready:
            raise SystemExit(f"web/: files name each other in a circle: {sorted(texts)}")
        for name in ready:
            text = PLACEHOLDER.sub(lambda m: published.names[m.group(1)], texts.pop(name))
            for placeholder, value in fixed.items():
                text = text.replace(placeholder, value)
            data = text.encode("utf-8")
            published.names[name] = hashed_name(name, data)
            write_if_changed(kapu / name, data)
            write_if_changed(kapu / published.names[name], data)


def _relative(path: str, start: str) -> str:
    """`path` relative to the folder `start` (both relative to the site's root; a folder keeps its /)."""
    rel = posixpath.relpath(path, start)
    return rel + "/" if path.endswith("/") else rel


def point_pages_at_hashed(site: Path, names: dict[str, str]) -> None:
    """The pages load assets/kapu/<name> by its hashed name (Material's own bundles are hashed already)."""
    pattern = re.compile(r'(assets/kapu/)(' + "|".join(re.escape(n) for n in names) + r')(["\'])')
    for page in site.rglob("*.html"):
        text = page.read_text("utf-8")
        new = pattern.sub(lambda m: f"{m.group(1)}{names[m.group(2)]}{m.group(3)}", text)
        if new != text:
            page.write_text(new, "utf-8")


def precompress(site: Path) -> list[Path]:
    """A .gz beside every large text-like file (deterministic: no name, no time in the header)."""
    written = []
    for path in site.rglob("*"):
        if not path.is_file() or path.suffix not in GZIP_SUFFIXES or path.stat().st_size < GZIP_MIN_BYTES:
            continue
        target = path.with_name(path.name + ".gz")
        if target.exists() and target.stat().st_mtime >= path.stat().st_mtime:
            continue
        data = path.read_bytes()
        packed = gzip.compress(data, compresslevel=6, mtime=0)  # level 9 saves 0.5% on the wasm, at twice the time
        if len(packed) < 0.9 * len(data):
            target.write_bytes(packed)
            written.append(target)
    return written
