#!/usr/bin/env python3
"""Trunk post-build hook: writes a strict Content-Security-Policy into index.html.

Trunk injects an inline module script that starts the wasm; instead of allowing 'unsafe-inline',
the policy allows exactly that script by its sha256 hash, computed here after every build.
"""
import base64
import hashlib
import os
import re
import sys

PLACEHOLDER = "CSP_FILLED_IN_BY_scripts/csp_hook.py"
POLICY = (
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' {hashes}; connect-src 'self'; "
    "style-src 'self'; img-src 'self'; manifest-src 'self'; worker-src 'self'; "
    "base-uri 'none'; form-action 'none'; object-src 'none'"
)


def main() -> int:
    staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "")
    path = os.path.join(staging, "index.html")
    html = open(path, encoding="utf-8").read()
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    hashes = " ".join(
        "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
        for s in inline
    )
    if PLACEHOLDER not in html:
        print("csp_hook: placeholder not found in index.html", file=sys.stderr)
        return 1
    html = html.replace(PLACEHOLDER, POLICY.format(hashes=hashes))
    open(path, "w", encoding="utf-8").write(html)
    print("csp_hook: %d inline script(s) allowed by hash" % len(inline))
    return 0


if __name__ == "__main__":
    sys.exit(main())
