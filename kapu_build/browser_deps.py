"""Make sure Debian's Chromium is there for the browser tests (Playwright drives it; it
downloads no browser of its own). Installs it with apt-get when it is missing and apt-get can
be used; otherwise says which package to install."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

PACKAGES = ("chromium", "chromium-driver")
# Headless Chromium on a closed network: no background traffic, a throw-away profile (Playwright's).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def chromium() -> str | None:
    return os.environ.get("KAPU_CHROMIUM") or shutil.which("chromium")


def main() -> int:
    if chromium():
        return 0
    apt = shutil.which("apt-get")
    sudo = [] if os.geteuid() == 0 else (["sudo", "-n"] if shutil.which("sudo") else None)
    if apt is None or sudo is None:
        print(
            "Chromium is missing. Install Debian's package `chromium` (apt-get install chromium), "
            "or set KAPU_CHROMIUM to a Chromium binary.",
            file=sys.stderr,
        )
        return 1
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print("Installing Debian's chromium for the browser tests…", file=sys.stderr)
    subprocess.run([*sudo, apt, "-qq", "update"], check=True, env=env)
    subprocess.run([*sudo, apt, "-y", "-qq", "install", *PACKAGES], check=True, env=env)
    return 0 if chromium() else 1


if __name__ == "__main__":
    raise SystemExit(main())
