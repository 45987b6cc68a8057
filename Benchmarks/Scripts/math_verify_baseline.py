"""Math-Verify grading the same records mathcheck checks: the peer baseline of `make bench`.

Reads JSONL records with "response" and "reference" and grades each response against its reference the way
Math-Verify's README does (verify(parse(gold), parse(answer))). Prints one JSON object: records, seconds (wall time
of the grading loop only, one core) and how many responses it graded as matching.
"""
import json
import sys
import time

from math_verify import parse, verify


def main(path: str) -> None:
    records = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    start = time.perf_counter()
    matches = 0
    for record in records:
        gold = parse(record["reference"])
        answer = parse(record["response"])
        if verify(gold, answer):
            matches += 1
    seconds = time.perf_counter() - start
    print(json.dumps({"records": len(records), "seconds": seconds, "matches": matches}))


if __name__ == "__main__":
    main(sys.argv[1])
