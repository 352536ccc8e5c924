#!/usr/bin/env bash
# Times every zi command against the filesystem and prints the tables of
# docs/performance.md (markdown, on standard output; progress on standard
# error). Every time is the median of several runs, and is also given as a
# ratio to a floor measured in the same run, on the same warm cache, so
# figures taken on a busy or a different machine still compare:
#
#   1. For each of --sizes (synthetic plans, default 1,000, 10,000 and
#      100,000 indicators): the floors `find plan evidence -type f | wc -l`
#      and `rg --files --no-ignore -j1 plan evidence | wc -l`, then `zi
#      check`, `zi status` in every format, `zi overdue`, `zi report -o`, a
#      narrow ID (`zi show I.1.1`, `zi status III.2`), `zi fmt --check`, and
#      the reading commands again with RAYON_NUM_THREADS=1; each with its
#      peak memory and what it wrote to disk. The load average before and
#      after each size.
#   2. Growth: the floors, `zi check`, `zi status --format json` and `zi
#      overdue` at every size and at --growth (default 300,000), with the
#      memory each indicator adds.
#   3. `zi diff` against `git status --porcelain` in a git copy of the
#      --diff-size plan (default 100,000) with 50 evidence files added and 50
#      removed.
#   4. A workspace of --workspace units (default 300) of 72 indicators:
#      `zi status --format json` and `zi overdue` at its root against the
#      listing floor (only when this zi knows workspaces).
#   5. The same reading commands while another process keeps one core busy
#      (--contention-size, default 10,000): what a busy neighbour does.
#   6. The shipped plan (zi.toml, plan/, evidence/ of this repository copied
#      into a fresh git repository): `zi overdue` and `zi overdue --staged`
#      against `git status --porcelain`, timed in turns of 10 runs of one
#      command (hyperfine, no shell), --shipped-runs runs of each a round.
#
# Usage: scripts/bench.sh [--quick] [--sizes "1000 10000 100000"]
#            [--growth "300000"] [--diff-size N] [--workspace UNITS]
#            [--contention-size N] [--shipped-runs N] [--commands "NAMES"]
#            [--runs N] [--rounds N] [--as-of YYYY-MM-DD] [--baseline ZI]
#            [--update-docs] [--install]
#
# An empty value skips a part: --growth "" --diff-size "" --workspace 0
# --contention-size "" --shipped-runs 0. --commands keeps only the named
# rows of part 1 (names: check status status-json status-csv
# status-markdown overdue report show status-narrow fmt-check one-thread).
# --quick is a run of a few minutes: --sizes "1000 10000" --growth ""
# --diff-size 10000 --workspace 30 --contention-size 1000 --runs 3
# --rounds 1 --shipped-runs 100. The full run (the defaults) is estimated
# at about 20 minutes on 2 quiet cores once the plans exist (generating
# them, the first time, adds 10 or more: they are kept and reused); under
# load it takes far longer. See docs/performance.md, "How long".
#
# --baseline times another zi binary (say, one built from an older commit)
# in the same hyperfine rounds as this one: every zi row of part 1 gets a
# "baseline" row beneath it. --update-docs writes the tables into
# docs/performance.md between its `bench.sh output` markers.
#
# zi is built with cargo into ${CARGO_TARGET_DIR:-target}/release/ and timed
# as cargo builds it; on Linux the shipped plan is also timed with zi linked
# statically, as the README's static install builds it. Plans are
# generated under that target folder's bench/ and reused while the generator's
# source is unchanged. Needs hyperfine, GNU time, git and ripgrep (Debian packages);
# nothing is installed unless --install is given, and then the script says
# what it installs. See docs/performance.md for how to read the figures.
set -euo pipefail

