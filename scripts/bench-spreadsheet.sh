#!/usr/bin/env bash
# Times `zi export` and `zi import` on a generated plan of N indicators
# (default 10,000): the median wall time of several runs and the peak
# memory, next to calamine alone reading the same workbook in the same run
# (the floor: what any reader of the file must pay), and the ratio to it.
# The generated plan has a few planted errors, so zi exits 1 on it; the
# times count all the same.
#
# Usage: scripts/bench-spreadsheet.sh [--indicators N] [--runs N]
#
# Release builds go to ${CARGO_TARGET_DIR:-target}/release/; the plan and
# the workbooks to that target folder's bench-spreadsheet/. Needs hyperfine
# and /usr/bin/time. See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
N=10000
RUNS=5
while [ $# -gt 0 ]; do
    case "$1" in
        --indicators) N=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        *) echo "bench-spreadsheet.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
TARGET=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet --bin zi --example gen-plan --example calamine-read
ZI=$TARGET/release/zi
READ=$TARGET/release/examples/calamine-read
WORK=$(realpath -m "$TARGET/bench-spreadsheet/$N")
if [ ! -f "$WORK/plan/zi.toml" ]; then
    rm -rf "$WORK" && mkdir -p "$WORK"
    "$TARGET/release/examples/gen-plan" --indicators "$N" "$WORK/plan" >/dev/null
fi
"$ZI" -C "$WORK/plan" export -o "$WORK/rkt.xlsx" --force 2>/dev/null || true
"$ZI" -C "$WORK/plan" export -o "$WORK/rkt.csv" --force 2>/dev/null || true

peak() { { /usr/bin/time -v bash -c "$1" 2>&1 >/dev/null || true; } | awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }'; }
median() {
    hyperfine --style none --ignore-failure --runs "$RUNS" --warmup 1 --export-json /tmp/bench-spreadsheet.json ${2:+--prepare "$2"} "$1" >/dev/null 2>&1
    python3 -c 'import json,statistics; r=json.load(open("/tmp/bench-spreadsheet.json"))["results"][0]; print("%.1f" % (statistics.median(r["times"])*1000))'
}
IMPORT_DIR=$WORK/imported
prep="rm -rf $IMPORT_DIR && mkdir -p $IMPORT_DIR"
echo "plan: $N indicators; workbook $(du -k "$WORK/rkt.xlsx" | cut -f1) KiB, CSV $(du -k "$WORK/rkt.csv" | cut -f1) KiB; $RUNS runs, median"
printf "| %s | %s | %s | %s |\n" "what" "median ms" "× calamine alone" "peak MiB"
printf "|---|---|---|---|\n"
floor=""
row() {
    local t; t=$(median "$2" "${3:-}")
    floor=${floor:-$t}
    if [ -n "${3:-}" ]; then bash -c "$3"; fi
    local m; m=$(peak "$2")
    printf "| %s | %s | %s | %s |\n" "$1" "$t" "$(python3 -c "print('%.2f' % ($t / $floor))")" "$m"
}
row "calamine alone reads rkt.xlsx" "$READ $WORK/rkt.xlsx"
row "zi export -o rkt.xlsx" "$ZI -C $WORK/plan export -o $WORK/out.xlsx --force"
row "zi export -o rkt.csv" "$ZI -C $WORK/plan export -o $WORK/out.csv --force"
row "zi import rkt.xlsx" "$ZI -C $IMPORT_DIR import $WORK/rkt.xlsx" "$prep"
row "zi import rkt.csv" "$ZI -C $IMPORT_DIR import $WORK/rkt.csv" "$prep"
