"""Build the `calculators` package into a pure-Python wheel for Pyodide's loadPackage(url).

A wheel is a zip with a small dist-info; writing it here keeps the site build offline and
deterministic (same input files, same bytes) without a build backend download.
"""

from __future__ import annotations

import base64
import hashlib
import zipfile
from pathlib import Path

from calculators import __version__
from kapu_build import ROOT

DIST = "kapu_calculators"
SHIPPED = ("*.py", "*.csv", "*.toml", "*.mo")
EPOCH = (2020, 1, 1, 0, 0, 0)


def wheel_name() -> str:
    return f"{DIST}-{__version__}-py3-none-any.whl"


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def package_files() -> list[Path]:
    pkg = ROOT / "calculators"
    files = {p for pattern in SHIPPED for p in pkg.rglob(pattern) if "__pycache__" not in p.parts}
    return sorted(files)


def build(out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / wheel_name()
    dist_info = f"{DIST}-{__version__}.dist-info"
    entries: list[tuple[str, bytes]] = [
        (p.relative_to(ROOT).as_posix(), p.read_bytes()) for p in package_files()
    ]
    entries += [
        (f"{dist_info}/METADATA",
         f"Metadata-Version: 2.1\nName: {DIST}\nVersion: {__version__}\n".encode()),
        (f"{dist_info}/WHEEL",
         b"Wheel-Version: 1.0\nGenerator: kapu_build\nRoot-Is-Purelib: true\nTag: py3-none-any\n"),
    ]
    record = "\n".join(_record_line(n, d) for n, d in entries) + f"\n{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode()))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(zipfile.ZipInfo(name, EPOCH), data, zipfile.ZIP_DEFLATED)
    return target
