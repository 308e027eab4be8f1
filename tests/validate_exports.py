#!/usr/bin/env python3
"""Checks the sample exports with outside tools: compliance-trestle (OSCAL), icalendar (RFC 5545),
Python's csv module (RFC 4180), html.parser (HTML) and markdown-it-py (CommonMark).

Usage: validate_exports.py DIR    (DIR as written by `cargo run --example export_samples -- DIR`)
Prints one line per check and a final "N passed, M failed"; exits non-zero on any failure.
Package versions: tests/requirements-validate.txt.
"""
import csv
import datetime
import html.parser
import io
import json
import re
import sys
import uuid
from pathlib import Path

HOSTILE_HTML = "<img src=x onerror=alert(1)>"
HOSTILE_FORMULA = '=HYPERLINK("http://x")'
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# More plan lines than this due on one day are one calendar event (src/domain/export/ics.rs).
LINES_A_DAY = 3
TODAY = datetime.date(2026, 11, 23)
AUDIT_DAY = datetime.date(2027, 3, 1)


class CheckFailed(Exception):
    pass


def require(condition, message):
    if not condition:
        raise CheckFailed(message)


def check_oscal(d: Path) -> str:
    from pydantic import ValidationError
    from trestle.oscal.assessment_results import AssessmentResults

    doc = json.loads((d / "oscal.json").read_text(encoding="utf-8"))
    model = AssessmentResults.parse_obj(doc["assessment-results"])
    version = model.metadata.oscal_version
    while hasattr(version, "root"):  # trestle wraps it in one or two RootModel layers
        version = version.root
    require(version == "1.1.2", f"oscal-version is {version!r}, not 1.1.2")
    result = model.results[0]
    findings, observations = result.findings or [], result.observations or []
    require(len(findings) == len(observations) > 0, "findings and observations differ in number")
    targets = [f.target.target_id for f in findings]
    require(len(set(targets)) == len(targets), "an item has more than one finding")
    states = {f.target.status.state.value for f in findings}
    require(states == {"satisfied", "not-satisfied"}, f"unexpected states {states}")
    obs_ids = {str(o.uuid) for o in observations}
    for f in findings:
        for rel in f.related_observations or []:
            require(str(rel.observation_uuid) in obs_ids, "a finding points to a missing observation")
    all_ids = [model.uuid, result.uuid] + [o.uuid for o in observations] + [f.uuid for f in findings]
    require(len(set(all_ids)) == len(all_ids), "duplicate uuids")
    require(all(uuid.UUID(u).version == 5 for u in all_ids), "uuids are not version 5")

    bad = json.loads((d / "oscal-bad.json").read_text(encoding="utf-8"))
    try:
        AssessmentResults.parse_obj(bad["assessment-results"])
    except ValidationError as e:
        require("uuid" in str(e), "oscal-bad.json was rejected, but not for its uuid")
    else:
        raise CheckFailed("trestle accepted oscal-bad.json (a non-UUID uuid)")
    return f"trestle accepts oscal.json ({len(findings)} findings, {len(observations)} observations) and rejects oscal-bad.json"


