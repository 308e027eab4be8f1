#!/usr/bin/env python3
"""Release builds only: makes the built files smaller (the first load's size, issue #9).

- stylesheets(): strips the comments and spare spaces from the built stylesheets and writes each
  one's new integrity hash into index.html. The comments stay in style/*.css, where they say why
  each rule is there. Strings are copied as they are; a comment becomes a space, so it never joins
  two selectors. The e2e suite checks that the browser reads each built stylesheet as the same
  rules as its source.
- scripts(): the wasm-bindgen glue (both bundles) and its snippets, through terser (npm).

Trunk's own minifier is not used: it minifies index.html too, dropping the optional <head> and
</head> tags the later hooks and the pre-render rely on."""
import base64
import glob
import hashlib
import os
import re
import subprocess
import sys

from tools_bundle import ROOT

STRING_OR_COMMENT = re.compile(r"(\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*')|/\*.*?\*/", re.S)


def squeeze(text: str) -> str:
    """Spaces outside strings: runs to one, none next to { } ; , > (none of them needs one)."""
    text = re.sub(r"\s+", " ", text)
    return re.sub(r" ?([{};,>]) ?", r"\1", text)


def minify(css: str) -> str:
    parts, plain, pos = [], [], 0
    for match in STRING_OR_COMMENT.finditer(css):
        plain.append(css[pos : match.start()])
        if match.group(1):
            parts.append(squeeze("".join(plain)))
            parts.append(match.group(1))
            plain = []
        else:
            plain.append(" ")
        pos = match.end()
    plain.append(css[pos:])
    parts.append(squeeze("".join(plain)))
    return "".join(parts).replace(";}", "}").strip()


def integrity(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def shrink_each(staging: str, paths, shrink, linked_once: bool) -> int:
    """Rewrites each file of a release build's staging folder through `shrink` (bytes to bytes),
    and gives every link to it in index.html (a stylesheet, a Trunk preload) the new integrity
    hash: with the old one the browser would refuse the file. A stylesheet must be linked once."""
    index = os.path.join(staging, "index.html")
    html = open(index, encoding="utf-8").read()
    for path in sorted(paths):
        before = open(path, "rb").read()
        after = shrink(path, before)
        if after is None:
            print("minify: could not minify %s" % os.path.basename(path), file=sys.stderr)
            return 1
        open(path, "wb").write(after)
        href = re.escape("./" + os.path.relpath(path, staging))
        link = re.compile(r'(<link[^>]*href="%s"[^>]*integrity=")%s(")' % (href, re.escape(integrity(before))))
        html, found = link.subn(lambda m: m.group(1) + integrity(after) + m.group(2), html)
        if linked_once and found != 1:
            print("minify: no link with the integrity of %s in index.html" % os.path.basename(path), file=sys.stderr)
            return 1
        print("minify: %s %d -> %d bytes" % (os.path.basename(path), len(before), len(after)))
    open(index, "w", encoding="utf-8").write(html)
    return 0


def release_staging() -> str:
    """The staging folder of a release build, or "" for any other build."""
    return os.environ["TRUNK_STAGING_DIR"] if os.environ.get("TRUNK_PROFILE") == "release" else ""


def stylesheets() -> int:
    staging = release_staging()
    if not staging:
        return 0
    paths = glob.glob(os.path.join(staging, "*.css"))
    return shrink_each(staging, paths, lambda _, css: minify(css.decode("utf-8")).encode("utf-8"), linked_once=True)


def terse(path: str, _: bytes):
    terser = os.path.join(ROOT, "node_modules", ".bin", "terser")
    done = subprocess.run([terser, path, "--module", "--compress", "--mangle"], capture_output=True)
    return done.stdout if done.returncode == 0 and done.stdout else None


def scripts() -> int:
    staging = release_staging()
    if not staging:
        return 0
    paths = glob.glob(os.path.join(staging, "*.js")) + glob.glob(os.path.join(staging, "snippets", "**", "*.js"), recursive=True)
    return shrink_each(staging, [p for p in paths if os.path.basename(p) != "sw.js"], terse, linked_once=False)


if __name__ == "__main__":
    sys.exit(stylesheets() or scripts())
