# Parts 3 to 6 of scripts/bench.sh and --update-docs, sourced by
# scripts/bench-lib.sh (not run on its own).

# A row of a two-column comparison: LABEL KEY NAME BASE_NAME.
row_against() {
    local m=${MED[$2/$3]}
    echo "| $1 | $(ms_of "$2/$3") | $(ratio "$m" "${MED[$2/$4]}") | $(mib "${PEAK[$2/$3]:-0}") | $(blocks_mib "${WROTE[$2/$3]:-0}") |"
}

git_quiet() { git -c user.name=bench -c user.email=bench@localhost -c init.defaultBranch=main "$@"; }

# A git copy of the N-indicator plan, committed, then 50 evidence files
# added and 50 removed in the working tree (the same ones every time).
diff_repo() {
    local n=$1 plan repo stamp
    plan=$(plan_dir "$n")
    repo=$WORK/git-$n
    stamp="$(cat "$plan/.gen-stamp") edits=50+50"
    if [ -f "$repo/.git/bench-stamp" ] && [ "$(cat "$repo/.git/bench-stamp")" = "$stamp" ]; then
        echo "$repo"
        return
    fi
    echo "making a git copy of the $n-indicator plan in ${repo#"$ROOT"/}..." >&2
    rm -rf "$repo" "$repo.tmp"
    # Hard links: the copy costs only its folders, and neither git nor zi
    # ever writes into an existing file.
    cp -al "$plan" "$repo.tmp"
    rm -f "$repo.tmp/.gen-stamp"
    (
        cd "$repo.tmp"
        git_quiet init --quiet
        git_quiet add -A
        git_quiet commit --quiet -m "synthetic plan"
        git_quiet repack -a -d -q
        git_quiet prune-packed
        local total every
        total=$(git ls-files evidence | wc -l)
        every=$((total / 50))
        git ls-files evidence | awk -v k="$every" 'NR % k == 0' | head -50 | xargs -d '\n' rm --
        git ls-files evidence | awk -v k="$every" 'NR % k == int(k / 2)' | head -50 | xargs -d '\n' -n1 dirname |
            awk '{ printf "%s/tambahan_%02d.pdf\n", $0, NR }' | while read -r f; do printf '%%PDF-1.4\n' >"$f"; done
    )
    echo "$stamp" >"$repo.tmp/.git/bench-stamp"
    mv "$repo.tmp" "$repo"
    echo "$repo"
}

diff_section() {
    local n=$1 repo changes
    repo=$(diff_repo "$n")
    cd "$repo"
    changes=$(git status --porcelain --untracked-files=all | wc -l)
    echo "### \`zi diff\` against \`git status\`"
    echo
    echo "In a git copy of the $(thousands "$n")-indicator plan, committed, then 50 evidence files added and 50"
    echo "removed ($changes lines of \`git status --porcelain --untracked-files=all\`). \`zi diff\` compares HEAD"
    echo "with the working tree."
    echo
    echo "- load before: $(load)"
    echo "timing zi diff at $n indicators..." >&2
    local cmds=("git=git status --porcelain" "diff=$Q_ZI diff")
    [ -n "$Q_BASE" ] && cmds+=("base-diff=$Q_BASE diff")
    SLOW_LIMIT=30 measure diff wrap "${cmds[@]}"
    echo "- load after: $(load)"
    echo
    echo "| command | median ms | × \`git status\` | peak MiB | written MiB |"
    echo "|---|---:|---:|---:|---:|"
    row_against "\`git status --porcelain\`" diff git git
    row_against "\`zi diff\`" diff diff git
    [ -n "$Q_BASE" ] && row_against "baseline \`zi diff\`" diff base-diff git
    echo
    cd "$ROOT"
}

# Whether this zi reads DIR as a workspace: its JSON status has units.
knows_workspaces() {
    "$ZI" -C "$1" status --format json 2>/dev/null | grep -q '"units"'
}