def check_ics(d: Path) -> str:
    import icalendar

    raw = (d / "calendar.ics").read_bytes()
    require(raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), "lines do not all end in CRLF")
    long = [line for line in raw.split(b"\r\n") if len(line) > 75]
    require(not long, f"{len(long)} lines longer than 75 octets")
    cal = icalendar.Calendar.from_ical(raw)
    require(str(cal.get("VERSION")) == "2.0" and cal.get("PRODID"), "VERSION or PRODID missing")
    events = list(cal.walk("VEVENT"))
    rules = []
    for ev in events:
        for name in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "DESCRIPTION"):
            require(ev.get(name) is not None, f"an event lacks {name}")
        stamp = ev.decoded("DTSTAMP")
        require(stamp == datetime.datetime(2026, 11, 23, tzinfo=datetime.timezone.utc), f"DTSTAMP {stamp}")
        start = ev.decoded("DTSTART")
        require(type(start) is datetime.date, f"DTSTART {start!r} is not an all-day date")
        if ev.get("RRULE") is not None:
            rule = ev.get("RRULE")
            rules.append((rule["FREQ"][0], rule.get("INTERVAL", [1])[0]))
            require(start > TODAY, f"recurring duty starts {start}, not after {TODAY}")
    require(sorted(rules) == sorted([("MONTHLY", 3)] * 2 + [("YEARLY", 1)] * 3), f"RRULEs {rules}")
    uids = [str(ev.get("UID")) for ev in events]
    require(len(set(uids)) == len(uids), "duplicate UIDs")
    audit = [ev for ev in events if str(ev.get("SUMMARY")).startswith("ISO/IEC 27001 audit")]
    require(len(audit) == 1 and audit[0].decoded("DTSTART") == AUDIT_DAY, "audit day event missing or misdated")

    # Due-date events: exactly the rows of the plan (every one an open finding, those marked done
    # too), on their due dates (a date already past on today's); more than three on one day are
    # one event that lists them (year-later pass: 62 on one day); questions not answered yet whose
    # lines nobody has taken up are one "Answer N open questions" event per due day (founder pass:
    # seventy events on one day).
    rows = list(csv.DictReader(io.StringIO((d / "plan.csv").read_bytes().decode("utf-8"), newline="")))
    to_answer = [r for r in rows if r["kind"] == "unanswered" and r["status"] == "open"]
    open_rows = [r for r in rows if r not in to_answer]
    on_day = lambda r: max(r["due"], TODAY.isoformat())
    lines_per_day = {}
    for r in open_rows:
        lines_per_day[on_day(r)] = lines_per_day.get(on_day(r), 0) + 1
    due = [ev for ev in events if str(ev.get("SUMMARY")).startswith(("Due: ", "Overdue since ", "Still open: "))]
    expected_events = sum(1 if n > LINES_A_DAY else n for n in lines_per_day.values())
    require(len(due) == expected_events, f"{len(due)} due events for {len(open_rows)} open findings on {lines_per_day}")
    for ev in due:
        day = ev.decoded("DTSTART").isoformat()
        require(day in lines_per_day, f"a due event on {day}, a day no plan line is due")
        if lines_per_day[day] > LINES_A_DAY:
            require(str(ev.get("SUMMARY")).startswith(f"Due: {lines_per_day[day]} plan lines"), f"busy day {day}: {ev.get('SUMMARY')}")
    answer = [ev for ev in events if str(ev.get("SUMMARY")).startswith("Answer ")]
    per_day = {ev.decoded("DTSTART").isoformat(): int(str(ev.get("SUMMARY")).split()[1]) for ev in answer}
    require(len(per_day) == len(answer), "more than one 'Answer' event on a day")
    expected = {}
    for r in to_answer:
        expected[on_day(r)] = expected.get(on_day(r), 0) + 1
    require(per_day == expected, f"'Answer' events {per_day} do not match the open questions' due days {expected}")
    owner = 'Chief Executive, "CEO"; deputy: Lee'
    require(any(owner in str(ev.get("DESCRIPTION")) for ev in due + answer), "escaped owner text did not read back")
    return f"icalendar reads {len(events)} events, {len(rules)} RRULEs, {len(due)} due dates, audit day {AUDIT_DAY}"


def check_csv(d: Path) -> str:
    text = (d / "plan.csv").read_bytes().decode("utf-8")  # no newline translation
    require(text.endswith("\r\n"), "records do not end in CRLF")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows = list(reader)
    header = ["finding_id", "item_id", "reference", "title", "kind", "predicted_finding", "cost_points",
              "owner", "due", "status", "explanation", "remediation", "owner_suggested", "note", "due_warning"]
    require(rows[0] == header, f"header {rows[0]}")
    body = rows[1:]
    require(body and all(len(r) == len(header) for r in body), "rows of the wrong length")
    bad = [c for r in body for c in r if c.startswith(FORMULA_START)]
    require(not bad, f"formula-like cells: {bad[:3]}")
    require("'" + HOSTILE_FORMULA in [r[7] for r in body], "hostile owner not neutralised with an apostrophe")
    notes = [r[13] for r in body if r[1] == "C53-PRE-01"]
    require(notes and notes[0].endswith("\nsecond line"), f"the question's note did not read back whole: {notes[:1]}")
    require(len({r[0] for r in body}) == len(body), "duplicate finding ids")
    require(all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r[8]) for r in body), "a due date is not ISO")
    return f"csv module parses {len(body)} rows x {len(header)} columns, no formula cells"


