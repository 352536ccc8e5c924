#!/usr/bin/env bash
# Times zi against the filesystem: for synthetic plans of 1,000, 10,000 and
# 100,000 indicators, the median wall time and peak memory of `zi check`,
# `zi status --format json` and `zi overdue`, next to two floors measured in
# the same run (listing every file, reading every plan file). Each time is
# also given as a ratio to the listing floor, so that figures taken on a
# busy or a different machine still compare. Then, on a small plan, `zi
# overdue` against `git status` in the same repository.
#
# Usage: scripts/bench.sh [--sizes "1000 10000 100000"] [--runs N] [--rounds N]
#                         [--as-of YYYY-MM-DD] [--small DIR] [--install]
#                         [--baseline ZI_BINARY]
#
# --baseline times another zi binary (say, one built from an older commit)
# in the same hyperfine rounds as this one, so that both meet the same
# machine state: every zi row gets a "baseline" row beneath it, with its
# ratio to the floor and its peak memory.
#
# zi is built with cargo into ${CARGO_TARGET_DIR:-target}/release/. Plans are
# generated once under that target folder's bench/ and reused. Nothing is
# installed unless --install is given; then the script says what it installs.
# See docs/performance.md for the figures and how to read them.
set -euo pipefail

CALLER=$PWD
cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES="1000 10000 100000"
RUNS=10
ROUNDS=3
AS_OF=2022-10-15
SEED=2022
SMALL=""
INSTALL=0
BASELINE=""

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) SIZES=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        --as-of) AS_OF=$2; shift 2 ;;
        --small) SMALL=$(cd "$2" && pwd); shift 2 ;;
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
ZI=$TARGET/release/zi
GEN=$TARGET/release/examples/gen-plan
BASE=""
[ -n "$BASELINE" ] && printf -v BASE '%q' "$BASELINE"
export ZI_TODAY=$AS_OF
export NO_COLOR=1
WORK=$TARGET/bench
mkdir -p "$WORK"

# A generated plan, reused while the generator's arguments and binary are
# unchanged; regenerated into a fresh folder otherwise.
plan_dir() {
    local n=$1 dir=$WORK/plan-$1
    local stamp="indicators=$n seed=$SEED year=${AS_OF%%-*} gen=$(sha256sum "$GEN" | cut -c1-16)"
    if [ ! -f "$dir/.gen-stamp" ] || [ "$(cat "$dir/.gen-stamp")" != "$stamp" ]; then
        rm -rf "$dir" "$dir.tmp"
        echo "generating $n indicators into ${dir#"$ROOT"/}..." >&2
        "$GEN" --indicators "$n" --seed "$SEED" --year "${AS_OF%%-*}" "$dir.tmp" >&2
        echo "$stamp" >"$dir.tmp/.gen-stamp"
        mv "$dir.tmp" "$dir"
    fi
    echo "$dir"
}

# Median of numbers, one per line.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Peak resident memory in MiB of a shell command, the highest of three runs.
peak_mib() {
    local kb worst=0
    for _ in 1 2 3; do
        kb=$(/usr/bin/time -v bash -c "$1" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }')
        [ "$kb" -gt "$worst" ] && worst=$kb
    done
    awk -v kb="$worst" 'BEGIN { printf "%.1f", kb / 1024 }'
}

# Runs hyperfine over NAME=COMMAND pairs in the current folder, ROUNDS times
# with warm-up runs each time, and prints "NAME MEDIAN_SECONDS" lines: the
# median of the rounds' medians, which shrugs off a round disturbed by
# another process.
time_commands() {
    local round csv args=() name
    local results; results=$(mktemp)
    for round in $(seq "$ROUNDS"); do
        csv=$(mktemp)
        args=()
        for pair in "$@"; do args+=(--command-name "${pair%%=*}" "${pair#*=}"); done
        hyperfine --style none --warmup 3 --runs "$RUNS" --ignore-failure --export-csv "$csv" "${HYPERFINE_EXTRA[@]}" "${args[@]}" \
            >>"$WORK/hyperfine.log" 2>&1 || { echo "bench.sh: hyperfine failed; see $WORK/hyperfine.log" >&2; exit 1; }
        # command,mean,stddev,median,user,system,min,max
        tail -n +2 "$csv" | awk -F, '{ print $1, $4 }' >>"$results"
        rm -f "$csv"
    done
    for pair in "$@"; do
        name=${pair%%=*}
        echo "$name $(awk -v n="$name" '$1 == n { print $2 }' "$results" | median)"
    done
    rm -f "$results"
}

