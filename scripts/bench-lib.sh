# The parts of scripts/bench.sh, sourced by it (not run on its own): it sets
# ROOT, WORK, ZI, GEN, GEN_ID, BASELINE, the sizes and the run counts.

# Results, by "KEY/NAME": median seconds, peak resident KiB, 512-byte blocks
# written to disk.
declare -A MED=() PEAK=() WROTE=()
printf -v Q_ZI '%q' "$ZI"
Q_BASE=""
[ -n "$BASELINE" ] && printf -v Q_BASE '%q' "$BASELINE"
BUSY=""
trap '[ -n "$BUSY" ] && kill "$BUSY" 2>/dev/null; true' EXIT

load() { cut -d' ' -f1-3 /proc/loadavg; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }
# The median of KEY/NAME in ms, marked when it is a single run.
ms_of() { echo "$(ms "${MED[$1]}")${SLOW[$1]:+ (one run)}"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mib() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
blocks_mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b * 512 / 1048576 }'; }
thousands() { echo "$1" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta'; }
# Median of numbers, one per line.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# A generated plan (or with a second argument, a workspace of that many
# units of 72 indicators), reused while the generator's arguments and
# binary are unchanged; regenerated into a fresh folder otherwise.
plan_dir() {
    local n=$1 units=${2:-} dir stamp args
    if [ -n "$units" ]; then
        dir=$WORK/workspace-$units
        args=(--workspace "$units" --indicators 72)
    else
        dir=$WORK/plan-$n
        args=(--indicators "$n")
    fi
    stamp="${args[*]} seed=$SEED year=${AS_OF%%-*} gen=$GEN_ID"
    if [ ! -f "$dir/.gen-stamp" ] || [ "$(cat "$dir/.gen-stamp")" != "$stamp" ]; then
        rm -rf "$dir" "$dir.tmp"
        echo "generating ${args[*]} into ${dir#"$ROOT"/}..." >&2
        "$GEN" "${args[@]}" --seed "$SEED" --year "${AS_OF%%-*}" "$dir.tmp" >&2
        echo "$stamp" >"$dir.tmp/.gen-stamp"
        mv "$dir.tmp" "$dir"
    fi
    echo "$dir"
}

# measure KEY WRAP NAME=COMMAND...: runs hyperfine over the commands in the
# current folder, without a shell (-N: a pipe needs its own `sh -c`), ROUNDS
# times with WARMUP warm-up runs each, and stores per NAME the median of the
# rounds' medians, which shrugs off a round disturbed by another process.
# With WRAP=wrap every run goes through GNU time, whose highest maximum
# resident set size and block output over all runs are stored too (the
# wrapper costs every command, the floors included, the same fraction of a
# millisecond). With SLOW_LIMIT set (seconds), each command is first run
# once; one that takes longer is not repeated: that one run is its figure,
# and SLOW[KEY/NAME] says so.
measure() {
    local key=$1 wrap=$2 pair name cmd start took
    shift 2
    rm -rf "$WORK/rss"
    mkdir -p "$WORK/rss"
    local fast=() slow=()
    for pair in "$@"; do
        name=${pair%%=*} cmd=${pair#*=}
        [ "$wrap" = wrap ] && pair="$name=/usr/bin/time -f '%M %O' -a -o $WORK/rss/$name $cmd"
        if [ -n "${SLOW_LIMIT:-}" ]; then
            start=$(date +%s%N)
            eval "${pair#*=}" >/dev/null 2>&1 || true
            took=$(( ($(date +%s%N) - start) / 1000000 ))
            if awk -v t="$took" -v l="$SLOW_LIMIT" 'BEGIN { exit !(t / 1000 > l) }'; then
                echo "  $name took $took ms, over $SLOW_LIMIT s: not repeated" >&2
                MED[$key/$name]=$(awk -v t="$took" 'BEGIN { print t / 1000 }')
                SLOW[$key/$name]=1
                slow+=("$name")
                continue
            fi
        fi
        fast+=("$pair")
    done
    [ ${#fast[@]} -gt 0 ] && hyperfine_rounds "$key" "${fast[@]}"
    for name in $(printf '%s\n' "$@" | cut -d= -f1); do
        [ "$wrap" = wrap ] || continue
        read -r "PEAK[$key/$name]" "WROTE[$key/$name]" < <(awk '/^[0-9]+ [0-9]+$/ {
            if ($1 > m) m = $1; if ($2 > w) w = $2 } END { print m + 0, w + 0 }' "$WORK/rss/$name" 2>/dev/null)
    done
    return 0
}
declare -A SLOW=()

# hyperfine_rounds KEY NAME=COMMAND...: the rounds of `measure`.
hyperfine_rounds() {
    local key=$1 round pair
    shift
    local results; results=$(mktemp -p "$WORK")
    for round in $(seq "$ROUNDS"); do
        local args=()
        for pair in "$@"; do args+=(--command-name "${pair%%=*}" "${pair#*=}"); done
        timed "$key" "$results" --warmup "$WARMUP" --runs "$RUNS" "${HYPERFINE_EXTRA[@]}" "${args[@]}"
    done
    medians "$key" "$results" "$@"
}
HYPERFINE_EXTRA=()

# medians KEY RESULTS NAME=COMMAND...: MED of each command, the median of
# its lines in RESULTS (as `timed` writes them); RESULTS is removed.
medians() {
    local key=$1 results=$2 pair name
    shift 2
    for pair in "$@"; do
        name=${pair%%=*}
        MED[$key/$name]=$(awk -v n="$name" '$1 == n { print $2 }' "$results" | median)
    done
    rm -f "$results"
}

# timed KEY RESULTS HYPERFINE-ARGS...: one hyperfine invocation without a
# shell; appends "NAME MEDIAN" per command to RESULTS. Stops the run when
# hyperfine fails or a run ended with a status above 2 or by a signal.
timed() {
    local key=$1 results=$2
    shift 2
    local csv json; csv=$(mktemp -p "$WORK") json=$(mktemp -p "$WORK")
    hyperfine -N --style none --ignore-failure --export-csv "$csv" --export-json "$json" "$@" \
        >>"$WORK/hyperfine.log" 2>&1 ||
        { rm -f "$csv" "$json"; echo "bench.sh: hyperfine failed; see $WORK/hyperfine.log" >&2; exit 1; }
    if ! statuses_ok "$json"; then
        echo "bench.sh: a run of $key ended with a status above 2 or by a signal: not timed" \
            "(hyperfine's record: $json)" >&2
        rm -f "$csv"
        exit 1
    fi
    # command,mean,stddev,median,user,system,min,max
    tail -n +2 "$csv" | awk -F, '{ print $1, $4 }' >>"$results"
    rm -f "$csv" "$json"
}

# statuses_ok JSON: whether every run hyperfine recorded in JSON ended with
# zi's own statuses, 0 to 2 (--ignore-failure keeps 1 and 2, which zi gives
# for a plan with problems); a signal (a crash, which would time as a fast
# run) is recorded as null.
statuses_ok() {
    awk '/"exit_codes"/ { within = 1 }
        within { line = $0; sub(/.*\[/, "", line); done = sub(/\].*/, "", line); gsub(/,/, " ", line)
                 n = split(line, codes, " "); for (i = 1; i <= n; i++) if (codes[i] !~ /^[012]$/) bad = 1
                 if (done) within = 0 }
        END { exit bad }' "$1"
}

# interleaved KEY NAME=COMMAND...: the commands timed in turns, for times
# of a few milliseconds that drift with the machine's state: turns() turns,
# each a short hyperfine invocation of TURN runs (after TURN_WARMUP warm-up
# runs) of one command at a time, every command once a turn, the order one
# command further on each turn and reversed every other turn. MED is the
# median of the turns' medians, so every command is timed across the same
# minutes. A run that ends with a status above 2 or by a signal stops it
# (`timed`).
interleaved() {
    local key=$1 turn first i j pair
    shift
    local n=$# pairs=("$@") results
    results=$(mktemp -p "$WORK")
    for turn in $(seq 0 $(($(turns) - 1))); do
        first=$((turn % n))
        for i in $(seq 0 $((n - 1))); do
            j=$(( turn % 2 ? n - 1 - i : i ))
            pair=${pairs[$(( (first + j) % n ))]}
            timed "$key" "$results" --warmup "$TURN_WARMUP" --runs "$TURN" --command-name "${pair%%=*}" "${pair#*=}"
        done
    done
    medians "$key" "$results" "$@"
}
TURN=10 TURN_WARMUP=3
# The turns of `interleaved`: --shipped-runs runs of each command a round,
# --rounds rounds, rounded up to whole turns.
turns() { echo $(( (SHIPPED_RUNS * ROUNDS + TURN - 1) / TURN )); }

# The two listing floors, as `measure` pairs, for the folders given.
floors() {
    echo "find=sh -c 'find $* -type f | wc -l'"
    echo "rg=sh -c 'rg --files --no-ignore -j1 $* | wc -l'"
}

# The rows of part 1 named in COMMANDS: "NAME@LABEL@ARGUMENTS" (an ENV=VALUE
# prefix in ARGUMENTS is passed with env).
command_rows() {
    local c
    for c in $COMMANDS; do
        case "$c" in
            check) echo "check@\`zi check\`@check" ;;
            status) echo "status@\`zi status\` (the table)@status" ;;
            status-json) echo "status-json@\`zi status --format json\`@status --format json" ;;
            status-csv) echo "status-csv@\`zi status --format csv\`@status --format csv" ;;
            status-markdown) echo "status-markdown@\`zi status --format markdown\`@status --format markdown" ;;
            overdue) echo "overdue@\`zi overdue\`@overdue" ;;
            report) echo "report@\`zi report -o FILE\`@report -o $WORK/report.html --force" ;;
            show) echo "show@\`zi show I.1.1\`@show I.1.1" ;;
            status-narrow) echo "status-narrow@\`zi status III.2\`@status III.2" ;;
            fmt-check) echo "fmt-check@\`zi fmt --check\`@fmt --check" ;;
            one-thread)
                local t="RAYON_NUM_THREADS=1"
                echo "1t-check@\`zi check\`, $t@$t check"
                echo "1t-status@\`zi status\`, $t@$t status"
                echo "1t-status-json@\`zi status --format json\`, $t@$t status --format json"
                echo "1t-overdue@\`zi overdue\`, $t@$t overdue"
                echo "1t-report@\`zi report -o FILE\`, $t@$t report -o $WORK/report.html --force" ;;
            *) echo "bench.sh: unknown command name $c in --commands" >&2; exit 2 ;;
        esac
    done
}

