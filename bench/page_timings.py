#!/usr/bin/env python3
"""Times every page of the platform (issue 15: each under 300 ms server time on the 100,000-case data set).

Reads the pages and which roles may open them from src/test/resources/authorization-matrix.csv (GET rows that are not
API routes), signs in once per role through the login form, and requests each page WARM times (not counted), then
RUNS times, as a role the matrix allows. Path variables are filled from the database the server runs on (given as
ids on the command line). Prints one row per page: median, p95 and max in milliseconds, the status, and whether the
median is within the budget. Exits 1 when a page's median is over it.

Usage: page_timings.py BASE_URL PASSWORD case=<uuid> recording=<uuid> document=<uuid> staff=<username> [...]
"""
import csv
import http.cookiejar
import re
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

BUDGET_MS = 300
WARM = 3
RUNS = 15
# who signs in for a role; the bench data set has these accounts (page-timings.sh adds them)
ACCOUNTS = {
    "DIRECTOR": "bench.director",
    "CUSTODIAN": "bench.custodian",
    "LEGAL_AFFAIRS": "bench.legal",
    "DISCIPLINE": "bench.discipline",
    "ADMIN": "bench.admin",
    "OFFICER": "bench1",
}
PREFERRED = ["DIRECTOR", "CUSTODIAN", "LEGAL_AFFAIRS", "DISCIPLINE", "ADMIN", "OFFICER"]
# not pages: the bytes of records and packages, timed by bench/playback.sh and bench/package-large.sh
SKIPPED = re.compile(r"/content$|/download$|/file$|^/login$")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def session(base, username, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    page = opener.open(base + "/login").read().decode()
    token = re.search(r'name="_csrf"[^>]*value="([^"]+)"', page) or re.search(r'value="([^"]+)"[^>]*name="_csrf"', page)
    form = {"username": username, "password": password}
    if token:
        form["_csrf"] = token.group(1)
    try:
        opener.open(base + "/login", urllib.parse.urlencode(form).encode())
    except urllib.error.HTTPError as e:
        if e.code != 302 or "error" in e.headers.get("Location", ""):
            raise SystemExit(f"sign-in as {username} failed: {e.code} {e.headers.get('Location')}")
    return opener


def timed(opener, url):
    request = urllib.request.Request(url)
    if "/fragments/" in url or "/cases/new/number" in url:
        # htmx fragments answer htmx's requests; a plain browser request is sent to the page around them
        request.add_header("HX-Request", "true")
    start = time.perf_counter()
    try:
        with opener.open(request, timeout=300) as answer:
            answer.read()
            status = answer.status
    except urllib.error.HTTPError as e:
        e.read()
        status = e.code
    return (time.perf_counter() - start) * 1000, status


def main():
    base, password = sys.argv[1], sys.argv[2]
    ids = dict(arg.split("=", 1) for arg in sys.argv[3:])
    rows = []
    with open("src/test/resources/authorization-matrix.csv", encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    reader = csv.reader(lines, skipinitialspace=True)
    header = [h.strip() for h in next(reader)]
    for row in reader:
        cells = dict(zip(header, (c.strip() for c in row)))
        if cells["method"] != "GET" or cells["path"].startswith("/api/") or SKIPPED.search(cells["path"]):
            continue
        role = next((r for r in PREFERRED if cells.get(r, "").startswith("allow")), None)
        if role:
            rows.append((cells["path"], role))
    sessions = {}
    failed = False
    print(f"{'page':58} {'as':14} {'status':>6} {'median':>8} {'p95':>8} {'max':>8}")
    for path, role in rows:
        url = path
        for name, value in (("{caseId}", ids.get("case")), ("{username}", ids.get("staff")), ("{version}", "1"),
                            ("{subjectType}", "RECORDING"), ("{subjectId}", ids.get("recording"))):
            url = url.replace(name, value or "")
        if "{id}" in url:
            kind = next((k for k in ("case", "recording", "document", "device", "disc", "request")
                         if f"/{k}s/" in url or f"/fragments/{k}/" in url), None)
            if not kind or not ids.get(kind):
                print(f"{path:58} {role:14} {'-':>6} (no {kind or 'such record'} in the data set)")
                continue
            url = url.replace("{id}", ids[kind])
        if "{" in url:
            print(f"{path:58} {role:14} {'-':>6} (no data for its path)")
            continue
        # forms opened from a case
        if url in ("/documents/new", "/access/requests/new") or url.endswith("/cases/new/number"):
            url += "?caseId=" + ids.get("case", "") if not url.endswith("/number") else "?kind=ADMINISTRATIVE_PENALTY"
        if role not in sessions:
            sessions[role] = session(base, ACCOUNTS[role], password)
        opener = sessions[role]
        warm = [timed(opener, base + url)[0] for _ in range(WARM)]
        times = []
        status = None
        # a page far over the budget is timed fewer times: its figure is clear, and the run stays short
        for _ in range(RUNS if min(warm) < 10 * BUDGET_MS else 3):
            ms, status = timed(opener, base + url)
            times.append(ms)
        times.sort()
        median = statistics.median(times)
        p95 = times[int(len(times) * 0.95) - 1]
        over = median > BUDGET_MS
        failed |= over
        print(f"{path:58} {role:14} {status:>6} {median:8.1f} {p95:8.1f} {times[-1]:8.1f}{'  OVER' if over else ''}")
    print(f"budget: median under {BUDGET_MS} ms per page; {'some pages are over it' if failed else 'every page within it'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
