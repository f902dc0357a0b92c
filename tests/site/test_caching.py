"""Immutable caching and the service worker's manifest, read from the built site."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path

from kapu_build.assets import pyodide_version, short_hash

KAPU_NAME = re.compile(r"assets/kapu/([\w-]+)\.([0-9a-f]{12})\.(js|mjs|css)$")


def _manifest(site: Path) -> dict:
    return json.loads(re.search(r"const MANIFEST = (\{.*?\});\n", (site / "sw.js").read_text("utf-8")).group(1))


def test_pages_load_kapu_files_by_a_name_that_is_their_content_hash(built_site):
    html = (built_site / "hu" / "calculators" / "validators" / "index.html").read_text("utf-8")
    loaded = re.findall(r'(?:src|href)="(?:\.\./)*(assets/kapu/[^"]+)"', html)
    assert {Path(p).suffix for p in loaded} == {".js", ".css"}
    for path in loaded:
        assert KAPU_NAME.search(path), path
        assert short_hash((built_site / path).read_bytes()) == KAPU_NAME.search(path).group(2)


def test_kapu_files_name_each_other_by_hashed_names(built_site):
    bridge = next(p for p in (built_site / "assets/kapu").glob("bridge.*.js"))
    worker_name = re.search(r'"(worker\.[0-9a-f]{12}\.mjs)"', bridge.read_text("utf-8")).group(1)
    worker = (built_site / "assets/kapu" / worker_name).read_text("utf-8")
    # Pyodide's versioned folder (its files are named inside it: pyodide.mjs, pyodide.asm.mjs).
    assert f'"../pyodide/{pyodide_version()}/"' in worker and "pyodide.mjs" in worker
    assert re.search(r'"\./snapshot\.[0-9a-f]{12}\.mjs"', worker)
    wheel = re.search(r'"(wheels/[^"]+\.whl)"', worker).group(1)
    data = (built_site / "assets/kapu" / wheel).read_bytes()
    assert short_hash(data) in wheel
    assert "__KAPU" not in bridge.read_text("utf-8") + worker


def test_kapu_modules_import_each_other_by_hashed_names(built_site):
    """An import by the unhashed name would bypass immutable caching and the offline precache
    (contrast.mjs was imported so by the embed page and builder, and failed offline)."""
    for module in (built_site / "assets/kapu").glob("*.*.*js"):
        imports = re.findall(r'(?:from|import\()\s*"(\./[^"]+)"', module.read_text("utf-8"))
        for name in imports:
            assert re.fullmatch(r"\./[\w-]+\.[0-9a-f]{12}\.m?js", name), (module.name, name)


def test_large_text_files_have_a_gzip_copy_with_the_same_content(built_site):
    wasm = built_site / "assets/pyodide" / pyodide_version() / "pyodide.asm.wasm"
    for path in (wasm, built_site / "index.html"):
        packed = path.with_name(path.name + ".gz").read_bytes()
        assert gzip.decompress(packed) == path.read_bytes()
        assert len(packed) < 0.9 * path.stat().st_size


def test_the_manifest_lists_every_page_of_each_language_with_its_hash(built_site):
    found = _manifest(built_site)
    counts = set()
    for lang, entries in found["languages"].items():
        pages = {p for p, _ in entries if p.endswith("/")}
        prefix = "" if lang == "en" else f"{lang}/"
        assert f"{prefix}calculators/validators/" in pages and f"{prefix}guides/" in pages
        assert not [p for p in pages if not p.startswith(prefix) or (lang == "en" and p[:3] in ("hu/", "pl/", "vi/"))]
        counts.add(len(pages))
    assert len(counts) == 1  # the same tree in every language
    shared = {p: h for p, h in found["shared"]}
    assert any(p.endswith("pyodide.asm.wasm") for p in shared) and any(p.endswith(".whl") for p in shared)
    assert not [p for p in shared if p.endswith((".map", ".gz"))]
    for path, digest in list(shared.items())[:5]:
        assert hashlib.sha256((built_site / path).read_bytes()).hexdigest().startswith(digest)


def test_the_service_worker_sits_at_the_site_root_and_is_registered_relative_to_it(built_site):
    """A site under a sub-path (https://town.example/kapu/) keeps its own scope: no absolute path."""
    offline = next((built_site / "assets/kapu").glob("offline.*.mjs")).read_text("utf-8")
    assert 'new URL("../../sw.js", import.meta.url)' in offline
    assert (built_site / "sw.js").exists()
    assert "__KAPU" not in offline
