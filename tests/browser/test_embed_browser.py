"""Embedding a calculator on another site (issue 8), as a council's web page would: a host page on
a second origin (another port on 127.0.0.1) pastes the snippets the embed builder writes, and
real Chromium loads the embeds from the Kapu origin. Boot cost dominates, so each host page holds
several frames (16 calculator × language frames on four pages)."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from calculators.core import examples, registry
from calculators.core.i18n import LANGUAGES, translate
from macros.embed import HEIGHTS
from tests.browser.helpers import BOOT_TIMEOUT_MS, RECORD_SNAPSHOT, axe_violations, wait_ready, without_search
from tests.browser.watch import Watcher, verdict

pytestmark = pytest.mark.browser

NAMES = registry.names()
ACCENT = "#8a1538"  # passes 4.5:1 on white: used as it is
PALE = "#ffdd00"  # fails on white: the nearest passing colour is used instead
CRAFTED = "red;}</style><script>parent.__pwned=1;window.__pwned=1</script>"
RECORD = """window.__kapu = [];
for (const type of ["ready", "error", "answer", "height"])
  document.addEventListener("kapu:" + type, (e) => window.__kapu.push(e.detail));"""
TOLERANCE_PX = 3
AXE_DETAILS = """async () => (await axe.run(document, {runOnly: {type: "tag", values: ["wcag2aa"]}})).violations
    .map((v) => v.nodes.map((n) => [n.target, n.any.map((a) => a.message)]))"""


def typical(name: str) -> dict:
    """The first worked example that answers: a typical answer for the frame's height."""
    data = examples.load(name)
    return next(examples.values(data, e) for e in data["example"] if e["expect"]["status"] == "answer")


class _Host(http.server.SimpleHTTPRequestHandler):
    strict_csp = ""

    def end_headers(self):
        if self.path.startswith("/strict/"):
            self.send_header("Content-Security-Policy", self.strict_csp)
        super().end_headers()

    def log_message(self, *args):
        pass


