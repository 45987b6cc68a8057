#!/usr/bin/env python3
"""Lists every claim an audit flagged wrong, with the text around it, for a reviewer to judge by hand.

    mathcheck audit CORPUS.jsonl --format jsonl --output audit.jsonl
    scripts/wrong-claims.py CORPUS.jsonl audit.jsonl [--kind arithmetic] [--context 120]

Each line: the record's line number, the claim's kind, its text, what is true, and the response around the claim's
span (spans are Unicode scalar offsets, which are Python string indices). This is how the wrong flags on the shared
CHAMP and LLMDrift corpora were reviewed: a false flag is the worst error the audit can make.
"""
import argparse
import json


def response_of(record):
    for key in ("response", "completion", "output", "answer"):
        if isinstance(record.get(key), str):
            return record[key]
    for message in reversed(record.get("messages") or []):
        if message.get("role") == "assistant" and isinstance(message.get("content"), str):
            return message["content"]
    return ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("audit")
    parser.add_argument("--kind", help="only claims of this kind")
    parser.add_argument("--context", type=int, default=100, help="characters shown on each side")
    args = parser.parse_args()
    with open(args.corpus, encoding="utf-8") as f:
        records = [line for line in f.read().split("\n") if line.strip()]
    count = 0
    with open(args.audit, encoding="utf-8") as f:
        for line in f:
            result = json.loads(line)
            if result.get("verdict") == "invalid":
                continue
            text = response_of(json.loads(records[result["line"] - 1]))
            for claim in result.get("claims", []):
                if claim["verdict"] != "wrong" or (args.kind and claim["kind"] != args.kind):
                    continue
                start, end = claim["span"]
                before = text[max(0, start - args.context):start]
                after = text[end:end + args.context]
                count += 1
                print(f"{result['line']}\t{claim['kind']}\t{claim['text']}\t{claim.get('expected')}\t"
                      f"{json.dumps(before + '[[' + text[start:end] + ']]' + after, ensure_ascii=False)}")
    print(f"{count} wrong claims")


if __name__ == "__main__":
    main()