# A zi command line for `measure`: BINARY ARGUMENTS, with a leading
# ENV=VALUE passed through env.
zi_line() {
    local binary=$1 args=$2
    case "$args" in
        *=*\ *) echo "env ${args%% *} $binary ${args#* }" ;;
        *) echo "$binary $args" ;;
    esac
}

# A row of a table with both floors: LABEL KEY NAME.
row() {
    local label=$1 key=$2 name=$3 m=${MED[$2/$3]}
    echo "| $label | $(ms_of "$key/$name") | $(ratio "$m" "${MED[$key/find]}") | $(ratio "$m" "${MED[$key/rg]}") |" \
        "$(mib "${PEAK[$key/$name]}") | $(blocks_mib "${WROTE[$key/$name]}") |"
}

table_head() {
    echo "| command | median ms | × \`find\` floor | × \`rg\` floor | peak MiB | written MiB |"
    echo "|---|---:|---:|---:|---:|---:|"
}

machine() {
    echo "### The machine and the run"
    echo
    echo "- cores: $(nproc); CPU: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
    echo "- memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo);" \
        "file system of the plans: $(df -T "$WORK" | awk 'NR == 2 { print $2 }'); kernel $(uname -r)"
    echo "- zi $("$ZI" --version | cut -d' ' -f2) (release build), hyperfine $(hyperfine --version | cut -d' ' -f2)," \
        "$(rg --version | sed -n 1p), $(git --version); as of $AS_OF"
    [ -n "$BASELINE" ] && echo "- baseline: zi $("$BASELINE" --version | cut -d' ' -f2) at $BASELINE, timed in the same rounds"
    echo "- medians of $ROUNDS round(s) of $RUNS runs after $WARMUP warm-up run(s), warm cache; peak memory is the" \
        "highest maximum resident set size of all those runs (GNU time), written MiB their highest block output"
    echo "- load average (1, 5, 15 min) at the start: $(load)"
    echo "- DAMON, the kernel's access monitor (which, where it runs a pageout scheme, drops cached pages" \
        "between runs; docs/performance.md, round 8): $(damon)"
    echo
}

