#!/usr/bin/env python3
"""Trunk post-build hook: builds the tools bundle next to the first-load bundle.

Trunk builds the first-load app (the questions, the readiness panel, storage). This hook builds
the same crate with the `tools` feature (every view), runs wasm-bindgen and, for release builds,
wasm-opt -Oz (binaryen 132, as Trunk does), names the files by content hash, and records them in
index.html as <meta name="tools-js"> / <meta name="tools-wasm">. The first-load app fetches them
only when a tool is opened. Extra cargo features come from TOOLS_FEATURES (the bench's 10x build).
"""
import hashlib
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = "audit-readiness-check"
# Stylesheets only the tools use: moved from the first load to the tools bundle.
TOOLS_STYLES = ("register", "interview")


def run(args, env=None):
    print("tools_bundle: " + " ".join(args), flush=True)
    subprocess.run(args, check=True, cwd=ROOT, env=env)


def wasm_opt():
    local = os.path.join(ROOT, "node_modules", ".bin", "wasm-opt")
    tool = local if os.path.exists(local) else shutil.which("wasm-opt")
    version = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout if tool else ""
    if "version 132" not in version:
        # Debian's binaryen silently breaks the module; refuse anything but the pinned one.
        sys.exit("tools_bundle: wasm-opt from npm binaryen@132 is required (run scripts/setup.sh build)")
    return tool


def main() -> int:
    staging = os.environ["TRUNK_STAGING_DIR"]
    release = os.environ.get("TRUNK_PROFILE", "debug") == "release"
    profile = "release" if release else "debug"
    features = ",".join(["tools"] + [f for f in os.environ.get("TOOLS_FEATURES", "").split(",") if f])

    cargo = ["cargo", "build", "--locked", "--target=wasm32-unknown-unknown", "--bin", BIN, "--features", features]
    env = dict(os.environ)
    target = os.path.join(ROOT, "target")
    if release:
        # Leptos's erase_components mode type-erases every component's view. With the tools'
        # many views the bundle is about 50 KB gzip smaller (the first load, with few views,
        # would grow by 1 KB, so only here). The cfg changes every crate's flags, so this build
        # has a target folder of its own and both builds stay cached.
        target = os.path.join(ROOT, "target", "tools-erased")
        env["CARGO_TARGET_DIR"] = target
        env["RUSTFLAGS"] = (env.get("RUSTFLAGS", "") + " --cfg erase_components").strip()
    run(cargo + (["--release"] if release else []), env)

    out = os.path.join(ROOT, "target", "tools-bundle", profile)
    shutil.rmtree(out, ignore_errors=True)
    wasm_in = os.path.join(target, "wasm32-unknown-unknown", profile, BIN + ".wasm")
    run(["wasm-bindgen", "--target=web", "--no-typescript", "--out-dir=" + out, "--out-name=tools", wasm_in])
    wasm = os.path.join(out, "tools_bg.wasm")
    if release:
        optimised = os.path.join(out, "tools_bg.opt.wasm")
        run([wasm_opt(), "--output=" + optimised, "-Oz", wasm])
        os.replace(optimised, wasm)

    js_bytes = open(os.path.join(out, "tools.js"), "rb").read()
    wasm_bytes = open(wasm, "rb").read()
    digest = hashlib.sha256(js_bytes + wasm_bytes).hexdigest()[:16]
    js_name, wasm_name = "tools-%s.js" % digest, "tools-%s_bg.wasm" % digest
    open(os.path.join(staging, js_name), "wb").write(js_bytes)
    open(os.path.join(staging, wasm_name), "wb").write(wasm_bytes)
    if os.path.isdir(os.path.join(out, "snippets")):
        shutil.copytree(os.path.join(out, "snippets"), os.path.join(staging, "snippets"), dirs_exist_ok=True)

    index = os.path.join(staging, "index.html")
    html = open(index, encoding="utf-8").read()
    meta = '<meta name="tools-js" content="./%s">\n<meta name="tools-wasm" content="./%s">\n' % (js_name, wasm_name)
    for style in TOOLS_STYLES:
        link = re.search(r'<link rel="stylesheet" href="\./(%s-[0-9a-f]+\.css)"[^>]*>\n?' % style, html)
        if not link:
            print("tools_bundle: no %s stylesheet link in index.html" % style, file=sys.stderr)
            return 1
        html = html.replace(link.group(0), "")
        meta += '<meta name="tools-css" content="./%s">\n' % link.group(1)
    if "</head>" not in html:
        print("tools_bundle: no </head> in index.html", file=sys.stderr)
        return 1
    open(index, "w", encoding="utf-8").write(html.replace("</head>", meta + "</head>", 1))
    print("tools_bundle: %s (%d bytes of wasm)" % (js_name, len(wasm_bytes)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
