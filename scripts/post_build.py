#!/usr/bin/env python3
"""Trunk's post-build hook, in order: build the tools bundle (it adds tags to index.html); for
release builds, pre-render the first view into index.html (scripts/prerender.mjs, headless
Chromium); then write the Content-Security-Policy. One hook, because Trunk runs the hooks of a
stage in parallel and all three edit index.html."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import csp_hook  # noqa: E402
import tools_bundle  # noqa: E402


def prerender() -> int:
    if os.environ.get("TRUNK_PROFILE") != "release":
        return 0
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "prerender.mjs")
    return subprocess.run(["node", script, os.environ["TRUNK_STAGING_DIR"]]).returncode


if __name__ == "__main__":
    sys.exit(tools_bundle.main() or prerender() or csp_hook.main())
