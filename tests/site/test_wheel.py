"""The calculators wheel (what Pyodide loads) ships every module and every data file the rules read,
wherever they live in the tree (parameters and data beside their rules)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from kapu_build import wheel

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "calculators"


def test_the_wheel_ships_every_module_and_data_file(tmp_path):
    built = wheel.build(tmp_path)
    names = set(zipfile.ZipFile(built).namelist())
    wanted = {p.relative_to(ROOT).as_posix() for pattern in ("*.py", "*.toml", "*.csv", "*.mo")
              for p in PACKAGE.rglob(pattern) if "__pycache__" not in p.parts}
    assert wanted <= names, sorted(wanted - names)
    for needed in ("calculators/sources.toml", "calculators/examples/office-finder.toml",
                   "calculators/rules/hu/self_notification/parameters/minimum_wage.toml",
                   "calculators/rules/hu/offices/hu_offices.csv", "calculators/rules/vn/vn_province_codes.csv"):
        assert needed in names