HYPERFINE_EXTRA=()

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }

# --- the machine -------------------------------------------------------------
echo "## Machine"
echo
echo "- cores: $(nproc)"
echo "- CPU: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
echo "- memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "- load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- zi $("$ZI" --version | cut -d' ' -f2), hyperfine $(hyperfine --version | cut -d' ' -f2), as of $AS_OF"
[ -n "$BASELINE" ] && echo "- baseline: zi $("$BASELINE" --version | cut -d' ' -f2) at $BASELINE, timed in the same rounds"
echo "- medians of $ROUNDS rounds of $RUNS runs after 3 warm-up runs; peak memory is the highest of 3 runs"
echo

# --- synthetic plans ---------------------------------------------------------
echo "## Synthetic plans"
echo
echo "| indicators | files | command | median ms | × listing floor | peak MiB |"
echo "|---:|---:|---|---:|---:|---:|"
for n in $SIZES; do
    dir=$(plan_dir "$n")
    cd "$dir"
    files=$(find plan evidence -type f | wc -l)
    echo "timing $n indicators ($files files)..." >&2
    # Each baseline command runs right after its counterpart.
    commands=(
        "list=find plan evidence -type f | wc -l"
        "read=find plan -type f -name '*.toml' -print0 | xargs -0 cat > /dev/null")
    # Names without spaces: `status` (the table) and `status--format-json` differ.
    for sub in check status "status --format json" overdue; do
        commands+=("${sub// /-}=$ZI $sub > /dev/null")
        [ -n "$BASE" ] && commands+=("base-${sub// /-}=$BASE $sub > /dev/null")
    done
    declare -A median=()
    while read -r name seconds; do median[$name]=$seconds; done < <(time_commands "${commands[@]}")
    floor=${median[list]:-}
    [ -n "$floor" ] || exit 1
    row() { echo "| $n | $files | $1 | $(ms "${median[$2]}") | $(ratio "${median[$2]}" "$floor") | $3 |"; }
    row "floor: \`find plan evidence -type f \| wc -l\`" list "$(peak_mib "find plan evidence -type f | wc -l")"
    row "floor: \`cat\` every plan file" read "–"
    for sub in check status "status --format json" overdue; do
        row "\`zi $sub\`" "${sub// /-}" "$(peak_mib "$ZI $sub")"
        [ -n "$BASE" ] && row "baseline \`zi $sub\`" "base-${sub// /-}" "$(peak_mib "$BASE $sub")"
    done
    unset median
    cd "$ROOT"
done
echo

# --- a unit's own plan: zi overdue against git status --------------------------
# The pre-commit hook runs `zi overdue`; it must not cost more than the
# `git status` that every commit already pays for.
if [ -z "$SMALL" ]; then
    if [ -f "$ROOT/zi.toml" ]; then
        SMALL=$ROOT
    else
        SMALL=$(plan_dir 70)
        if [ ! -d "$SMALL/.git" ]; then
            git -C "$SMALL" init --quiet
            git -C "$SMALL" add -A
            git -C "$SMALL" -c user.name=bench -c user.email=bench@localhost commit --quiet -m "synthetic plan"
        fi
    fi
fi
cd "$SMALL"
indicators=$("$ZI" status --format json 2>/dev/null | grep -c '"evidence_dir"' || true)
echo "## One unit's plan: \`zi overdue\` against \`git status\`"
echo
echo "In ${SMALL#"$ROOT"/} ($indicators indicators)."
echo
echo "| command | median ms | × \`git status\` |"
echo "|---|---:|---:|"
# A few milliseconds each: run without a shell, whose start-up hyperfine
# could only subtract approximately (output still goes to /dev/null).
HYPERFINE_EXTRA=(--shell=none)
commands=("git=git status" "overdue=$ZI overdue")
[ -n "$BASE" ] && commands+=("base-overdue=$BASE overdue")
declare -A median=()
while read -r name seconds; do median[$name]=$seconds; done < <(time_commands "${commands[@]}")
[ -n "${median[git]:-}" ] || exit 1
echo "| \`git status\` | $(ms "${median[git]}") | 1.00 |"
echo "| \`zi overdue\` | $(ms "${median[overdue]}") | $(ratio "${median[overdue]}" "${median[git]}") |"
[ -n "$BASE" ] && echo "| baseline \`zi overdue\` | $(ms "${median[base-overdue]}") | $(ratio "${median[base-overdue]}" "${median[git]}") |"
echo
echo "- load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
