"""The shipped nginx configuration (deploy/nginx/kapu.conf) run unprivileged over a built site on a
loopback port, as a real host serves it (gzip, caching headers, CSP): for `make bench`'s Lighthouse
run. tests/browser/test_nginx.py starts nginx the same way (its own copy: it also checks that the
site is world-readable from outside pytest's private folder)."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from kapu_build.browser_deps import nginx

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "deploy" / "nginx" / "kapu.conf"
SHIPPED_ROOT = "/var/www/kapu"

MAIN_CONF = """worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 128; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/kapu.conf;
}}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve_nginx(site: Path) -> Iterator[str]:
    """Serve `site` (readable by nginx's worker user) with the shipped configuration; yields the base URL."""
    binary = nginx()
    if not binary:
        raise SystemExit("nginx not found: install Debian's package `nginx` (make test does), or set KAPU_NGINX.")
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="kapu-nginx-") as folder:
        prefix = Path(folder)
        conf = SHIPPED.read_text("utf-8").replace(SHIPPED_ROOT, str(site.resolve()))
        conf = conf.replace("listen 80;", f"listen 127.0.0.1:{port};").replace("listen [::]:80;", "")
        (prefix / "kapu.conf").write_text(conf, "utf-8")
        (prefix / "nginx.conf").write_text(MAIN_CONF.format(prefix=prefix), "utf-8")
        command = [binary, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(prefix / "error.log")]
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            for _ in range(200):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                    break
                except OSError:
                    if server.poll() is not None:
                        raise SystemExit(f"nginx did not start: {server.stderr.read().decode()}") from None
                    time.sleep(0.05)
            yield f"http://127.0.0.1:{port}/"
        finally:
            server.terminate()
            server.wait(timeout=10)
