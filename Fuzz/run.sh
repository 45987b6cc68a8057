#!/usr/bin/env bash
# `make fuzz`: builds every fuzz target with libFuzzer and AddressSanitizer, seeds each from the corpora, runs each
# for FUZZ_SECONDS (default 600) and prints a line per target: executions, executions per second, and what was
# found. Exit 1 when any target crashed, hung (an input over FUZZ_TIMEOUT seconds, default 10), ran out of memory
# or got a sanitizer report; the inputs that did are left in Fuzz/findings/<target>/ to become regression tests.
set -uo pipefail
cd "$(dirname "$0")"
seconds=${FUZZ_SECONDS:-600}
timeout_s=${FUZZ_TIMEOUT:-10}
targets=(${FUZZ_TARGETS:-fuzz-records fuzz-json fuzz-claims fuzz-expressions fuzz-tools})
work=${FUZZ_WORK:-/tmp/mathcheck-fuzz}
build=(swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)
"${build[@]}" >"$work.build.log" 2>&1 || { tail -30 "$work.build.log"; echo "fuzz targets did not build"; exit 1; }
bin=$("${build[@]}" --show-bin-path)
rm -rf "$work/seeds"
python3 make-seeds.py "$work/seeds" >/dev/null
status=0
printf '%-18s %12s %10s %8s  %s\n' target executions "exec/s" seconds found
for target in "${targets[@]}"; do
    corpus="$work/corpus/$target"
    findings="findings/$target"
    mkdir -p "$corpus" "$findings"
    log="$work/$target.log"
    ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 "$bin/$target" "$corpus" "$work/seeds/$target" \
        -dict=mathcheck.dict -max_total_time="$seconds" -timeout="$timeout_s" -rss_limit_mb=4096 -max_len=16384 \
        -print_final_stats=1 -artifact_prefix="$findings/" >"$log" 2>&1
    code=$?
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
    speed=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
    found=$(find "$findings" -type f | wc -l)
    if [[ $code -ne 0 || $found -ne 0 ]]; then
        status=1
        what=$(grep -m1 -E 'ERROR: (libFuzzer|AddressSanitizer)|SUMMARY|Fatal error' "$log" | cut -c1-120)
        printf '%-18s %12s %10s %8s  %s (exit %s; %s)\n' "$target" "$runs" "$speed" "$seconds" "$found inputs" "$code" "$what"
    else
        printf '%-18s %12s %10s %8s  %s\n' "$target" "$runs" "$speed" "$seconds" "0 crashes, 0 hangs, 0 sanitizer reports"
    fi
done
exit $status