# The state of every DAMON monitor (kdamond) of the sysfs interface, and
# whether its reclaim and LRU-sorting modules run, or that there is none.
damon() {
    local states module
    states=$(cat /sys/kernel/mm/damon/admin/kdamonds/*/state 2>/dev/null | sort -u | paste -sd/ || true)
    for module in reclaim lru_sort; do
        [ "$(cat /sys/module/damon_$module/parameters/enabled 2>/dev/null || true)" = Y ] &&
            states="${states:+$states, }damon_$module on"
    done
    echo "${states:-none}"
}

every_command() {
    local n=$1 dir files rows=() r name label args cmds=()
    dir=$(plan_dir "$n")
    cd "$dir"
    files=$(find plan evidence -type f | wc -l)
    FILES[$n]=$files
    mapfile -t cmds < <(floors plan evidence)
    mapfile -t rows < <(command_rows)
    for r in "${rows[@]}"; do
        name=${r%%@*} args=${r##*@}
        cmds+=("$name=$(zi_line "$Q_ZI" "$args")")
        [ -n "$Q_BASE" ] && cmds+=("base-$name=$(zi_line "$Q_BASE" "$args")")
    done
    echo "### $(thousands "$n") indicators ($(thousands "$files") files)"
    echo
    echo "- load before: $(load)"
    echo "timing every command at $n indicators ($files files)..." >&2
    measure "$n" wrap "${cmds[@]}"
    echo "- load after: $(load)"
    echo
    table_head
    row "floor: \`find plan evidence -type f \| wc -l\`" "$n" find
    row "floor: \`rg --files --no-ignore -j1 plan evidence \| wc -l\`" "$n" rg
    for r in "${rows[@]}"; do
        name=${r%%@*} label=${r#*@} label=${label%@*}
        row "$label" "$n" "$name"
        [ -n "$Q_BASE" ] && row "baseline $label" "$n" "base-$name"
    done
    echo
    rm -f "$WORK/report.html"
    cd "$ROOT"
}
declare -A FILES=()

# The commands the growth table follows.
GROWTH_ROWS=(check status-json overdue)

growth() {
    local sizes n dir prev="" name peak worst
    # The sizes only this table follows are the largest: one round each.
    local ROUNDS=1
    sizes=$(printf '%s\n' $SIZES $GROWTH | sort -n -u)
    [ -n "$sizes" ] || return 0
    echo "### Growth"
    echo
    for n in $GROWTH; do
        [ -n "${MED[$n/find]:-}" ] && continue
        dir=$(plan_dir "$n")
        cd "$dir"
        FILES[$n]=$(find plan evidence -type f | wc -l)
        echo "- $(thousands "$n") indicators (one round of $RUNS runs): load before $(load)"
        echo "timing the growth commands at $n indicators..." >&2
        local cmds=()
        mapfile -t cmds < <(floors plan evidence)
        for name in "${GROWTH_ROWS[@]}"; do
            cmds+=("$name=$(zi_line "$Q_ZI" "$(COMMANDS=$name command_rows | cut -d@ -f3-)")")
        done
        measure "$n" wrap "${cmds[@]}"
        echo "  and after $(load)"
        cd "$ROOT"
    done
    echo
    echo "Times in ms (× the \`find\` floor); µs/ind. is \`zi overdue\`'s time per indicator; peak MiB is the"
    echo "highest of the three commands; KiB/ind. is what each indicator added to it since the size before."
    echo
    echo "| indicators | files | \`find\` | \`rg -j1\` | \`zi check\` | \`zi status --format json\` | \`zi overdue\` | µs/ind. | peak MiB | KiB/ind. |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for n in $sizes; do
        [ -n "${MED[$n/find]:-}" ] || continue
        local cells="" missing=0
        for name in "${GROWTH_ROWS[@]}"; do
            [ -n "${MED[$n/$name]:-}" ] || missing=1
        done
        [ "$missing" -eq 0 ] || continue
        worst=0
        for name in "${GROWTH_ROWS[@]}"; do
            cells+=" $(ms "${MED[$n/$name]}") ($(ratio "${MED[$n/$name]}" "${MED[$n/find]}")) |"
            peak=${PEAK[$n/$name]}
            [ "$peak" -gt "$worst" ] && worst=$peak
        done
        local per="–"
        [ -n "$prev" ] && per=$(awk -v a="$worst" -v b="${GROWTH_PEAK[$prev]}" -v n="$n" -v p="$prev" \
            'BEGIN { printf "%.2f", (a - b) / (n - p) }')
        GROWTH_PEAK[$n]=$worst
        echo "| $(thousands "$n") | $(thousands "${FILES[$n]}") | $(ms "${MED[$n/find]}") | $(ms "${MED[$n/rg]}") |$cells" \
            "$(awk -v s="${MED[$n/overdue]}" -v n="$n" 'BEGIN { printf "%.1f", s * 1e6 / n }') | $(mib "$worst") | $per |"
        prev=$n
    done
    echo
}
declare -A GROWTH_PEAK=()

# shellcheck source=scripts/bench-parts.sh
. "$ROOT/scripts/bench-parts.sh"
