"""Does Chromium use a JavaScript code cache for Pyodide's loader in our worker on a repeat visit?

One reader visits the validators calculator, waits for the snapshot, then reloads it and visits
another calculator, each visit traced (`devtools.timeline` and `v8` events): V8 reports, for each
module compiled (`v8.compileModule`), how many bytes of code cache it consumed
(`consumedCacheSize`), and `v8.produceModuleCache` when it writes one. Run in both kinds of
profile: Playwright's default context (off the record, as `bench.py` measures) and a persistent
profile in a fresh folder (as a reader's browser); `--service-workers block` runs the same with the
files served from the network and the HTTP cache instead of the service worker. Also prints the wasm events' counts
(`wasm.Deserialize` = the compiled-wasm cache was used). Usage, after `make build`:

    .venv/bin/python bench/js_code_cache.py [--site site] [--reloads 3] [--service-workers block]
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

CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "disabled-by-default-v8.compile",
              "v8.wasm"]
WASM = ("wasm.Deserialize", "wasm.SerializeModule", "wasm.CompileLazy")


def traced(context, page, visit) -> dict:
    """Run `visit` under a trace; the ready time, the worker's marks and the code-cache events."""
    cdp = context.new_cdp_session(page)
    events, done = [], []
    cdp.on("Tracing.dataCollected", lambda p: events.extend(p["value"]))
    cdp.on("Tracing.tracingComplete", lambda p: done.append(True))
    cdp.send("Tracing.start", {"traceConfig": {"includedCategories": CATEGORIES}, "transferMode": "ReportEvents"})
    visit()
    ready, how = page.evaluate(bench.ANY_READY)
    page.wait_for_timeout(3000)  # let V8 write any cache before the next visit
    cdp.send("Tracing.end")
    while not done:
        page.wait_for_timeout(100)
    scripts, wasm = {}, collections.Counter()
    for event in events:
        name, data = event.get("name", ""), (event.get("args") or {}).get("data") or {}
        url = str(data.get("url", "")) if isinstance(data, dict) else ""
        if name in ("v8.compileModule", "v8.compile", "v8.produceModuleCache", "v8.produceCache") and (
                "/pyodide/" in url or "/kapu/" in url):
            scripts.setdefault(url.rsplit("/", 1)[-1], []).append(
                f"{name} {event.get('dur', 0) / 1000:.0f} ms, consumed cache {data.get('consumedCacheSize', 0)} B"
                + (f", produced {data['producedCacheSize']} B" if "producedCacheSize" in data else ""))
        if name in WASM:
            wasm[name] += 1
    return {"ready_ms": round(ready), "boot": how, "scripts": scripts, "wasm": dict(wasm)}


def one_reader(p, base: str, persistent: bool, reloads: int, service_workers: str) -> None:
    with tempfile.TemporaryDirectory(prefix="kapu-js-cache-") as profile:
        browser = None
        if persistent:
            context = p.chromium.launch_persistent_context(profile, executable_path=chromium(), args=CHROMIUM_ARGS,
                                                           service_workers=service_workers)
        else:
            browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            context = browser.new_context(service_workers=service_workers)
        context.add_init_script(bench.STAMP_WORKERS)
        page = context.new_page()
        page.goto(base + "calculators/validators/")
        page.evaluate(bench.ANY_READY)
        if service_workers == "allow":
            page.evaluate(bench.SETTLED)
        page.wait_for_timeout(3000)
        print(("persistent profile" if persistent else "off-the-record context (browser.new_context())")
              + f", service workers: {service_workers}")
        visits = [("reload", page.reload)] * reloads + [
            ("another calculator", lambda: page.goto(base + "calculators/eligibility/"))]
        for label, visit in visits:
            r = traced(context, page, visit)
            print(f"  {label}: ready {r['ready_ms']} ms ({r['boot']}), wasm events {r['wasm']}")
            for script, lines in r["scripts"].items():
                print(f"    {script}: " + "; ".join(lines))
        context.close()
        if browser:
            browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--reloads", type=int, default=3)
    parser.add_argument("--service-workers", choices=("allow", "block"), default="allow")
    args = parser.parse_args()
    with serve(args.site) as base, sync_playwright() as p:
        for persistent in (False, True):
            one_reader(p, base, persistent, args.reloads, args.service_workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
