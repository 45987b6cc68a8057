"""Rewards per second from Python: mathcheck's worker pool against Math-Verify, on the same records, in one process.

Usage: python3 python/bench.py [CORPUS.jsonl] [--rounds N] [--math-verify-records N] [--json]

The corpus defaults to the shared LLMDrift file (4,000 answers to "Is N prime?" with their truth). Rewards are
computed in batches of 256, as a GRPO step would ask for them: with one worker process ("one core"; the Python
process itself runs beside it) and with the default pool (one worker per core). Each figure is the best of
``--rounds`` passes over the whole corpus. Math-Verify grades the same records against the same Yes/No truth the
way the repository's baseline does (``verify(parse(gold), parse(answer))``, Benchmarks/Scripts/math_verify_baseline.py).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

import mathcheck  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "real" / "llmdrift_prime.jsonl"
BATCH = 256


def load(path: Path) -> List[Dict[str, Any]]:
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            records.append(json.loads(line))
    return records


def reference(record: Dict[str, Any]) -> Optional[str]:
    truth = record.get("truth")
    if isinstance(truth, dict) and "is_prime" in truth:
        return "Yes" if truth["is_prime"] else "No"
    ref = record.get("reference")
    return ref if isinstance(ref, str) else None


def rate(run: Callable[[], None], count: int, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return count / best


def mathcheck_rates(records: List[Dict[str, Any]], pool: mathcheck.WorkerPool, rounds: int) -> Dict[str, float]:
    responses = [r["response"] for r in records]
    prompts = [r.get("prompt", "") for r in records]
    references = [reference(r) for r in records]
    batches = [
        (responses[i : i + BATCH], prompts[i : i + BATCH], references[i : i + BATCH])
        for i in range(0, len(records), BATCH)
    ]
    mathcheck.score_batch(*batches[0][:2], pool=pool)  # start the processes

    def audit(graded: bool = False) -> Callable[[], None]:
        return lambda: [mathcheck.score_batch(r, p, pool=pool, graded=graded) for r, p, _ in batches] and None

    def check() -> None:
        for r, p, ref in batches:
            mathcheck.score_batch(r, p, ref, pool=pool)

    n = len(records)
    return {
        "audit (binary)": rate(audit(), n, rounds),
        "audit (graded)": rate(audit(True), n, rounds),
        "against the reference": rate(check, n, rounds),
    }


def worker_alone_rate(path: Path, count: int, rounds: int) -> float:
    """The ceiling: ``mathcheck worker`` reading the corpus file on standard input, no Python in the loop."""

    def run() -> None:
        with open(path, "rb") as stdin:
            subprocess.run([mathcheck.find_binary(), "worker"], stdin=stdin, stdout=subprocess.DEVNULL, check=True)

    return rate(run, count, rounds)


def math_verify_rate(records: List[Dict[str, Any]]) -> Optional[Dict[str, float]]:
    try:
        from math_verify import parse, verify
    except ImportError:
        return None
    pairs = [(reference(r) or "", r["response"]) for r in records]
    start = time.perf_counter()
    matches = 0
    for gold, answer in pairs:
        if verify(parse(gold), parse(answer)):
            matches += 1
    seconds = time.perf_counter() - start
    return {"records": len(pairs), "seconds": seconds, "rewards_per_s": len(pairs) / seconds, "matches": matches}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--math-verify-records", type=int, default=1000, help="records Math-Verify grades (0: none)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()

    records = [r for r in load(Path(args.corpus)) if isinstance(r.get("response"), str)]
    figures: Dict[str, Any] = {"corpus": Path(args.corpus).name, "records": len(records), "batch": BATCH}
    figures["worker alone"] = worker_alone_rate(Path(args.corpus), len(records), args.rounds)
    with mathcheck.WorkerPool(size=1) as one:
        figures["one worker"] = mathcheck_rates(records, one, args.rounds)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    with mathcheck.WorkerPool(size=cores) as pool:
        figures[f"pool of {cores}"] = mathcheck_rates(records, pool, args.rounds)
    if args.math_verify_records:
        mv = math_verify_rate(records[: args.math_verify_records])
        figures["math-verify"] = mv
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"{figures['records']} records of {figures['corpus']}, batches of {BATCH}, best of {args.rounds} rounds")
    print(f"{'':40}{'rewards/s':>12}")
    print(f"{'mathcheck worker < file (no Python)':40}{figures['worker alone']:>12,.0f}")
    for setup in ("one worker", f"pool of {cores}"):
        for mode, value in figures[setup].items():
            print(f"{'mathcheck, ' + setup + ', ' + mode:40}{value:>12,.0f}")
    print(
        f"one worker from Python, auditing: {figures['one worker']['audit (binary)'] / figures['worker alone']:.0%} "
        "of the worker alone"
    )
    mv = figures.get("math-verify")
    if mv:
        print(f"{'Math-Verify verify(parse(gold), parse())':40}{mv['rewards_per_s']:>12,.0f}   ({mv['records']} records)")
        one = figures["one worker"]
        print(
            f"one mathcheck worker / Math-Verify: {one['against the reference'] / mv['rewards_per_s']:,.0f}x against "
            f"the reference, {one['audit (binary)'] / mv['rewards_per_s']:,.0f}x auditing"
        )
    elif args.math_verify_records:
        print("(Math-Verify not installed: pip install math-verify)")


if __name__ == "__main__":
    main()
