#!/usr/bin/env bash
# Load test of the HTTP grading service (`mathcheck serve --http`) with wrk on loopback, next to the CLI's
# single-job throughput on the same records, measured in the same run.
#
#   scripts/bench-http.sh [BINARY]      (default .build/release/mathcheck; BENCH_SECONDS per point, default 10)
#
# Points: /v1/audit with 1 and 64 LLMDrift records a request, at 1, 16 and 64 connections, and /get_reward with one
# query a request at 64 connections. Each point runs for BENCH_SECONDS (wrk -d), so the whole run is bounded
# (about 7 × BENCH_SECONDS plus the baselines); only 127.0.0.1 is loaded. The service runs with --jobs $(nproc);
# wrk runs on the same cores (at most 2 threads), so both share the machine.
# Prints a Markdown table: records/s, the ratio to the CLI's `audit --jobs 1` records/s, p50/p99/max latency.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/mathcheck}
CORPUS=${CORPUS:-../shared/corpora/real/llmdrift_prime.jsonl}
DURATION=${BENCH_SECONDS:-10}
[[ -x $BIN ]] || { echo "no binary at $BIN: build it (swift build -c release)" >&2; exit 2; }
[[ -f $CORPUS ]] || { echo "no corpus at $CORPUS" >&2; exit 2; }
if ! command -v wrk >/dev/null; then
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
fi
work=$(mktemp -d)
server=""
cleanup() {
  [[ -n $server ]] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

records=$(grep -c . "$CORPUS")
# The CLI baseline reads the corpus ten times over, so that its process start is a small part of its time.
for _ in $(seq 10); do cat "$CORPUS"; done > "$work/corpus10.jsonl"
# The OpenRLHF shape of the same records: one query (the prompt, then the response) a request.
python3 - "$CORPUS" > "$work/reward.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        r = json.loads(line)
        print(json.dumps({"query": [r["prompt"] + "\n" + r["response"]], "prompts": [r["prompt"] + "\n"]}))
PY

now() { date +%s.%N; }
# The CLI's records/s with one job: the best of 5 runs over ten times the corpus (output to /dev/null).
cli_rate() {
  local best=0
  for _ in 1 2 3 4 5; do
    local start end
    start=$(now)
    "$BIN" audit "$work/corpus10.jsonl" --format jsonl --jobs 1 > /dev/null
    end=$(now)
    best=$(awk -v n="$((records * 10))" -v a="$start" -v b="$end" -v best="$best" 'BEGIN { r = n / (b - a); print (r > best ? r : best) }')
  done
  echo "$best"
}
# The service's CPU time so far (user + system), in seconds.
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$server/stat"; }

echo "# $(date -u +%FT%TZ) $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
cli_before=$(cli_rate)
echo "# CLI audit --jobs 1: $cli_before records/s ($records records)" >&2

"$BIN" serve --http 127.0.0.1:0 --jobs "$(nproc)" 2> "$work/serve.err" &
server=$!
for _ in $(seq 100); do grep -q listening "$work/serve.err" && break; sleep 0.1; done
port=$(grep -o '127.0.0.1:[0-9]*' "$work/serve.err" | cut -d: -f2)
[[ -n $port ]] || { echo "the service did not start: $(cat "$work/serve.err")" >&2; exit 1; }
url="http://127.0.0.1:$port"
# Warm-up: every record once.
wrk -t1 -c4 -d2s -s scripts/bench-http.lua "$url" -- "$CORPUS" 64 > /dev/null

rows=()
point() { # endpoint input batch connections
  local path=$1 input=$2 batch=$3 conns=$4 threads out
  threads=$(( conns < 2 ? conns : 2 ))
  local cpu0 cpu1
  cpu0=$(server_cpu)
  out=$(wrk -t"$threads" -c"$conns" -d"${DURATION}s" --timeout 10s -s scripts/bench-http.lua "$url" -- "$input" "$batch" "$path")
  cpu1=$(server_cpu)
  local figures
  figures=$(grep '^FIGURES' <<< "$out") || { echo "$out" >&2; exit 1; }
  eval "${figures#FIGURES }"
  local rate
  rate=$(awk -v r="$requests" -v b="$batch" -v s="$seconds" 'BEGIN { printf "%.0f", r * b / s }')
  local per_cpu
  per_cpu=$(awk -v r="$requests" -v b="$batch" -v a="$cpu0" -v z="$cpu1" 'BEGIN { printf "%.0f", r * b / (z - a) }')
  rows+=("| $path | $batch | $conns | $rate | $(awk -v r="$rate" -v c="$cli_before" 'BEGIN { printf "%.2f", r / c }') | $per_cpu | $p50_ms | $p99_ms | $max_ms | $non200 | $socket_errors |")
  echo "# $path batch $batch, $conns connections: $rate records/s, p50 $p50_ms ms, p99 $p99_ms ms" >&2
}
for batch in 1 64; do
  for conns in 1 16 64; do point /v1/audit "$CORPUS" "$batch" "$conns"; done
done
point /get_reward "$work/reward.jsonl" 1 64
# The ceiling for one-record requests: an empty GET /healthz a request, the same connections (its "records/s" column
# is requests/s).
point /healthz "$CORPUS" 1 64

kill -TERM "$server"
wait "$server" && status=0 || status=$?
server=""
cli_after=$(cli_rate)
echo "# CLI audit --jobs 1 after: $cli_after records/s; load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

echo
echo "CLI \`audit --jobs 1\` on the same $records records (ten times over): $(printf '%.0f' "$cli_before") records/s before the load test, $(printf '%.0f' "$cli_after") after (ratios below are to the first). The service exited with status $status on SIGTERM."
echo
echo "| endpoint | records/request | connections | records/s | × CLI 1 job | records per service CPU-second | p50 ms | p99 ms | max ms | non-200 | socket errors |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