class TagCollector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def check_html(d: Path) -> str:
    page = (d / "report.html").read_text(encoding="utf-8")
    p = TagCollector()
    p.feed(page)
    p.close()
    require("script" not in p.tags and "img" not in p.tags, f"active tags present: {set(p.tags) & {'script', 'img'}}")
    # The only URLs are the contents list's links to the report's own sections.
    own = lambda name, value: name == "href" and re.fullmatch(r"#section-[0-9]+", value or "")
    require(
        not any(name.startswith("on") or (name in ("src", "href") and not own(name, value)) for name, value in p.attrs),
        "event or URL attributes",
    )
    require(any(own(n, v) for n, v in p.attrs), "no contents list")
    csp = [v for n, v in p.attrs if n == "content" and v and "default-src 'none'" in v]
    require(csp, "no Content-Security-Policy meta")
    require("&lt;img src=x onerror=alert(1)&gt;" in page, "hostile note not escaped in the source")
    require(HOSTILE_HTML in "".join(p.text), "hostile note does not read back as text")
    require("@media print" in page, "no print stylesheet")
    return f"html.parser: {len(p.tags)} tags, no script/img, CSP present, hostile note shown as text"


def check_markdown(d: Path) -> str:
    from markdown_it import MarkdownIt

    source = (d / "report.md").read_text(encoding="utf-8")
    md = MarkdownIt("commonmark").enable("table")  # html=True: raw HTML would pass straight through
    rendered = md.render(source)
    require("<img" not in rendered.lower(), "a raw <img> tag reached the HTML")
    require("<a " not in rendered, "user text became a link")
    require("&lt;img src=x onerror=alert(1)&gt;" in rendered, "hostile note missing or mangled")
    tokens = md.parse(source)
    tables = sum(1 for t in tokens if t.type == "table_open")
    require(tables >= 2, f"only {tables} tables parsed")
    current = None
    for t in tokens:
        if t.type == "table_open":
            current = []
        elif t.type == "tr_open":
            current.append(0)
        elif t.type in ("th_open", "td_open"):
            current[-1] += 1
        elif t.type == "table_close":
            require(len(set(current)) == 1, f"a table has ragged rows {sorted(set(current))}")
    headings = [t.content for i, t in enumerate(tokens) if i and tokens[i - 1].type == "heading_open"]
    require(headings and headings[0].startswith("Audit readiness report"), "title heading missing")
    return f"markdown-it-py (CommonMark + tables): {tables} tables with even rows, {len(headings)} headings, no raw HTML"


def check_backup(d: Path) -> str:
    backup = json.loads((d / "backup.json").read_text(encoding="utf-8"))
    require(set(backup) == {"schema_version", "assessment"}, f"top-level keys {set(backup)}")
    responses = backup["assessment"]["responses"]
    notes = [r.get("note", "") for r in responses.values()]
    require(any(HOSTILE_HTML in n for n in notes), "the backup lost the note text")
    for r in responses.values():
        if r.get("updated_on"):
            datetime.date.fromisoformat(r["updated_on"])
    return f"json: backup holds schema_version {backup['schema_version']} and {len(responses)} responses verbatim"


CHECKS = [
    ("oscal", check_oscal),
    ("icalendar", check_ics),
    ("csv", check_csv),
    ("html", check_html),
    ("markdown", check_markdown),
    ("backup", check_backup),
]


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    d = Path(sys.argv[1])
    passed = failed = 0
    for name, check in CHECKS:
        try:
            detail = check(d)
        except Exception as e:  # any failure, including a missing file or package, fails the check
            failed += 1
            print(f"FAIL {name}: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")
        else:
            passed += 1
            print(f"ok   {name}: {detail}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
