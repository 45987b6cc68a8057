#!/usr/bin/env python3
"""Writes a deterministic stress corpus to the path given: real responses cut, spliced and mutated, with markup
inserted, so that the scanner meets many more token contexts than the corpora alone give. For comparing the audit's
output before and after a change (scripts/compare-audits.sh); it has no labels and no expected verdicts."""
import json, os, random, sys
random.seed(20240603)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "corpora", "real")
recs = []
for path in [os.path.join(SHARED, "llmdrift_prime.jsonl"), os.path.join(SHARED, "champ_number_theory.jsonl"),
             os.path.join(ROOT, "Corpora/labelled.jsonl"), os.path.join(ROOT, "Corpora/forum-thread.jsonl")]:
    for line in open(path):
        try:
            r = json.loads(line)
        except Exception:
            continue
        if "prompt" in r and "response" in r:
            recs.append((r["prompt"], r["response"]))
        elif "messages" in r:
            recs.append((r["messages"][0].get("content", ""), r["messages"][-1].get("content", "")))
out = []
for p, rsp in recs:
    out.append({"prompt": p, "response": rsp})
# vectors as answers
for line in open(os.path.join(ROOT, "Corpora/vectors/evaluation.jsonl")):
    r = json.loads(line)
    e, v = r["expression"], r["value"]
    unit = r.get("angle_unit", "radians")
    out.append({"prompt": f"What is {e} in {unit}?", "response": f"{e} ≈ {v[:8]}"})
    out.append({"prompt": f"What is {e}?", "response": f"The value of {e} is approximately {v[:6]}."})
    out.append({"prompt": f"What is {e}? Give answer rounded to two decimal places.", "response": v[:5]})
for line in open(os.path.join(ROOT, "Corpora/vectors/rounding.jsonl")):
    r = json.loads(line)
    out.append({"prompt": f"Compute {r['expression']} in {r.get('angle_unit','radians')}.", "response": f"$${r['expression']} \\approx {r['stated']}$$"})
for line in open(os.path.join(ROOT, "Corpora/vectors/factorization.jsonl")):
    r = json.loads(line)
    if len(r["n"]) > 12: continue
    fs = " \\times ".join(f["prime"] + ("^" + str(f["exponent"]) if f["exponent"] > 1 else "") for f in r["factors"])
    out.append({"prompt": f"Factor {r['n']}.", "response": f"The prime factorization of {r['n']} is {fs}."})
for line in open(os.path.join(ROOT, "Corpora/vectors/primality.jsonl")):
    r = json.loads(line)
    if len(r["n"]) > 12: continue
    out.append({"prompt": f"Is {r['n']} prime? Answer [Yes] or [No].", "response": f"**{'Yes' if r['is_prime'] else 'No'}**, it is {'' if r['is_prime'] else 'not '}prime. [{'Yes' if r['is_prime'] else 'No'}]"})
# mutations
texts = [r for _, r in recs]
prompts = [p for p, _ in recs]
for n in range(6000):
    ai = random.randrange(len(texts))
    a = texts[ai]
    toks = a.split(" ")
    kind = random.randrange(6)
    if kind == 0 and len(toks) > 3:  # delete a few words
        for _ in range(random.randint(1, 5)):
            if len(toks) > 1:
                del toks[random.randrange(len(toks))]
        s = " ".join(toks)
    elif kind == 1:  # splice two answers
        b = random.choice(texts)
        s = a[: random.randrange(len(a) + 1)] + b[random.randrange(len(b) + 1):]
    elif kind == 2:  # cut a window
        i = random.randrange(len(a) + 1)
        s = a[i: i + random.randint(1, 400)]
    elif kind == 3:  # swap adjacent words
        for _ in range(random.randint(1, 8)):
            if len(toks) > 2:
                i = random.randrange(len(toks) - 1)
                toks[i], toks[i + 1] = toks[i + 1], toks[i]
        s = " ".join(toks)
    elif kind == 4:  # change case and punctuation
        s = "".join(c.upper() if random.random() < 0.05 else ("." if c == "," and random.random() < 0.2 else c) for c in a)
    else:  # insert markup
        marks = ["**", "$", "\\(", "\\)", "\\boxed{", "}", "[", "]", "\n", "?", "×", "=", "≈", "^", "²", "°", "\\times", "{,}", ",", " ", "'", "’", "\\frac{", "√"]
        s = list(a)
        for _ in range(random.randint(1, 12)):
            s.insert(random.randrange(len(s) + 1), random.choice(marks))
        s = "".join(s)
    out.append({"prompt": random.choice(prompts) if random.random() < 0.3 else prompts[ai], "response": s})
with open(sys.argv[1], "w") as f:
    for r in out:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(out))
