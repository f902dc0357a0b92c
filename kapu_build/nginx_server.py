"""The shipped nginx configuration (deploy/nginx/kapu.conf) run unprivileged over a built site on a
loopback port, as a real host serves it (gzip, caching headers, CSP): for `make bench`'s Lighthouse
run and tests/browser/test_nginx.py (which serves a copy of the site outside pytest's private folder,
so that a file nginx's worker cannot read fails there as in production)."""

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


def deployed(text: str, site: Path, port: int) -> str:
    """The shipped file as an administrator would adapt it: the site's folder, and our port."""
    if not (text.count("listen 80;") == 1 and text.count("listen [::]:80;") == 1 and SHIPPED_ROOT in text):
        raise SystemExit(f"{SHIPPED} no longer has one `listen 80;`, one `listen [::]:80;` and {SHIPPED_ROOT}")
    return (text.replace(SHIPPED_ROOT, str(site.resolve())).replace("listen 80;", f"listen 127.0.0.1:{port};")
            .replace("listen [::]:80;", ""))


@contextlib.contextmanager
def serve_nginx(site: Path) -> Iterator[str]:
    """Serve `site` (readable by nginx's worker user) with the shipped configuration, after `nginx -t`
    accepts it; yields the base URL. SystemExit, with nginx's words, where it cannot."""
    binary = nginx()
    if not binary:
        raise SystemExit("nginx not found: install Debian's package `nginx` (make test does), or set KAPU_NGINX.")
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="kapu-nginx-") as folder:
        prefix = Path(folder)
        (prefix / "kapu.conf").write_text(deployed(SHIPPED.read_text("utf-8"), site, port), "utf-8")
        (prefix / "nginx.conf").write_text(MAIN_CONF.format(prefix=prefix), "utf-8")
        command = [binary, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(prefix / "error.log")]
        check = subprocess.run([*command, "-t"], capture_output=True, text=True)
        if check.returncode != 0:
            raise SystemExit(f"nginx -t refused the configuration: {check.stderr}")
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
