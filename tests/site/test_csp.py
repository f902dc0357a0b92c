"""The Content-Security-Policy the build emits: exactly the hashes of the inline scripts it wrote."""

from __future__ import annotations

import re

from kapu_build import csp


def test_only_runnable_inline_scripts_are_hashed(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<script>run()</script><script src="x.js"></script><script type="application/json">{"a": 1}</script>'
        '<script type="module">go()</script>', "utf-8")
    assert csp.inline_script_hashes(tmp_path) == sorted([csp.script_hash("run()"), csp.script_hash("go()")])


def test_the_policy_is_strict_and_frames_only_calculator_pages():
    policy = csp.policy(["'sha256-x'"])
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-x';" in policy and policy.endswith("frame-ancestors 'self'")
    conf = csp.nginx_map(["'sha256-x'"])
    assert '"~^/(?:hu/|pl/|vi/)?embed/"' in conf and "frame-ancestors *" in conf


def test_the_built_site_policy_allows_every_inline_script_and_no_inline_style(built_site):
    policy = (built_site / csp.POLICY_FILE).read_text("utf-8").splitlines()[0]
    assert csp.inline_script_hashes(built_site) and all(h in policy for h in csp.inline_script_hashes(built_site))
    assert f'"{policy}"' in (built_site / csp.NGINX_FILE).read_text("utf-8")
    for page in built_site.rglob("*.html"):  # style-src 'self': no <style> element, no style attribute
        assert not re.search(r"<style\b|\sstyle=", page.read_text("utf-8")), page
