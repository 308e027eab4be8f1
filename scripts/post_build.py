#!/usr/bin/env python3
"""Trunk's post-build hook, in order: for release builds, minify the stylesheets (their integrity
hashes change in index.html); build the tools bundle (it adds tags to index.html); for release
builds, minify the scripts of both bundles (scripts/minify.py), then pre-render the first view into
index.html (scripts/prerender.mjs, headless Chromium); last, write the Content-Security-Policy.
One hook, because Trunk runs the hooks of a stage in parallel and these steps edit index.html."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import csp_hook  # noqa: E402
import minify  # noqa: E402
import tools_bundle  # noqa: E402


def prerender() -> int:
    if os.environ.get("TRUNK_PROFILE") != "release":
        return 0
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "prerender.mjs")
    return subprocess.run(["node", script, os.environ["TRUNK_STAGING_DIR"]]).returncode


if __name__ == "__main__":
    sys.exit(minify.stylesheets() or tools_bundle.main() or minify.scripts() or prerender() or csp_hook.main())
