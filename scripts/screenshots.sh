#!/usr/bin/env bash
# Regenerates the README's screenshots (docs/screenshots/*.png): each role's home, a case page, the upload page and
# the compliance dashboard of the demo bureau on a phone 390 px wide, taken by ScreenshotsBrowserTests in Debian's
# headless chromium against the application on a fresh H2 database. Run from anywhere; needs chromium and
# chromium-driver (apt-get install chromium chromium-driver fonts-noto-cjk). Exits non-zero if the test failed.
#
#   scripts/screenshots.sh [folder]     (default: docs/screenshots)
set -euo pipefail

cd "$(dirname "$0")/.."
folder="${1:-docs/screenshots}"
report=target/failsafe-reports/h2/org.lawtrace.portal.web.ScreenshotsBrowserTests.txt
rm -f "$report"
./mvnw -B -ntp -o test-compile failsafe:integration-test@integration-h2 -Dit.test=ScreenshotsBrowserTests \
	-Dfailsafe.failIfNoSpecifiedTests=false -Dlawtrace.screenshots="$folder"
if [ ! -f "$report" ] || ! grep -q "Tests run: 1, Failures: 0, Errors: 0, Skipped: 0" "$report"; then
	echo "screenshots: ScreenshotsBrowserTests did not pass; see $report" >&2
	exit 1
fi
ls -l "$folder"/*.png
