#!/usr/bin/env python3
"""Checks the files the running app downloaded (tests/e2e/exports-downloads.test.mjs) with outside tools:
compliance-trestle (OSCAL 1.1.2), icalendar (RFC 5545), csv (RFC 4180), html.parser and
markdown-it-py (CommonMark). Unlike validate_exports.py it makes no assumption about the data
beyond the hostile strings the e2e journey typed in.

Usage: validate_downloads.py DIR
"""
import csv
import io
import json
import sys
from pathlib import Path

HOSTILE_HTML = "<img src=x onerror=alert(1)>"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def one(d: Path, suffix: str, contains: str = "") -> Path:
    files = sorted(f for f in d.glob(f"*{suffix}") if contains in f.name)
    assert len(files) == 1, f"expected one {suffix} file, found {files}"
    return files[0]


def oscal(d):
    from trestle.oscal.assessment_results import AssessmentResults
    doc = json.loads(one(d, ".json", "oscal").read_text(encoding="utf-8"))
    model = AssessmentResults.parse_obj(doc["assessment-results"])
    findings = model.results[0].findings or []
    assert findings, "no findings"
    states = {f.target.status.state.value for f in findings}
    assert states <= {"satisfied", "not-satisfied"}, states
    return f"trestle parsed {len(findings)} findings ({', '.join(sorted(states))})"


def calendar(d):
    import icalendar
    raw = one(d, ".ics").read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "a line longer than 75 octets"
    cal = icalendar.Calendar.from_ical(raw)
    events = list(cal.walk("VEVENT"))
    rules = [ev for ev in events if ev.get("RRULE") is not None]
    assert len(rules) >= 4, f"only {len(rules)} recurring duties"
    freqs = sorted(ev.get("RRULE")["FREQ"][0] for ev in rules)
    assert "YEARLY" in freqs and "MONTHLY" in freqs, freqs
    return f"icalendar read {len(events)} events, {len(rules)} recurring ({', '.join(freqs)})"


def plan(d):
    raw = one(d, ".csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark: Excel would garble the text"
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    body = rows[1:]
    assert body and all(len(r) == len(rows[0]) for r in body), "ragged rows"
    bad = [c for r in body for c in r if c.startswith(FORMULA_START)]
    assert not bad, f"formula-like cells {bad[:3]}"
    assert any(c.startswith("'=") for r in body for c in r), "the hostile formula owner was not neutralised"
    return f"csv parsed {len(body)} rows, no cell a spreadsheet would evaluate"


def report_html(d):
    import html.parser

    class Tags(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags, self.text = [], []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)

        def handle_data(self, data):
            self.text.append(data)

    p = Tags()
    p.feed(one(d, ".html").read_text(encoding="utf-8"))
    assert "script" not in p.tags and "img" not in p.tags, "active tags in the report"
    assert HOSTILE_HTML in "".join(p.text), "the hostile note is not shown as text"
    return f"html.parser: {len(p.tags)} tags, no script or img, hostile note shown as text"


def report_md(d):
    from markdown_it import MarkdownIt
    rendered = MarkdownIt("commonmark").enable("table").render(one(d, ".md").read_text(encoding="utf-8"))
    assert "<img" not in rendered.lower(), "raw HTML reached the rendered Markdown"
    return "markdown-it-py rendered the report with no raw HTML"


def backup(d):
    data = json.loads(one(d, ".json", "backup").read_text(encoding="utf-8"))
    assert data["schema_version"] == 2 and data["entries"], "not a full backup"
    active = next(e for e in data["entries"] if e["id"] == data["active"])
    assert active["assessment"]["responses"], "the open assessment has no answers"
    return f"backup: schema {data['schema_version']}, {len(data['entries'])} assessment(s), {len(active['assessment']['responses'])} responses in the open one"


def main() -> int:
    d = Path(sys.argv[1])
    passed = failed = 0
    for name, check in [("oscal", oscal), ("icalendar", calendar), ("csv", plan), ("html", report_html),
                        ("markdown", report_md), ("backup", backup)]:
        try:
            print(f"ok   {name}: {check(d)}")
            passed += 1
        except Exception as e:  # report every failure, then fail
            print(f"FAIL {name}: {type(e).__name__}: {e}")
            failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
