"""Make sure Debian's Chromium is there for the browser tests (Playwright drives it; it
downloads no browser of its own), with poppler-utils (pdfinfo, pdftotext) for the print tests.
Installs them with apt-get when missing and apt-get can be used; otherwise says which packages
to install."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

PACKAGES = ("chromium", "chromium-driver", "poppler-utils")
PDF_TOOLS = ("pdfinfo", "pdftotext")  # from poppler-utils: the printed answer sheet and handouts are read back
# Headless Chromium on a closed network: no background traffic, a throw-away profile (Playwright's).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def chromium() -> str | None:
    return os.environ.get("KAPU_CHROMIUM") or shutil.which("chromium")


def pdf_tools() -> bool:
    return all(shutil.which(tool) for tool in PDF_TOOLS)


def main() -> int:
    if chromium() and pdf_tools():
        return 0
    apt = shutil.which("apt-get")
    sudo = [] if os.geteuid() == 0 else (["sudo", "-n"] if shutil.which("sudo") else None)
    if apt is None or sudo is None:
        print(
            "Chromium or poppler-utils is missing. Install Debian's packages `chromium` and `poppler-utils` "
            "(apt-get install chromium poppler-utils), or set KAPU_CHROMIUM to a Chromium binary.",
            file=sys.stderr,
        )
        return 1
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print("Installing Debian's chromium for the browser tests…", file=sys.stderr)
    subprocess.run([*sudo, apt, "-qq", "update"], check=True, env=env)
    subprocess.run([*sudo, apt, "-y", "-qq", "install", *PACKAGES], check=True, env=env)
    return 0 if chromium() and pdf_tools() else 1


if __name__ == "__main__":
    raise SystemExit(main())