workspace_section() {
    local units=$1 dir files
    dir=$(plan_dir 72 "$units")
    cd "$dir"
    files=$(find units -type f | wc -l)
    echo "### A workspace of $units units"
    echo
    echo "$units units of 72 indicators ($(thousands $((units * 72))) in all, $(thousands "$files") files under"
    echo "\`units/\`), each its own generated plan, at the root of the workspace."
    echo
    if ! knows_workspaces "$dir"; then
        echo "Not measured: this zi does not read the root's \`[workspace]\` (its JSON status has no \`units\`)."
        echo
        cd "$ROOT"
        return
    fi
    echo "- load before: $(load)"
    echo "timing the workspace of $units units..." >&2
    local cmds=()
    mapfile -t cmds < <(floors units)
    cmds+=("status-json=$Q_ZI status --format json" "overdue=$Q_ZI overdue" "check=$Q_ZI check")
    measure ws wrap "${cmds[@]}"
    echo "- load after: $(load)"
    echo
    table_head
    row "floor: \`find units -type f \| wc -l\`" ws find
    row "floor: \`rg --files --no-ignore -j1 units \| wc -l\`" ws rg
    row "\`zi status --format json\`" ws status-json
    row "\`zi overdue\`" ws overdue
    row "\`zi check\`" ws check
    echo
    cd "$ROOT"
}

