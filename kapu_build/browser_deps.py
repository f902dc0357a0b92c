"""Make sure the test dependencies from Debian are there: Chromium's headless shell for the browser
tests and Chromium for the benchmark (Playwright drives them; it downloads no browser of its own),
poppler-utils (pdfinfo, pdftotext) for the print tests, and nginx for the production-server test
(tests/browser/test_nginx.py runs it unprivileged with the shipped configuration). Installs what is
missing with apt-get when apt-get can be used; otherwise says which package to install."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

PACKAGES = ("chromium", "chromium-driver")
# The browser tests' Chromium: Debian's build of Chromium's headless shell (the same engine, from the
# same source package, without the desktop browser's windowing and GPU process layers; it is what
# Playwright itself runs for headless tests). It takes about a fifth less CPU per test than
# `chromium --headless`.
TEST_PACKAGES = ("chromium-headless-shell",)
PDF_PACKAGES = ("poppler-utils",)
PDF_TOOLS = ("pdfinfo", "pdftotext")  # from poppler-utils: the printed answer sheet and handouts are read back
# Headless Chromium on a closed network: no background traffic, a throw-away profile (Playwright's).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
# The browser tests' Chromium: the same, with V8 compiling Pyodide's WebAssembly with its baseline
# compiler (Liftoff) only. By default V8 recompiles the hot wasm functions with TurboFan in the
# background after every Pyodide start, which pays off for a long-lived page but not for a test
# that runs a few calculations and closes it. Still the real Chromium running the real code; the
# benchmark (bench/bench.py) keeps CHROMIUM_ARGS, so user-facing speed is measured as users get it.
TEST_CHROMIUM_ARGS = [*CHROMIUM_ARGS, "--js-flags=--liftoff-only"]


NGINX_PACKAGES = ("nginx",)


def chromium() -> str | None:
    """The readers' browser, for the benchmark and Lighthouse."""
    return os.environ.get("KAPU_CHROMIUM") or shutil.which("chromium")


def test_chromium() -> str | None:
    """The browser tests' browser (KAPU_TEST_CHROMIUM, else KAPU_CHROMIUM, else the headless shell)."""
    return (os.environ.get("KAPU_TEST_CHROMIUM") or os.environ.get("KAPU_CHROMIUM")
            or shutil.which("chromium-headless-shell"))


def pdf_tools() -> bool:
    return all(shutil.which(tool) for tool in PDF_TOOLS)


def nginx() -> str | None:
    # /usr/sbin is not on an ordinary user's PATH, and the test runs nginx as that user.
    return os.environ.get("KAPU_NGINX") or shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin")


def missing_packages() -> list[str]:
    return [
        *(PACKAGES if not chromium() else ()),
        *(TEST_PACKAGES if not test_chromium() else ()),
        *(PDF_PACKAGES if not pdf_tools() else ()),
        *(NGINX_PACKAGES if not nginx() else ()),
    ]


def main() -> int:
    missing = missing_packages()
    if not missing:
        return 0
    apt = shutil.which("apt-get")
    sudo = [] if os.geteuid() == 0 else (["sudo", "-n"] if shutil.which("sudo") else None)
    if apt is None or sudo is None:
        print(
            f"Missing for the tests: install Debian's packages {' '.join(missing)} (apt-get install …), "
            "or set KAPU_CHROMIUM / KAPU_TEST_CHROMIUM / KAPU_NGINX to the binaries.",
            file=sys.stderr,
        )
        return 1
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print(f"Installing Debian's {' '.join(missing)} for the tests…", file=sys.stderr)
    subprocess.run([*sudo, apt, "-qq", "update"], check=True, env=env)
    subprocess.run([*sudo, apt, "-y", "-qq", "install", *missing], check=True, env=env)
    return 0 if not missing_packages() else 1


if __name__ == "__main__":
    raise SystemExit(main())
