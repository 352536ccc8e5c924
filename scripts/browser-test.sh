#!/usr/bin/env bash
# The HTML report in a real browser (tests/zi/browser.rs): `zi report` rendered
# headless by Chromium in Indonesian and English, to a PNG and a DOM dump,
# checked for a page that rendered, every indicator present, working links
# and no request leaving the machine; and the page of a workspace (zi report
# at a [workspace] root, on the test's workspace of six unit folders): every
# unit's section linked from the table, the worst first, printed on A4.
#
#   scripts/browser-test.sh                 a realistic plan built in a temp dir
#   scripts/browser-test.sh ROOT [AS_OF]    the plan repository at ROOT (e.g. `.`),
#                                           judged as of AS_OF (default 2022-08-15)
#
# The pages, screenshots, DOM dumps and net logs are left in
# ROOT/target/zi-browser-test/ to look at. Needs `chromium` on PATH (or
# CHROMIUM=/path/to/it); .ci/run installs Debian's.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ge 1 ]; then
  ZI_BROWSER_ROOT="$(cd "$1" && pwd)"
  export ZI_BROWSER_ROOT
  export ZI_BROWSER_AS_OF="${2:-2022-08-15}"
fi
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  echo "browser-test: chromium not found; install it (apt-get install chromium) or set CHROMIUM" >&2
  exit 1
fi
# A missing browser must fail the test, never skip it.
export CI="${CI:-true}"
cargo test --test zi browser:: -- --ignored --nocapture