# The reading commands quiet, then again while a shell loop keeps one core
# busy (one busy neighbour on this machine).
contention_section() {
    local n=$1 dir name
    dir=$(plan_dir "$n")
    cd "$dir"
    local cmds=()
    mapfile -t cmds < <(floors plan evidence)
    for name in check status-json overdue; do
        cmds+=("$name=$(zi_line "$Q_ZI" "$(COMMANDS=$name command_rows | cut -d@ -f3-)")")
    done
    cmds+=("1t-overdue=env RAYON_NUM_THREADS=1 $Q_ZI overdue")
    echo "### What a busy neighbour does"
    echo
    echo "At $(thousands "$n") indicators, the same commands timed on the machine as it is, then while"
    echo "\`sh -c 'while :; do :; done'\` keeps one core busy."
    echo
    echo "- load before: $(load)"
    echo "timing under contention at $n indicators..." >&2
    measure quiet wrap "${cmds[@]}"
    sh -c 'while :; do :; done' &
    BUSY=$!
    measure busy wrap "${cmds[@]}"
    kill "$BUSY"
    wait "$BUSY" 2>/dev/null || true
    BUSY=""
    echo "- load after: $(load)"
    echo
    echo "| command | as it is: ms | × \`find\` | one core busy: ms | × \`find\` |"
    echo "|---|---:|---:|---:|---:|"
    local labels=("find" "\`find plan evidence -type f \| wc -l\`" "rg" "\`rg --files --no-ignore -j1 plan evidence \| wc -l\`"
        "check" "\`zi check\`" "status-json" "\`zi status --format json\`" "overdue" "\`zi overdue\`"
        "1t-overdue" "\`zi overdue\`, RAYON_NUM_THREADS=1")
    local i
    for ((i = 0; i < ${#labels[@]}; i += 2)); do
        name=${labels[i]}
        echo "| ${labels[i + 1]} | $(ms "${MED[quiet/$name]}") | $(ratio "${MED[quiet/$name]}" "${MED[quiet/find]}") |" \
            "$(ms "${MED[busy/$name]}") | $(ratio "${MED[busy/$name]}" "${MED[busy/find]}") |"
    done
    echo
}

# The shipped plan in a fresh git repository of its own: zi overdue (what
# a pre-commit hook runs) against git status, interleaved.
shipped_section() {
    local repo=$WORK/shipped
    if [ ! -f "$ROOT/zi.toml" ]; then
        echo "(no shipped plan in this checkout: its \`git status\` comparison is left out)"
        return
    fi
    rm -rf "$repo"
    mkdir -p "$repo"
    cp -a "$ROOT/zi.toml" "$ROOT/plan" "$ROOT/evidence" "$repo/"
    (cd "$repo" && git_quiet init --quiet && git_quiet add -A && git_quiet commit --quiet -m "shipped plan")
    cd "$repo"
    local indicators files
    indicators=$(find plan -name '*.toml' ! -name area.toml ! -name component.toml | wc -l)
    files=$(find plan evidence -type f | wc -l)
    echo "### The shipped plan: \`zi overdue\` against \`git status\`"
    echo
    echo "The plan of this repository ($indicators indicators, $files files in \`plan/\` and \`evidence/\`) copied"
    echo "with \`zi.toml\` into a fresh git repository and committed. The commands are timed in $(turns) turns, without a"
    echo "shell: $(( $(turns) * TURN )) runs of each, in hyperfine invocations of $TURN runs (after $TURN_WARMUP warm-up runs) of"
    echo "one command, each turn starting the order one command further on and every other turn reversing it;"
    echo "each figure is the median of its turns' medians."
    [ -n "$ZI_STATIC" ] && echo "\`zi\` is the build \`cargo install --path .\` makes; \"linked statically\" is the README's static install" \
        "(glibc's static-pie, no dynamic loader at the start)."
    echo
    echo "- load before: $(load)"
    echo "timing the shipped plan..." >&2
    local cmds=("git=git status --porcelain" "overdue=$Q_ZI overdue" "staged=$Q_ZI overdue --staged")
    [ -n "$Q_BASE" ] && cmds+=("base-overdue=$Q_BASE overdue" "base-staged=$Q_BASE overdue --staged")
    local q_static=""
    [ -n "$ZI_STATIC" ] && printf -v q_static '%q' "$ZI_STATIC"
    [ -n "$q_static" ] && cmds+=("static-overdue=$q_static overdue" "static-staged=$q_static overdue --staged")
    interleaved shipped "${cmds[@]}"
    echo "- load after: $(load)"
    echo
    echo "| command | median ms | × \`git status --porcelain\` |"
    echo "|---|---:|---:|"
    echo "| \`git status --porcelain\` | $(ms_of shipped/git) | 1.00 |"
    echo "| \`zi overdue\` | $(ms_of shipped/overdue) | $(ratio "${MED[shipped/overdue]}" "${MED[shipped/git]}") |"
    echo "| \`zi overdue --staged\` | $(ms_of shipped/staged) | $(ratio "${MED[shipped/staged]}" "${MED[shipped/git]}") |"
    if [ -n "$q_static" ]; then
        echo "| \`zi overdue\`, linked statically | $(ms_of shipped/static-overdue) | $(ratio "${MED[shipped/static-overdue]}" "${MED[shipped/git]}") |"
        echo "| \`zi overdue --staged\`, linked statically | $(ms_of shipped/static-staged) | $(ratio "${MED[shipped/static-staged]}" "${MED[shipped/git]}") |"
    fi
    if [ -n "$Q_BASE" ]; then
        echo "| baseline \`zi overdue\` | $(ms_of shipped/base-overdue) | $(ratio "${MED[shipped/base-overdue]}" "${MED[shipped/git]}") |"
        echo "| baseline \`zi overdue --staged\` | $(ms_of shipped/base-staged) | $(ratio "${MED[shipped/base-staged]}" "${MED[shipped/git]}") |"
    fi
    echo
    cd "$ROOT"
}

# Replaces what stands between the markers of DOC with the file RUN, through
# a temporary file renamed over DOC.
update_docs() {
    local run=$1 doc=$2 begin='<!-- bench.sh output begins' end='<!-- bench.sh output ends -->'
    if ! grep -q "^$begin" "$doc" || ! grep -q "^$end" "$doc"; then
        echo "bench.sh: $doc has no bench.sh output markers; left unchanged" >&2
        return 1
    fi
    local tmp; tmp=$(mktemp "$doc.XXXXXX")
    chmod --reference="$doc" "$tmp"
    awk -v begin="$begin" -v end="$end" -v run="$run" '
        index($0, begin) == 1 { print; while ((getline line < run) > 0) print line; skip = 1; next }
        index($0, end) == 1 { skip = 0 }
        !skip { print }' "$doc" >"$tmp"
    mv "$tmp" "$doc"
    echo "bench.sh: wrote the tables into ${doc#"$ROOT"/}" >&2
}
