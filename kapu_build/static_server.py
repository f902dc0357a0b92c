"""A real HTTP server for the built site on 127.0.0.1, for the browser tests and the benchmark.

Fault injection for the loading tests: `faults` maps the end of a path ("pyodide.asm.wasm"; ""
matches every path) to "404" (answer Not Found), "hang" (send nothing until the server stops) or
"csp-no-wasm" (serve it with a Content-Security-Policy that forbids compiling WebAssembly). The
caller may change the dict while the server runs.

Like the server the README's Hosting section describes, it answers a missing page with the 404
page of the language whose folder the address is in (`/hu/…` → `/hu/404.html`; else `/404.html`)."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FAULTS = ("404", "hang", "csp-no-wasm")
# A strict policy that lacks 'wasm-unsafe-eval': what a careless server configuration sends.
CSP_NO_WASM = "default-src 'self'; script-src 'self' 'unsafe-inline'; worker-src 'self'"


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 (the stdlib's own attribute)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
        ".whl": "application/zip", ".json": "application/json",
    }

    def __init__(self, *args, faults: dict[str, str], stopping: threading.Event, **kwargs):
        self.faults, self.stopping = faults, stopping
        super().__init__(*args, **kwargs)

    def send_head(self):
        path = self.path.split("?", 1)[0]
        fault = next((f for suffix, f in list(self.faults.items()) if path.endswith(suffix)), None)
        self.csp = CSP_NO_WASM if fault == "csp-no-wasm" else None
        if fault == "404":
            self.send_error(404)
            return None
        if fault == "hang":
            self.stopping.wait()  # a stalled network: no status line, no body, until the server stops
            self.close_connection = True
            return None
        return super().send_head()

    def end_headers(self):
        if getattr(self, "csp", None):
            self.send_header("Content-Security-Policy", self.csp)
        super().end_headers()

    def log_message(self, *args):  # keep test output readable
        pass

    def send_error(self, code, message=None, explain=None):
        page = not_found_page(Path(self.directory), self.path) if code == 404 else None
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def not_found_page(site: Path, url_path: str) -> Path | None:
    """The 404 page for a missing address: its language folder's, else the site root's."""
    first = url_path.lstrip("/").split("/", 1)[0]
    language = site / first / "404.html"
    if first.isalpha() and language.is_file():  # a language code, never ".." or a file name
        return language
    root = site / "404.html"
    return root if root.is_file() else None


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that closes a page mid-download (a test moving on) is not a server error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path, faults: dict[str, str] | None = None) -> Iterator[str]:
    """Serve `directory` on a free port; yields the base URL, e.g. http://127.0.0.1:41234/."""
    stopping = threading.Event()
    handler = functools.partial(_Handler, directory=str(directory), faults={} if faults is None else faults,
                                stopping=stopping)
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        stopping.set()
        server.shutdown()
        server.server_close()