CALLER=$PWD
cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES="1000 10000 100000"
GROWTH="300000"
DIFF_SIZE=100000
WORKSPACE=300
CONTENTION_SIZE=10000
SHIPPED_RUNS=300
COMMANDS="check status status-json status-csv status-markdown overdue report show status-narrow fmt-check one-thread"
RUNS=3
ROUNDS=2
WARMUP=1
AS_OF=2022-10-15
SEED=2022
INSTALL=0
UPDATE_DOCS=0
BASELINE=""

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --quick)
            SIZES="1000 10000" GROWTH="" DIFF_SIZE=10000 WORKSPACE=30 CONTENTION_SIZE=1000
            RUNS=3 ROUNDS=1 SHIPPED_RUNS=100
            shift ;;
        --sizes) SIZES=$2; shift 2 ;;
        --growth) GROWTH=$2; shift 2 ;;
        --diff-size) DIFF_SIZE=$2; shift 2 ;;
        --workspace) WORKSPACE=$2; shift 2 ;;
        --contention-size) CONTENTION_SIZE=$2; shift 2 ;;
        --shipped-runs) SHIPPED_RUNS=$2; shift 2 ;;
        --commands) COMMANDS=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        --as-of) AS_OF=$2; shift 2 ;;
        --update-docs) UPDATE_DOCS=1; shift ;;
        --install) INSTALL=1; shift ;;
        --baseline)
            case "$2" in
                /*) BASELINE=$2 ;;
                */*) BASELINE=$CALLER/$2 ;;
                *) BASELINE=$(command -v "$2" || echo "$2") ;;
            esac
            shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
    esac
done

# --- tools -------------------------------------------------------------------
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
command -v git >/dev/null || missing+=(git)
command -v rg >/dev/null || missing+=(ripgrep)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo "
    if [ "$INSTALL" -eq 1 ]; then
        echo "bench.sh: installing the Debian packages ${missing[*]} with apt-get" >&2
        ${sudo}apt-get update
        ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
    else
        echo "bench.sh: needs the Debian packages: ${missing[*]}" >&2
        echo "  install them with: ${sudo}apt-get install ${missing[*]}   (or rerun with --install)" >&2
        exit 2
    fi
fi
if [ -n "$BASELINE" ] && [ ! -x "$BASELINE" ]; then
    echo "bench.sh: --baseline $BASELINE is not an executable file" >&2
    exit 2
fi

echo "building zi and the plan generator (release)..." >&2
cargo build --release --quiet --bin zi --example gen-plan
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
case "$TARGET" in /*) ;; *) TARGET=$ROOT/$TARGET ;; esac
WORK=$TARGET/bench
mkdir -p "$WORK"
# Every part times zi as `cargo install --path .` builds it, kept aside
# because the static build below links over the same file.
ZI=$WORK/zi
cp "$TARGET/release/zi" "$ZI"
# On Linux the shipped plan is timed a second time with zi linked
# statically (glibc's static-pie), as the README's static install builds
# it: no dynamic loader at each run's start. `cargo rustc` gives the flag
# to zi's own link only (RUSTFLAGS would give it to the proc-macros too,
# which cannot be built so without --target). See docs/performance.md,
# "Round 6, start-up".
ZI_STATIC=""
if [ "$SHIPPED_RUNS" -gt 0 ] && [ "$(uname -s)" = Linux ]; then
    echo "building zi linked statically (release)..." >&2
    cargo rustc --release --quiet --bin zi -- -C target-feature=+crt-static
    ZI_STATIC=$WORK/zi-static
    cp "$TARGET/release/zi" "$ZI_STATIC"
    # Left so: the next `cargo build --release` links the ordinary one again.
    echo "bench.sh: $TARGET/release/zi is now the static build" >&2
fi
GEN=$TARGET/release/examples/gen-plan
export ZI_TODAY=$AS_OF NO_COLOR=1
# The generator's source, not its binary: rebuilding zi's library relinks
# the binary without changing what it writes.
GEN_ID=$(cat examples/gen-plan/*.rs | sha256sum | cut -c1-16)

# shellcheck source=scripts/bench-lib.sh
. "$ROOT/scripts/bench-lib.sh"

main() {
    machine
    local n
    for n in $SIZES; do every_command "$n"; done
    growth
    [ -n "$DIFF_SIZE" ] && diff_section "$DIFF_SIZE"
    [ "$WORKSPACE" -gt 0 ] && workspace_section "$WORKSPACE"
    [ -n "$CONTENTION_SIZE" ] && contention_section "$CONTENTION_SIZE"
    [ "$SHIPPED_RUNS" -gt 0 ] && shipped_section
    echo "The whole run took $(((SECONDS + 30) / 60)) min; load at the end: $(load)."
}

main | tee "$WORK/last-run.md"
[ "$UPDATE_DOCS" -eq 1 ] && update_docs "$WORK/last-run.md" "$ROOT/docs/performance.md"
exit 0