@contextmanager
def host_server(directory: Path, kapu_origin: str):
    handler = functools.partial(type("Host", (_Host,), {
        "strict_csp": f"default-src 'self'; frame-src {kapu_origin}; script-src 'self' {kapu_origin}"}),
        directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def host(tmp_path_factory, site_url):
    folder = tmp_path_factory.mktemp("host")
    (folder / "strict").mkdir()
    (folder / "favicon.ico").write_bytes(b"")  # a council's site has one: no 404 in the console
    with host_server(folder, site_url.rstrip("/")) as url:
        yield url, folder


@pytest.fixture
def host_page(python_snapshot, page, page_problems, host):  # the snapshot first: `page` is then the front tab
    """A page of the session's context that may talk to the host's origin and Kapu's, and to
    nothing else; a console error, page error or failed request, in the host page or any frame,
    fails the test (tests/browser/watch.py). The embeds restore the context's Python snapshot, as
    in the browser of a reader who has used Kapu before: the first boot is the snapshot tests' job."""
    page_problems.also_allowed.append(host[0])
    without_search(page)  # the builder's page (snippets) does not search
    page.add_init_script(RECORD)
    return page


def snippets(page, site_url: str, options: list[dict]) -> list[dict]:
    """The embed builder's own snippets (web/embed-builder.mjs), as shown on the page."""
    page.goto(site_url + "municipalities/")
    return page.evaluate(
        """async (options) => {
            const builder = await import(new URL("../assets/kapu/embed-builder.mjs", location.href).href);
            return options.map((o) => builder.snippets(o));
        }""", options)


def write_host(folder: Path, name: str, body: list[str]) -> str:
    (folder / name).write_text("<!doctype html><html lang='en'><head><meta charset='utf-8'>"
                               "<title>Host</title></head><body>"
                               + "\n<p>Council text between embeds.</p>\n".join(body) + "</body></html>", "utf-8")
    return name


def frames(page):
    return [(f, f.content_frame()) for f in page.query_selector_all("iframe[src*='/embed/']")]


def inner(frame) -> dict:
    return frame.evaluate("""() => ({
        content: Math.ceil(document.querySelector('.kapu-embed__content').getBoundingClientRect().height),
        scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight})""")


def settle_heights(page, timeout: float = 20.0) -> list[tuple[float, dict]]:
    """Wait until every frame is as high as its content (within TOLERANCE_PX) with no inner
    scrollbar; return (frame height, inner sizes) per frame."""
    deadline = time.monotonic() + timeout
    while True:
        sizes = [(el.bounding_box()["height"], inner(f)) for el, f in frames(page)]
        if all(abs(h - s["content"]) <= TOLERANCE_PX and s["scroll"] <= s["client"] for h, s in sizes):
            return sizes
        if time.monotonic() > deadline:
            raise AssertionError(f"frames did not follow their content: {sizes}")
        time.sleep(0.25)


def events(page, type_: str) -> list[dict]:
    return page.evaluate(f"window.__kapu.filter((e) => e.type === {type_!r})")


def wait_answers(frame):
    frame.wait_for_selector("[data-calculator][data-busy='0'] .kapu-answer", timeout=BOOT_TIMEOUT_MS)


def rgb(hex_: str) -> str:
    r, g, b = (int(hex_[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_calculator_embeds_with_the_script(host_page, site_url, host, lang):
    page, (host_url, folder) = host_page, host
    answers_on = {"validators", "office-finder"}
    options = [{"calculator": n, "lang": lang, "prefill": typical(n), "answers": n in answers_on,
                "accent": PALE if n == "eligibility" else ACCENT, "theme": "dark" if n == "coverage-end" else "light",
                "title": f"{translate(lang, registry.calculator(n).form.title)} · Kapu", "height": HEIGHTS[n]}
               for n in NAMES]
    made = snippets(page, site_url, options)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(host_url + write_host(folder, f"script-{lang}.html", [m["script"] for m in made]))
    page.wait_for_function(f"window.__kapu.filter((e) => e.type === 'ready').length === {len(NAMES)}",
                           timeout=BOOT_TIMEOUT_MS * 2)
    assert sorted(e["calculator"] for e in events(page, "ready")) == sorted(NAMES)
    by_name = {f.evaluate("document.querySelector('[data-calculator]').dataset.calculator"): (el, f)
               for el, f in frames(page)}
    for _, frame in by_name.values():
        wait_answers(frame)

    # answer messages: only from the frames whose embed code asked, and the reader is told there
    page.wait_for_function("new Set(window.__kapu.filter((e) => e.type === 'answer').map((e) => e.calculator)).size"
                           f" === {len(answers_on)}")
    assert {e["calculator"] for e in events(page, "answer")} == answers_on
    assert all(e["kapu"] == 1 and "data" in e for e in events(page, "answer"))
    notice = translate(lang, "This site receives the answer.")
    for name, (_, frame) in by_name.items():
        shown = frame.locator("[data-kapu-answers-notice]")
        assert shown.is_visible() == (name in answers_on), name
        assert shown.inner_text() == notice
        guide = frame.locator(".kapu-embed__guide a")
        assert (guide.get_attribute("target"), guide.get_attribute("rel")) == ("_blank", "noopener")

    # answer links open in a new tab
    links = by_name["office-finder"][1].locator("[data-kapu-result] a[href]")
    assert links.count() >= 2
    assert all(links.nth(i).get_attribute("target") == "_blank" and links.nth(i).get_attribute("rel") == "noopener"
               for i in range(links.count()))

    # the accent: used as given when it passes, the nearest passing colour when it does not; AA in every frame
    submit = "document.querySelector('.kapu-submit')"
    assert by_name["validators"][1].evaluate(f"getComputedStyle({submit}).backgroundColor") == rgb(ACCENT)
    pale = by_name["eligibility"][1].evaluate(f"getComputedStyle({submit}).backgroundColor")
    assert pale not in (rgb(PALE), rgb("#4051b5"))
    for name, (el, frame) in by_name.items():
        el.scroll_into_view_if_needed()  # axe finds backgrounds by hit-testing: what it checks must be in view
        found = axe_violations(frame)
        assert found == [], (name, found, frame.evaluate(AXE_DETAILS))

    # the frame's height follows its content at both widths, with no inner scrollbar
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 900})
        sizes = settle_heights(page)
        print(lang, width, [(round(h), s["content"]) for h, s in sizes])

    # two embeds size independently: emptying one frame's answer shrinks it alone
    before = {n: el.bounding_box()["height"] for n, (el, _) in by_name.items()}
    emptied = by_name["office-finder"][1]
    emptied.fill("[name=query]", "")
    # The heights can only follow once the worker has answered the emptied form (as-you-type): wait for
    # the content to change before waiting for the frames to settle (it may otherwise "settle" at once).
    emptied.wait_for_function(
        "(before) => document.querySelector('.kapu-embed__content').getBoundingClientRect().height < before",
        arg=before["office-finder"] - 50)
    settle_heights(page)
    after = {n: el.bounding_box()["height"] for n, (el, _) in by_name.items()}
    assert after["office-finder"] < before["office-finder"] - 50
    assert all(abs(after[n] - before[n]) <= 1 for n in NAMES if n != "office-finder")

    # messages from another origin, or from a Kapu frame the script did not make, are ignored
    count = page.evaluate("window.__kapu.length")
    page.evaluate("window.postMessage({kapu: 1, type: 'height', calculator: 'validators', height: 5}, '*')")
    page.evaluate(f"""() => new Promise((ok) => {{ const f = document.createElement("iframe");
        f.src = {site_url + 'about/'!r}; f.onload = ok; document.body.append(f); }})""")
    stranger = next(f for f in page.frames if f.url.endswith("/about/"))
    stranger.evaluate("parent.postMessage({kapu: 1, type: 'height', calculator: 'validators', height: 5}, '*')")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__kapu.length") == count
    assert by_name["validators"][0].bounding_box()["height"] == after["validators"]


def test_no_script_snippets_fit_their_documented_heights(host_page, site_url, host):
    """The plain iframe (no script on the host): the documented height holds the form and a
    typical answer without a scrollbar at 360 and 1280 px; the frame still says `ready`."""
    page, (host_url, folder) = host_page, host
    page.add_init_script(f"""window.__raw = []; window.addEventListener("message", (e) => {{
        if (e.origin === {site_url.rstrip('/')!r}) window.__raw.push(e.data); }});""")
    options = [{"calculator": n, "lang": lang, "prefill": typical(n), "height": HEIGHTS[n], "title": n}
               for n, lang in zip(NAMES, LANGUAGES, strict=True)]
    made = snippets(page, site_url, options)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(host_url + write_host(folder, "plain.html", [m["iframe"] for m in made]))
    page.wait_for_function(f"window.__raw.filter((m) => m.kapu === 1 && m.type === 'ready').length === {len(NAMES)}",
                           timeout=BOOT_TIMEOUT_MS * 2)
    for _, frame in frames(page):
        wait_answers(frame)
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(500)
        for (el, frame), name in zip(frames(page), NAMES, strict=True):
            sizes, height = inner(frame), el.bounding_box()["height"]
            print("no-script", width, name, height, sizes["content"])
            assert height == HEIGHTS[name]
            assert sizes["scroll"] <= sizes["client"], f"{name} at {width} px needs {sizes['content']} px"
    assert page.evaluate("window.__raw.filter((m) => m.type === 'answer').length") == 0


def test_strict_host_csp_and_a_crafted_accent(host_page, site_url, host):
    """A host with its own strict CSP still works; an accent that tries to break out of CSS
    changes nothing (in the script's data-accent and in the embed page's address alike)."""
    page, (host_url, folder) = host_page, host
    made = snippets(page, site_url, [{"calculator": "validators", "lang": "hu", "prefill": typical("validators")}])[0]
    crafted = made["script"].replace('data-lang="hu"', f'data-lang="hu" data-accent="{CRAFTED.replace("<", "&lt;")}"')
    direct = (f'<iframe src="{site_url}embed/office-finder/?accent={CRAFTED.replace("#", "%23")}'
              f'&theme=%3Cb%3E#office-finder.query=9021" title="x" height="900"></iframe>')
    page.on("dialog", lambda d: pytest.fail(f"a dialog opened: {d.message}"))
    page.goto(host_url + write_host(folder, "strict/index.html", [crafted, direct]))
    # A function, not an expression: the host's CSP forbids the eval an expression would need.
    page.wait_for_function("() => window.__kapu.filter((e) => e.type === 'ready').length === 1",
                           timeout=BOOT_TIMEOUT_MS)
    for _, frame in frames(page):
        wait_answers(frame)
        assert frame.evaluate("window.__pwned") is None
        assert frame.evaluate("document.body.getAttribute('style') || ''").count("--md-primary-fg-color") == 0
        assert frame.evaluate("document.querySelectorAll('script').length") == 2  # bridge + embed-frame only
        submit = frame.evaluate("getComputedStyle(document.querySelector('.kapu-submit')).backgroundColor")
        assert submit == rgb("#4051b5")
    assert page.evaluate("window.__pwned") is None
    script_frame = frames(page)[0][0]
    assert abs(script_frame.bounding_box()["height"] - inner(frames(page)[0][1])["content"]) <= TOLERANCE_PX


def test_a_copy_under_a_sub_path_embeds_and_runs(browser, built_site, tmp_path):
    """A council copies site/ to /kapu/: pages, embeds, worker, Pyodide and the wheel load from there.
    (Another origin, so Python boots cold once, in the embed; the full page restores its snapshot.)"""
    (tmp_path / "kapu").symlink_to(built_site, target_is_directory=True)
    (tmp_path / "favicon.ico").write_bytes(b"")
    (tmp_path / "host.html").write_text(
        '<!doctype html><html lang="en"><title>Council</title><div data-kapu-calculator="office-finder" '
        'data-lang="pl" data-prefill="query=9021"></div><script src="/kapu/assets/kapu/embed.js"></script>', "utf-8")
    with host_server(tmp_path, "'self'") as url:
        context = browser.new_context()
        wrong: list[str] = []
        ok = (url + "kapu/", url + "host.html", url + "favicon.ico", "data:", "blob:")
        context.on("request", lambda r: None if r.url.startswith(ok)
                   else wrong.append(r.url))
        page = context.new_page()
        watcher = Watcher(url)  # console and page errors, failed requests: as on every test's pages
        watcher.watch(page)
        problems = watcher.start()
        page.add_init_script(RECORD)
        page.add_init_script(RECORD_SNAPSHOT)  # in every frame
        page.goto(url + "host.html")
        page.wait_for_function("window.__kapu.some((e) => e.type === 'ready')", timeout=BOOT_TIMEOUT_MS)
        embed = frames(page)[0][1]
        wait_answers(embed)
        embed.wait_for_function("window.__kapuSnapshot !== undefined", timeout=BOOT_TIMEOUT_MS)
        assert embed.evaluate("window.__kapuSnapshot.stored") is True
        page.goto(url + "kapu/hu/calculators/validators/")
        wait_ready(page, "validators")
        failures = verdict(problems, [], page.wait_for_timeout)
        context.close()
    assert not wrong, f"requests outside /kapu/: {wrong}"
    assert not failures, "\n".join(failures)
