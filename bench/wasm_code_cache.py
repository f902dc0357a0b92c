"""Does Chromium reuse its compiled-wasm code cache for pyodide.asm.wasm on a repeat visit?

One reader (a persistent browser profile, as a real reader's; Playwright's default context is
off-the-record) visits the validators calculator, waits for the snapshot, then reloads it several
times. Each reload is traced (V8's `v8.wasm` trace events) and the worker's start-up marks are read:
a code-cache hit shows as one `wasm.Deserialize` and far fewer `wasm.CompileLazy` functions.
Run twice: with the service worker (as the site ships) and with service workers blocked (the wasm
then comes from the network and the HTTP cache). Usage, after `make build`:

    .venv/bin/python bench/wasm_code_cache.py [--site site] [--visits 4] [--wait-ms 6000]
"""

import argparse
import collections
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from playwright.sync_api import sync_playwright  # noqa: E402

import bench  # noqa: E402
from kapu_build.browser_deps import CHROMIUM_ARGS, chromium  # noqa: E402
from kapu_build.static_server import serve  # noqa: E402

SNAPSHOT_STORED = """async () => {
  for (let i = 0; i < 2400; i++) {
    if (await (await caches.open('kapu-python-snapshot')).match('/__kapu/python-snapshot')) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no snapshot');
}"""
EVENTS = ("wasm.Deserialize", "wasm.CompileLazy", "wasm.SerializeModule", "wasm.TopTierCompilation")


def traced_reload(context, page, wait_ms: int) -> dict:
    """Reload the page under a V8 trace; the worker's marks and the wasm events' counts and ms."""
    cdp = context.new_cdp_session(page)
    events, done = [], []
    cdp.on("Tracing.dataCollected", lambda p: events.extend(p["value"]))
    cdp.on("Tracing.tracingComplete", lambda p: done.append(True))
    cdp.send("Tracing.start", {"traceConfig": {"includedCategories": ["v8.wasm"]}, "transferMode": "ReportEvents"})
    page.reload()
    ready, how = page.evaluate(bench.ANY_READY)
    marks = page.evaluate(bench.BREAKDOWN)
    page.wait_for_timeout(wait_ms)  # let V8 tier up and write its cache before the next visit
    cdp.send("Tracing.end")
    while not done:
        page.wait_for_timeout(100)
    count, ms = collections.Counter(), collections.Counter()
    for event in events:
        if event.get("name") in EVENTS:
            count[event["name"]] += 1
            ms[event["name"]] += event.get("dur", 0) / 1000
    return {"ready": round(ready), "boot": how,
            "wasm": marks["wasm_instantiated"] - marks["wasm_asked"],
            "restore": marks["pyodide_loaded"] - marks["wasm_instantiated"],
            **{name: f"{count[name]} / {ms[name]:.0f} ms" for name in EVENTS}}


def one_reader(p, base: str, visits: int, wait_ms: int, service_workers: str) -> None:
    with tempfile.TemporaryDirectory(prefix="kapu-wasm-cache-") as profile:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=chromium(), args=CHROMIUM_ARGS, service_workers=service_workers)
        context.add_init_script(bench.STAMP_WORKERS)
        page = context.new_page()
        page.goto(base + "calculators/validators/")
        page.evaluate(bench.ANY_READY)
        page.evaluate(bench.SETTLED if service_workers == "allow" else SNAPSHOT_STORED)
        page.wait_for_timeout(wait_ms)
        print(f"service workers: {service_workers}")
        for visit in range(2, visits + 1):
            print(f"  visit {visit}:", traced_reload(context, page, wait_ms), flush=True)
        context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--visits", type=int, default=4)
    parser.add_argument("--wait-ms", type=int, default=6000)
    parser.add_argument("--service-workers", choices=("allow", "block"), nargs="*", default=["allow", "block"])
    args = parser.parse_args()
    with serve(args.site) as base, sync_playwright() as p:
        for service_workers in args.service_workers:
            one_reader(p, base, args.visits, args.wait_ms, service_workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
