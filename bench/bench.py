"""Kapu benchmark: numbers, not a timed test. Measured in one run, in headless Chromium, against
the built site (./site, from `make build`) served on 127.0.0.1.

Prints:
- bare Pyodide boot (the validators page with its worker swapped for one that only loads Pyodide)
  vs. the validators widget reaching `ready` (Pyodide + our wheel + import + warm-up), both timed
  from the worker's creation on the same page; ratio; target ≤ 1.10;
- input-to-result latency over 200 inputs once ready, p50 / p95; target p95 ≤ 30 ms;
- office-finder lookups once ready, p50 / p95; target ≤ 20 ms;
- bytes transferred (cold cache) for a guide page and a calculator page; target: a page without a
  calculator transfers no Pyodide bytes; the guide page's bytes gzip-compressed, target <= 150 KB;
- one reader's later visits in one profile (service worker and Python snapshot in place): a reload
  of validators, a first visit to another calculator (both find Python running in the shared
  worker), validators in a page without shared workers (Python not running: the snapshot
  restored in a dedicated worker; no target), a third calculator offline; each as a ratio to the
  bare boot above; targets <= 0.15, and offline the calculator answers;
- the snapshot's storage in bytes; where a repeat visit's time goes (the worker's start-up marks);
- Lighthouse 12.2.3 (bench/package.json, installed by `make bench` only), mobile preset, Debian's
  Chromium, the site behind the shipped nginx configuration (gzip, as a host serves it): performance,
  accessibility, best practices and SEO of two guides and a calculator page; targets performance
  >= 95 (guides) / >= 90 (calculator), accessibility 100, best practices >= 95.
- calculators.web.run_json in CPython over N hostile requests (tests/fuzzing.py: arbitrary JSON,
  huge strings, every date shape), slowest and p99 per call (each request's best of 3, so that a busy
  machine's pauses are not counted as the call's); target: slowest < 50 ms, no exception.

Usage: python bench/bench.py [--site DIR] [--runs N] [--json FILE] [--hostile N] [--hostile-only]
                             [--lighthouse PATH] [--lighthouse-only] [--visits N]
(--visits N: the quick mode for start-up work: only the bare boot and the later visits, N times.)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kapu_build.assets import pyodide_version  # noqa: E402
from kapu_build.browser_deps import CHROMIUM_ARGS, chromium  # noqa: E402
from kapu_build.static_server import serve  # noqa: E402

# Timestamps every Worker and SharedWorker creation (the bridge starts Python in a shared worker
# where the browser has them), so both boots are measured from the same point.
STAMP_WORKERS = """
window.__workerStarts = [];
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(...args) { window.__workerStarts.push(performance.now()); super(...args); }
};
if (window.SharedWorker) {
  const NativeShared = window.SharedWorker;
  window.SharedWorker = class extends NativeShared {
    constructor(...args) { window.__workerStarts.push(performance.now()); super(...args); }
  };
}
"""

# A browser without shared workers: each page starts Python in a dedicated worker of its own (the
# bridge's fallback, and the bare boot's worker below).
NO_SHARED_WORKER = "delete window.SharedWorker;"

# The baseline: the same calculator page, but its worker replaced by one that only boots Pyodide.
# Same page, same moment, same competition for the CPU (Material's search worker starts too):
# the difference is what Kapu adds (wheel, import, warm-up, messages).
BARE_WORKER = NO_SHARED_WORKER + """
window.__workerStarts = [];
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(url, options) {
    const pyodide = new URL("../pyodide/__PYODIDE_VERSION__/", new URL(url, location.href)).href;
    const src = `import { loadPyodide } from "${pyodide}pyodide.mjs";
      await loadPyodide({ indexURL: "${pyodide}" });
      postMessage({ type: "bare" });`;
    window.__workerStarts.push(performance.now());
    super(URL.createObjectURL(new Blob([src], { type: "text/javascript" })), options);
    this.addEventListener("message", (e) => { if (e.data.type === "bare") window.__bareReady = performance.now(); });
  }
};
"""

BARE_READY = """async () => {
  while (window.__bareReady === undefined) await new Promise((r) => setTimeout(r, 5));
  return window.__bareReady - window.__workerStarts[0];
}"""

WIDGET_READY = """async () => {
  const w = document.querySelector('[data-calculator="validators"]');
  while (w.dataset.state === "loading") await new Promise((r) => setTimeout(r, 5));
  if (w.dataset.state !== "ready") throw new Error("widget " + w.dataset.state);
  return performance.now() - window.__workerStarts[0];
}"""

LATENCY = """async (n) => {
  const w = document.querySelector('[data-calculator="validators"]');
  const kind = document.querySelector("#kapu-validators-kind");
  const input = document.querySelector("#kapu-validators-value");
  kind.value = "taj";
  const times = [];
  for (let i = 0; i < n; i++) {
    const done = new Promise((r) => w.addEventListener("kapu:outcome", r, { once: true }));
    const t0 = performance.now();
    input.value = String(100000000 + i * 7919);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await done;
    times.push(performance.now() - t0);
  }
  return times;
}"""


OFFICE_LOOKUPS = """async (rounds) => {
  const w = document.querySelector('[data-calculator="office-finder"]');
  while (w.dataset.state === "loading") await new Promise((r) => setTimeout(r, 5));
  const queries = ["9021", "1132", "7400", "gyor", "debrecn", "kecskemt", "komlo", "0000", "abcd",
                   "Budapest", "szekesfehervar", "9999", "３７００", "Hódmezővásárhely"];
  const times = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const t0 = performance.now();
      await window.Kapu.call("office-finder", { query, pick: "" }, "hu");
      times.push(performance.now() - t0);
    }
  }
  return times;
}"""


# Any widget on the page ready, from the page's first worker (STAMP_WORKERS), and how the boot went.
ANY_READY = """async () => {
  const w = document.querySelector('[data-calculator]');
  while (w.dataset.state === "loading") await new Promise((r) => setTimeout(r, 5));
  if (w.dataset.state !== "ready") throw new Error("widget " + w.dataset.state);
  const t = window.Kapu.timings;
  const how = t.running ? "python running" : `${t.worker} worker, ${t.snapshot}`;
  return [performance.now() - window.__workerStarts[0], how];
}"""

# Wait until the service worker holds the page's language and the snapshot is stored.
SETTLED = """async () => {
  for (let i = 0; i < 2400; i++) {
    const snap = await (await caches.open('kapu-python-snapshot')).match('/__kapu/python-snapshot');
    if (snap && document.documentElement.dataset.kapuOffline) {
      return [(await snap.arrayBuffer()).byteLength, Number(snap.headers.get('X-Kapu-Length'))];
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("offline storage did not settle");
}"""


# Where the time went: the worker's start-up marks (web/worker.mjs) on the page's clock, from the
# worker's creation; "worker" is when the worker's own clock started; "ready" the widget's ready.
BREAKDOWN = """() => {
  const t = window.Kapu.timings;
  if (t.running) return {};  // no start-up: the worker's marks are those of an earlier page's
  const offset = t.origin - performance.timeOrigin - window.__workerStarts[0];
  const marks = Object.entries(t.marks).map(([k, v]) => [k, Math.round(v + offset)]);
  return Object.fromEntries([["worker", Math.round(offset)], ...marks.sort((a, b) => a[1] - b[1])]);
}"""


def repeat_visits(browser, base: str) -> dict:
    """One reader: a first visit to validators, then a reload, then another calculator, then offline."""
    context = browser.new_context()
    context.add_init_script(STAMP_WORKERS)
    page = context.new_page()
    page.goto(base + "calculators/validators/")
    first, _ = page.evaluate(ANY_READY)
    snapshot_bytes, memory_bytes = page.evaluate(SETTLED)
    page.reload()
    repeat, how = page.evaluate(ANY_READY)
    repeat_marks = page.evaluate(BREAKDOWN) | {"ready": round(repeat)}
    page.goto(base + "calculators/eligibility/")
    other, other_how = page.evaluate(ANY_READY)
    other_marks = page.evaluate(BREAKDOWN) | {"ready": round(other)}
    # The same reader where Python is not running: a browser without shared workers, or after the
    # browser ended the shared worker (minutes after the last page closed): the snapshot restored.
    alone = context.new_page()
    alone.add_init_script(NO_SHARED_WORKER)
    alone.goto(base + "calculators/validators/")
    restored, restored_how = alone.evaluate(ANY_READY)
    restored_marks = alone.evaluate(BREAKDOWN) | {"ready": round(restored)}
    alone.close()
    context.set_offline(True)
    page.goto(base + "calculators/coverage-end/")
    offline, offline_how = page.evaluate(ANY_READY)
    answered = page.evaluate("window.Kapu.call('coverage-end', {}, 'en').then((o) => o.status)")
    context.close()
    return {"first_ms": round(first), "repeat_ms": round(repeat), "repeat_boot": how,
            "other_calculator_ms": round(other), "other_boot": other_how,
            "restored_ms": round(restored), "restored_boot": restored_how, "restored_marks": restored_marks,
            "offline_ms": round(offline), "offline_boot": offline_how, "offline_answer": answered,
            "snapshot_bytes": snapshot_bytes, "snapshot_memory_bytes": memory_bytes,
            "repeat_marks": repeat_marks, "other_marks": other_marks}


def gzip_bytes(site: Path, base: str, urls: list[str]) -> int:
    """What the fetched files weigh gzip-compressed (as a compressing server sends them)."""
    total = 0
    for url in urls:
        path = site / url.removeprefix(base).split("?")[0]
        if path.is_dir() or url.endswith("/"):
            path = path / "index.html"
        if path.is_file():
            gz = path.with_name(path.name + ".gz")
            total += gz.stat().st_size if gz.exists() else path.stat().st_size
    return total


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def transferred(browser, url: str, wait_ready: bool) -> dict[str, int]:
    # The page's own bytes: no service worker storing the rest of the language meanwhile. Python in a
    # dedicated worker: Playwright sees its requests, not a shared worker's (the same files).
    context = browser.new_context(service_workers="block")
    context.add_init_script(NO_SHARED_WORKER)
    page = context.new_page()
    sizes: dict[str, int] = {}

    def done(request):
        s = request.sizes()
        sizes[request.url] = s["responseBodySize"] + s["responseHeadersSize"]

    context.on("requestfinished", done)
    page.goto(url)
    if wait_ready:
        page.evaluate(WIDGET_READY.replace("performance.now() - window.__workerStarts[0]", "0"))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    context.close()
    return {
        "total": sum(sizes.values()),
        "urls": sorted(sizes),
        "pyodide": sum(v for k, v in sizes.items() if "/pyodide/" in k),
        "wheel": sum(v for k, v in sizes.items() if k.endswith(".whl")),
        "requests": len(sizes),
    }


def plain_guide(site: Path) -> str:
    """A guide page with no calculator on it (some guides embed one)."""
    for page in sorted((site / "guides").glob("*/index.html")):
        if "data-calculator" not in page.read_text("utf-8"):
            return page.parent.relative_to(site).as_posix() + "/"
    raise SystemExit("every guide has a calculator: nothing to measure")


def bare_boot(browser, base: str) -> float:
    """One cold bare Pyodide boot (the validators page, its worker swapped for BARE_WORKER), in ms."""
    context = browser.new_context()
    context.add_init_script(BARE_WORKER.replace("__PYODIDE_VERSION__", pyodide_version()))
    page = context.new_page()
    page.goto(base + "calculators/validators/")
    ms = page.evaluate(BARE_READY)
    context.close()
    return ms


def measure(site: Path, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        bare, ready, parts = [], [], []
        for _ in range(runs):  # alternate, each with a cold cache, so drift hits both alike
            bare.append(bare_boot(browser, base))

            context = browser.new_context()
            context.add_init_script(STAMP_WORKERS)
            page = context.new_page()
            page.goto(base + "calculators/validators/")
            ready.append(page.evaluate(WIDGET_READY))
            parts.append(page.evaluate("window.Kapu.timings"))
            if len(ready) == runs:
                latencies = page.evaluate(LATENCY, 200)
            context.close()

        context = browser.new_context()
        page = context.new_page()
        page.goto(base + "hu/calculators/office-finder/")
        office = page.evaluate(OFFICE_LOOKUPS, 15)
        context.close()

        guide_path = plain_guide(site)
        guide = transferred(browser, base + guide_path, wait_ready=False)
        calculator = transferred(browser, base + "calculators/validators/", wait_ready=True)
        guide["gzip"] = gzip_bytes(site, base, guide.pop("urls"))
        calculator.pop("urls")
        visits = repeat_visits(browser, base)
        browser.close()

    bare_ms, ready_ms = statistics.median(bare), statistics.median(ready)
    return {
        "runs": runs,
        "bare_pyodide_boot_ms": round(bare_ms),
        "widget_ready_ms": round(ready_ms),
        "ready_over_bare": round(ready_ms / bare_ms, 3),
        "worker_pyodide_ms": round(statistics.median(p["pyodide_ms"] for p in parts)),
        "worker_wheel_and_import_ms": round(statistics.median(p["wheel_and_import_ms"] for p in parts)),
        "guide_page": guide_path,
        "office_lookup_ms": {"p50": round(percentile(office, 50), 2), "p95": round(percentile(office, 95), 2),
                             "n": len(office)},
        "latency_ms": {"p50": round(percentile(latencies, 50), 2), "p95": round(percentile(latencies, 95), 2),
                       "n": len(latencies)},
        "bytes": {"guide_page": guide, "calculator_page": calculator},
        "visits": visits,
        "repeat_over_bare": round(visits["repeat_ms"] / bare_ms, 3),
        "other_over_bare": round(visits["other_calculator_ms"] / bare_ms, 3),
        "restored_over_bare": round(visits["restored_ms"] / bare_ms, 3),
        "offline_over_bare": round(visits["offline_ms"] / bare_ms, 3),
    }


def visits_only(site: Path, runs: int) -> str:
    """The quick mode (--visits N): N times a cold bare boot, then one reader's later visits; medians."""
    from playwright.sync_api import sync_playwright

    bare, visits = [], []
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        for _ in range(runs):
            bare.append(bare_boot(browser, base))
            visits.append(repeat_visits(browser, base))
            v = visits[-1]
            print(f"  run {len(visits)}: bare {bare[-1]:.0f} ms, repeat {v['repeat_ms']} ({v['repeat_boot']}), "
                  f"other {v['other_calculator_ms']} ({v['other_boot']}), not running {v['restored_ms']} "
                  f"({v['restored_boot']}), offline {v['offline_ms']} "
                  f"({v['offline_answer']}), load {os.getloadavg()[0]:.1f}", flush=True)
        browser.close()
    b = statistics.median(bare)
    lines = [f"Median of {runs}: bare boot {b:.0f} ms"]
    for name, key, marks, target in (("repeat", "repeat_ms", "repeat_marks", True),
                                     ("other calculator", "other_calculator_ms", "other_marks", True),
                                     ("not running", "restored_ms", "restored_marks", False)):
        ms = statistics.median(v[key] for v in visits)
        steps = {k: round(statistics.median(v[marks].get(k, 0) for v in visits)) for k in visits[0][marks]}
        aim = f"target <= 0.15: {verdict(ms / b <= 0.15)}" if target else "no target"
        lines.append(f"  {name:<17} {ms:.0f} ms, ratio {ms / b:.3f} ({aim}); "
                     + ", ".join(f"{k} {t}" for k, t in sorted(steps.items(), key=lambda kv: kv[1])))
    return "\n".join(lines)


LIGHTHOUSE_PAGES = {  # page -> performance target
    "guides/municipal-portal/": 95,
    "guides/self-notification/": 95,
    "hu/calculators/validators/": 90,
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse(site: Path, binary: Path) -> dict:
    """Lighthouse scores (0-100) and the failing audits of each page, behind the shipped nginx."""
    from kapu_build.browser_deps import CHROMIUM_ARGS, chromium
    from kapu_build.nginx_server import serve_nginx

    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    results = {}
    with serve_nginx(site) as base, tempfile.TemporaryDirectory() as folder:
        for page in LIGHTHOUSE_PAGES:
            out = Path(folder) / "report.json"
            subprocess.run([str(binary), base + page, "--quiet", "--output=json", f"--output-path={out}",
                            f"--chrome-flags={flags}", f"--only-categories={','.join(CATEGORIES)}"],
                           env=os.environ | {"CHROME_PATH": chromium()}, check=True)
            report = json.loads(out.read_text("utf-8"))
            scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
            failing = sorted(a["id"] for a in report["audits"].values()
                             if a.get("scoreDisplayMode") == "binary" and a.get("score") == 0)
            results[page] = scores | {"failing": failing,
                                      "bytes": report["audits"]["total-byte-weight"].get("numericValue")}
    return results


def verdict(good: bool) -> str:
    return "ok" if good else "MISSED"


def lighthouse_report(results: dict) -> list[str]:
    if not results:
        return ["  Lighthouse               not run (npm ci --prefix bench, or make bench)"]
    lines = []
    for page, r in results.items():
        marks = [("perf", r["performance"], LIGHTHOUSE_PAGES[page]), ("a11y", r["accessibility"], 100),
                 ("best practices", r["best-practices"], 95), ("SEO", r["seo"], None)]
        parts = [f"{name} {score}" + ("" if target is None else f" (>= {target} {verdict(score >= target)})")
                 for name, score, target in marks]
        lines.append(f"  Lighthouse {page:<27} " + ", ".join(parts)
                     + (f"; failing: {', '.join(r['failing'])}" if r["failing"] else ""))
    return lines


def hostile(n: int) -> dict:
    """run_json over n generated hostile requests, timed per call in this process (CPython)."""
    import time

    from hypothesis import HealthCheck, given, settings

    from calculators import web
    from tests import fuzzing

    for name in web.CALCULATORS:  # first-use imports and data loading are not per-call costs
        web.run_json(json.dumps({"calculator": name, "values": {}, "lang": "en", "today": "2026-03-01"}))
    times: list[float] = []
    exceptions = 0

    @settings(max_examples=n, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(fuzzing.requests)
    def one(request: str) -> None:
        nonlocal exceptions
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            try:
                web.run_json(request)
            except Exception:
                exceptions += 1
            best = min(best, time.perf_counter() - start)
        times.append(best * 1000)

    one()
    return {"n": len(times), "exceptions": exceptions, "max_ms": round(max(times), 2),
            "p99_ms": round(percentile(times, 99), 2), "p50_ms": round(percentile(times, 50), 3)}


def hostile_report(h: dict) -> str:
    return (f"  run_json, hostile input  max {h['max_ms']} ms, p99 {h['p99_ms']} ms, p50 {h['p50_ms']} ms "
            f"(n={h['n']}, CPython, best of 3), exceptions {h['exceptions']}  target max < 50 ms, 0 exceptions: "
            f"{'ok' if h['max_ms'] < 50 and not h['exceptions'] else 'MISSED'}")


def report(r: dict) -> str:
    g, c, lat = r["bytes"]["guide_page"], r["bytes"]["calculator_page"], r["latency_ms"]
    v = r["visits"]

    def verdict(good: bool) -> str:
        return "ok" if good else "MISSED"

    return "\n".join([
        f"Kapu benchmark (median of {r['runs']} cold runs, headless Chromium, 127.0.0.1)",
        f"  bare Pyodide boot        {r['bare_pyodide_boot_ms']:>9} ms",
        f"  validators widget ready  {r['widget_ready_ms']:>9} ms  (in the worker: Pyodide "
        f"{r['worker_pyodide_ms']} ms, wheel + import {r['worker_wheel_and_import_ms']} ms)",
        f"  ready / bare boot        {r['ready_over_bare']:>9}     target <= 1.10: "
        f"{verdict(r['ready_over_bare'] <= 1.10)}",
        f"  input->result p50        {lat['p50']:>9} ms  (n={lat['n']})",
        f"  input->result p95        {lat['p95']:>9} ms  target <= 30 ms: {verdict(lat['p95'] <= 30)}",
        f"  office lookup p50 / p95  {r['office_lookup_ms']['p50']:>9} / {r['office_lookup_ms']['p95']} ms  "
        f"(n={r['office_lookup_ms']['n']})  target <= 20 ms: {verdict(r['office_lookup_ms']['p95'] <= 20)}",
        f"  guide page bytes         {g['total']:>9}     Pyodide bytes {g['pyodide']}, target 0: "
        f"{verdict(g['pyodide'] == 0)}  ({r['guide_page']})",
        f"  guide page gzip bytes    {g['gzip']:>9}     target <= 150000: {verdict(g['gzip'] <= 150_000)}",
        f"  calculator page bytes    {c['total']:>9}     Pyodide {c['pyodide']}, wheel {c['wheel']}",
        f"  repeat visit ready       {v['repeat_ms']:>9} ms  ({v['repeat_boot']}) ratio {r['repeat_over_bare']}"
        f"  target <= 0.15: {verdict(r['repeat_over_bare'] <= 0.15)}",
        f"  other calculator ready   {v['other_calculator_ms']:>9} ms  ({v['other_boot']}) ratio "
        f"{r['other_over_bare']}  target <= 0.15: {verdict(r['other_over_bare'] <= 0.15)}",
        f"  Python not running       {v['restored_ms']:>9} ms  ({v['restored_boot']}) ratio "
        f"{r['restored_over_bare']}  (no target: a browser without shared workers, or the worker ended)",
        f"  offline calculator ready {v['offline_ms']:>9} ms  ({v['offline_boot']}) ratio {r['offline_over_bare']}"
        f", answered: {v['offline_answer']}  {verdict(v['offline_answer'] in ('answer', 'empty', 'problems'))}",
        f"  snapshot storage         {v['snapshot_bytes']:>9} bytes  (Python's memory "
        f"{v['snapshot_memory_bytes']} bytes, zero pages not stored)",
        "  repeat visit, ms from the worker's creation: "
        + ", ".join(f"{k} {t}" for k, t in v["repeat_marks"].items()),
        "  other calculator, ms from the worker's creation: "
        + ", ".join(f"{k} {t}" for k, t in v["other_marks"].items()),
        "  Python not running, ms from the worker's creation: "
        + ", ".join(f"{k} {t}" for k, t in v["restored_marks"].items()),
        *lighthouse_report(r.get("lighthouse", {})),
        hostile_report(r["hostile"]),
    ])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    parser.add_argument("--hostile", type=int, default=5000, help="hostile requests to time run_json over")
    parser.add_argument("--hostile-only", action="store_true", help="only that (no site, no browser)")
    parser.add_argument("--lighthouse", type=Path, default=ROOT / "bench" / "node_modules" / ".bin" / "lighthouse")
    parser.add_argument("--lighthouse-only", action="store_true", help="only the Lighthouse scores")
    parser.add_argument("--visits", type=int, metavar="N",
                        help="quick mode: only N cold bare boots and one reader's later visits after each (medians)")
    args = parser.parse_args()
    if args.hostile_only:
        print(hostile_report(hostile(args.hostile)))
        return 0
    if not (args.site / "assets" / "pyodide").exists():
        print(f"No built site in {args.site}: run `make build` first.", file=sys.stderr)
        return 2
    if args.visits:
        print(visits_only(args.site, args.visits))
        return 0
    try:
        scores = lighthouse(args.site, args.lighthouse) if args.lighthouse.exists() else {}
    except (subprocess.CalledProcessError, SystemExit) as err:  # no nginx, a Chromium that would not start
        print(f"Lighthouse did not run: {err}", file=sys.stderr)
        scores = {}
    if args.lighthouse_only:
        print("\n".join(lighthouse_report(scores)))
        return 0
    result = measure(args.site, args.runs) | {"hostile": hostile(args.hostile), "lighthouse": scores}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n")
    print(report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
