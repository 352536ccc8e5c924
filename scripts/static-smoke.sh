#!/usr/bin/env bash
# The README's static install, tried: on Linux x86-64, zi built as
#   RUSTFLAGS="-C target-feature=+crt-static" cargo build --release --target x86_64-unknown-linux-gnu
# (glibc's static-pie, the release profile's link-time optimisation) must
# write, on the shipped plan, exactly what the test build writes: standard
# output, standard error, exit status, and the page of `report -o`. A
# static link resolves symbols otherwise than a dynamic one (a weak libc
# symbol is left at address 0), and `cargo test` builds neither the static
# link nor the release profile, so only this run would see such a crash.
#
# Needs what `cargo test` needs (a C toolchain with glibc's static
# libraries: Debian's build-essential) and `readelf` (binutils, part of
# it). Elsewhere than Linux x86-64 it says so and does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) ;;
    *)
        echo "static-smoke: only for Linux x86-64; skipped"
        exit 0
        ;;
esac
if [ ! -f zi.toml ]; then
    echo "static-smoke: no shipped plan in this checkout" >&2
    exit 1
fi

triple=x86_64-unknown-linux-gnu
target=${CARGO_TARGET_DIR:-target}
case "$target" in /*) ;; *) target=$root/$target ;; esac
echo "static-smoke: building zi linked statically (release, $triple)..."
RUSTFLAGS="-C target-feature=+crt-static" cargo build --release --quiet --bin zi --target "$triple"
cargo build --quiet --bin zi
static=$target/$triple/release/zi
reference=$target/debug/zi
if readelf -d "$static" | grep -q NEEDED; then
    echo "static-smoke: $static needs shared libraries; it is not linked statically" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/plan-repo"
cp -a zi.toml plan evidence "$work/plan-repo/"
export ZI_TODAY=2022-10-15 NO_COLOR=1
unset LANG

commands=(
    "status"
    "status --format json"
    "status --format csv"
    "status --format markdown"
    "status III"
    "--lang en status"
    "overdue"
    "check"
    "check --format json"
    "show I.1.1"
    "score"
    "score --format json"
    "report"
    "report -o rkt.html"
    "--lang en report -o rkt.html"
    "fmt --check"
)
failed=0
for i in "${!commands[@]}"; do
    read -r -a args <<<"${commands[i]}"
    for build in reference static; do
        bin=$reference
        [ "$build" = static ] && bin=$static
        out=$work/$build.$i
        rc=0
        (cd "$work/plan-repo" && "$bin" "${args[@]}" >"$out.stdout" 2>"$out.stderr") || rc=$?
        echo "$rc" >"$out.rc"
        if [ -f "$work/plan-repo/rkt.html" ]; then mv "$work/plan-repo/rkt.html" "$out.html"; fi
    done
    for part in rc stdout stderr html; do
        [ -f "$work/reference.$i.$part" ] || [ -f "$work/static.$i.$part" ] || continue
        if ! cmp -s "$work/reference.$i.$part" "$work/static.$i.$part"; then
            echo "static-smoke: zi ${commands[i]}: the static build's $part differs from the test build's" >&2
            diff <(head -c 2000 "$work/reference.$i.$part") <(head -c 2000 "$work/static.$i.$part") >&2 || true
            failed=1
        fi
    done
done
leftovers=$(cd "$work/plan-repo" && find . -name '.zi-tmp-*' | sort)
if [ -n "$leftovers" ]; then
    echo "static-smoke: temporary files left behind: $leftovers" >&2
    failed=1
fi
if [ "$failed" -ne 0 ]; then
    exit 1
fi
echo "static-smoke: ${#commands[@]} commands write the same with zi linked statically"
