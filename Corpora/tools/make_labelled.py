#!/usr/bin/env python3
"""Generate Corpora/labelled.jsonl: a labelled corpus of LLM math answers for mathcheck.

Deterministic: templates driven by random.Random(SEED) plus hand-written records. Every planted
claim is a `oracle.Claim` whose truth is recomputed here (sympy + mpmath at 50 digits, then a
batched PARI/GP cross-check); the record label is derived from those truths and must equal the
label the template intended, or the script aborts. An independent scanner (`oracle.scan`) also
looks for equation- and primality-shaped text that was not planted.

Usage:  python3 Corpora/tools/make_labelled.py            # writes Corpora/labelled.jsonl
        python3 Corpora/tools/make_labelled.py --check    # regenerate in memory, compare to file
"""

from __future__ import annotations

import json
import os
import random
import sys
from collections import Counter

sys.dont_write_bytecode = True  # keep Corpora/tools free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mpmath  # noqa: E402
import sympy  # noqa: E402

from oracle import (  # noqa: E402
    DPS, GP, KIND_ORDER, Arg, Div, Expr, Func, Parity, Prime, Prod, Quot, QuotRem, Residue, Round, dec_of_mp,
    fmt_dec, fmt_factors, judge_decimal, mp_value, places, round_dec, scan, sep, trunc_dec,
)

SEED = 20250117
rng = random.Random(SEED)
OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "labelled.jsonl")

RECORDS: list[dict] = []


def add(kind, prompt, response, label, claims=(), note="", system=None, field=None):
    assert kind in KIND_ORDER, kind
    RECORDS.append(dict(kind=kind, prompt=prompt, response=response, label=label, claims=list(claims),
                        note=note, system=system, field=field))


# ----------------------------------------------------------------------------------------------
# number helpers (all deterministic)


def rprime(d: int, lo: int | None = None) -> int:
    lo = 10 ** (d - 1) if lo is None else lo
    assert int(sympy.prevprime(10**d)) >= lo, (d, lo)
    while True:
        p = int(sympy.nextprime(rng.randrange(lo, 10**d) - 1))
        if p < 10**d:
            return p


def spf(n: int) -> int:
    return int(min(sympy.factorint(n)))


def rcomposite(d: int, minp: int = 2, maxp: int | None = None) -> int:
    """A d-digit composite whose smallest prime factor is in [minp, maxp]."""
    while True:
        n = rng.randrange(10 ** (d - 1), 10**d)
        if sympy.isprime(n) or n < 4:
            continue
        p = spf(n)
        if p >= minp and (maxp is None or p <= maxp):
            return n


def rsemiprime(d: int) -> tuple[int, int, int]:
    while True:
        a = rng.randint(d // 2 - 1 if d > 5 else 2, d // 2 + 1)
        p = rprime(max(a, 2))
        q = rprime(max(d - a, 2))
        n = p * q
        if len(str(n)) == d and p != q:
            return n, min(p, q), max(p, q)


def isqrt(n):
    return int(sympy.integer_nthroot(n, 2)[0])


def sqrt_s(n, k=1, mode="round"):
    with mpmath.workdps(DPS):
        v = mpmath.sqrt(mpmath.mpf(n))
    return fmt_dec(round_dec(v, k) if mode == "round" else trunc_dec(v, k))


def qdec(n: int, d: int, k: int = 2) -> str:
    """n/d as a GPT-style decimal: exact when it terminates within k places, else rounded to k."""
    from fractions import Fraction
    from decimal import Decimal, ROUND_HALF_UP
    f = Fraction(n, d)
    for kk in range(0, k + 1):
        if (f * 10**kk).denominator == 1:
            return format(Decimal(f.numerator) / Decimal(f.denominator), "f") if kk else str(f.numerator)
    return format((Decimal(n) / Decimal(d)).quantize(Decimal(1).scaleb(-k), rounding=ROUND_HALF_UP), "f")


def tdec(n: int, d: int, k: int) -> str:
    """n/d truncated to k places (for text that goes on with an ellipsis)."""
    from decimal import Decimal, ROUND_DOWN
    return format((Decimal(n) / Decimal(d)).quantize(Decimal(1).scaleb(-k), rounding=ROUND_DOWN), "f")


def bad_dec(true_str: str, min_units=3) -> str:
    """A wrong decimal with the same number of places, at least min_units units away."""
    from decimal import Decimal
    k = places(true_str)
    u = Decimal(1).scaleb(-k)
    t = Decimal(true_str.replace("−", "-"))
    big = min_units * u > Decimal("0.07")
    while True:
        j = rng.randint(max(0 if big or k == 0 else 1, k - 3), k)
        step = Decimal(1).scaleb(-j)
        m = rng.choice([-7, -5, -4, -3, -2, 2, 3, 4, 5, 7])
        y = t + m * step
        if abs(y - t) >= min_units * u:
            return format(y.quantize(u), "f")


def digits_sum_text(n: int) -> tuple[str, int]:
    ds = [int(c) for c in str(n)]
    return " + ".join(map(str, ds)), sum(ds)


def primes_upto(m):
    return [int(p) for p in sympy.primerange(2, m + 1)]


def pick(*xs):
    return rng.choice(xs)


MINUS = "−"

# ==============================================================================================
# PRIMALITY
# ==============================================================================================

DRIFT_PROMPT = 'Is {n} a prime number? Think step by step and then answer "[Yes]" or "[No]".'


def pr_drift0301(want):
    """LLMDrift gpt-3.5-turbo-0301 style: bracketed answer first, then an explanation."""
    mode = "correct" if want == "correct" else pick("comp_called_prime", "prime_called_comp", "self_contra",
                                                     "wrong_factor")
    claims = []
    intro = ("Explanation: \n\nTo determine if {n} is a prime number, we need to check if it is only divisible by 1 "
             "and itself. \n\nWe can start by checking if it is divisible by 2. If it is, then it is not a prime "
             "number. \n\n")
    if mode == "correct":
        is_p = rng.random() < 0.5
        n = rprime(rng.choice([4, 5])) if is_p else rcomposite(rng.choice([4, 5]), 2, 97)
    elif mode in ("prime_called_comp", "self_contra"):
        n = rprime(rng.choice([4, 5]))
    elif mode == "comp_called_prime":
        while True:
            p = rprime(2, 17)
            n = p * rprime(rng.choice([2, 3]), p)
            if 1000 < n < 100000 and spf(n) == p:
                break
    else:  # wrong_factor: composite, odd, smallest factor between 7 and 97
        n = rcomposite(rng.choice([4, 5]), 7, 97)
    S = sqrt_s(n, 1)
    prime_tail_ok = mode in ("correct",) and sympy.isprime(n) or mode == "self_contra"
    odd = n % 2 == 1
    body = ""
    if odd:
        body += f"{n} is an odd number, so it is not divisible by 2. \n\n"
        claims += [Parity(n, "odd", f"{n} is an odd number"), Div(n, 2, False, "so it is not divisible by 2")]
    else:
        body += f"{n} is an even number, so it is divisible by 2. \n\n"
        claims += [Parity(n, "even", f"{n} is an even number"), Div(n, 2, True, "so it is divisible by 2")]
    if prime_tail_ok or mode == "comp_called_prime":
        body += (f"Next, we can check if it is divisible by any odd number up to the square root of {n} (which is "
                 f"approximately {S}). \n\n")
        claims.append(Func("sqrt", Arg(n), S, f"square root of {n} (which is approximately {S})", kind="arithmetic"))
        if mode == "comp_called_prime":
            body += "We can see that it is not divisible by 3, 5, 7, 11, or 13. \n\n"
            claims += [Div(n, d, False, "not divisible by 3, 5, 7, 11, or 13") for d in (3, 5, 7, 11, 13)]
        else:
            body += f"We can see that it is not divisible by 3, 5, 7, 11, 13, or any other prime number up to {S}. \n\n"
            claims += [Div(n, d, False, "not divisible by 3, 5, 7, 11, 13") for d in (3, 5, 7, 11, 13)]
        body += f"Therefore, {n} is a prime number."
        claims.append(Prime(n, True, f"{n} is a prime number"))
        head = "[No]" if mode == "self_contra" else "[Yes]"
        claims.append(Prime(n, head == "[Yes]", head))
        note = {"self_contra": "Self-contradiction: opens [No] but argues (correctly) that it is prime.",
                "comp_called_prime": f"Small-prime checks are right but {n} = {fmt_factors(sorted(sympy.factorint(n).items()))} "
                                     f"has no factor ≤ 13."}.get(mode, "")
    else:
        p = spf(n)
        if mode == "prime_called_comp":
            p = rng.choice([q for q in primes_upto(isqrt(n)) if q > 5])
        if mode == "wrong_factor":
            p = rng.choice([q for q in primes_upto(isqrt(n)) if q > 5 and n % q and q < spf(n) + 40])
        q = n // p
        if p != 2:
            body += ("Next, we check the odd primes in increasing order. "
                     f"The first one that divides {n} is {p}: {n} ÷ {p} = {q}. \n\n")
            claims.append(Quot(n, p, q, f"{n} ÷ {p} = {q}"))
        else:
            body += f"{n} ÷ 2 = {q}, so {n} has a divisor other than 1 and itself. \n\n"
            claims.append(Quot(n, 2, q, f"{n} ÷ 2 = {q}"))
        body += f"Therefore, {n} is not a prime number."
        claims += [Prime(n, False, f"{n} is not a prime number"), Prime(n, False, "[No]")]
        note = {"prime_called_comp": f"{n} is prime; {p} does not divide it.",
                "wrong_factor": f"Right verdict, wrong factor: {p} does not divide {n}."}.get(mode, "")
    head = "[No]" if any(c.text == "[No]" for c in claims) else "[Yes]"
    resp = f"{head} \n\n" + intro.format(n=n) + body
    label = "correct" if mode == "correct" else "wrong"
    return DRIFT_PROMPT.format(n=n), resp, claims, label, note


def pr_drift0613(want):
    """LLMDrift gpt-3.5-turbo-0613 style: a list of trial divisions with decimal quotients."""
    mode = "correct" if want == "correct" else pick("bad_quot", "missed", "bad_sqrt")
    claims = []
    if mode == "missed":
        while True:
            p = rprime(2, 13)
            n = p * rprime(rng.choice([2, 3]), p)
            if 1000 < n < 3700 and spf(n) == p:
                break
    elif mode == "correct" and rng.random() < 0.45:
        n = rcomposite(4, 3, 59)
        while n >= 3700:
            n = rcomposite(4, 3, 59)
    else:
        n = rprime(4)
        while n >= 3700:
            n = rprime(4)
    s = sqrt_s(n, 2)
    s_shown = s
    if mode == "bad_sqrt":
        s_shown = bad_dec(s, 150)
    lines = [f"To determine if {n} is a prime number, we need to check if it has any divisors other than 1 and itself.",
             "", f"1. Start by finding the square root of {n}: √{n} ≈ {s_shown}",
             f"2. Check if {n} is divisible by any prime numbers less than or equal to {s_shown}:"]
    claims.append(Func("sqrt", Arg(n), s_shown, f"√{n} ≈ {s_shown}", kind="arithmetic"))
    limit = isqrt(n)
    ps = primes_upto(limit)
    is_p = sympy.isprime(n)
    stop = None if is_p or mode == "missed" else spf(n)
    bad_i = rng.randrange(2, len(ps) - 2) if mode == "bad_quot" else None
    for i, p in enumerate(ps):
        if stop is not None and p == stop:
            q = n // p
            lines.append(f"   - {n} ÷ {p} = {q} (divisible)")
            claims.append(Quot(n, p, q, f"{n} ÷ {p} = {q}"))
            break
        x = qdec(n, p)
        if mode == "missed" and n % p == 0:
            x = f"{n // p}.{rng.randint(11, 89)}"
        elif i == bad_i:
            x = bad_dec(x, 20)
        lines.append(f"   - {n} ÷ {p} = {x} (not divisible)")
        claims.append(Expr(f"{n}/{p}", x, f"{n} ÷ {p} = {x}"))
    lines.append("")
    if stop is None:
        lines.append(f"Since {n} is not divisible by any prime numbers less than or equal to its square root, we can "
                     "conclude that it is a prime number.")
        lines += ["", "[Yes]"]
        claims += [Prime(n, True, "it is a prime number"), Prime(n, True, "[Yes]")]
    else:
        lines.append(f"Since {n} is divisible by {stop}, it is not a prime number.")
        lines += ["", "[No]"]
        claims += [Div(n, stop, True, f"{n} is divisible by {stop}"), Prime(n, False, "it is not a prime number"),
                   Prime(n, False, "[No]")]
    note = {"bad_quot": "Verdict right, one trial-division quotient wrong.",
            "missed": f"Missed the factor {spf(n)}: its quotient line is wrong.",
            "bad_sqrt": "First step wrong: the square root is miscomputed (verdict right)."}.get(mode, "")
    return DRIFT_PROMPT.format(n=n), "\n".join(lines), claims, ("correct" if mode == "correct" else "wrong"), note


def pr_terse(want):
    """gpt-4-0613 style bare answers and short yes/no forms."""
    d = rng.choice([2, 3, 4, 5, 6])
    n = rprime(d) if rng.random() < 0.5 else rcomposite(d, 3 if d > 2 else 2)
    truth = sympy.isprime(n)
    say = truth if want == "correct" else not truth
    style = rng.randrange(6)
    prompt = [DRIFT_PROMPT.format(n=n), f"Is {n} prime? Answer yes or no.", f"Is {n} a prime number?",
              f"Is {n} prime? One word answer.", DRIFT_PROMPT.format(n=n), f"Quick check: is {n} prime?"][style]
    text = [("[Yes]", "[No]"), ("Yes", "No"), ("**Yes**", "**No**"), ("Yes.", "No."), ("[Yes]", "[No]"),
            ("yes", "no")][style][0 if say else 1]
    claim_text = text.strip("*.[]")
    return prompt, text, [Prime(n, say, claim_text)], want, ""


def pr_markdown(want):
    mode = "correct" if want == "correct" else pick("digit_sum", "comp_called_prime", "bad_product")
    claims = []
    sepstyle = pick("", "", ",")
    if mode in ("correct",) and rng.random() < 0.5 or mode == "bad_product":
        n = rcomposite(rng.choice([4, 5, 6, 7]), 7)
        p = spf(n)
        q = n // p
        qs = q
        if mode == "bad_product":
            qs = q + pick(2, 10, -2, 100)
        ns = sep(n, sepstyle)
        resp = (f"**No**, {ns} is not prime.\n\nIt is divisible by {p}:\n\n$$\n{n} = {p} \\times {qs}\n$$\n\n"
                f"Since it has a divisor other than 1 and itself, {ns} is composite.")
        claims += [Prime(n, False, "**No**"), Prime(n, False, f"{ns} is not prime"),
                   Div(n, p, True, f"It is divisible by {p}"), Prod(n, [(p, 1), (qs, 1)], f"{n} = {p} \\times {qs}"),
                   Prime(n, False, f"{ns} is composite")]
        note = f"{p} × {qs} = {p * qs}, not {n}." if mode == "bad_product" else ""
        return f"Is {ns} prime?", resp, claims, ("correct" if mode == "correct" else "wrong"), note
    if mode == "comp_called_prime":
        while True:
            n = rcomposite(rng.choice([4, 5, 6]), 11)
            if sum(map(int, str(n))) % 3 and n % 5:
                break
    else:
        n = rprime(rng.choice([4, 5, 6, 7]))
    ns = sep(n, sepstyle)
    dsum_text, s = digits_sum_text(n)
    s_shown = s
    if mode == "digit_sum":
        s_shown = s + pick(1, -1, 2, -2, 10)
        while s_shown % 3 == 0:
            s_shown += 1
    P = primes_upto(isqrt(n))[-1]
    S = sqrt_s(n, 1)
    resp = (f"**Yes** — {ns} is prime.\n\n"
            f"- {n} is odd, and its digit sum is {dsum_text} = {s_shown}, which is not a multiple of 3.\n"
            f"- It does not end in 0 or 5, so it is not divisible by 5.\n"
            f"- Trial division by every prime from 7 up to {P} (the largest prime below √{n} ≈ {S}) leaves a nonzero "
            f"remainder each time.\n\nSo {ns} has no divisor other than 1 and itself: it is prime.")
    claims += [Prime(n, True, "**Yes**"), Prime(n, True, f"{ns} is prime"), Parity(n, "odd", f"{n} is odd"),
               Expr(dsum_text.replace(" ", ""), str(s_shown), f"{dsum_text} = {s_shown}"),
               Div(s_shown, 3, False, f"{s_shown}, which is not a multiple of 3"),
               Div(n, 5, False, "so it is not divisible by 5"),
               Func("sqrt", Arg(n), S, f"√{n} ≈ {S}", kind="arithmetic"), Prime(n, True, "it is prime")]
    note = {"digit_sum": f"Verdict right, but the digit sum is {s}, not {s_shown}.",
            "comp_called_prime": f"{n} = {fmt_factors(sorted(sympy.factorint(n).items()))}; trial division was not done."}.get(
        mode, "")
    return f"Is {ns} prime?", resp, claims, ("correct" if mode == "correct" else "wrong"), note


def pr_latex(want):
    mode = "correct" if want == "correct" else pick("comp_called_prime", "bad_div", "boxed_mismatch")
    claims = []
    if (mode == "correct" and rng.random() < 0.5) or mode in ("bad_div", "boxed_mismatch"):
        n = rcomposite(rng.choice([4, 5, 6]), 7)
        p = spf(n)
        q = n // p
        qs = q + (pick(1, -1, 3) if mode == "bad_div" else 0)
        S = sqrt_s(n, 2)
        ans = "Yes" if mode == "boxed_mismatch" else "No"
        resp = (f"We want to know whether ${n}$ is prime.\n\n"
                f"Since $\\sqrt{{{n}}} \\approx {S}$, it is enough to test the primes $p \\le {isqrt(n)}$.\n\n"
                f"Testing these in order, the first that divides ${n}$ is ${p}$, because ${n} \\div {p} = {qs}$.\n\n"
                f"Hence ${n}$ is composite, with ${n} = {p} \\cdot {qs}$.\n\n$$\\boxed{{\\text{{{ans}}}}}$$")
        claims += [Func("sqrt", Arg(n), S, f"\\sqrt{{{n}}} \\approx {S}", kind="arithmetic"),
                   Quot(n, p, qs, f"{n} \\div {p} = {qs}"), Prime(n, False, f"${n}$ is composite"),
                   Prod(n, [(p, 1), (qs, 1)], f"{n} = {p} \\cdot {qs}"),
                   Prime(n, ans == "Yes", f"\\boxed{{\\text{{{ans}}}}}")]
        note = {"bad_div": f"{n} ÷ {p} = {q}, not {qs}.",
                "boxed_mismatch": "Reasoning right, final boxed answer contradicts it."}.get(mode, "")
        return f"Is ${n}$ a prime number? Put the final answer in a box.", resp, claims, (
            "correct" if mode == "correct" else "wrong"), note
    if mode == "comp_called_prime":
        n = rcomposite(rng.choice([4, 5, 6]), 13)
    else:
        n = rprime(rng.choice([4, 5, 6]))
    S = sqrt_s(n, 2)
    P = primes_upto(isqrt(n))[-1]
    x7, x11 = tdec(n, 7, 3), tdec(n, 11, 3)
    resp = (f"We want to know whether ${n}$ is prime.\n\n"
            f"Since $\\sqrt{{{n}}} \\approx {S}$, it is enough to test the primes $p \\le {isqrt(n)}$, that is "
            f"$2, 3, 5, \\dots, {P}$.\n\n"
            f"None of them divides ${n}$ (for example, ${n} \\div 7 = {x7}\\ldots$ and ${n} \\div 11 = {x11}\\ldots$ "
            f"are not integers).\n\nTherefore ${n}$ is prime.\n\n$$\\boxed{{\\text{{Yes}}}}$$")
    claims += [Func("sqrt", Arg(n), S, f"\\sqrt{{{n}}} \\approx {S}", kind="arithmetic"),
               Expr(f"{n}/7", x7, f"{n} \\div 7 = {x7}"), Expr(f"{n}/11", x11, f"{n} \\div 11 = {x11}"),
               Prime(n, True, f"${n}$ is prime"), Prime(n, True, "\\boxed{\\text{Yes}}")]
    note = f"{n} = {fmt_factors(sorted(sympy.factorint(n).items()))}." if mode == "comp_called_prime" else ""
    return f"Is ${n}$ a prime number? Put the final answer in a box.", resp, claims, (
        "correct" if mode == "correct" else "wrong"), note


def pr_big(want):
    """10-20 digit numbers, thousands separators, prime factorizations."""
    mode = "correct" if want == "correct" else pick("off_factor", "composite_factor", "called_prime",
                                                     "prime_called_comp")
    d = rng.randint(10, 20)
    sepstyle = pick("", ",", " ")
    claims = []
    if mode == "correct" and rng.random() < 0.4 or mode == "prime_called_comp":
        n = rprime(d)
        ns = sep(n, sepstyle)
        if mode == "correct":
            resp = pick(f"Yes, {ns} is prime. It has no prime factor up to its square root, and a deterministic "
                        f"Miller–Rabin test confirms it.",
                        f"Yes — {ns} is a prime number. I checked it with a primality proof rather than a "
                        f"probable-prime test.")
            ctext = f"{ns} is prime" if "is prime" in resp else f"{ns} is a prime number"
            claims += [Prime(n, True, "Yes"), Prime(n, True, ctext)]
            return f"Is {ns} prime?", resp, claims, "correct", ""
        p = rng.choice([7, 11, 13, 17, 19, 23])
        resp = f"No, {ns} is not prime; it is divisible by {p}."
        claims += [Prime(n, False, "No"), Prime(n, False, f"{ns} is not prime"),
                   Div(n, p, False, f"it is divisible by {p}")]
        return f"Is {ns} prime?", resp, claims, "wrong", f"{n} is prime; {p} does not divide it."
    # composite
    while True:
        k = 3 if mode == "composite_factor" else rng.choice([2, 2, 3])
        if k == 2:
            n, p, q = rsemiprime(d)
            facs = [(p, 1), (q, 1)]
        else:
            a = rprime(rng.randint(2, 4))
            n2, p, q = rsemiprime(d - len(str(a)))
            n = a * n2
            facs = sorted([(a, 1), (p, 1), (q, 1)])
        if len(str(n)) == d and len({f for f, _ in facs}) == len(facs):
            break
    ns = sep(n, sepstyle)
    shown = list(facs)
    if mode == "off_factor":
        i = rng.randrange(len(shown))
        shown[i] = (shown[i][0] + pick(2, 4, 6, -2, 10), 1)
    if mode == "composite_factor":
        shown = [(facs[0][0] * facs[1][0], 1)] + facs[2:]
    fstr = fmt_factors(shown, pick(" × ", " × ", " * ", " · "))
    if mode == "called_prime":
        if spf(n) <= 11:
            return pr_big(want)
        resp = (f"Yes. {ns} is prime: it is odd, and it is not divisible by 3, 5, 7, or 11, and no other small "
                f"prime divides it either.")
        claims += [Prime(n, True, "Yes"), Prime(n, True, f"{ns} is prime")]
        claims += [Parity(n, "odd", "it is odd")] + [Div(n, x, False, "not divisible by 3, 5, 7, or 11")
                                                     for x in (3, 5, 7, 11)]
        return f"Is {ns} prime?", resp, claims, "wrong", f"{n} = {fmt_factors(facs)}."
    resp = pick(f"No. {ns} is composite. Its prime factorization is {fstr}.",
                f"{ns} is not prime.\n\nIts prime factorization is {fstr}.",
                f"No — {ns} is composite. Its prime factorization is {fstr}, so it has divisors other than 1 and "
                f"itself.")
    if resp.startswith("No"):
        claims.append(Prime(n, False, "No"))
    claims += [Prime(n, False, f"{ns} is composite" if "composite" in resp else f"{ns} is not prime"),
               Prod(n, shown, f"Its prime factorization is {fstr}", prime=True)]
    note = {"off_factor": "The stated factors do not multiply to the number.",
            "composite_factor": "The product is right but a factor is composite, so it is not a prime "
                                "factorization."}.get(mode, "")
    return f"Is {ns} prime? If not, factor it.", resp, claims, ("correct" if mode == "correct" else "wrong"), note


def pr_final(want):
    mode = "correct" if want == "correct" else pick("final_flip", "pronoun_flip")
    claims = []
    comp = rng.random() < 0.5
    n = rcomposite(rng.choice([3, 4, 5]), 3) if comp else rprime(rng.choice([3, 4, 5]))
    prompt = f"Is {n} prime? Explain briefly, then give a final answer of yes or no."
    if comp:
        p = spf(n)
        q = n // p
        it = "It is therefore composite." if mode != "pronoun_flip" else "It is therefore prime."
        fin = "no" if mode != "final_flip" else "yes"
        resp = f"{n} = {p} × {q}, so it has a factor other than 1 and itself. {it}\n\nFinal answer: {fin}"
        claims += [Prod(n, [(p, 1), (q, 1)], f"{n} = {p} × {q}"),
                   Prime(n, "prime" in it, it.rstrip(".")), Prime(n, fin == "yes", f"Final answer: {fin}")]
    else:
        S = sqrt_s(n, 1)
        P = primes_upto(isqrt(n))[-1]
        it = "It is prime." if mode != "pronoun_flip" else "It is composite."
        fin = "yes" if mode != "final_flip" else "no"
        resp = (f"The square root of {n} is about {S}. Checking every prime up to {P}, none divides {n}. {it}\n\n"
                f"Final answer: {fin}")
        claims += [Func("sqrt", Arg(n), S, f"square root of {n} is about {S}", kind="arithmetic"),
                   Prime(n, "prime" in it, it.rstrip(".")), Prime(n, fin == "yes", f"Final answer: {fin}")]
    note = {"final_flip": "Reasoning right, final answer flipped.",
            "pronoun_flip": "The pronoun sentence contradicts the arithmetic."}.get(mode, "")
    return prompt, resp, claims, ("correct" if mode == "correct" else "wrong"), note


def primality_handwritten():
    K = "primality"
    # --- correct, tricky for a naive checker
    add(K, "Is 91 prime?", "91 is not prime, it is 7 × 13.", "correct",
        [Prime(91, False, "91 is not prime"), Prod(91, [(7, 1), (13, 1)], "7 × 13")],
        "Pronoun product 'it is 7 × 13' is a true factorization.")
    add(K, "Is 91 a prime number?",
        "If 91 were prime, it would have no divisors other than 1 and itself. But 91 = 7 × 13, so 91 is not prime.",
        "correct", [Prod(91, [(7, 1), (13, 1)], "91 = 7 × 13"), Prime(91, False, "so 91 is not prime")],
        "The conditional 'if 91 were prime' is not a claim.")
    add(K, "Is 1 prime?", "No. 1 is not prime: by definition a prime has exactly two positive divisors, and 1 has "
        "only one.", "correct", [Prime(1, False, "No"), Prime(1, False, "1 is not prime")],
        "1 is neither prime nor composite.")
    add(K, "Is 2 prime?", "Yes — 2 is prime. In fact, 2 is the only even prime: every other even number is "
        "divisible by 2.", "correct",
        [Prime(2, True, "Yes"), Prime(2, True, "2 is prime"), Prime(2, True, "2 is the only even prime")], "")
    add(K, "Is 561 prime?",
        "Suppose 561 is prime. Then Fermat's little theorem would hold for every base, and indeed it does, because "
        "561 is a Carmichael number. But that proves nothing: 561 = 3 × 11 × 17, so 561 is composite.",
        "correct", [Prod(561, [(3, 1), (11, 1), (17, 1)], "561 = 3 × 11 × 17"),
                    Prime(561, False, "so 561 is composite")],
        "'Suppose 561 is prime' is a supposition, not a claim.")
    add(K, "Is 97 prime?",
        "Assume, for contradiction, that 97 is composite. Then it would have a prime factor at most √97 ≈ 9.85, "
        "i.e. 2, 3, 5 or 7. But 97 is odd, 9 + 7 = 16 is not a multiple of 3, 97 does not end in 0 or 5, and "
        "97 = 7 × 13 + 6. So 97 is prime.", "correct",
        [Func("sqrt", Arg(97), "9.85", "√97 ≈ 9.85", kind="arithmetic"), Parity(97, "odd", "97 is odd"),
         Expr("9+7", "16", "9 + 7 = 16"), Div(16, 3, False, "16 is not a multiple of 3"),
         Expr("7*13+6", "97", "97 = 7 × 13 + 6"), Prime(97, True, "So 97 is prime")],
        "The assumption 'that 97 is composite' is not a claim.")
    add(K, "Is 34,792,834 prime?",
        "No. 34,792,834 is even (it ends in 4), so it is divisible by 2: 34,792,834 = 2 × 17,396,417.", "correct",
        [Prime(34792834, False, "No"), Parity(34792834, "even", "34,792,834 is even"),
         Div(34792834, 2, True, "so it is divisible by 2"),
         Prod(34792834, [(2, 1), (17396417, 1)], "34,792,834 = 2 × 17,396,417")], "Thousands separators.")
    add(K, "Is 7919 prime?", "It is prime. 7919 is in fact the 1000th prime number.", "correct",
        [Prime(7919, True, "It is prime")], "Pronoun 'It' refers to 7919, which is prime (the 1000th prime).")
    assert sympy.prime(1000) == 7919
    add(K, "Is 1009 prime?", "You asked: \"Is 1009 prime?\" Yes, 1009 is prime.", "correct",
        [Prime(1009, True, "Yes, 1009 is prime")], "The quoted question is a restatement, not a claim.")
    add(K, "Is 2047 prime?",
        "At first glance 2047 might be prime, since it is odd and not divisible by 3, 5, 7, 11, 13, 17 or 19. "
        "But 2047 = 23 × 89, so 2047 is not prime.", "correct",
        [Parity(2047, "odd", "it is odd")] + [Div(2047, d, False, "not divisible by 3, 5, 7, 11, 13, 17 or 19")
                                             for d in (3, 5, 7, 11, 13, 17, 19)] +
        [Prod(2047, [(23, 1), (89, 1)], "2047 = 23 × 89"), Prime(2047, False, "so 2047 is not prime")],
        "'might be prime' is a hedge.")
    add(K, "Is 2^61 − 1 prime?",
        "Yes. 2^61 − 1 = 2305843009213693951, and 2305843009213693951 is prime (it is the Mersenne prime M61).",
        "correct", [Expr("2**61-1", "2305843009213693951", "2^61 − 1 = 2305843009213693951"),
                    Prime(2 ** 61 - 1, True, "2305843009213693951 is prime")], "")
    add(K, "Is 18446744073709551557 prime?",
        "**Yes.** 18,446,744,073,709,551,557 is prime — it is the largest prime below 2^64.", "correct",
        [Prime(2 ** 64 - 59, True, "**Yes.**"), Prime(2 ** 64 - 59, True, "18,446,744,073,709,551,557 is prime")],
        "2^64 − 59 is prime.")
    add(K, "Is 0 a prime number?", "No. 0 is not a prime number; primes are integers greater than 1.", "correct",
        [Prime(0, False, "No"), Prime(0, False, "0 is not a prime number")], "")
    add(K, "Is 15841 prime? Think step by step.",
        "15841 passes a Fermat test to base 2, but that is not enough.\n\nTrying small primes: 15841 ÷ 7 = 2263, so "
        "15841 = 7 × 2263, and 2263 = 31 × 73.\n\nSo the prime factorization of 15841 is 7 × 31 × 73, and 15841 is "
        "not prime.\n\n[No]", "correct",
        [Quot(15841, 7, 2263, "15841 ÷ 7 = 2263"), Prod(15841, [(7, 1), (2263, 1)], "15841 = 7 × 2263"),
         Prod(2263, [(31, 1), (73, 1)], "2263 = 31 × 73"),
         Prod(15841, [(7, 1), (31, 1), (73, 1)], "the prime factorization of 15841 is 7 × 31 × 73", prime=True),
         Prime(15841, False, "15841 is not prime"), Prime(15841, False, "[No]")],
        "15841 is a Carmichael number and strong base-2 pseudoprime.")
    add(K, "Is 221 prime?", "No, 221 isn't prime: 221 = 13 × 17.", "correct",
        [Prime(221, False, "No"), Prime(221, False, "221 isn't prime"), Prod(221, [(13, 1), (17, 1)], "221 = 13 × 17")],
        "")
    # --- wrong
    add(K, "Is 101 prime?", "101 isn't prime, since it is divisible by 11.", "wrong",
        [Prime(101, False, "101 isn't prime"), Div(101, 11, False, "it is divisible by 11")],
        "101 is prime; 101 = 11 × 9 + 2.")
    add(K, "Is 561 prime?", "Yes, 561 is prime. It passes the Fermat test for base 2: 2^560 ≡ 1 (mod 561).", "wrong",
        [Prime(561, True, "Yes, 561 is prime"), Residue((2, 560), 561, 1, "2^560 ≡ 1 (mod 561)")],
        "Carmichael number 561 = 3 × 11 × 17 (the congruence is true).")
    add(K, "Is 2047 prime?", "2047 = 2^11 − 1 is a Mersenne number, and since 11 is prime, 2047 is prime as well.",
        "wrong", [Expr("2**11-1", "2047", "2047 = 2^11 − 1"), Prime(11, True, "11 is prime"),
                  Prime(2047, True, "2047 is prime")], "2047 = 23 × 89: a prime exponent does not make 2^p − 1 prime.")
    add(K, "Is 1729 prime?", "1729 is the Hardy–Ramanujan number, and 1729 is prime.", "wrong",
        [Prime(1729, True, "1729 is prime")], "")
    add(K, "Is 1105 a prime number?", "**Yes**, 1105 is a prime number.", "wrong",
        [Prime(1105, True, "**Yes**"), Prime(1105, True, "1105 is a prime number")], "")
    add(K, "Is 1 prime?", "Yes, 1 is prime, since its only divisor is itself.", "wrong",
        [Prime(1, True, "Yes"), Prime(1, True, "1 is prime")],
        "")
    add(K, "Is 2 prime?", "No, 2 is not prime because it is even.", "wrong",
        [Prime(2, False, "No"), Prime(2, False, "2 is not prime"), Parity(2, "even", "it is even")],
        "2 is the only even prime.")
    add(K, DRIFT_PROMPT.format(n=17077),
        "[No] \n\nExplanation: \n\nTo determine if 17077 is a prime number, we need to check if it is only divisible "
        "by 1 and itself. \n\n17077 is an odd number, so it is not divisible by 2. \n\nNext, we can check if it is "
        "divisible by any odd number up to the square root of 17077 (which is approximately 130.7). \n\nWe can see "
        "that it is not divisible by 3, 5, 7, 11, 13, or any other odd number up to 130.7. \n\nTherefore, 17077 is "
        "a prime number.", "wrong",
        [Prime(17077, False, "[No]"), Parity(17077, "odd", "17077 is an odd number"),
         Div(17077, 2, False, "so it is not divisible by 2"),
         Func("sqrt", Arg(17077), "130.7", "square root of 17077 (which is approximately 130.7)", kind="arithmetic")]
        + [Div(17077, d, False, "not divisible by 3, 5, 7, 11, 13") for d in (3, 5, 7, 11, 13)]
        + [Prime(17077, True, "17077 is a prime number")],
        "Self-contradiction: [No] contradicts the final (true) sentence; 17077 is prime.")
    add(K, "Is 2^67 − 1 prime?",
        "Yes. 2^67 − 1 = 147573952589676412927, and 147573952589676412927 is prime (it is a Mersenne prime).",
        "wrong", [Expr("2**67-1", "147573952589676412927", "2^67 − 1 = 147573952589676412927"),
                  Prime(2 ** 67 - 1, True, "147573952589676412927 is prime")],
        "Cole (1903): 2^67 − 1 = 193707721 × 761838257287.")
    add(K, "Is 1373653 prime?", "Yes, 1373653 is a prime number: it passes the Miller–Rabin test with bases 2 and 3.",
        "wrong", [Prime(1373653, True, "1373653 is a prime number")],
        "Strong pseudoprime to bases 2 and 3 (OEIS A014233); 1373653 = 829 × 1657.")
    add(K, "Is 3,215,031,751 prime?",
        "3,215,031,751 passes the strong probable-prime test for bases 2, 3, 5 and 7, so 3,215,031,751 is prime.",
        "wrong", [Prime(3215031751, True, "3,215,031,751 is prime")], "3215031751 = 151 × 751 × 28351.")
    add(K, "Is 7919 prime?", "It might look prime, but 7919 is not prime: 7919 = 7 × 1131.", "wrong",
        [Prime(7919, False, "7919 is not prime"), Prod(7919, [(7, 1), (1131, 1)], "7919 = 7 × 1131")],
        "7 × 1131 = 7917; 7919 is prime.")
    add(K, "Is 34792834 prime?", "34 792 834 is prime.", "wrong", [Prime(34792834, True, "34 792 834 is prime")],
        "Space-separated thousands; 34792834 is even.")
    add(K, "Is 117 prime?", "Yes. 117 is not divisible by 2, 3, 5 or 7, so 117 is prime.", "wrong",
        [Prime(117, True, "Yes")] + [Div(117, d, False, "not divisible by 2, 3, 5 or 7") for d in (2, 3, 5, 7)]
        + [Prime(117, True, "so 117 is prime")], "117 = 3² × 13: the list claim fails at 3.")
    add(K, "Is 25,326,001 a prime number?",
        "Let's check whether 25,326,001 is prime.\n\n1. It is odd.\n2. Its digit sum is 2 + 5 + 3 + 2 + 6 + 0 + 0 + 1 "
        "= 19, so it is not divisible by 3.\n3. It does not end in 0 or 5.\n\nIt also passes the strong "
        "probable-prime test to bases 2, 3 and 5, so it is prime.\n\n**Final answer: yes**", "wrong",
        [Parity(25326001, "odd", "It is odd"), Expr("2+5+3+2+6+0+0+1", "19", "2 + 5 + 3 + 2 + 6 + 0 + 0 + 1 = 19"),
         Div(25326001, 3, False, "so it is not divisible by 3"), Prime(25326001, True, "so it is prime"),
         Prime(25326001, True, "Final answer: yes")],
        "The plan sentence is not a claim; 25326001 = 2251 × 11251 (strong pseudoprime to bases 2, 3, 5).")
    # --- no claims
    add(K, "Is 1000003 prime?", "I can't say for certain without running a primality test. 1000003 might be prime, "
        "but you should verify it with a tool such as `isprime` in a computer algebra system.", "no_claims", [],
        "Hedge only ('might be prime').")
    add(K, "Is 91 prime?", "You're asking whether 91 is prime. Would you like a full proof or just a yes/no answer?",
        "no_claims", [], "Restatement of the question plus a question.")
    add(K, "How do I check whether a number is prime?",
        "To check whether a number n is prime, test whether any prime p with p² ≤ n divides it. If none does, n is "
        "prime; if one does, n is composite. For very large n, use a probable-prime test such as Baillie–PSW and "
        "then a primality proof.", "no_claims", [], "General method, no specific number.")
    add(K, "Is 2^61 − 1 prime?", "Let's check whether 2^61 − 1 is prime. I'll run a Lucas–Lehmer test on it and "
        "report back.", "no_claims", [], "Plan only.")
    add(K, "If 91 were prime, what would its divisors be?",
        "If 91 were prime, its only positive divisors would be 1 and 91.", "no_claims", [], "Counterfactual only.")
    add(K, "Why does trial division stop at the square root?",
        "Suppose 1009 is composite. Then it has a factorization into two factors, and the smaller one is at most "
        "the square root of 1009. That is why trial division only needs to test primes up to the square root.",
        "no_claims", [], "Supposition only; no value of the square root is stated.")
    add(K, "What is a Carmichael number?",
        "A Carmichael number is a composite number n such that a^(n−1) ≡ 1 (mod n) for every integer a coprime to "
        "n. They fool the Fermat test, which is why stronger tests such as Miller–Rabin are used.", "no_claims", [],
        "Definition only.")
    add(K, "Is 561 prime?", "That is a good one to test with a proper algorithm rather than by eye. Would you like me "
        "to walk through trial division, or use a Miller–Rabin test?", "no_claims", [], "No answer given.")
    add(K, "Is 4294967297 prime?", "Fermat conjectured that all numbers of the form 2^(2^n) + 1 are prime, and "
        "4294967297 is the case n = 5. Do you want me to check it by trial division?", "no_claims", [],
        "A report of Fermat's conjecture and a question; no claim about 4294967297 itself.")
    add(K, "Is 97 prime?", "Let's check whether 97 is prime. We only need to try the primes 2, 3, 5 and 7. Try dividing "
        "97 by each of them and tell me what you find!", "no_claims", [], "Plan and an exercise only.")


PRIMALITY_GEN = [(pr_drift0301, 10), (pr_drift0613, 8), (pr_terse, 8), (pr_markdown, 8), (pr_latex, 6),
                 (pr_big, 10), (pr_final, 6)]


# ==============================================================================================
# DIVISIBILITY
# ==============================================================================================


def dv_direct(want):
    d = rng.choice([3, 6, 7, 9, 11, 12, 13, 17, 19, 23, 29, 37, 41, 53, 97, 101, 137])
    n_d = rng.choice([4, 5, 6, 8, 10, 12, 15])
    divisible = rng.random() < 0.5
    q0 = rng.randrange(10 ** (n_d - 1) // d + 1, 10**n_d // d)
    n = q0 * d + (0 if divisible else rng.randrange(1, d))
    q, r = divmod(n, d)
    mode = "correct" if want == "correct" else (pick("fake_yes", "wrong_rem") if not divisible else "says_no")
    sepstyle = pick("", "", ",")
    ns = sep(n, sepstyle)
    claims = []
    slash = pick("÷", "/", "÷")
    if mode == "correct" and divisible:
        resp = pick(f"Yes. {n} {slash} {d} = {q}, so {ns} is divisible by {d}.",
                    f"Yes — dividing gives {n} {slash} {d} = {q} exactly, so {d} divides {ns}.",
                    f"**Yes.**\n\n{n} {slash} {d} = {q} with no remainder, which means {ns} is divisible by {d}.")
        claims += [Quot(n, d, q, f"{n} {slash} {d} = {q}")]
        claims += [Div(n, d, True, f"{d} divides {ns}" if "divides" in resp else f"{ns} is divisible by {d}")]
    elif mode == "correct":
        resp = pick(f"No. {n} ÷ {d} = {q} remainder {r}, so {ns} is not divisible by {d}.",
                    f"No. Long division gives {n} ÷ {d} = {q} remainder {r}. Since the remainder is not zero, "
                    f"{ns} is not divisible by {d}.")
        claims += [QuotRem(n, d, q, r, f"{n} ÷ {d} = {q} remainder {r}"),
                   Div(n, d, False, f"{ns} is not divisible by {d}")]
    elif mode == "fake_yes":
        fq = q + (1 if r > d // 2 else 0)
        resp = f"Yes. {n} {slash} {d} = {fq}, so {ns} is divisible by {d}."
        claims += [Quot(n, d, fq, f"{n} {slash} {d} = {fq}"), Div(n, d, True, f"{ns} is divisible by {d}")]
    elif mode == "wrong_rem":
        fr = (r + pick(1, 2, -1)) % d or (r + 1) % d
        if fr == 0 or fr == r:
            fr = r + 1 if r + 1 < d else r - 1
        resp = f"No. {n} ÷ {d} = {q} remainder {fr}, so {ns} is not divisible by {d}."
        claims += [QuotRem(n, d, q, fr, f"{n} ÷ {d} = {q} remainder {fr}"),
                   Div(n, d, False, f"{ns} is not divisible by {d}")]
    else:  # says_no on a divisible number
        fr = rng.randrange(1, d)
        resp = f"No. {n} ÷ {d} = {q - 1} remainder {fr}, so {ns} is not divisible by {d}."
        claims += [QuotRem(n, d, q - 1, fr, f"{n} ÷ {d} = {q - 1} remainder {fr}"),
                   Div(n, d, False, f"{ns} is not divisible by {d}")]
    note = {"fake_yes": f"{n} = {d} × {q} + {r}.", "wrong_rem": f"Remainder is {r}, not the stated one.",
            "says_no": f"{n} = {d} × {q} exactly."}.get(mode, "")
    return pick(f"Is {ns} divisible by {d}?", f"Is {ns} divisible by {d}? Show the division.",
                f"Can {ns} be divided evenly by {d}?"), resp, claims, want, note


def dv_rule(want):
    rule = rng.choice([3, 9, 11, 4, 8, 6])
    n = rng.randrange(10**5, 10**9)
    divisible = rng.random() < 0.5
    if divisible:
        n -= n % (rule if rule != 6 else 6)
    elif n % rule == 0:
        n += 1
    ns = sep(n, pick("", ","))
    mode = "correct" if want == "correct" else pick("bad_sum", "bad_conclusion")
    claims = []
    neg = "" if divisible else "not "
    if rule in (3, 9):
        dtext, s = digits_sum_text(n)
        s_sh = s
        concl = divisible
        if mode == "bad_sum":
            # a slip in the digit sum that flips the conclusion
            for delta in (1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, 7, 8):
                if ((s + delta) % rule == 0) != divisible:
                    s_sh = s + delta
                    break
            concl = not divisible
        elif mode == "bad_conclusion":
            concl = not divisible
        sneg = "" if (s_sh % rule == 0) else "not "
        if mode == "bad_conclusion":
            sneg = "" if divisible else "not "
        cneg = "" if concl else "not "
        resp = (f"Use the digit-sum rule for {rule}. The digits of {ns} add up to {dtext} = {s_sh}.\n\n"
                f"{s_sh} is {sneg}divisible by {rule}, so {ns} is {cneg}divisible by {rule}.")
        claims += [Expr(dtext.replace(" ", ""), str(s_sh), f"{dtext} = {s_sh}"),
                   Div(s_sh, rule, sneg == "", f"{s_sh} is {sneg}divisible by {rule}"),
                   Div(n, rule, cneg == "", f"{ns} is {cneg}divisible by {rule}")]
        note = {"bad_sum": f"The digits add up to {s}, not {s_sh}.",
                "bad_conclusion": "Right digit sum, wrong conclusion."}.get(mode, "")
    elif rule == 11:
        ds = [int(c) for c in str(n)][::-1]
        odd, even = ds[0::2], ds[1::2]
        so, se = sum(odd), sum(even)
        a, b = (so, se) if so >= se else (se, so)
        t = a - b
        ot = " + ".join(map(str, odd))
        et = " + ".join(map(str, even))
        if mode == "bad_sum":
            so_sh = so + pick(1, 2, -1)
        else:
            so_sh = so
        a_sh, b_sh = (so_sh, se) if so >= se else (se, so_sh)
        t_sh = a_sh - b_sh
        if t_sh < 0:
            return dv_rule(want)
        concl = (t_sh % 11 == 0)
        if mode == "bad_conclusion":
            concl = not (t % 11 == 0)
        if mode == "bad_sum" and concl == (n % 11 == 0):
            return dv_rule(want)
        tneg = "" if t_sh % 11 == 0 else "not "
        if mode == "bad_conclusion":
            tneg = "" if t % 11 == 0 else "not "
        cneg = "" if concl else "not "
        resp = (f"For 11, alternate the digits starting from the right.\n\n"
                f"- Digits in odd positions: {ot} = {so_sh}\n- Digits in even positions: {et} = {se}\n"
                f"- Difference: {a_sh} − {b_sh} = {t_sh}\n\n{t_sh} is {tneg}divisible by 11, so {ns} is {cneg}"
                f"divisible by 11.")
        claims += [Expr(ot.replace(" ", ""), str(so_sh), f"{ot} = {so_sh}"),
                   Expr(et.replace(" ", ""), str(se), f"{et} = {se}"),
                   Expr(f"{a_sh}-{b_sh}", str(t_sh), f"{a_sh} − {b_sh} = {t_sh}"),
                   Div(t_sh, 11, tneg == "", f"{t_sh} is {tneg}divisible by 11"),
                   Div(n, 11, cneg == "", f"{ns} is {cneg}divisible by 11")]
        if len(odd) == 1 or len(even) == 1:
            return dv_rule(want)
        note = {"bad_sum": f"The odd-position digits add up to {so}.",
                "bad_conclusion": "Right alternating sum, wrong conclusion."}.get(mode, "")
    elif rule in (4, 8):
        k = 2 if rule == 4 else 3
        tail = n % 10**k
        tails = str(n)[-k:]
        concl = (tail % rule == 0)
        tneg = "" if concl else "not "
        if mode != "correct":
            concl = not concl
            if mode == "bad_sum":
                tneg = "" if concl else "not "
        cneg = "" if concl else "not "
        resp = (f"A number is divisible by {rule} exactly when its last {'two' if k == 2 else 'three'} digits are. "
                f"The last {'two' if k == 2 else 'three'} digits of {ns} form {tails}, and {tail} is {tneg}divisible by "
                f"{rule}, so {ns} is {cneg}divisible by {rule}.")
        claims += [Div(tail, rule, tneg == "", f"{tail} is {tneg}divisible by {rule}"),
                   Div(n, rule, cneg == "", f"{ns} is {cneg}divisible by {rule}")]
        note = "" if mode == "correct" else f"{n} mod {rule} = {n % rule}."
    else:  # 6
        ev = n % 2 == 0
        dtext, s = digits_sum_text(n)
        t3 = s % 3 == 0
        concl = ev and t3
        shown_ev = ev if mode != "bad_sum" else not ev
        if mode == "bad_sum":
            concl = shown_ev and t3
            if concl == (n % 6 == 0):
                return dv_rule(want)
        if mode == "bad_conclusion":
            concl = not concl
        par = "even" if shown_ev else "odd"
        cneg = "" if concl else "not "
        resp = (f"A number is divisible by 6 exactly when it is divisible by both 2 and 3.\n\n- {ns} is {par}.\n"
                f"- Its digit sum is {dtext} = {s}, which is {'' if t3 else 'not '}a multiple of 3.\n\n"
                f"Therefore {ns} is {cneg}divisible by 6.")
        claims += [Parity(n, par, f"{ns} is {par}"), Expr(dtext.replace(" ", ""), str(s), f"{dtext} = {s}"),
                   Div(s, 3, t3, f"{s}, which is {'' if t3 else 'not '}a multiple of 3"),
                   Div(n, 6, cneg == "", f"Therefore {ns} is {cneg}divisible by 6")]
        note = "" if mode == "correct" else ("Parity misstated." if mode == "bad_sum" else "Wrong conclusion.")
        rule = 6
    return f"Is {ns} divisible by {rule}?", resp, claims, want, note


def dv_parity(want):
    d = rng.choice([3, 5, 7, 9, 11, 14, 17, 20])
    n = rng.randrange(10 ** (d - 1), 10**d)
    ns = sep(n, pick("", ",", " "))
    par = "even" if n % 2 == 0 else "odd"
    say = par if want == "correct" else ("odd" if par == "even" else "even")
    last = str(n)[-1]
    if want == "correct":
        resp = pick(f"{ns} is {say}, because its last digit, {last}, is {say}.",
                    f"It is {say}: the last digit of {ns} is {last}.",
                    f"**{say.capitalize()}.** A number's parity is decided by its last digit, and {ns} ends in {last}.")
    else:
        resp = pick(f"{ns} is {say}.", f"It is {say}, since {ns} is {'' if say == 'even' else 'not '}divisible by 2.")
    if resp.startswith("It is"):
        text = f"It is {say}"
    elif resp.startswith("**"):
        text = f"{say.capitalize()}."
    else:
        text = f"{ns} is {say}"
    claims = [Parity(n, say, text)]
    if "divisible by 2" in resp:
        claims.append(Div(n, 2, say == "even", f"{ns} is {'' if say == 'even' else 'not '}divisible by 2"))
    if "its last digit" in resp:
        claims.append(Parity(int(last), say, f"{last}, is {say}"))
    note = "" if want == "correct" else f"{n} ends in {last}, so it is {par}."
    return f"Is {ns} even or odd?", resp, claims, want, note


def dv_list(want):
    divs = [3, 5, 7, 11, 13]
    if rng.random() < 0.5:
        # the "not divisible by any" form
        if want == "correct":
            while True:
                n = rng.randrange(10**4, 10**8)
                if all(n % x for x in divs):
                    break
        else:
            while True:
                n = rng.randrange(10**4, 10**8)
                hits = [x for x in divs if n % x == 0]
                if len(hits) == 1 and hits[0] >= 7:
                    break
        ns = sep(n, pick("", ","))
        resp = pick(f"No. {ns} is not divisible by 3, 5, 7, 11, or 13.",
                    f"Checking each one: {ns} is not divisible by 3, 5, 7, 11, or 13, so none of them is a factor.")
        claims = [Div(n, x, False, f"{ns} is not divisible by 3, 5, 7, 11, or 13") for x in divs]
        if resp.startswith("No"):
            claims += [Div(n, x, False, "No") for x in divs]
        note = "" if want == "correct" else f"{n} is divisible by {[x for x in divs if n % x == 0][0]}."
        return f"Is {ns} divisible by any of 3, 5, 7, 11 or 13?", resp, claims, want, note
    a, b = rng.sample([3, 4, 6, 7, 8, 9, 11, 12, 13, 17], 2)
    l = sympy.ilcm(a, b)
    n = l * rng.randrange(10**3, 10**6)
    if want == "wrong":
        n += pick(a, b)
        if n % a == 0 and n % b == 0:
            n += 1
    ns = sep(n, pick("", ","))
    resp = pick(f"Yes, {ns} is divisible by {a} and {b}.", f"{ns} is divisible by {a} and {b}, so it is also "
                f"divisible by their least common multiple, {l}.")
    claims = [Div(n, a, True, f"{ns} is divisible by {a} and {b}"), Div(n, b, True, f"{ns} is divisible by {a} and {b}")]
    if "least common multiple" in resp:
        claims.append(Div(n, l, True, f"divisible by their least common multiple, {l}"))
    note = "" if want == "correct" else f"{n} mod {a} = {n % a}, {n} mod {b} = {n % b}."
    return f"Is {ns} divisible by both {a} and {b}?", resp, claims, want, note


def dv_multiple(want):
    d = rng.choice([6, 7, 8, 12, 15, 17, 19, 24, 25, 36, 99, 125])
    q = rng.randrange(100, 10**6)
    n = d * q
    mode = "correct" if want == "correct" else pick("bad_mult", "says_no")
    claims = []
    if mode == "correct" and rng.random() < 0.35:
        n2 = n + rng.randrange(1, d)
        q2, r2 = divmod(n2, d)
        resp = (f"No, {n2} is not a multiple of {d}. The nearest multiples are {d} × {q2} = {d * q2} and "
                f"{d} × {q2 + 1} = {d * (q2 + 1)}.")
        claims += [Div(n2, d, False, f"{n2} is not a multiple of {d}"),
                   Expr(f"{d}*{q2}", str(d * q2), f"{d} × {q2} = {d * q2}"),
                   Expr(f"{d}*{q2 + 1}", str(d * (q2 + 1)), f"{d} × {q2 + 1} = {d * (q2 + 1)}")]
        return f"Is {n2} a multiple of {d}?", resp, claims, want, ""
    if mode == "correct":
        resp = f"Yes, {n} is a multiple of {d}, because {d} × {q} = {n}."
        claims += [Div(n, d, True, f"{n} is a multiple of {d}"), Expr(f"{d}*{q}", str(n), f"{d} × {q} = {n}")]
        note = ""
    elif mode == "bad_mult":
        n = n + rng.randrange(1, d)
        resp = f"Yes, {n} is a multiple of {d}, because {d} × {q} = {n}."
        claims += [Div(n, d, True, f"{n} is a multiple of {d}"), Expr(f"{d}*{q}", str(n), f"{d} × {q} = {n}")]
        note = f"{d} × {q} = {d * q}."
    else:
        resp = f"No, {n} is not a multiple of {d}; dividing leaves a remainder."
        claims += [Div(n, d, False, f"{n} is not a multiple of {d}")]
        note = f"{n} = {d} × {q}."
    return f"Is {n} a multiple of {d}?", resp, claims, want, note


def dv_quotrem(want):
    d = rng.choice([7, 9, 12, 13, 17, 23, 31, 47, 64, 99, 128, 1000])
    n = rng.randrange(10**3, 10**9)
    q, r = divmod(n, d)
    if r == 0:
        n += 1
        q, r = divmod(n, d)
    mode = "correct" if want == "correct" else pick("rem", "check_mult", "check_add")
    qs, rs = q, r
    dq = d * q
    dq_sh, sum_sh = dq, dq + r
    if mode == "rem":
        rs = r + 1 if r + 1 < d else r - 1
        sum_sh = dq + rs
    elif mode == "check_mult":
        dq_sh = dq + pick(10, 100, -10, 1)
        sum_sh = dq_sh + r
    elif mode == "check_add":
        sum_sh = dq + r + pick(10, 1, -1, 100)
    resp = f"{n} ÷ {d} = {qs} remainder {rs}.\n\nCheck: {d} × {qs} = {dq_sh}, and {dq_sh} + {rs} = {sum_sh}."
    claims = [QuotRem(n, d, qs, rs, f"{n} ÷ {d} = {qs} remainder {rs}"),
              Expr(f"{d}*{qs}", str(dq_sh), f"{d} × {qs} = {dq_sh}"),
              Expr(f"{dq_sh}+{rs}", str(sum_sh), f"{dq_sh} + {rs} = {sum_sh}")]
    note = {"rem": f"The remainder is {r}.", "check_mult": f"{d} × {q} = {dq}.",
            "check_add": f"{dq} + {r} = {dq + r}."}.get(mode, "")
    return pick(f"What is {n} divided by {d}, with remainder?", f"Divide {n} by {d} and give the remainder."), \
        resp, claims, want, note


def divisibility_handwritten():
    K = "divisibility"
    add(K, "Is 10001 divisible by 3, 5, 7, 11 or 13?", "No. 10001 is not divisible by 3, 5, 7, 11, or 13. (It factors "
        "as 10001 = 73 × 137.)", "correct",
        [Div(10001, x, False, "10001 is not divisible by 3, 5, 7, 11, or 13") for x in (3, 5, 7, 11, 13)] +
        [Prod(10001, [(73, 1), (137, 1)], "10001 = 73 × 137")], "")
    add(K, "Is 2197 divisible by 3, 5, 7, 11 or 13?", "2197 is not divisible by 3, 5, 7, 11, or 13.", "wrong",
        [Div(2197, x, False, "2197 is not divisible by 3, 5, 7, 11, or 13") for x in (3, 5, 7, 11, 13)],
        "2197 = 13³: the last listed divisor fails.")
    add(K, "Is 1001 divisible by 7 and 11?", "Yes: 1001 is divisible by 7 and 11 (and by 13), since 1001 = 7 × 11 × 13.",
        "correct", [Div(1001, 7, True, "1001 is divisible by 7 and 11"),
                    Div(1001, 11, True, "1001 is divisible by 7 and 11"), Div(1001, 13, True, "and by 13"),
                    Prod(1001, [(7, 1), (11, 1), (13, 1)], "1001 = 7 × 11 × 13")], "")
    add(K, "Is 0 divisible by 5?", "Yes. 0 is divisible by 5, since 0 = 5 × 0.", "correct",
        [Div(0, 5, True, "0 is divisible by 5"), Expr("5*0", "0", "0 = 5 × 0")], "Zero is divisible by every nonzero d.")
    add(K, "Is 583835 divisible by 5 and 116767?", "Yes. 583835 is divisible by 5 and 116767, because "
        "583835 = 5 × 116767.", "correct",
        [Div(583835, 5, True, "583835 is divisible by 5 and 116767"),
         Div(583835, 116767, True, "583835 is divisible by 5 and 116767"),
         Prod(583835, [(5, 1), (116767, 1)], "583835 = 5 × 116767")], "Divisibility only; no primality is claimed.")
    add(K, "What is 1000000007 ÷ 7?", "1000000007 ÷ 7 = 142857143 remainder 6.", "correct",
        [QuotRem(1000000007, 7, 142857143, 6, "1000000007 ÷ 7 = 142857143 remainder 6")], "")
    add(K, "Is 999999 a multiple of 7?", "Yes: 999999 = 7 × 142857, so 999999 is a multiple of 7.", "correct",
        [Prod(999999, [(7, 1), (142857, 1)], "999999 = 7 × 142857"), Div(999999, 7, True, "999999 is a multiple of 7")],
        "")
    add(K, "Is 1000001 divisible by 11?", "Yes, 1000001 is divisible by 11 because it is a palindrome.", "wrong",
        [Div(1000001, 11, True, "1000001 is divisible by 11")],
        "Only even-length palindromes are multiples of 11; 1000001 = 101 × 9901.")
    add(K, "Is 12,345,678,901 even?", "Yes, 12,345,678,901 is even.", "wrong",
        [Parity(12345678901, "even", "12,345,678,901 is even")], "It ends in 1.")
    add(K, "Does 17 divide 323?", "Yes, 17 divides 323: 323 / 17 = 19.", "correct",
        [Div(323, 17, True, "17 divides 323"), Quot(323, 17, 19, "323 / 17 = 19")], "")
    add(K, "Does 19 divide 399?", "No, 19 does not divide 399, since 399 / 19 = 21.05.", "wrong",
        [Expr("399/19", "21.05", "399 / 19 = 21.05"), Div(399, 19, False, "19 does not divide 399")],
        "399 = 19 × 21 exactly; '399 / 19 = 21.05' is wrong.")
    add(K, "Is 2^10 − 1 divisible by 3?", "Yes. 2^10 − 1 = 1023, and 1023 = 3 × 341, so 1023 is divisible by 3.",
        "correct", [Expr("2**10-1", "1023", "2^10 − 1 = 1023"), Prod(1023, [(3, 1), (341, 1)], "1023 = 3 × 341"),
                    Div(1023, 3, True, "1023 is divisible by 3")], "")
    add(K, "Is 4,294,967,297 divisible by 641?",
        "Yes — this is Euler's famous observation: 4,294,967,297 ÷ 641 = 6,700,417, so 4,294,967,297 is divisible by "
        "641.", "correct",
        [Quot(2 ** 32 + 1, 641, 6700417, "4,294,967,297 ÷ 641 = 6,700,417"),
         Div(2 ** 32 + 1, 641, True, "4,294,967,297 is divisible by 641")], "F5 = 641 × 6700417.")
    add(K, "Is 123456789 divisible by 9?",
        "The digits add up to 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 = 45, and 45 is divisible by 9, so 123456789 is "
        "divisible by 9. In fact 123456789 / 9 = 13717421.", "correct",
        [Expr("1+2+3+4+5+6+7+8+9", "45", "1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 = 45"),
         Div(45, 9, True, "45 is divisible by 9"), Div(123456789, 9, True, "123456789 is divisible by 9"),
         Quot(123456789, 9, 13717421, "123456789 / 9 = 13717421")], "")
    add(K, "Does 7 divide 1001001?", "Yes, 7 divides 1001001.", "wrong", [Div(1001001, 7, True, "7 divides 1001001")],
        "1001001 = 7 × 143000 + 1.")
    add(K, "Does 13 divide 1001000?", "Yes: 13 divides 1001000, because 1001000 / 13 = 77000.", "correct",
        [Div(1001000, 13, True, "13 divides 1001000"), Quot(1001000, 13, 77000, "1001000 / 13 = 77000")], "")
    add(K, "What is 1001000 / 13?", "1001000 / 13 = 77700", "wrong", [Quot(1001000, 13, 77700, "1001000 / 13 = 77700")],
        "1001000 / 13 = 77000.")
    add(K, "Is 4,096 divisible by 64?", "Yes. 4096 / 64 = 64, so 64 divides 4,096.", "correct",
        [Quot(4096, 64, 64, "4096 / 64 = 64"), Div(4096, 64, True, "64 divides 4,096")], "")
    # no claims
    add(K, "How can I tell if a number is divisible by 9?",
        "A whole number is divisible by 9 exactly when the sum of its digits is. Add up the digits (repeating if "
        "needed) and see whether you end up with 9.", "no_claims", [], "General rule, no specific number.")
    add(K, "Is 123456789 divisible by 7?", "Let's check whether 123456789 is divisible by 7 by doing the long "
        "division step by step. Do you want the remainder as well?", "no_claims", [], "Plan and question only.")
    add(K, "What does it mean for d to divide n?",
        "We say d divides n when there is an integer k with n = d·k; equivalently, dividing n by d leaves remainder "
        "zero.", "no_claims", [], "Definition with letters only.")
    add(K, "If 2023 were divisible by 3, what would that say about its digits?",
        "If 2023 were divisible by 3, the sum of its digits would have to be a multiple of 3.", "no_claims", [],
        "Counterfactual only.")
    add(K, "Is 1001 divisible by 7, 11 and 13?", "Possibly — 1001 might be divisible by all three, but I'd want to do "
        "the divisions before answering definitively.", "no_claims", [], "Hedge only.")
    add(K, "Is 91 divisible by 7?", "Suppose 91 is divisible by 7; then 91 divided by 7 would be a whole number. Try "
        "the division and see!", "no_claims", [], "Supposition only.")
    add(K, "If a number is divisible by 6, is it divisible by 3?", "Yes — any multiple of six is also a multiple of "
        "three, because six is itself a multiple of three.", "no_claims", [], "General statement, no numeral claim.")
    add(K, "Is 987654321 divisible by 9?", "Could you clarify whether you mean the number 987654321 or the digits "
        "9, 8, 7, …, 1 taken separately?", "no_claims", [], "Clarifying question only.")


DIVISIBILITY_GEN = [(dv_direct, 12), (dv_rule, 10), (dv_parity, 6), (dv_list, 7), (dv_multiple, 6), (dv_quotrem, 6)]


# ==============================================================================================
# FACTORIZATION
# ==============================================================================================

SMALLP = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97]


def rfacs(maxdigits=12, big=True):
    while True:
        k = rng.randint(2, 5)
        ps = sorted(rng.sample(SMALLP[:12], k))
        if big and rng.random() < 0.4:
            ps[-1] = rprime(rng.choice([3, 4]))
        facs = [(p, rng.choice([1, 1, 1, 2, 2, 3, 4]) if p < 20 else rng.choice([1, 1, 2])) for p in ps]
        n = 1
        for p, e in facs:
            n *= p**e
        if 100 < n < 10**maxdigits and len(facs) >= 2:
            return n, facs


def fstyle():
    st = rng.randrange(7)
    return [(" × ", "sup", False), (" × ", "caret", False), (" x ", "caret", False), (" * ", "caret", False),
            (" · ", "sup", False), (" \\times ", "latex", True), (" \\cdot ", "latex", True)][st]


def fa_prime_fact(want):
    n, facs = rfacs()
    mode = "correct" if want == "correct" else pick("exp_off", "composite_factor", "bad_prime")
    shown = list(facs)
    if mode == "exp_off":
        i = rng.randrange(len(shown))
        p, e = shown[i]
        shown[i] = (p, e + 1 if e == 1 else e + pick(1, -1))
    elif mode == "composite_factor":
        i = rng.randrange(len(shown) - 1)
        (p, e), (q, f) = shown[i], shown[i + 1]
        if e == 1 and f == 1:
            shown[i:i + 2] = [(p * q, 1)]
        else:
            # split one power off: p^e * q^f = p^(e-1) * (p*q) * q^(f-1)
            new = []
            if e > 1:
                new.append((p, e - 1))
            new.append((p * q, 1))
            if f > 1:
                new.append((q, f - 1))
            shown[i:i + 2] = new
            shown.sort()
    elif mode == "bad_prime":
        i = rng.randrange(len(shown))
        p, e = shown[i]
        np_ = int(sympy.nextprime(p))
        shown[i] = (np_, e)
        shown.sort()
    mul, exp, latex = fstyle()
    fs = fmt_factors(shown, mul, exp)
    ns = sep(n, pick("", "", ","))
    claims = []
    variants = ["A", "B"] if latex or mode == "composite_factor" else ["A", "C", "D"]
    if mode == "composite_factor" and not latex:
        variants = ["A"]
    v = rng.choice(variants)
    if v == "A":
        d = "$" if latex else ""
        resp = f"The prime factorization of {ns} is {d}{fs}{d}."
        claims.append(Prod(n, shown, f"The prime factorization of {ns} is {d}{fs}", prime=True))
    elif v == "B":
        resp = (f"Dividing out the smallest primes repeatedly, we get\n\n$$\n{n} = {fs}\n$$\n\nso the prime "
                f"factorization of {ns} is ${fs}$.")
        claims += [Prod(n, shown, f"{n} = {fs}"), Prod(n, shown, f"prime factorization of {ns} is ${fs}", prime=True)]
    elif v == "C":
        resp = f"**Prime factorization:** {n} = {fs}"
        claims.append(Prod(n, shown, f"{n} = {fs}", prime=True))
    else:
        resp = f"The prime factorization of {ns} is:\n\n{n} = {fs}"
        claims.append(Prod(n, shown, f"{n} = {fs}", prime=True))
    note = {"exp_off": "An exponent is wrong.",
            "composite_factor": "The product is right, but a listed factor is composite.",
            "bad_prime": "A prime factor is wrong."}.get(mode, "")
    return pick(f"What is the prime factorization of {ns}?", f"Find the prime factorization of {ns}.",
                f"Factor {ns} into primes."), resp, claims, want, note


def fa_steps(want):
    mode = "correct" if want == "correct" else pick("mid_div", "final", "last_not_prime")
    while True:
        n, facs = rfacs(8, big=False)
        if mode == "last_not_prime":
            a, b = rng.sample([7, 11, 13, 17, 19, 23], 2)
            small = [(p, e) for p, e in facs if p < min(a, b)]
            if not small:
                continue
            facs = small + sorted([(a, 1), (b, 1)])
            n = 1
            for p, e in facs:
                n *= p**e
        if sum(e for _, e in facs) >= 3:
            break
    steps = []
    cur = n
    flat = [p for p, e in facs for _ in range(e)]
    stop_at = len(flat) - (2 if mode == "last_not_prime" else 1)
    for p in flat[:stop_at]:
        steps.append((cur, p, cur // p))
        cur //= p
    last = cur
    claims = []
    lines = [f"Let's divide {n} by the smallest prime that works, again and again:", ""]
    bad_i = rng.randrange(len(steps)) if mode == "mid_div" else None
    for i, (c, p, q) in enumerate(steps):
        qs = q + pick(1, -1, 10, 2) if i == bad_i else q
        lines.append(f"- {c} ÷ {p} = {qs}")
        claims.append(Quot(c, p, qs, f"{c} ÷ {p} = {qs}"))
    lines.append(f"- {last} is prime, so we stop.")
    claims.append(Prime(last, True, f"{last} is prime"))
    shown = list(facs) if mode != "last_not_prime" else [f for f in facs if f[0] not in (flat[-1], flat[-2])] + [
        (last, 1)]
    if mode == "final":
        i = rng.randrange(len(shown))
        p, e = shown[i]
        shown[i] = (p, e + 1)
    mul, exp, latex = fstyle()
    if latex:
        mul, exp = " × ", "sup"
    fs = fmt_factors(shown, mul, exp)
    lines += ["", pick(f"So {n} = {fs}.", f"Therefore, the prime factorization of {n} is {fs}.")]
    so = lines[-1].startswith("So")
    claims.append(Prod(n, shown, f"{n} = {fs}" if so else f"the prime factorization of {n} is {fs}", prime=not so))
    note = {"mid_div": "One intermediate quotient is wrong (the final answer is right).",
            "final": "Every step is right but the final factorization has a wrong exponent.",
            "last_not_prime": f"Stopped early: {last} = {flat[-2]} × {flat[-1]} is not prime."}.get(mode, "")
    return pick(f"Find the prime factors of {n}. Show your work.", f"Factor {n} step by step."), "\n".join(
        lines), claims, want, note


def fa_product(want):
    while True:
        n, facs = rfacs(9)
        divs = [int(x) for x in sympy.divisors(n) if 1 < x < n and not sympy.isprime(x) and not sympy.isprime(n // x)]
        if divs:
            break
    a = rng.choice(divs)
    b = n // a
    bs = b if want == "correct" else b + pick(1, 2, -1, 10)
    mul = pick(" × ", " × ", " * ", " · ")
    resp = pick(f"{n} = {a}{mul}{bs}.",
                f"One way is {n} = {a}{mul}{bs}. (This is not the prime factorization, because {a} is not prime.)",
                f"Sure: {a}{mul}{bs} = {n}.")
    claims = []
    if f"{n} = {a}{mul}{bs}" in resp:
        claims.append(Prod(n, [(a, 1), (bs, 1)], f"{n} = {a}{mul}{bs}"))
    else:
        claims.append(Expr(f"{a}*{bs}", str(n), f"{a}{mul}{bs} = {n}"))
    if "is not prime" in resp:
        claims.append(Prime(a, False, f"{a} is not prime"))
    note = "" if want == "correct" else f"{a} × {bs} = {a * bs}."
    return f"Write {n} as a product of two whole numbers greater than 1, neither of them prime.", resp, claims, \
        want, note


def fa_power(want):
    e = pick(2, 2, 2, 3)
    a = rng.randrange(12, 3000 if e == 2 else 400)
    n = a**e
    sup = "²" if e == 2 else "³"
    word = "square" if e == 2 else "cube"
    mode = "correct" if want == "correct" else pick("off_by_one", "says_no")
    claims = []
    if mode == "correct" and rng.random() < 0.3:
        m = n + rng.randrange(1, 2 * a)
        resp = (f"No. {a}{sup} = {n} and {a + 1}{sup} = {(a + 1) ** e}, so {m} lies strictly between two consecutive "
                f"perfect {word}s.")
        claims += [Expr(f"{a}**{e}", str(n), f"{a}{sup} = {n}"),
                   Expr(f"{a + 1}**{e}", str((a + 1) ** e), f"{a + 1}{sup} = {(a + 1) ** e}")]
        if m >= (a + 1) ** e:
            return fa_power(want)
        return f"Is {m} a perfect {word}?", resp, claims, want, ""
    if mode == "off_by_one":
        n = n + pick(1, -1, 2 * a)
    if mode == "says_no":
        resp = f"No. {a}{sup} = {n + a} and {a - 1}{sup} = {(a - 1) ** e}, so {n} is not a perfect {word}."
        claims += [Expr(f"{a}**{e}", str(n + a), f"{a}{sup} = {n + a}"),
                   Expr(f"{a - 1}**{e}", str((a - 1) ** e), f"{a - 1}{sup} = {(a - 1) ** e}")]
        return f"Is {n} a perfect {word}?", resp, claims, want, f"{n} = {a}{sup}."
    resp = pick(f"Yes: {n} = {a}{sup}.", f"Yes. {n} = {a}{sup}, since " +
                (f"{a} × {a} = {n}." if e == 2 else f"{a} × {a} × {a} = {n}."))
    claims.append(Prod(n, [(a, e)], f"{n} = {a}{sup}"))
    if "since" in resp:
        claims.append(Expr("*".join([str(a)] * e), str(n), " × ".join([str(a)] * e) + f" = {n}"))
    note = "" if mode == "correct" else f"{a}{sup} = {a ** e}."
    return f"Is {n} a perfect {word}?", resp, claims, want, note


def factorization_handwritten():
    K = "factorization"
    add(K, "What is the prime factorization of 583835?", "The prime factorization of 583835 is 5 × 116767.", "wrong",
        [Prod(583835, [(5, 1), (116767, 1)], "The prime factorization of 583835 is 5 × 116767", prime=True)],
        "True product, but 116767 = 7² × 2383 is not prime.")
    add(K, "Write 583835 as a product of two integers greater than 1.", "583835 = 5 × 116767.", "correct",
        [Prod(583835, [(5, 1), (116767, 1)], "583835 = 5 × 116767")], "Only a product is claimed, and it is right.")
    add(K, "Factor 583835 completely.", "583835 = 5 × 7² × 2383, and 5, 7 and 2383 are all prime.", "correct",
        [Prod(583835, [(5, 1), (7, 2), (2383, 1)], "583835 = 5 × 7² × 2383")], "")
    add(K, "Is 4294967297 prime? Factor it if not.",
        "No. Euler showed that 4294967297 = 641 × 6700417, so the Fermat number F5 is composite.",
        "correct", [Prime(2 ** 32 + 1, False, "No"), Prod(2 ** 32 + 1, [(641, 1), (6700417, 1)],
                                                             "4294967297 = 641 × 6700417")],
        "")
    add(K, "Factor 4294967297.", "4294967297 = 641 × 6700419.", "wrong",
        [Prod(2 ** 32 + 1, [(641, 1), (6700419, 1)], "4294967297 = 641 × 6700419")], "641 × 6700417 = 4294967297.")
    add(K, "Factor 2^67 − 1.",
        "2^67 − 1 = 147573952589676412927 = 193707721 × 761838257287.\n\nThis is the factorization Frank Nelson Cole "
        "presented in 1903.", "correct",
        [Expr("2**67-1", "147573952589676412927", "2^67 − 1 = 147573952589676412927"),
         Prod(2 ** 67 - 1, [(193707721, 1), (761838257287, 1)], "147573952589676412927 = 193707721 × 761838257287")],
        "")
    add(K, "What is the prime factorization of 2^101 − 1?",
        "The prime factorization of 2535301200456458802993406410751 is 7432339208719 × 341117531003194129.",
        "correct", [Prod(2 ** 101 - 1, [(7432339208719, 1), (341117531003194129, 1)],
                         "The prime factorization of 2535301200456458802993406410751 is 7432339208719 × "
                         "341117531003194129", prime=True)], "")
    add(K, "Factor 111111.", "111111 = 3 × 7 × 11 × 13 × 37", "correct",
        [Prod(111111, [(3, 1), (7, 1), (11, 1), (13, 1), (37, 1)], "111111 = 3 × 7 × 11 × 13 × 37")], "")
    add(K, "Factor 3003.", "3003 = 3 · 7 · 11 · 13", "correct",
        [Prod(3003, [(3, 1), (7, 1), (11, 1), (13, 1)], "3003 = 3 · 7 · 11 · 13")], "")
    add(K, "Factor 5005.", "5005 = 5 · 7 · 11 · 17", "wrong",
        [Prod(5005, [(5, 1), (7, 1), (11, 1), (17, 1)], "5005 = 5 · 7 · 11 · 17")], "5005 = 5 · 7 · 11 · 13.")
    add(K, "Factor 1001.", "$1001 = 7 \\cdot 11 \\cdot 13$", "correct",
        [Prod(1001, [(7, 1), (11, 1), (13, 1)], "1001 = 7 \\cdot 11 \\cdot 13")], "")
    add(K, "What is the prime factorization of 360?", "360 = 2^3 * 3^2 * 5", "correct",
        [Prod(360, [(2, 3), (3, 2), (5, 1)], "360 = 2^3 * 3^2 * 5")], "")
    add(K, "What is the prime factorization of 1000?", "The prime factorization of 1000 is $2^3 \\times 5^3$.",
        "correct", [Prod(1000, [(2, 3), (5, 3)], "prime factorization of 1000 is $2^3 \\times 5^3", prime=True)], "")
    add(K, "What is the prime factorization of 1001?", "The prime factorization of 1001 is 7 × 143.", "wrong",
        [Prod(1001, [(7, 1), (143, 1)], "The prime factorization of 1001 is 7 × 143", prime=True)],
        "143 = 11 × 13 is not prime.")
    add(K, "What is the prime factorization of 391?", "The prime factorization of 391 is 17 × 21.", "wrong",
        [Prod(391, [(17, 1), (21, 1)], "The prime factorization of 391 is 17 × 21", prime=True)], "391 = 17 × 23.")
    add(K, "What is the prime factorization of 391?", "The prime factorization of 391 is 17 × 23.", "correct",
        [Prod(391, [(17, 1), (23, 1)], "The prime factorization of 391 is 17 × 23", prime=True)], "")
    add(K, "Find the prime factorization of 3600.", "3600 = 2⁴ × 3² × 5²", "correct",
        [Prod(3600, [(2, 4), (3, 2), (5, 2)], "3600 = 2⁴ × 3² × 5²")], "")
    add(K, "Find the prime factorization of 3600.", "3600 = 2⁴ × 3² × 5³", "wrong",
        [Prod(3600, [(2, 4), (3, 2), (5, 3)], "3600 = 2⁴ × 3² × 5³")], "2⁴ × 3² × 5³ = 18000.")
    add(K, "Factor 1024.", "1024 = 2^10", "correct", [Prod(1024, [(2, 10)], "1024 = 2^10")], "")
    add(K, "Factor 561 and say whether it is a Carmichael number.",
        "561 = 3 x 11 x 17. It is squarefree, and 2, 10 and 16 all divide 560, so by Korselt's criterion 561 is a "
        "Carmichael number.", "correct",
        [Prod(561, [(3, 1), (11, 1), (17, 1)], "561 = 3 x 11 x 17")],
        "'2, 10 and 16 all divide 560' is true (560 = 2·280 = 10·56 = 16·35) but not in a checkable form.")
    add(K, "Factor 8051.", "Using the difference of squares, 8051 = 90² − 7² = (90 − 7)(90 + 7) = 83 × 97.", "correct",
        [Expr("90**2-7**2", "8051", "8051 = 90² − 7²"), Prod(8051, [(83, 1), (97, 1)], "83 × 97")],
        "The parenthesised form is not a checkable claim form; every stated value is true.")
    add(K, "Factor 8051.", "8051 = 83 × 97 = 8061.", "wrong",
        [Prod(8051, [(83, 1), (97, 1)], "8051 = 83 × 97"), Expr("83*97", "8061", "83 × 97 = 8061")],
        "83 × 97 = 8051, not 8061: the chained value is wrong.")
    # no claims
    add(K, "How do I factor a large number?", "For numbers up to about 20 digits, trial division by small primes "
        "followed by Pollard's rho works well. Beyond that, use the elliptic-curve method or the quadratic sieve, "
        "which tools like PARI/GP and msieve implement.", "no_claims", [], "Method description only.")
    add(K, "What is the prime factorization of 360?", "Let's find the prime factorization of 360 by dividing by the "
        "smallest prime that works, again and again. Would you like me to show each division?", "no_claims", [],
        "Plan only.")
    add(K, "Factor 2^67 − 1.", "Factoring 2^67 − 1 by hand is famously hard: Frank Nelson Cole did it in 1903. I'd "
        "suggest a computer algebra system, e.g. `factor(2^67-1)` in PARI/GP.", "no_claims", [],
        "No factorization is stated.")
    add(K, "If 391 is a product of two primes, how would I find them?", "If 391 is a product of two primes p and q, "
        "look for p just below the square root of 391 and try primes downward until one divides evenly.",
        "no_claims", [], "Conditional with letters only.")
    add(K, "What are the prime factors of 1001?", "I'd rather not guess. Please run it through a factoring tool, or I "
        "can walk through trial division with you.", "no_claims", [], "No answer given.")
    add(K, "Assume 221 = p × q for primes p < q. How would I find p?", "If 221 = p × q with p < q, then p is at "
        "most the square root of 221, so you only need to try primes up to 14.", "no_claims", [],
        "Conditional with letters; no value claim.")
    add(K, "Can every integer be factored into primes?", "Every integer greater than 1 can be written as a product of "
        "primes in exactly one way, up to order. That is the fundamental theorem of arithmetic.", "no_claims", [],
        "Theorem statement only.")
    add(K, "Is factoring harder than primality testing?", "Yes, in practice: primality can be decided in polynomial "
        "time (AKS, or ECPP in practice), while no polynomial-time classical factoring algorithm is known.",
        "no_claims", [], "A complexity statement, not a numeric claim.")


FACTORIZATION_GEN = [(fa_prime_fact, 14), (fa_steps, 10), (fa_product, 6), (fa_power, 6)]


# ==============================================================================================
# ARITHMETIC
# ==============================================================================================


def bad_int(v: int) -> int:
    """A plausible slip: a carry error, a transposed or changed digit."""
    s = str(v)
    m = rng.randrange(3)
    if m == 0 or len(s) < 3:
        k = rng.randrange(0, max(1, len(s) - 1))
        return v + pick(1, -1) * 10**k
    if m == 1:
        i = rng.randrange(len(s) - 1)
        if s[i] != s[i + 1]:
            return int(s[:i] + s[i + 1] + s[i] + s[i + 2:])
        return v + 10
    i = rng.randrange(1, len(s))
    d = (int(s[i]) + pick(1, 2, 9, 8)) % 10
    w = int(s[:i] + str(d) + s[i + 1:])
    return w if w != v else v + 1


def ar_mul_steps(want):
    a = rng.randrange(12, 9999)
    b = rng.randrange(12, 99)
    if b % 10 == 0:
        b += 3
    bt, bu = b - b % 10, b % 10
    p1, p2 = a * bt, a * bu
    mode = "correct" if want == "correct" else pick("first", "middle", "sum", "final")
    p1s = bad_int(p1) if mode == "first" else p1
    p2s = bad_int(p2) if mode == "middle" else p2
    c = p1s + p2s
    cs = bad_int(c) if mode == "sum" else c
    cf = bad_int(cs) if mode == "final" else cs
    sym = pick("×", "×", "x", "*")
    resp = (f"Let's break {b} into {bt} and {bu}:\n\n- {a} {sym} {bt} = {p1s}\n- {a} {sym} {bu} = {p2s}\n"
            f"- {p1s} + {p2s} = {cs}\n\nSo {a} {sym} {b} = **{cf}**.")
    claims = [Expr(f"{a}*{bt}", str(p1s), f"{a} {sym} {bt} = {p1s}"),
              Expr(f"{a}*{bu}", str(p2s), f"{a} {sym} {bu} = {p2s}"),
              Expr(f"{p1s}+{p2s}", str(cs), f"{p1s} + {p2s} = {cs}"),
              Expr(f"{a}*{b}", str(cf), f"{a} {sym} {b} = **{cf}")]
    note = {"first": f"First partial product wrong: {a} × {bt} = {p1}.",
            "middle": f"Second partial product wrong: {a} × {bu} = {p2}.",
            "sum": f"Addition slip: {p1s} + {p2s} = {p1s + p2s}.",
            "final": f"Steps right, final answer miscopied: {a} × {b} = {a * b}."}.get(mode, "")
    return pick(f"What is {a} × {b}? Show your steps.", f"Compute {a} * {b} step by step."), resp, claims, want, note


def ar_addsub(want):
    op = pick("+", "−", "-", "+")
    da, db = rng.randint(3, 12), rng.randint(2, 12)
    a, b = rng.randrange(10 ** (da - 1), 10**da), rng.randrange(10 ** (db - 1), 10**db)
    if op != "+" and b > a:
        a, b = b, a
    v = a + b if op == "+" else a - b
    vs = v if want == "correct" else bad_int(v)
    st = pick("", "", ",")
    A, B, V = sep(a, st), sep(b, st), sep(vs, st)
    resp = pick(f"{A} {op} {B} = {V}", f"The {'sum' if op == '+' else 'difference'} is {V}:\n\n{A} {op} {B} = {V}",
                f"${A} {op} {B} = {V}$".replace(",", "{,}"))
    text = f"{A} {op} {B} = {V}" if "$" not in resp else f"{A} {op} {B} = {V}".replace(",", "{,}")
    pyop = "+" if op == "+" else "-"
    claims = [Expr(f"{a}{pyop}{b}", str(vs), text)]
    return f"What is {A} {op} {B}?", resp, claims, want, ("" if want == "correct" else f"The true value is {v}.")


def ar_word(want):
    t = rng.randrange(5)
    if t == 0:
        x, y = rng.randrange(6, 60), rng.randrange(12, 400)
        v = x * y
        vs = v if want == "correct" else bad_int(v)
        prompt = f"A box holds {x} pencils. How many pencils are in {y} boxes?"
        resp = f"Multiply the number of boxes by the pencils per box: {y} × {x} = {vs}. There are {vs} pencils."
        claims = [Expr(f"{y}*{x}", str(vs), f"{y} × {x} = {vs}")]
    elif t == 1:
        sp, h = rng.randrange(35, 130), rng.randrange(2, 14)
        v = sp * h
        vs = v if want == "correct" else bad_int(v)
        prompt = f"A car travels at {sp} km/h for {h} hours. How far does it go?"
        resp = f"Distance = speed × time = {sp} × {h} = {vs} km."
        claims = [Expr(f"{sp}*{h}", str(vs), f"{sp} × {h} = {vs}")]
    elif t == 2:
        a, b = rng.randrange(200, 5000), rng.randrange(20, 199)
        v = a - b
        vs = v if want == "correct" else bad_int(v)
        prompt = f"I had {a} dollars and spent {b}. How much is left?"
        resp = f"{a} − {b} = {vs}, so you have {vs} dollars left."
        claims = [Expr(f"{a}-{b}", str(vs), f"{a} − {b} = {vs}")]
    elif t == 3:
        g, k = rng.randrange(3, 25), rng.randrange(12, 80)
        n = g * k
        ks = k if want == "correct" else k + pick(1, -1, 2)
        prompt = f"{n} students are split equally into {g} groups. How many students are in each group?"
        resp = f"{n} / {g} = {ks}, so each group has {ks} students."
        claims = [Expr(f"{n}/{g}", str(ks), f"{n} / {g} = {ks}")]
    else:
        pct = pick(15, 12, 35, 8, 45)
        x = rng.randrange(20, 2000)
        from decimal import Decimal
        v = Decimal(pct) / 100 * x
        vs = format(v.normalize(), "f") if want == "correct" else format((v * 10).normalize(), "f")
        prompt = f"What is {pct}% of {x}?"
        resp = f"{pct}% of {x} is 0.{pct:02d} × {x} = {vs}."
        claims = [Expr(f"{pct}/100*{x}", vs, f"0.{pct:02d} × {x} = {vs}")]
    return prompt, resp, claims, want, ("" if want == "correct" else "Arithmetic slip.")


def ar_div(want):
    b = rng.choice([3, 6, 7, 9, 11, 12, 13, 17, 19, 23, 29, 31, 37, 41, 47, 53, 64, 97])
    a = rng.randrange(100, 10**7)
    from fractions import Fraction
    from decimal import Decimal
    k = rng.randint(2, 7)
    exact = Fraction(a, b)
    with mpmath.workdps(DPS):
        tv = mpmath.mpf(a) / b
    if a % b == 0:
        cs = str(a // b)
        rel = "="
    else:
        mode = pick("round", "trunc")
        cs = fmt_dec(round_dec(tv, k) if mode == "round" else trunc_dec(tv, k))
        rel = pick("≈", "=")
    if want == "wrong":
        cs = bad_dec(cs, 3) if "." in cs else str(int(cs) + pick(1, -1, 10))
    sl = pick("/", "÷")
    trel = "\\approx" if rel == "≈" else "="
    resp = pick(f"{a} {sl} {b} {rel} {cs}", f"Doing the long division, {a} {sl} {b} {rel} {cs}.",
                f"$${a} \\div {b} {trel} {cs}$$")
    text = f"{a} {sl} {b} {rel} {cs}" if "$$" not in resp else f"{a} \\div {b} {trel} {cs}"
    claims = [Expr(f"{a}/{b}", cs, text)]
    return pick(f"What is {a} divided by {b}?", f"Compute {a}/{b}."), resp, claims, want, (
        "" if want == "correct" else f"{a}/{b} = {a // b}." if a % b == 0 else
        f"{a}/{b} = {fmt_dec(round_dec(tv, places(cs) + 3))}…")


def ar_pow(want):
    a = rng.randrange(2, 16)
    maxb = 1
    while a ** (maxb + 1) < 10**19:
        maxb += 1
    b = rng.randint(2, min(maxb, 30))
    v = a**b
    vs = v if want == "correct" else bad_int(v)
    st = rng.randrange(4)
    if a == 2 and b >= 12 and b % 2 == 0 and st == 0:
        h = 2 ** (b // 2)
        hs = h
        vv = h * h if want == "correct" else bad_int(h * h)
        resp = f"2^{b // 2} = {hs}, so 2^{b} = {hs} × {hs} = {vv}."
        claims = [Expr(f"2**{b // 2}", str(hs), f"2^{b // 2} = {hs}"),
                  Expr(f"{hs}*{hs}", str(2**b), f"2^{b} = {hs} × {hs}"),
                  Expr(f"{hs}*{hs}", str(vv), f"{hs} × {hs} = {vv}")]
        return f"What is 2^{b}?", resp, claims, want, ("" if want == "correct" else f"2^{b} = {2 ** b}.")
    if b in (2, 3) and st == 1:
        sup = "²" if b == 2 else "³"
        resp = f"{a}{sup} = {vs}"
        text = resp
    elif st == 2:
        resp = f"${a}^{{{b}}} = {vs}$"
        text = f"{a}^{{{b}}} = {vs}"
    else:
        resp = pick(f"{a}^{b} = {vs}", f"Multiplying together {b} factors of {a} gives {a}^{b} = {vs}.")
        text = f"{a}^{b} = {vs}"
    claims = [Expr(f"{a}**{b}", str(vs), text)]
    return pick(f"What is {a}^{b}?", f"Compute {a} to the power {b}."), resp, claims, want, (
        "" if want == "correct" else f"{a}^{b} = {v}.")


def ar_sqrt(want):
    if rng.random() < 0.35:
        r = rng.randrange(11, 3000)
        a = r * r
        rs = r if want == "correct" else r + pick(1, -1)
        v = rng.randrange(3)
        resp = [f"√{a} = {rs}", f"$\\sqrt{{{a}}} = {rs}$", f"The square root of {a} is {rs}, because {rs}² = {rs * rs}."][v]
        text = [f"√{a} = {rs}", f"\\sqrt{{{a}}} = {rs}", f"square root of {a} is {rs}"][v]
        claims = [Func("sqrt", Arg(a), str(rs), text, kind="arithmetic")]
        if "because" in resp:
            claims.append(Expr(f"{rs}**2", str(rs * rs), f"{rs}² = {rs * rs}"))
        return f"What is the square root of {a}?", resp, claims, want, ("" if want == "correct" else f"√{a} = {r}.")
    a = rng.randrange(2, 100000)
    if sympy.integer_nthroot(a, 2)[1]:
        a += 1
    k = rng.randint(2, 9)
    with mpmath.workdps(DPS):
        tv = mpmath.sqrt(mpmath.mpf(a))
    cs = fmt_dec(round_dec(tv, k) if rng.random() < 0.6 else trunc_dec(tv, k))
    if want == "wrong":
        cs = bad_dec(cs, 3)
    resp = pick(f"√{a} ≈ {cs}", f"$\\sqrt{{{a}}} \\approx {cs}$", f"The square root of {a} is approximately {cs}.")
    text = (f"√{a} ≈ {cs}" if resp.startswith("√") else f"\\sqrt{{{a}}} \\approx {cs}" if "$" in resp
            else f"square root of {a} is approximately {cs}")
    claims = [Func("sqrt", Arg(a), cs, text, kind="arithmetic")]
    return pick(f"What is the square root of {a}?", f"What is sqrt({a})?"), resp, claims, want, (
        "" if want == "correct" else f"√{a} = {fmt_dec(round_dec(tv, k + 3))}…")


def ar_big(want):
    da, db = rng.randint(5, 10), rng.randint(5, 10)
    a, b = rng.randrange(10 ** (da - 1), 10**da), rng.randrange(10 ** (db - 1), 10**db)
    op = pick("×", "×", "+")
    v = a * b if op == "×" else a + b
    vs = v if want == "correct" else bad_int(v)
    resp = pick(f"{a} {op} {b} = {vs}", f"Using exact integer arithmetic: {a} {op} {b} = {vs}.",
                f"**{a} {op} {b} = {vs}**")
    claims = [Expr(f"{a}{'*' if op == '×' else '+'}{b}", str(vs), f"{a} {op} {b} = {vs}")]
    return f"What is {a} {op} {b}?", resp, claims, want, ("" if want == "correct" else f"The exact value is {v}.")


def ar_chain(want):
    a, b, c = rng.randrange(11, 99), rng.randrange(11, 99), rng.randrange(2, 12)
    d = c * rng.randrange(3, 40)
    p, q = a * b, d // c
    mode = "correct" if want == "correct" else pick("first", "second", "last")
    ps = bad_int(p) if mode == "first" else p
    qs = q + pick(1, -1) if mode == "second" else q
    s = ps + qs
    ss = bad_int(s) if mode == "last" else s
    resp = (f"Multiplication and division come before addition:\n\n1. {a} × {b} = {ps}\n2. {d} ÷ {c} = {qs}\n"
            f"3. {ps} + {qs} = {ss}\n\nThe answer is {ss}.")
    claims = [Expr(f"{a}*{b}", str(ps), f"{a} × {b} = {ps}"), Expr(f"{d}/{c}", str(qs), f"{d} ÷ {c} = {qs}"),
              Expr(f"{ps}+{qs}", str(ss), f"{ps} + {qs} = {ss}")]
    note = {"first": f"{a} × {b} = {p}.", "second": f"{d} ÷ {c} = {q}.", "last": f"{ps} + {qs} = {s}."}.get(mode, "")
    return f"Compute {a} × {b} + {d} ÷ {c}.", resp, claims, want, note


def arithmetic_handwritten():
    K = "arithmetic"
    add(K, "What is 0.1 + 0.2?", "0.1 + 0.2 = 0.3", "correct", [Expr("0.1+0.2", "0.3", "0.1 + 0.2 = 0.3")],
        "Exact decimal arithmetic (binary floating point would give 0.30000000000000004).")
    add(K, "What is 2^64?", "2^64 = 18446744073709551616", "correct",
        [Expr("2**64", "18446744073709551616", "2^64 = 18446744073709551616")], "")
    add(K, "What is 2^64?", "2^64 = 18446744073709551615", "wrong",
        [Expr("2**64", "18446744073709551615", "2^64 = 18446744073709551615")], "That is 2^64 − 1.")
    add(K, "What is 7 × 8?", "7 × 8 = 54", "wrong", [Expr("7*8", "54", "7 × 8 = 54")], "7 × 8 = 56.")
    add(K, "What is 2/3 as a decimal?", "2/3 = 0.667 (rounded to three places).", "correct",
        [Expr("2/3", "0.667", "2/3 = 0.667")], "Rounded value passes.")
    add(K, "What is 2/3 as a decimal?", "2/3 = 0.666", "correct", [Expr("2/3", "0.666", "2/3 = 0.666")],
        "Truncated value passes (|2/3 − 0.666| < 0.001).")
    add(K, "What is 2/3 as a decimal?", "2/3 = 0.665", "wrong", [Expr("2/3", "0.665", "2/3 = 0.665")],
        "|2/3 − 0.665| = 0.00167 ≥ 0.001.")
    add(K, "What is 123456789 × 987654321?", "123456789 × 987654321 = 121932631112635269", "correct",
        [Expr("123456789*987654321", "121932631112635269", "123456789 × 987654321 = 121932631112635269")], "")
    add(K, "What is 99999999999999999999 + 1?", "99,999,999,999,999,999,999 + 1 = 100,000,000,000,000,000,000",
        "correct", [Expr("99999999999999999999+1", "100000000000000000000",
                         "99,999,999,999,999,999,999 + 1 = 100,000,000,000,000,000,000")], "")
    add(K, "What is 12345679 × 9?", "12345679 × 9 = 111111111. Multiplying by 8 instead gives 12345679 × 8 = "
        "98765432.", "correct",
        [Expr("12345679*9", "111111111", "12345679 × 9 = 111111111"),
         Expr("12345679*8", "98765432", "12345679 × 8 = 98765432")], "")
    add(K, "What is √2?", "√2 ≈ 1.41421356", "correct",
        [Func("sqrt", Arg(2), "1.41421356", "√2 ≈ 1.41421356", kind="arithmetic")], "Truncated value.")
    add(K, "What is √2?", "√2 ≈ 1.415", "correct",
        [Func("sqrt", Arg(2), "1.415", "√2 ≈ 1.415", kind="arithmetic", lenient=True)],
        "√2 = 1.41421…: 1.415 is 0.00079 away, within one unit though neither rounded (1.414) nor truncated. "
        "[lenient-ulp]")
    add(K, "What is √2?", "√2 ≈ 1.4124", "wrong", [Func("sqrt", Arg(2), "1.4124", "√2 ≈ 1.4124", kind="arithmetic")],
        "√2 = 1.41421…: transposed digits.")
    add(K, "Find the hypotenuse of a right triangle with legs 20 and 21.",
        "20² = 400 and 21² = 441, so 400 + 441 = 841 = 29², and the hypotenuse is 29.", "correct",
        [Expr("20**2", "400", "20² = 400"), Expr("21**2", "441", "21² = 441"), Expr("400+441", "841", "400 + 441 = 841"),
         Expr("29**2", "841", "841 = 29²")], "")
    add(K, "Find the hypotenuse of a right triangle with legs 20 and 21.",
        "20² = 400 and 21² = 441, so 400 + 441 = 841 = 31², and the hypotenuse is 31.", "wrong",
        [Expr("20**2", "400", "20² = 400"), Expr("21**2", "441", "21² = 441"), Expr("400+441", "841", "400 + 441 = 841"),
         Expr("31**2", "841", "841 = 31²")], "31² = 961; the hypotenuse is 29.")
    add(K, "What is 1000000 − 1?", "1000000 − 1 = 999999", "correct", [Expr("1000000-1", "999999", "1000000 − 1 = 999999")],
        "")
    add(K, "Convert 3532 radians to turns, then reduce.",
        "One turn is 2π ≈ 6.283185 radians, so 3532 / 6.283185 ≈ 562.14. Then 562 × 6.283185 = 3531.149970, and "
        "3532 − 3531.149970 = 0.850030 radians remain.", "correct",
        [Expr("3532/6.283185", "562.14", "3532 / 6.283185 ≈ 562.14"),
         Expr("562*6.283185", "3531.149970", "562 × 6.283185 = 3531.149970"),
         Expr("3532-3531.149970", "0.850030", "3532 − 3531.149970 = 0.850030")],
        "All arithmetic with the stated 6.283185 is exact; '2π ≈ 6.283185' is not one of the checkable forms "
        "(and is true).")
    # no claims
    add(K, "What is 17 × 23?", "Do you want me to compute it step by step, or just give the final number?",
        "no_claims", [], "Question only.")
    add(K, "How do I multiply two-digit numbers in my head?", "Split one factor into tens and ones, multiply the "
        "other factor by each part, then add the two partial products.", "no_claims", [], "Method only.")
    add(K, "What's the square root of 2 to 1000 digits?", "That's more than I can reliably produce by hand. With "
        "mpmath you can set `mp.dps` to 1000 and call `sqrt(2)`.", "no_claims", [], "No value stated.")
    add(K, "Can you check my homework: 347 + 589?", "Sure! Paste your working and the answer you got, and I'll go "
        "through it line by line.", "no_claims", [], "No value stated.")
    add(K, "What is 0 divided by 0?", "Division by zero is undefined, so 0/0 has no value in ordinary arithmetic; in "
        "calculus it is called an indeterminate form.", "no_claims", [], "No checkable equation.")
    add(K, "What is 15% of 80?", "Let's work it out together: first write the percentage as a decimal, then multiply "
        "by 80. What do you get?", "no_claims", [], "Tutoring prompt only.")
    add(K, "Is 0.1 + 0.2 equal to 0.3 in floating point?", "Not exactly in binary floating point: neither 0.1 nor 0.2 "
        "is exactly representable, so the computed sum is not the double nearest to 0.3.", "no_claims", [],
        "A statement about floating-point representation, not an arithmetic claim.")
    add(K, "What is the order of operations?", "Parentheses first, then exponents, then multiplication and division "
        "from left to right, and finally addition and subtraction from left to right.", "no_claims", [],
        "No numbers.")


# ----------------------------------------------------------------------------------------------
# Remainders and congruences ("A mod m = r", "A % m = r", "A \bmod m = r", "A modulo m = r", "A ≡ r (mod m)",
# "A \equiv r \pmod{m}", "A ≡ r mod m", "A = r (mod m)"). A claim is right when m divides A − r. Every remainder
# below is computed here with pow(a, e, m); a wrong value is a computed one plus a slip.


def slip(true_r: int, m: int, d: int) -> int:
    """A wrong remainder: true_r + d, which must not be congruent to true_r modulo m."""
    assert d % m != 0, (true_r, m, d)
    return (true_r + d) % m


def remainder_handwritten():
    K = "arithmetic"

    # -- trial division with "%" --------------------------------------------------------------
    n = 7927
    ps = [int(p) for p in sympy.primerange(2, sympy.integer_nthroot(n, 2)[0] + 1)]
    with mpmath.workdps(DPS):
        root = fmt_dec(trunc_dec(mpmath.sqrt(n), 2))
    rows = [(p, pow(n, 1, p)) for p in ps]
    assert all(r != 0 for _, r in rows)
    add(K, f"Is {n} prime? Show the trial division.",
        f"It is enough to try the primes up to √{n} ≈ {root}:\n\n" + "\n".join(f"- {n} % {p} = {r}" for p, r in rows)
        + f"\n\nNo remainder is 0, so {n} is prime.", "correct",
        [Func("sqrt", Arg(n), root, f"√{n} ≈ {root}", kind="arithmetic"), Prime(n, True, f"{n} is prime")]
        + [Residue(n, p, r, f"{n} % {p} = {r}") for p, r in rows], "Every remainder is computed with pow(n, 1, p).")

    n = 8633  # 89 × 97: the last trial divisor is misreduced
    ps = [int(p) for p in sympy.primerange(2, sympy.integer_nthroot(n, 2)[0] + 1)]
    with mpmath.workdps(DPS):
        root = fmt_dec(trunc_dec(mpmath.sqrt(n), 2))
    rows = [(p, pow(n, 1, p)) for p in ps]
    assert rows[-1] == (89, 0) and all(r != 0 for _, r in rows[:-1])
    bad = slip(0, 89, 5)
    rows[-1] = (89, bad)
    add(K, f"Is {n} prime? Show the trial division.",
        f"It is enough to try the primes up to √{n} ≈ {root}:\n\n" + "\n".join(f"- {n} % {p} = {r}" for p, r in rows)
        + f"\n\nNo remainder is 0, so {n} is prime.", "wrong",
        [Func("sqrt", Arg(n), root, f"√{n} ≈ {root}", kind="arithmetic"), Prime(n, True, f"{n} is prime")]
        + [Residue(n, p, r, f"{n} % {p} = {r}") for p, r in rows], f"{n} = 89 × 97.")

    # -- "%" with a negative left side: C and Python differ, and both are the same residue class --
    a, m = -7, 3
    py_r, c_r = pow(a, 1, m), -pow(-a, 1, m)
    add(K, f"What is {a} % {m} in Python, and what is it in C?",
        f"Python's % takes the sign of the divisor, so Python gives {a} % {m} = {py_r}. C's % truncates toward "
        f"zero, so C gives {a} % {m} = {c_r}. The two results differ by {m}, so they are the same residue class.",
        "correct", [Residue(a, m, py_r, f"{a} % {m} = {py_r}"), Residue(a, m, c_r, f"{a} % {m} = {c_r}")],
        f"Congruence semantics: {m} divides {py_r} − ({c_r}), so both remainders are right.".replace("-", "−"))

    n, d = 1001, 7
    bad = slip(pow(n, 1, d), d, 1)
    add(K, f"Is {n} divisible by {d}?", f"{n} % {d} = {bad}, which is not 0, so {n} is not divisible by {d}.",
        "wrong", [Residue(n, d, bad, f"{n} % {d} = {bad}"), Div(n, d, False, f"{n} is not divisible by {d}")],
        f"{n} = 7 × 11 × 13.")

    # -- Fermat's little theorem ---------------------------------------------------------------
    r10, r100 = pow(2, 10, 11), pow(2, 100, 11)
    add(K, "What is the remainder when 2^100 is divided by 11?",
        f"By Fermat's little theorem, 2^10 ≡ {r10} (mod 11). Since 100 is a multiple of 10, 2^100 ≡ {r100} (mod 11), "
        f"so the remainder is {r100}.", "correct",
        [Residue((2, 10), 11, r10, f"2^10 ≡ {r10} (mod 11)"), Div(100, 10, True, "100 is a multiple of 10"),
         Residue((2, 100), 11, r100, f"2^100 ≡ {r100} (mod 11)")], "")

    r6, r81 = pow(3, 6, 7), pow(81, 1, 7)
    assert 100 == 6 * 16 + 4 and 3**4 == 81 and pow(3, 100, 7) == r81
    bad = slip(r81, 7, 1)
    add(K, "Find 3^100 mod 7.",
        f"By Fermat's little theorem, 3^6 ≡ {r6} (mod 7). Since 100 = 6 × 16 + 4, 3^100 ≡ 3^4 (mod 7). Now 3^4 = 81 "
        f"and 81 mod 7 = {bad}, so 3^100 mod 7 = {bad}.", "wrong",
        [Residue((3, 6), 7, r6, f"3^6 ≡ {r6} (mod 7)"), Expr("6*16+4", "100", "100 = 6 × 16 + 4"),
         Expr("3**4", "81", "3^4 = 81"), Residue(81, 7, bad, f"81 mod 7 = {bad}"),
         Residue((3, 100), 7, bad, f"3^100 mod 7 = {bad}")],
        "The reduction of 81 is off by one; '3^100 ≡ 3^4 (mod 7)' is true but not one of the checkable forms.")

    r, r100 = pow(6, 1, 7) - 7, pow(6, 100, 7)
    add(K, "What is 6^100 mod 7?", f"Since 6 ≡ {r} (mod 7) and 100 is even, 6^100 ≡ {r100} (mod 7).".replace("-", "−"),
        "correct", [Residue(6, 7, r, f"6 ≡ {r} (mod 7)".replace("-", "−")), Parity(100, "even", "100 is even"),
                    Residue((6, 100), 7, r100, f"6^100 ≡ {r100} (mod 7)")], "6 ≡ −1 (mod 7) holds: 7 divides 6 − (−1).")

    bad = slip(pow(6, 101, 7), 7, 2)
    add(K, "What is 6^101 mod 7?", f"Since 6 ≡ {r} (mod 7) and 101 is odd, 6^101 ≡ {bad} (mod 7).".replace("-", "−"),
        "wrong", [Residue(6, 7, r, f"6 ≡ {r} (mod 7)".replace("-", "−")), Parity(101, "odd", "101 is odd"),
                  Residue((6, 101), 7, bad, f"6^101 ≡ {bad} (mod 7)")], "Sign lost: an odd power of −1 is −1.")

    r12, r50 = pow(2, 12, 13), pow(2, 50, 13)
    assert 50 == 4 * 12 + 2
    add(K, "Compute 2^50 mod 13.",
        f"Working mod 13: 2^12 = {r12} (mod 13) by Fermat, and 50 = 4 × 12 + 2, so 2^50 = {r50} (mod 13).", "correct",
        [Residue((2, 12), 13, r12, f"2^12 = {r12} (mod 13)"), Expr("4*12+2", "50", "50 = 4 × 12 + 2"),
         Residue((2, 50), 13, r50, f"2^50 = {r50} (mod 13)")], "Congruences written with '='.")

    r16 = pow(3, 16, 17)
    assert pow(3, 20, 17) == pow(81, 1, 17)
    bad = slip(pow(81, 1, 17), 17, -1)
    add(K, "What is 3^20 mod 17?",
        f"3^16 = {r16} (mod 17) by Fermat, so 3^20 has the same remainder as 3^4 = 81. Since 81 = {bad} (mod 17), "
        f"3^20 = {bad} (mod 17).", "wrong",
        [Residue((3, 16), 17, r16, f"3^16 = {r16} (mod 17)"), Expr("3**4", "81", "3^4 = 81"),
         Residue(81, 17, bad, f"81 = {bad} (mod 17)"), Residue((3, 20), 17, bad, f"3^20 = {bad} (mod 17)")],
        "81 = 4 × 17 + 13.")

    # -- last digits ---------------------------------------------------------------------------
    e4, last = pow(2023, 1, 4), pow(3, 2023, 10)
    assert pow(3, e4, 10) == last
    add(K, "What is the last digit of 3^2023?",
        f"The last digits of powers of 3 repeat with period 4: 3, 9, 7, 1. Since 2023 mod 4 = {e4}, the last digit of "
        f"3^2023 is the last digit of 3^{e4} = {3**e4}. So 3^2023 mod 10 = {last}, and the last digit is {last}.",
        "correct", [Residue(2023, 4, e4, f"2023 mod 4 = {e4}"), Expr(f"3**{e4}", str(3**e4), f"3^{e4} = {3**e4}"),
                    Residue((3, 2023), 10, last, f"3^2023 mod 10 = {last}")], "")

    bad_e = slip(pow(2023, 1, 4), 4, 2)
    bad_last = pow(7, bad_e, 10)
    assert (bad_last - pow(7, 2023, 10)) % 10 != 0
    add(K, "What is the last digit of 7^2023?",
        f"The last digits of powers of 7 repeat every 4: 7, 9, 3, 1. Since 2023 mod 4 = {bad_e}, the last digit "
        f"matches 7^{bad_e}, so 7^2023 mod 10 = {bad_last}.", "wrong",
        [Residue(2023, 4, bad_e, f"2023 mod 4 = {bad_e}"), Residue((7, 2023), 10, bad_last, f"7^2023 mod 10 = {bad_last}")],
        "2023 = 4 × 505 + 3.")

    e4 = pow(222, 1, 4)
    bad = slip(pow(7, 222, 10), 10, 4)
    add(K, "What is the last digit of 7^222?",
        f"The last digits of powers of 7 cycle 7, 9, 3, 1, and $222 \\bmod 4 = {e4}$, so $7^{{222}} \\bmod 10 = {bad}$.",
        "wrong", [Residue(222, 4, e4, f"222 \\bmod 4 = {e4}"), Residue((7, 222), 10, bad, f"7^{{222}} \\bmod 10 = {bad}")],
        "Remainder 2 picks the second entry of the cycle, 9.")

    r = pow(2, 64, 1000)
    add(K, "What are the last three digits of 2^64?",
        f"$2^{{64}} = {2**64}$, so $2^{{64}} \\bmod 1000 = {r}$: the last three digits are {r}.", "correct",
        [Expr("2**64", str(2**64), f"2^{{64}} = {2**64}"), Residue((2, 64), 1000, r, f"2^{{64}} \\bmod 1000 = {r}")], "")

    # -- LaTeX, and the same sum with brackets --
    a5, b5 = pow(3, 5, 11), pow(4, 5, 11)
    ra, rb, rs = pow(3, 105, 11), pow(4, 105, 11), (pow(3, 105, 11) + pow(4, 105, 11)) % 11
    add(K, "What is the remainder when 3^105 + 4^105 is divided by 11?",
        f"\\(3^{{5}} = 243 \\equiv {a5} \\pmod{{11}}\\), and 105 is a multiple of 5, so \\(3^{{105}} \\equiv {ra} "
        f"\\pmod{{11}}\\). Likewise \\(4^{{5}} = 1024 \\equiv {b5} \\pmod{{11}}\\), so \\(4^{{105}} \\equiv {rb} "
        f"\\pmod{{11}}\\). Hence \\((3^{{105}} + 4^{{105}}) \\bmod 11 = {rs}\\): the remainder is {rs}.", "correct",
        [Expr("3**5", "243", "3^{5} = 243"), Residue(243, 11, a5, f"243 \\equiv {a5} \\pmod{{11}}"),
         Div(105, 5, True, "105 is a multiple of 5"), Residue((3, 105), 11, ra, f"3^{{105}} \\equiv {ra} \\pmod{{11}}"),
         Expr("4**5", "1024", "4^{5} = 1024"), Residue(1024, 11, b5, f"1024 \\equiv {b5} \\pmod{{11}}"),
         Residue((4, 105), 11, rb, f"4^{{105}} \\equiv {rb} \\pmod{{11}}"),
         Residue("3**105+4**105", 11, rs, f"(3^{{105}} + 4^{{105}}) \\bmod 11 = {rs}")], "")

    a6, b3, ra = pow(3, 6, 7), pow(4, 3, 7), pow(3, 105, 7)
    assert 105 == 6 * 17 + 3
    bad_b = slip(pow(4, 105, 7), 7, 3)
    bad_s = (ra + bad_b) % 7
    assert (bad_s - (pow(3, 105, 7) + pow(4, 105, 7))) % 7 != 0
    add(K, "What is the remainder when 3^105 + 4^105 is divided by 7?",
        f"\\(3^{{6}} \\equiv {a6} \\pmod{{7}}\\) and \\(105 = 6 \\cdot 17 + 3\\), so \\(3^{{105}} \\equiv {ra} \\pmod{{7}}\\). "
        f"Next, \\(4^{{3}} = 64 \\equiv {b3} \\pmod{{7}}\\), so \\(4^{{105}} \\equiv {bad_b} \\pmod{{7}}\\). Hence "
        f"\\((3^{{105}} + 4^{{105}}) \\bmod 7 = {bad_s}\\).", "wrong",
        [Residue((3, 6), 7, a6, f"3^{{6}} \\equiv {a6} \\pmod{{7}}"), Expr("6*17+3", "105", "105 = 6 \\cdot 17 + 3"),
         Residue((3, 105), 7, ra, f"3^{{105}} \\equiv {ra} \\pmod{{7}}"), Expr("4**3", "64", "4^{3} = 64"),
         Residue(64, 7, b3, f"64 \\equiv {b3} \\pmod{{7}}"),
         Residue((4, 105), 7, bad_b, f"4^{{105}} \\equiv {bad_b} \\pmod{{7}}"),
         Residue("3**105+4**105", 7, bad_s, f"(3^{{105}} + 4^{{105}}) \\bmod 7 = {bad_s}")],
        "105 is a multiple of 3, so 4^105 ≡ 1 and 7 divides the sum.")

    # -- the powers of 2 modulo 641 (Euler's factor of 2^32 + 1), as a chain --------------------
    r16 = pow(2**16, 1, 641)
    sq = r16 * r16
    r32 = pow(2, 32, 641)
    assert pow(sq, 1, 641) == r32 == 640
    add(K, "Show that 641 divides 2^32 + 1.",
        f"2^16 = {2**16}, and {2**16} mod 641 = {r16}. Squaring, 2^32 mod 641 = ({r16} * {r16}) mod 641 = {sq} mod 641 "
        f"= {r32}. So 2^32 ≡ −1 (mod 641), which means 641 divides 2^32 + 1 = {2**32 + 1}.", "correct",
        [Expr("2**16", str(2**16), f"2^16 = {2**16}"), Residue(2**16, 641, r16, f"{2**16} mod 641 = {r16}"),
         Residue(f"{r16}*{r16}", 641, sq, f"({r16} * {r16}) mod 641 = {sq}"),
         Residue(sq, 641, r32, f"{sq} mod 641 = {r32}"), Residue((2, 32), 641, -1, "2^32 ≡ −1 (mod 641)"),
         Expr("2**32+1", str(2**32 + 1), f"2^32 + 1 = {2**32 + 1}")], "")

    bad_sq = sq - 100
    bad_r = pow(bad_sq, 1, 641)
    add(K, "Does 641 divide 2^32 + 1?",
        f"2^16 = {2**16}, and {2**16} mod 641 = {r16}. Squaring, 2^32 mod 641 = ({r16} * {r16}) mod 641 = {bad_sq} mod 641 "
        f"= {bad_r}. So 2^32 ≡ {bad_r} (mod 641), and 641 does not divide 2^32 + 1.", "wrong",
        [Expr("2**16", str(2**16), f"2^16 = {2**16}"), Residue(2**16, 641, r16, f"{2**16} mod 641 = {r16}"),
         Residue(f"{r16}*{r16}", 641, bad_sq, f"({r16} * {r16}) mod 641 = {bad_sq}"),
         Residue(bad_sq, 641, bad_r, f"{bad_sq} mod 641 = {bad_r}"),
         Residue((2, 32), 641, bad_r, f"2^32 ≡ {bad_r} (mod 641)")],
        f"{r16} × {r16} = {sq}, not {bad_sq}; 2^32 ≡ −1 (mod 641), so 641 does divide 2^32 + 1.")

    # one doubling step of a modular exponentiation
    v = 603 * 2
    r = pow(v, 1, 641)
    add(K, "In a modular exponentiation loop the running value is 603 and the modulus is 641. What is it after "
        "doubling?", f"603 × 2 = {v}, and {v} − 641 = {v - 641}, so {v} mod 641 = {r}. The new value is {r}.", "correct",
        [Expr("603*2", str(v), f"603 × 2 = {v}"), Expr(f"{v}-641", str(v - 641), f"{v} − 641 = {v - 641}"),
         Residue(v, 641, r, f"{v} mod 641 = {r}")], "")
    bad = slip(r, 641, -40)
    add(K, "In a modular exponentiation loop the running value is 603 and the modulus is 641. What is it after "
        "doubling?", f"603 × 2 = {v}, and {v} − 641 = {bad}, so {v} mod 641 = {bad}. The new value is {bad}.", "wrong",
        [Expr("603*2", str(v), f"603 × 2 = {v}"), Expr(f"{v}-641", str(bad), f"{v} − 641 = {bad}"),
         Residue(v, 641, bad, f"{v} mod 641 = {bad}")], "Subtraction slip.")

    # -- Chinese remainder theorem -------------------------------------------------------------
    def crt_text(rs, ms, final=None):
        big = 1
        for m in ms:
            big *= m
        parts, claims, terms = [], [], []
        for r, m in zip(rs, ms):
            part = big // m
            red = pow(part, 1, m)
            inv = pow(part, -1, m)
            if red == 1:
                parts.append(f"- {part} ≡ 1 (mod {m}), so its inverse is 1.")
                claims.append(Residue(part, m, 1, f"{part} ≡ 1 (mod {m})"))
            else:
                parts.append(f"- {part} ≡ {red} (mod {m}), and its inverse is {inv}, since {red} × {inv} = {red * inv} "
                             f"≡ 1 (mod {m}).")
                claims += [Residue(part, m, red, f"{part} ≡ {red} (mod {m})"),
                           Expr(f"{red}*{inv}", str(red * inv), f"{red} × {inv} = {red * inv}"),
                           Residue(red * inv, m, 1, f"{red * inv} ≡ 1 (mod {m})")]
            terms.append((r, part, inv))
        total = sum(r * p * i for r, p, i in terms)
        x = pow(total, 1, big)
        stated = x if final is None else final
        lhs = " + ".join(f"{r} · {p} · {i}" for r, p, i in terms)
        mid = " + ".join(str(r * p * i) for r, p, i in terms)
        text = (f"The moduli are pairwise coprime, with product {big}. The partial products are "
                + ", ".join(str(big // m) for m in ms[:-1]) + f" and {big // ms[-1]}.\n\n" + "\n".join(parts)
                + f"\n\nx = {lhs} = {mid} = {total}, and {total} mod {big} = {stated}. So x = {stated}.")
        claims += [Expr("+".join(f"{r}*{p}*{i}" for r, p, i in terms), str(total), f"{lhs} = {mid}"),
                   Expr("+".join(str(r * p * i) for r, p, i in terms), str(total), f"{mid} = {total}"),
                   Residue(total, big, stated, f"{total} mod {big} = {stated}")]
        return text, claims, x

    rs, ms = (2, 3, 2), (3, 5, 7)
    text, claims, x = crt_text(rs, ms)
    checks = [(m, pow(x, 1, m)) for m in ms]
    assert [r for _, r in checks] == list(rs)
    text += " Check: " + ", ".join(f"{x} mod {m} = {r}" for m, r in checks) + "."
    claims += [Residue(x, m, r, f"{x} mod {m} = {r}") for m, r in checks]
    add(K, "Find the smallest positive x with x ≡ 2 (mod 3), x ≡ 3 (mod 5) and x ≡ 2 (mod 7).", text, "correct", claims,
        "")

    rs, ms = (1, 2, 3), (4, 5, 7)
    x_true = crt_text(rs, ms)[2]
    text, claims, _ = crt_text(rs, ms, final=x_true + 20)
    add(K, "Solve x ≡ 1 (mod 4), x ≡ 2 (mod 5), x ≡ 3 (mod 7).", text, "wrong", claims,
        f"Every step is right until the last reduction: x = {x_true}.")

    # -- pseudoprimes, RSA, inverses, clocks, big powers ---------------------------------------
    r = pow(2, 340, 341)
    add(K, "Is 341 a Fermat pseudoprime to base 2?",
        f"Yes. 2^340 ≡ {r} mod 341, but 341 is composite, since 341 = 11 × 31. A composite n with 2^(n−1) ≡ 1 (mod n) "
        "is a Fermat pseudoprime to base 2, so 341 is one (the smallest).", "correct",
        [Residue((2, 340), 341, r, f"2^340 ≡ {r} mod 341"), Prime(341, False, "341 is composite"),
         Prod(341, [(11, 1), (31, 1)], "341 = 11 × 31")], "")
    assert pow(3, 340, 341) != 1
    add(K, "Is 341 a Fermat pseudoprime to base 3?",
        "Yes: 3^340 ≡ 1 mod 341, and 341 is composite (341 = 11 × 31), so 341 is a Fermat pseudoprime to base 3.",
        "wrong", [Residue((3, 340), 341, 1, "3^340 ≡ 1 mod 341"), Prime(341, False, "341 is composite"),
                  Prod(341, [(11, 1), (31, 1)], "341 = 11 × 31")], "341 is not a pseudoprime to base 3.")

    c = pow(65, 17, 3233)
    back = pow(c, 2753, 3233)
    assert back == 65
    add(K, "Textbook RSA with n = 3233, e = 17 and d = 2753: encrypt the message 65, then decrypt it.",
        f"The ciphertext is c = 65^17 mod 3233 = {c}. Decrypting, {c}^2753 mod 3233 = {back}, which is the message "
        "again.", "correct",
        [Residue((65, 17), 3233, c, f"65^17 mod 3233 = {c}"), Residue((c, 2753), 3233, back, f"{c}^2753 mod 3233 = {back}")],
        "")
    bad_c = slip(pow(123, 17, 3233), 3233, 30)
    assert pow(bad_c, 2753, 3233) != 123
    add(K, "Textbook RSA with n = 3233, e = 17 and d = 2753: encrypt the message 123, then decrypt it.",
        f"The ciphertext is c = 123^17 mod 3233 = {bad_c}. Decrypting, {bad_c}^2753 mod 3233 = 123, which is the "
        "message again.", "wrong",
        [Residue((123, 17), 3233, bad_c, f"123^17 mod 3233 = {bad_c}"),
         Residue((bad_c, 2753), 3233, 123, f"{bad_c}^2753 mod 3233 = 123")], f"123^17 mod 3233 = {pow(123, 17, 3233)}.")

    inv = pow(3, -1, 11)
    add(K, "Find the inverse of 3 modulo 11.",
        f"3 × {inv} = {3 * inv} ≡ {pow(3 * inv, 1, 11)} (mod 11), so the inverse of 3 modulo 11 is {inv}.", "correct",
        [Expr(f"3*{inv}", str(3 * inv), f"3 × {inv} = {3 * inv}"),
         Residue(3 * inv, 11, 1, f"{3 * inv} ≡ 1 (mod 11)")], "")
    assert pow(7, -1, 26) != 11 and pow(77, 1, 26) != 1
    add(K, "Find the inverse of 7 modulo 26.", "7 × 11 = 77 ≡ 1 (mod 26), so the inverse of 7 modulo 26 is 11.",
        "wrong", [Expr("7*11", "77", "7 × 11 = 77"), Residue(77, 26, 1, "77 ≡ 1 (mod 26)")],
        f"The inverse is {pow(7, -1, 26)}: 7 × {pow(7, -1, 26)} = {7 * pow(7, -1, 26)} = 4 × 26 + 1.")

    r = pow(100, 1, 12)
    add(K, "It is 9 o'clock now. What time will it be in 100 hours?",
        f"Only the remainder matters: 100 modulo 12 = {r}, so the hands move {r} hours past 9. Since 9 + {r} = {9 + r}, "
        f"it will be {9 + r - 12} o'clock.", "correct",
        [Residue(100, 12, r, f"100 modulo 12 = {r}"), Expr(f"9+{r}", str(9 + r), f"9 + {r} = {9 + r}")], "")
    bad = slip(pow(1000, 1, 7), 7, -1)
    add(K, "Today is Monday. What day of the week will it be 1000 days from now?",
        f"1000 mod 7 = {bad}, so we move {bad} days forward from Monday: it will be a Saturday.", "wrong",
        [Residue(1000, 7, bad, f"1000 mod 7 = {bad}")], "1000 = 7 × 142 + 6: Sunday.")

    r6, r = pow(10, 6, 7), pow(10, 1980, 7)
    add(K, "What is 10^1980 mod 7?",
        f"Since 10^6 ≡ {r6} (mod 7) and 1980 is a multiple of 6, 10^1980 ≡ {r} (mod 7). The remainder is {r}.",
        "correct", [Residue((10, 6), 7, r6, f"10^6 ≡ {r6} (mod 7)"), Div(1980, 6, True, "1980 is a multiple of 6"),
                    Residue((10, 1980), 7, r, f"10^1980 ≡ {r} (mod 7)")], "")
    assert 1981 == 6 * 330 + 1
    bad = slip(pow(10, 1, 7), 7, 1)
    add(K, "What is 10^1981 mod 7?",
        f"1981 = 6 × 330 + 1, so 10^1981 leaves the same remainder as 10, and 10 mod 7 = {bad}. So 10^1981 mod 7 = {bad}.",
        "wrong", [Expr("6*330+1", "1981", "1981 = 6 × 330 + 1"), Residue(10, 7, bad, f"10 mod 7 = {bad}"),
                  Residue((10, 1981), 7, bad, f"10^1981 mod 7 = {bad}")], "10 = 7 + 3.")

    # -- no claims: letters, an unbracketed sum before "mod", a theorem ---------------------------
    add(K, "Show that a perfect square is never 2 mod 3.",
        "Write x = 3k + r with r = 0, 1 or 2. Then x mod 3 = 2 when x = 3k + 2, and in that case x² = 9k² + 12k + 4 = "
        "3(3k² + 4k + 1) + 1, so x² mod 3 = 1. The cases r = 0 and r = 1 give x² mod 3 = 0 and x² mod 3 = 1. So no "
        "square leaves remainder 2 on division by 3.", "no_claims", [], "Every relation has a letter in it.")
    add(K, "What is 3^105 + 4^105 mod 7?",
        "Do you mean (3^105 + 4^105) mod 7, the remainder of the whole sum, or 3^105 + (4^105 mod 7)? As written, "
        "3^105 + 4^105 mod 7 can be read either way, so tell me which one you want.", "no_claims", [],
        "A clarifying question.")
    # An unbracketed sum before "mod" is read as the sum modulo m: the other reading, 3^105 + (4^105 mod 7) = r,
    # implies the congruence, so a claim false as read is false either way.
    add(K, "Is 3^105 + 4^105 divisible by 7?",
        "Reducing each power first, 3^105 + 4^105 mod 7 = 0, so 7 divides the sum.", "correct",
        [Residue("3**105+4**105", 7, 0, "3^105 + 4^105 mod 7 = 0")], "")
    add(K, "What is 3^105 + 4^105 modulo 7?",
        "Since 3^6 ≡ 1 (mod 7) and 4^3 ≡ 1 (mod 7), each power reduces to 1, so 3^105 + 4^105 mod 7 = 2.", "wrong",
        [Residue((3, 6), 7, 1, "3^6 ≡ 1 (mod 7)"), Residue((4, 3), 7, 1, "4^3 ≡ 1 (mod 7)"),
         Residue("3**105+4**105", 7, 2, "3^105 + 4^105 mod 7 = 2")],
        "3^105 ≡ 3^3 ≡ 6 (mod 7): the sum is 0 modulo 7.")
    add(K, "Solve x ≡ 177 (mod 641) and x ≡ 3 (mod 5).",
        "From x ≡ 177 (mod 641), write x = 641k + 177 for an integer k. Substituting into x ≡ 3 (mod 5) gives a "
        "congruence for k modulo 5, which is easy to solve once 641 and 177 are reduced modulo 5.", "no_claims", [],
        "A plan; the congruences are about the unknown x.")
    add(K, "What does n mod 10 = 7 tell you about n?",
        "It means that n ends in the digit 7: n = 10q + 7 for some integer q. So any n with n mod 10 = 7 is odd, and "
        "n mod 5 = 2.", "no_claims", [], "About a letter.")
    add(K, "State Fermat's little theorem.",
        "If p is prime and a is not divisible by p, then a^(p−1) ≡ 1 (mod p). Equivalently, a^p ≡ a (mod p) for every "
        "integer a.", "no_claims", [], "Theorem statement only.")


ARITHMETIC_GEN = [(ar_mul_steps, 10), (ar_addsub, 8), (ar_word, 8), (ar_div, 6), (ar_pow, 6), (ar_sqrt, 6),
                  (ar_big, 4), (ar_chain, 4)]


# ==============================================================================================
# FUNCTION VALUES
# ==============================================================================================

FULL = {"sin": "sine", "cos": "cosine", "tan": "tangent", "asin": "arcsine", "acos": "arccosine",
        "atan": "arctangent", "ln": "natural logarithm", "log10": "base-10 logarithm", "exp": "exponential",
        "sqrt": "square root"}


def tv_of(f, arg):
    return mp_value(f, arg)


def dec_str(v, k, mode="round", minus="-"):
    return fmt_dec(round_dec(v, k) if mode == "round" else trunc_dec(v, k), minus)


def wrong_value(f, arg, k, true_s, modes):
    """A wrong decimal for f(arg) with k places and the mode used."""
    m = rng.choice(modes)
    with mpmath.workdps(DPS):
        if m == "sign":
            v = -tv_of(f, arg)
        elif m == "degree_mode":
            v = tv_of(f, Arg(arg.coef, arg.has_pi, "deg"))
        elif m == "radian_mode":
            v = tv_of(f, Arg(arg.coef, arg.has_pi, "rad"))
        elif m == "other_fn":
            v = tv_of({"sin": "cos", "cos": "sin", "tan": "sin"}[f], arg)
        else:
            return bad_dec(true_s, 3), "digits"
    if abs(v) > 10**6:
        return bad_dec(true_s, 3), "digits"
    s = dec_str(v, k)
    ok, _, units = judge_decimal(tv_of(f, arg), s)
    if ok or units < 3:
        return bad_dec(true_s, 3), "digits"
    return s, m


def rand_rad_arg():
    t = rng.randrange(4)
    if t == 0:
        return Arg(rng.randrange(2, 10000))
    if t == 1:
        return Arg(rng.randrange(1, 30))
    k = rng.randint(1, 3)
    v = rng.randrange(1, 10 ** (k + 1)) * pick(1, 1, -1)
    from decimal import Decimal
    return Arg(format(Decimal(v).scaleb(-k), "f"))


def arg_txt(arg):
    c = arg.coef
    if c.denominator == 1:
        return str(c.numerator)
    from decimal import Decimal
    return format((Decimal(c.numerator) / Decimal(c.denominator)).normalize(), "f")


def fn_rad(want):
    f = pick("sin", "cos", "tan", "sin", "cos")
    arg = rand_rad_arg()
    while f == "tan" and abs(mpmath.cos(arg.mp()[0])) < 0.05:
        arg = rand_rad_arg()
    tv = tv_of(f, arg)
    k = rng.randint(2, 16)
    mode = pick("round", "round", "trunc")
    y = dec_str(tv, k, mode)
    note = ""
    if want == "wrong":
        y, m = wrong_value(f, arg, k, y, ["sign", "degree_mode", "digits", "other_fn", "degree_mode"])
        note = {"degree_mode": "Computed in degree mode.", "sign": "Sign error.", "other_fn": "Value of the wrong "
                "function.", "digits": "Wrong digits."}[m] + f" True value {fmt_dec(round_dec(tv, k + 3))}…"
    x = arg_txt(arg)
    if y.startswith("-") and rng.random() < 0.3:
        y = MINUS + y[1:]
    st = rng.randrange(6)
    if st == 0:
        resp = f"{f}({x} radians) ≈ {y}"
        text = resp
    elif st == 1:
        resp = f"The {FULL[f]} of {x} radians is approximately {y}."
        text = resp[:-1]
    elif st == 2:
        resp = f"$\\{f}({x}) \\approx {y}$"
        text = resp.strip("$")
    elif st == 3:
        resp = f"{f} {x} ≈ {y}"
        text = resp
    elif st == 4:
        resp = (f"To find {f}({x}), make sure your calculator is in radian mode. Then:\n\n$$\\{f}({x}) \\approx {y}$$")
        text = f"\\{f}({x}) \\approx {y}"
    else:
        resp = f"Using radians, {f}({x}) = {y}" + (f" (rounded to {k} decimal places)." if mode == "round" else "…")
        text = f"{f}({x}) = {y}"
    prompt = pick(f"What is {f}({x} radians)?", f"What is the {FULL[f]} of {x} radians?", f"Compute {f}({x}).",
                  f"Evaluate $\\{f}({x})$ (radians).")
    if st == 5 and mode == "round" and want == "wrong":
        resp = resp.replace(f" (rounded to {k} decimal places).", ".")
    return prompt, resp, [Func(f, arg, y, text)], want, note


def fn_deg(want):
    f = pick("sin", "cos", "tan")
    from decimal import Decimal
    while True:
        x = Decimal(rng.randrange(1, 720)) if rng.random() < 0.8 else Decimal(rng.randrange(1, 3600)).scaleb(-1)
        arg = Arg(str(x), unit="deg")
        if x % 15 and (f != "tan" or abs(tv_of("cos", arg)) > 0.05):
            break
    tv = tv_of(f, arg)
    k = rng.randint(2, 12)
    y = dec_str(tv, k, pick("round", "round", "trunc"))
    note = ""
    if want == "wrong":
        y, m = wrong_value(f, arg, k, y, ["radian_mode", "radian_mode", "sign", "digits", "other_fn"])
        note = {"radian_mode": "Computed in radian mode.", "sign": "Sign error.",
                "other_fn": "Value of the wrong function.", "digits": "Wrong digits."}[m] + \
            f" True value {fmt_dec(round_dec(tv, k + 3))}…"
    xs = str(x)
    st = rng.randrange(4)
    if st == 0:
        resp = f"{f}({xs}°) ≈ {y}"
        text = resp
    elif st == 1:
        resp = f"The {FULL[f]} of {xs} degrees is approximately {y}."
        text = resp[:-1]
    elif st == 2:
        resp = f"$\\{f}({xs}^\\circ) \\approx {y}$"
        text = resp.strip("$")
    else:
        resp = f"With the calculator in degree mode: {f}({xs}°) = {y}"
        text = f"{f}({xs}°) = {y}"
    prompt = pick(f"What is {f}({xs}°)?", f"What is the {FULL[f]} of {xs} degrees?", f"Find {f} {xs}°.")
    return prompt, resp, [Func(f, arg, y, text)], want, note


# (function, coef, has_pi, unit, exact value in sympy syntax)
SPECIAL = [
    ("sin", "1/6", True, "rad", "1/2"), ("sin", "1/4", True, "rad", "sqrt(2)/2"), ("sin", "1/3", True, "rad", "sqrt(3)/2"),
    ("cos", "1/6", True, "rad", "sqrt(3)/2"), ("cos", "1/4", True, "rad", "sqrt(2)/2"), ("cos", "1/3", True, "rad", "1/2"),
    ("tan", "1/4", True, "rad", "1"), ("tan", "1/6", True, "rad", "sqrt(3)/3"), ("tan", "1/3", True, "rad", "sqrt(3)"),
    ("cos", "2/3", True, "rad", "-1/2"), ("sin", "2/3", True, "rad", "sqrt(3)/2"), ("sin", "5/6", True, "rad", "1/2"),
    ("cos", "5/6", True, "rad", "-sqrt(3)/2"), ("sin", "7/6", True, "rad", "-1/2"), ("cos", "1", True, "rad", "-1"),
    ("sin", "1", True, "rad", "0"), ("cos", "3/2", True, "rad", "0"), ("sin", "3/2", True, "rad", "-1"),
    ("tan", "3/4", True, "rad", "-1"), ("cos", "7/4", True, "rad", "sqrt(2)/2"), ("sin", "11/6", True, "rad", "-1/2"),
    ("cos", "1/5", True, "rad", "(1+sqrt(5))/4"), ("sin", "1/12", True, "rad", "(sqrt(6)-sqrt(2))/4"),
    ("cos", "1/12", True, "rad", "(sqrt(6)+sqrt(2))/4"), ("tan", "1/12", True, "rad", "2-sqrt(3)"),
    ("tan", "1/8", True, "rad", "sqrt(2)-1"),
    ("sin", "30", False, "deg", "1/2"), ("cos", "60", False, "deg", "1/2"), ("sin", "45", False, "deg", "sqrt(2)/2"),
    ("tan", "60", False, "deg", "sqrt(3)"), ("cos", "120", False, "deg", "-1/2"), ("sin", "150", False, "deg", "1/2"),
    ("cos", "135", False, "deg", "-sqrt(2)/2"), ("sin", "210", False, "deg", "-1/2"), ("tan", "135", False, "deg", "-1"),
    ("sin", "18", False, "deg", "(sqrt(5)-1)/4"), ("cos", "36", False, "deg", "(1+sqrt(5))/4"),
    ("tan", "15", False, "deg", "2-sqrt(3)"), ("sin", "270", False, "deg", "-1"), ("cos", "180", False, "deg", "-1"),
    ("sin", "390", False, "deg", "1/2"), ("cos", "300", False, "deg", "1/2"), ("sin", "-30", False, "deg", "-1/2"),
    ("sin", "60", False, "deg", "sqrt(3)/2"), ("cos", "30", False, "deg", "sqrt(3)/2"), ("tan", "45", False, "deg", "1"),
]
VAL_FORMS = {  # sympy string -> (plain, latex)
    "1/2": ("1/2", "\\frac{1}{2}"), "-1/2": ("−1/2", "-\\frac{1}{2}"), "sqrt(2)/2": ("√2/2", "\\frac{\\sqrt{2}}{2}"),
    "-sqrt(2)/2": ("−√2/2", "-\\frac{\\sqrt{2}}{2}"), "sqrt(3)/2": ("√3/2", "\\frac{\\sqrt{3}}{2}"),
    "-sqrt(3)/2": ("−√3/2", "-\\frac{\\sqrt{3}}{2}"), "1": ("1", "1"), "-1": ("−1", "-1"), "0": ("0", "0"),
    "sqrt(3)": ("√3", "\\sqrt{3}"), "sqrt(3)/3": ("√3/3", "\\frac{\\sqrt{3}}{3}"), "-sqrt(3)": ("−√3", "-\\sqrt{3}"),
    "(1+sqrt(5))/4": ("(1 + √5)/4", "\\frac{1+\\sqrt{5}}{4}"), "(sqrt(5)-1)/4": ("(√5 − 1)/4", "\\frac{\\sqrt{5}-1}{4}"),
    "(sqrt(6)-sqrt(2))/4": ("(√6 − √2)/4", "\\frac{\\sqrt{6}-\\sqrt{2}}{4}"),
    "(sqrt(6)+sqrt(2))/4": ("(√6 + √2)/4", "\\frac{\\sqrt{6}+\\sqrt{2}}{4}"), "2-sqrt(3)": ("2 − √3", "2-\\sqrt{3}"),
    "2+sqrt(3)": ("2 + √3", "2+\\sqrt{3}"), "sqrt(3)-1": ("√3 − 1", "\\sqrt{3}-1"), "sqrt(2)-1": ("√2 − 1", "\\sqrt{2}-1"), "1/sqrt(3)": ("1/√3", "\\frac{1}{\\sqrt{3}}"),
}
WRONG_SWAP = {"1/2": ["sqrt(3)/2", "-1/2", "sqrt(2)/2"], "-1/2": ["1/2", "-sqrt(3)/2"], "sqrt(2)/2": ["1/2", "-sqrt(2)/2"],
              "-sqrt(2)/2": ["sqrt(2)/2"], "sqrt(3)/2": ["1/2", "sqrt(3)"], "-sqrt(3)/2": ["sqrt(3)/2", "-1/2"],
              "1": ["0", "-1", "sqrt(3)"], "-1": ["1", "0"], "0": ["1", "-1"], "sqrt(3)": ["sqrt(3)/3", "sqrt(3)/2"],
              "sqrt(3)/3": ["sqrt(3)", "1/2"], "(1+sqrt(5))/4": ["(sqrt(5)-1)/4"], "(sqrt(5)-1)/4": ["(1+sqrt(5))/4"],
              "(sqrt(6)-sqrt(2))/4": ["(sqrt(6)+sqrt(2))/4"], "(sqrt(6)+sqrt(2))/4": ["(sqrt(6)-sqrt(2))/4"],
              "2-sqrt(3)": ["2+sqrt(3)", "sqrt(3)"], "sqrt(2)-1": ["1/2", "sqrt(3)-1"]}


def arg_forms(coef, has_pi, unit):
    """(plain, latex) renderings of a special argument."""
    from fractions import Fraction
    c = Fraction(coef)
    if unit == "deg":
        return f"{coef}°", f"{coef}^\\circ"
    num = "" if c.numerator == 1 else str(c.numerator)
    if c.denominator == 1:
        return f"{num}π", f"{num}\\pi"
    return f"{num}π/{c.denominator}", f"\\frac{{{num}\\pi}}{{{c.denominator}}}"


def fn_exact(want):
    f, coef, has_pi, unit, val = rng.choice(SPECIAL)
    arg = Arg(coef, has_pi, unit)
    shown = val if want == "correct" else rng.choice(WRONG_SWAP[val])
    if want == "correct" and val == "sqrt(3)/3" and rng.random() < 0.5:
        shown = "1/sqrt(3)"
    ap, al = arg_forms(coef, has_pi, unit)
    vp, vl = VAL_FORMS[shown]
    st = rng.randrange(4)
    if st == 0:
        resp = f"{f}({ap}) = {vp}"
        text = resp
    elif st == 1:
        resp = f"$\\{f}\\left({al}\\right) = {vl}$"
        text = resp.strip("$")
    elif st == 2:
        resp = f"The exact value is {f}({ap}) = {vp}."
        text = f"{f}({ap}) = {vp}"
    else:
        resp = f"Using the unit circle,\n\n$$\\{f}\\left({al}\\right) = {vl}.$$"
        text = f"\\{f}\\left({al}\\right) = {vl}"
    prompt = pick(f"What is the exact value of {f}({ap})?", f"Find {f}({ap}) exactly.", f"What is {f}({ap})?")
    note = "" if want == "correct" else f"{f}({ap}) = {VAL_FORMS[val][0]}."
    return prompt, resp, [Func(f, arg, shown, text)], want, note


UNITQ = [("sin", 30), ("cos", 60), ("sin", 45), ("cos", 45), ("tan", 45), ("sin", 60), ("cos", 30), ("tan", 60),
         ("sin", 90), ("cos", 120), ("sin", 150), ("cos", 180)]


def fn_unitq(want):
    """The unit is only in the question (or nowhere): the claim itself says sin(30) with no unit."""
    f, x = rng.choice(UNITQ)
    u = pick("deg", "rad", "none", "deg")
    prompt = {"deg": pick(f"What is {f}({x}), where the angle is in degrees?", f"In degrees, what is {f}({x})?",
                          f"My calculator is in degree mode. What should {f}({x}) give?"),
              "rad": pick(f"What is {f}({x})? The angle is in radians.", f"Compute {f}({x}) with {x} in radians."),
              "none": pick(f"What is {f}({x})?", f"Evaluate {f}({x}).")}[u]
    eff = "deg" if u == "deg" else "rad"
    arg = Arg(x, unit=eff)
    tv = tv_of(f, arg)
    other = tv_of(f, Arg(x, unit="rad" if eff == "deg" else "deg"))
    k = rng.randint(2, 6)
    right = want == "correct"
    use_v = tv if right else other
    special = {(sp[0], int(sp[1])): sp[4] for sp in SPECIAL if sp[3] == "deg"}
    states_degree_value = (right and eff == "deg") or (not right and eff == "rad")
    if states_degree_value and (f, x) in special and rng.random() < 0.6:
        stated = special[(f, x)]
        vp, vl = VAL_FORMS[stated]
    else:
        stated = dec_str(use_v, k)
        vp = vl = stated
    st = rng.randrange(3)
    if st == 0:
        resp = text = f"{f}({x}) = {vp}"
    elif st == 1 and "." in vp:
        resp = text = f"{f}({x}) ≈ {vp}"
    else:
        resp = f"$\\{f}({x}) = {vl}$"
        text = resp.strip("$")
    unit_word = {"deg": "degrees (from the question)", "rad": "radians (from the question)",
                 "none": "radians (no unit given)"}[u]
    note = f"Unit: {unit_word}; {f}({x}) = {fmt_dec(round_dec(tv, 6))}…"
    return prompt, resp, [Func(f, arg, stated, text)], want, note


BIG = [10**5, 10**6, 10**8, 10**10, 10**12, 10**15, 10**16, 10**18, 10**20, 10**22, 10**100, 2**64, 123456789,
       987654321987]


def fn_big(want):
    f = pick("sin", "cos")
    n = rng.choice(BIG)
    arg = Arg(n)
    tv = tv_of(f, arg)
    k = rng.randint(3, 16)
    y = dec_str(tv, k, pick("round", "trunc"))
    note = ""
    if want == "wrong":
        y, m = wrong_value(f, arg, k, y, ["sign", "digits", "other_fn"])
        note = f"True value {fmt_dec(round_dec(tv, k + 3))}…"
    e = None
    for j in range(5, 101):
        if n == 10**j:
            e = j
    st = rng.randrange(4)
    if e is not None and st == 0:
        xs = f"10^{e}"
    elif e is not None and st == 1:
        xs = f"1e{e}"
    elif e is not None and st == 2:
        xs = f"10^{{{e}}}"
    else:
        xs = str(n)
    if st == 2 and e is not None:
        resp = f"With correct argument reduction, $\\{f}({xs}) \\approx {y}$."
        text = f"\\{f}({xs}) \\approx {y}"
    else:
        resp = pick(f"{f}({xs}) ≈ {y}", f"Reducing {xs} modulo 2π with enough precision gives {f}({xs}) ≈ {y}.")
        text = f"{f}({xs}) ≈ {y}"
    return f"What is {f}({xs.replace('{', '').replace('}', '')})?", resp, [Func(f, arg, y, text)], want, note


def fn_other(want):
    f = pick("ln", "log10", "exp", "sqrt", "asin", "acos", "atan", "ln", "exp")
    from decimal import Decimal
    if f in ("asin", "acos"):
        x = format(Decimal(rng.randrange(-99, 100)).scaleb(-2).normalize(), "f")
    elif f == "exp":
        x = format(Decimal(rng.randrange(-50, 120)).scaleb(-1).normalize(), "f")
    elif f == "atan":
        x = format(Decimal(rng.randrange(-300, 300)).scaleb(-1).normalize(), "f")
    else:
        x = str(rng.randrange(2, 5000)) if rng.random() < 0.7 else format(Decimal(rng.randrange(11, 999)).scaleb(-1)
                                                                             .normalize(), "f")
    if x in ("0", "-0"):
        x = "0.37"
    arg = Arg(x)
    tv = tv_of(f, arg)
    k = rng.randint(2, 12)
    y = dec_str(tv, k, pick("round", "round", "trunc"))
    note = ""
    if want == "wrong":
        y = bad_dec(y, 3)
        note = f"True value {fmt_dec(round_dec(tv, k + 3))}…"
    forms = {
        "ln": [f"ln({x}) ≈ {y}", f"The natural logarithm of {x} is approximately {y}", f"\\ln({x}) \\approx {y}"],
        "log10": [f"log10({x}) ≈ {y}", f"\\log_{{10}}({x}) \\approx {y}", f"log₁₀({x}) ≈ {y}"],
        "exp": [f"e^{x} ≈ {y}" if not x.startswith("-") else f"e^({x}) ≈ {y}", f"exp({x}) ≈ {y}",
                f"e^{{{x}}} \\approx {y}"],
        "sqrt": [f"sqrt({x}) ≈ {y}", f"The square root of {x} is approximately {y}", f"\\sqrt{{{x}}} \\approx {y}"],
        "asin": [f"arcsin({x}) ≈ {y}", f"The arcsine of {x} is approximately {y} radians", f"\\arcsin({x}) \\approx {y}"],
        "acos": [f"arccos({x}) ≈ {y}", f"The arccosine of {x} is approximately {y} radians", f"\\arccos({x}) \\approx {y}"],
        "atan": [f"arctan({x}) ≈ {y}", f"The arctangent of {x} is approximately {y} radians",
                 f"\\arctan({x}) \\approx {y}"],
    }[f]
    i = rng.randrange(3)
    text = forms[i]
    resp = f"${text}$" if "\\" in text else (text + ".")
    prompt = {"ln": f"What is ln({x})?", "log10": f"What is log base 10 of {x}?", "exp": f"What is e^{x}?",
              "sqrt": f"What is the square root of {x}?", "asin": f"What is arcsin({x})?",
              "acos": f"What is the arccosine of {x}?", "atan": f"What is arctan({x})?"}[f]
    return prompt, resp, [Func(f, arg, y, text)], want, note


def function_handwritten():
    K = "function"
    A = Arg(3532)
    add(K, "What is cos(3532 radians)?", "cos(3532 radians) ≈ 0.66009029799722633", "correct",
        [Func("cos", A, "0.66009029799722633", "cos(3532 radians) ≈ 0.66009029799722633")], "")
    add(K, "What is cos(3532 radians)?", "cos(3532 radians) is approximately -0.9999999999999999", "wrong",
        [Func("cos", A, "-0.9999999999999999", "cos(3532 radians) is approximately -0.9999999999999999")], "")
    add(K, "What is cos(3532 radians)?", "cos(3532 radians) ≈ 0.67", "correct",
        [Func("cos", A, "0.67", "cos(3532 radians) ≈ 0.67", lenient=True)],
        "Within one unit of the last place (|0.67 − 0.66009| = 0.0099 < 0.01) though neither rounded nor truncated. "
        "[lenient-ulp]")
    add(K, "What is sin(1)?", "sin(1) ≈ 0.85", "correct", [Func("sin", Arg(1), "0.85", "sin(1) ≈ 0.85", lenient=True)],
        "sin(1) = 0.84147…: 0.85 is 0.0085 away, within one unit of the last place but neither rounded (0.84) nor "
        "truncated (0.84). [lenient-ulp]")
    add(K, "What is the cosine of 3532 radians?", "The cosine of 3532 radians is approximately 0.6600.", "correct",
        [Func("cos", A, "0.6600", "The cosine of 3532 radians is approximately 0.6600")], "Truncated value.")
    add(K, "What is cos(3532)?", "cos(3532) ≈ 0.65", "wrong",
        [Func("cos", A, "0.65", "cos(3532) ≈ 0.65", borderline=True)],
        "|0.65 − 0.66009| = 0.01009 ≥ 0.01: just outside one unit. [borderline]")
    add(K, "What is the cosine of 3532 radians?", "The cosine of 3532 radians is approximately 0.3746.", "wrong",
        [Func("cos", A, "0.3746", "The cosine of 3532 radians is approximately 0.3746")],
        "0.3746 is cos(3532°) = cos(68°): degree mode.")
    add(K, "What is cos(3532°)?", "Subtract whole turns: 9 × 360 = 3240 and 3532 − 3240 = 292, so we need the "
        "cosine of 292°. Since 360 − 292 = 68 and cos(360° − x) = cos(x), the answer is the cosine of 68°:"
        "\n\ncos(68°) ≈ 0.3746", "correct",
        [Expr("9*360", "3240", "9 × 360 = 3240"), Expr("3532-3240", "292", "3532 − 3240 = 292"),
         Expr("360-292", "68", "360 − 292 = 68"), Func("cos", Arg(68, unit="deg"), "0.3746", "cos(68°) ≈ 0.3746")],
        "cos(3532°) = cos(68°) = 0.37460659….")
    add(K, "What is sin(30°)?", "sin(30°) = 1/2", "correct", [Func("sin", Arg(30, unit="deg"), "1/2", "sin(30°) = 1/2")],
        "")
    add(K, "What is sin(30)? The angle is in radians.", "sin(30) = 0.5", "wrong",
        [Func("sin", Arg(30), "0.5", "sin(30) = 0.5")], "Degree/radian mixup: sin(30 rad) = −0.988….")
    add(K, "What is sin(30)? The angle is in degrees.", "sin(30) = 0.5", "correct",
        [Func("sin", Arg(30, unit="deg"), "0.5", "sin(30) = 0.5")], "Unit from the question: degrees.")
    add(K, "What is sin(30)?", "sin(30) = 0.5", "wrong", [Func("sin", Arg(30), "0.5", "sin(30) = 0.5")],
        "No unit anywhere, so radians: sin(30) = −0.988….")
    add(K, "What is tan(π/4)?", "tan(π/4) = 1", "correct", [Func("tan", Arg("1/4", True), "1", "tan(π/4) = 1")], "")
    add(K, "What is cos(2π/3)?", "cos(2π/3) = −1/2", "correct",
        [Func("cos", Arg("2/3", True), "-1/2", "cos(2π/3) = −1/2")], "")
    add(K, "What is cos(2π/3)?", "cos(2π/3) = 1/2", "wrong", [Func("cos", Arg("2/3", True), "1/2", "cos(2π/3) = 1/2")],
        "Sign error: cos(2π/3) = −1/2.")
    add(K, "What is sin(60°)?", "sin(60°) = √3/2", "correct",
        [Func("sin", Arg(60, unit="deg"), "sqrt(3)/2", "sin(60°) = √3/2")], "")
    add(K, "What is sin(60°)?", "sin(60°) = 1/2", "wrong", [Func("sin", Arg(60, unit="deg"), "1/2", "sin(60°) = 1/2")],
        "That is sin(30°).")
    add(K, "Evaluate $\\sin(12)$.", "$\\sin(12) \\approx 0.54$", "wrong",
        [Func("sin", Arg(12), "0.54", "\\sin(12) \\approx 0.54")], "Sign error: sin(12) = −0.5366.")
    add(K, "Evaluate $\\sin(12)$.", "$\\sin(12) \\approx -0.54$", "correct",
        [Func("sin", Arg(12), "-0.54", "\\sin(12) \\approx -0.54")], "")
    add(K, "What is sin(10^10)?", "sin(10^10) ≈ -0.4875060250875107", "correct",
        [Func("sin", Arg(10**10), "-0.4875060250875107", "sin(10^10) ≈ -0.4875060250875107")], "")
    add(K, "What is sin(10^10)?", "sin(10^10) ≈ 0.4875", "wrong", [Func("sin", Arg(10**10), "0.4875",
                                                                     "sin(10^10) ≈ 0.4875")], "Sign error.")
    add(K, "What is sin(1e22)?", "sin(1e22) ≈ -0.8522008497671888", "correct",
        [Func("sin", Arg(10**22), "-0.8522008497671888", "sin(1e22) ≈ -0.8522008497671888")], "")
    add(K, "What is sin(1e22)?", "Because 10^22 is so large, the sine is effectively random, but a careful "
        "evaluation gives sin(1e22) ≈ 0.4626.", "wrong",
        [Func("sin", Arg(10**22), "0.4626", "sin(1e22) ≈ 0.4626")], "sin(10^22) = −0.85220084976718880177….")
    with mpmath.workdps(80):
        dbl23 = mpmath.sin(mpmath.mpf(99999999999999991611392))
    v23 = fmt_dec(round_dec(dbl23, 6))
    add(K, "What is sin(10^23)?", f"sin(10^23) ≈ {v23}", "wrong", [Func("sin", Arg(10**23), v23, f"sin(10^23) ≈ {v23}")],
        "This is sin of the double nearest 10^23 (99999999999999991611392), not of 10^23.")
    with mpmath.workdps(80):
        dbl30 = mpmath.sin(mpmath.mpf(1000000000000000019884624838656))
    v30 = fmt_dec(round_dec(dbl30, 7))
    add(K, "What is sin(10^30)?", f"Computing in double precision, sin(10^30) ≈ {v30}.", "wrong",
        [Func("sin", Arg(10**30), v30, f"sin(10^30) ≈ {v30}")],
        "Value of sin at the double nearest 10^30; sin(10^30) = −0.0901169….")
    add(K, "What is sin(10^100)?", "sin(10^100) ≈ -0.3723761236612767", "correct",
        [Func("sin", Arg(10**100), "-0.3723761236612767", "sin(10^100) ≈ -0.3723761236612767")], "")
    add(K, "What is cos(3.14)?", "cos(3.14) ≈ −0.99999", "correct",
        [Func("cos", Arg("3.14"), "-0.99999", "cos(3.14) ≈ −0.99999")], "Truncated: cos(3.14) = −0.9999987….")
    add(K, "What is cos(3.14)?", "cos(3.14) ≈ −1.00000", "correct",
        [Func("cos", Arg("3.14"), "-1.00000", "cos(3.14) ≈ −1.00000")], "Rounded: cos(3.14) = −0.9999987….")
    add(K, "What is cos(3.14)?", "cos(3.14) ≈ −0.99998", "wrong",
        [Func("cos", Arg("3.14"), "-0.99998", "cos(3.14) ≈ −0.99998")], "Off by 1.87 units in the last place.")
    add(K, "Is tan(π/2) defined?", "No, tan(π/2) is undefined, because cos(π/2) = 0 and we would be dividing by zero.",
        "correct", [Func("cos", Arg("1/2", True), "0", "cos(π/2) = 0")], "")
    add(K, "What is cos(π/5)?", "cos(π/5) = (1 + √5)/4, which is half the golden ratio.", "correct",
        [Func("cos", Arg("1/5", True), "(1+sqrt(5))/4", "cos(π/5) = (1 + √5)/4")], "")
    add(K, "What is tan(15°)?", "tan(15°) = 2 + √3", "wrong", [Func("tan", Arg(15, unit="deg"), "2+sqrt(3)",
                                                             "tan(15°) = 2 + √3")], "tan(15°) = 2 − √3; 2 + √3 = tan(75°).")
    add(K, "What is cos(π)?", "cos(π) = 1", "wrong", [Func("cos", Arg(1, True), "1", "cos(π) = 1")], "cos(π) = −1.")
    add(K, "What is cos(3532 radians)? Show your reasoning.",
        "First reduce the angle. 2π ≈ 6.283185, and 3532 / 6.283185 ≈ 562.14, so subtract 562 full turns: "
        "562 × 6.283185 = 3531.149970 and 3532 − 3531.149970 = 0.850030.\n\nSo cos(3532) is very close to the "
        "cosine of 0.85, and cos(0.85) ≈ 0.66. Therefore cos(3532) ≈ 0.66.", "correct",
        [Expr("3532/6.283185", "562.14", "3532 / 6.283185 ≈ 562.14"),
         Expr("562*6.283185", "3531.149970", "562 × 6.283185 = 3531.149970"),
         Expr("3532-3531.149970", "0.850030", "3532 − 3531.149970 = 0.850030"),
         Func("cos", Arg("0.85"), "0.66", "cos(0.85) ≈ 0.66"), Func("cos", A, "0.66", "cos(3532) ≈ 0.66")],
        "cos(3532) = 0.66009….")
    add(K, "What is cos(3532 radians)? Show your reasoning.",
        "First reduce the angle. 2π ≈ 6.283185, and 3532 / 6.283185 ≈ 562.14, so subtract 562 full turns: "
        "562 × 6.283185 = 3531.149970 and 3532 − 3531.149970 = 0.750030.\n\nSo cos(3532) is very close to the "
        "cosine of 0.75, and cos(0.75) ≈ 0.73. Therefore cos(3532) ≈ 0.73.", "wrong",
        [Expr("3532/6.283185", "562.14", "3532 / 6.283185 ≈ 562.14"),
         Expr("562*6.283185", "3531.149970", "562 × 6.283185 = 3531.149970"),
         Expr("3532-3531.149970", "0.750030", "3532 − 3531.149970 = 0.750030"),
         Func("cos", Arg("0.75"), "0.73", "cos(0.75) ≈ 0.73"), Func("cos", A, "0.73", "cos(3532) ≈ 0.73")],
        "Subtraction slip in the middle (0.850030, not 0.750030) makes the final value wrong.")
    add(K, "What is ln 2?", "ln(2) ≈ 0.6931, and log₁₀(2) ≈ 0.3010.", "correct",
        [Func("ln", Arg(2), "0.6931", "ln(2) ≈ 0.6931"), Func("log10", Arg(2), "0.3010", "log₁₀(2) ≈ 0.3010")], "")
    add(K, "What is ln 10?", "The natural logarithm of 10 is approximately 2.3026, and e^2.3026 ≈ 10.0001.", "correct",
        [Func("ln", Arg(10), "2.3026", "The natural logarithm of 10 is approximately 2.3026"),
         Func("exp", Arg("2.3026"), "10.0001", "e^2.3026 ≈ 10.0001")], "")
    add(K, "What is arccos(0.5)?", "arccos(0.5) = π/3", "correct", [Func("acos", Arg("0.5"), "pi/3", "arccos(0.5) = π/3")],
        "")
    add(K, "What is sin(2 radians)?", "sin(2 radians) ≈ 0.0349", "wrong",
        [Func("sin", Arg(2), "0.0349", "sin(2 radians) ≈ 0.0349")], "0.0349 is sin(2°): degree mode.")
    add(K, "What is sin(2 radians)?", "sin(2 radians) ≈ 0.9093", "correct",
        [Func("sin", Arg(2), "0.9093", "sin(2 radians) ≈ 0.9093")], "")
    add(K, "What is log10(2)?", "log10(2) ≈ 0.3103", "wrong", [Func("log10", Arg(2), "0.3103", "log10(2) ≈ 0.3103")],
        "log10(2) = 0.30103….")
    add(K, "What is the tangent of 1 radian?", "The tangent of 1 radian is approximately 1.5574.", "correct",
        [Func("tan", Arg(1), "1.5574", "The tangent of 1 radian is approximately 1.5574")], "Singular 'radian'.")
    add(K, "What is cos(1°)?", "cos(1°) ≈ 0.99985", "correct",
        [Func("cos", Arg(1, unit="deg"), "0.99985", "cos(1°) ≈ 0.99985")], "")
    # no claims
    add(K, "What is cos(3532 radians)?", "I'd need a calculator with correct argument reduction for an angle that "
        "large, and I don't want to give you a number I can't stand behind. In Python, `math.cos(3532)` will give "
        "it to double precision.", "no_claims", [], "No value stated.")
    add(K, "What is sin(30)?", "Do you mean 30 degrees or 30 radians? The answer is very different in the two cases.",
        "no_claims", [], "Clarifying question only.")
    add(K, "Why is sin(10^22) hard to compute?", "For an argument as large as 10^22, the sine depends on the "
        "remainder of 10^22 modulo 2π, which needs π to dozens of digits. Routines that reduce the argument "
        "carelessly can get every digit wrong.", "no_claims", [], "Explanation only.")
    add(K, "What is the derivative of sin x?", "The derivative of sin x is cos x.", "no_claims", [],
        "A symbolic identity, not a numeric value.")
    add(K, "How do I convert 3532 degrees to radians?", "Multiply by π and divide by 180. In Python: "
        "`math.radians(3532)`.", "no_claims", [], "Method only.")
    add(K, "What is sin(π/7)?", "Do you want an exact expression or a decimal approximation?", "no_claims", [],
        "Question only.")
    add(K, "What's ln(0)?", "The natural logarithm is not defined at 0; as x approaches 0 from above, ln x tends to "
        "negative infinity.", "no_claims", [], "No value claimed.")


FUNCTION_GEN = [(fn_rad, 12), (fn_deg, 8), (fn_exact, 8), (fn_unitq, 6), (fn_big, 6), (fn_other, 8)]


# ==============================================================================================
# ANSWER-ONLY VALUES
# ==============================================================================================

KWORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def an_round(want):
    from decimal import Decimal
    t = rng.randrange(10)
    k = rng.randint(1, 6)
    kw = pick(KWORDS[k], str(k))
    places_txt = f"{kw} decimal places" if rng.random() < 0.8 else f"{kw} decimal place{'s' if k > 1 else ''}"
    if t == 0:
        x = format(Decimal(rng.randrange(-3000, 3000)).scaleb(-3).normalize(), "f")
        f, arg = "sin", Arg(x)
        prompt = f"What is the sine of {x} radians? Give answer rounded to {places_txt}."
    elif t == 1:
        x = rng.randrange(1, 360)
        f, arg = "cos", Arg(x, unit="deg")
        prompt = f"What is the cosine of {x} degrees? Round your answer to {k} decimal places."
    elif t == 2:
        x = format(Decimal(rng.randrange(1, 150)).scaleb(-1).normalize(), "f")
        f, arg = "tan", Arg(x)
        prompt = f"What is the tangent of {x} radians? Give answer rounded to {places_txt}."
    elif t == 3:
        x = format(Decimal(rng.randrange(-99, 100)).scaleb(-2).normalize(), "f")
        f, arg = "acos", Arg(x)
        prompt = f"What is the arccosine of {x}? Give answer rounded to {places_txt}."
    elif t == 4:
        x = rng.randrange(2, 1000)
        f, arg = "ln", Arg(x)
        prompt = f"What is the natural logarithm of {x}? Round to {k} decimal places."
    elif t == 5:
        x = rng.randrange(1, 89)
        f, arg = "sin", Arg(x, unit="deg")
        prompt = f"What is sin of {x} degrees, rounded to {k} decimal places?"
    elif t == 6:
        x = rng.randrange(1, 20)
        f, arg = "cos", Arg(x)
        prompt = f"What is cos {x}? Answer to {k} decimal places."
    elif t == 7:
        x = rng.randrange(2, 10000)
        if sympy.integer_nthroot(x, 2)[1]:
            x += 1
        f, arg = "sqrt", Arg(x)
        prompt = f"What is the square root of {x}, to {k} decimal places?"
    elif t == 8:
        x = format(Decimal(rng.randrange(-40, 80)).scaleb(-1).normalize(), "f")
        f, arg = "exp", Arg(x)
        prompt = f"What is e raised to the power {x}? Round to {k} decimal places."
    else:
        x = format(Decimal(rng.randrange(-500, 500)).scaleb(-2).normalize(), "f")
        f, arg = "atan", Arg(x)
        prompt = f"What is the arctangent of {x}? Give answer rounded to {places_txt}."
    if f == "tan" and abs(tv_of("cos", arg)) < 0.05:
        return an_round(want)
    tv = tv_of(f, arg)
    r = round_dec(tv, k)
    tr = trunc_dec(tv, k)
    # keep away from rounding ties and from values whose rounding is "-0.0…"
    t50 = dec_of_mp(tv)
    if abs(abs(t50 - r) - Decimal(1).scaleb(-k) / 2) < Decimal(1).scaleb(-k - 3) or r == 0:
        return an_round(want)
    note = ""
    if want == "correct":
        stated = fmt_dec(r)
    else:
        m = pick("trunc", "trunc", "digits", "sign", "unit")
        if m == "trunc" and tr != r:
            stated = fmt_dec(tr)
            note = f"Truncated, but the question asked for rounding: {fmt_dec(round_dec(tv, k + 3))}… rounds to {fmt_dec(r)}."
        elif m == "sign":
            stated = fmt_dec(-r)
            note = f"Sign error; rounds to {fmt_dec(r)}."
        elif m == "unit" and arg.unit == "deg" or m == "unit" and f in ("sin", "cos", "tan"):
            other = tv_of(f, Arg(arg.coef, arg.has_pi, "rad" if arg.unit == "deg" else "deg"))
            stated = fmt_dec(round_dec(other, k))
            note = f"Wrong angle unit; rounds to {fmt_dec(r)}."
        else:
            stated = bad_dec(fmt_dec(r), 2)
            note = f"Rounds to {fmt_dec(r)}."
        if Decimal(stated) == r:
            stated = bad_dec(fmt_dec(r), 2)
            note = f"Rounds to {fmt_dec(r)}."
    shown = stated
    if shown.startswith("-") and rng.random() < 0.25:
        shown = MINUS + shown[1:]
    resp = pick(shown, shown, shown, f"**{shown}**", f"$\\boxed{{{shown}}}$", f"Answer: {shown}", f"{shown}\n")
    return prompt, resp, [Round(f, arg, k, stated, shown)], want, note


def an_free(want):
    """Value-only answers with no rounding instruction: the one-unit rule applies."""
    f = pick("sin", "cos", "tan", "sqrt", "ln")
    x = rng.randrange(1, 50)
    arg = Arg(x)
    if f == "tan" and abs(tv_of("cos", arg)) < 0.05:
        x, arg = 1, Arg(1)
    tv = tv_of(f, arg)
    k = rng.randint(3, 10)
    y = dec_str(tv, k, pick("round", "trunc"))
    if want == "wrong":
        y = bad_dec(y, 3)
    prompt = pick(f"What is {f}({x})?", f"{f}({x}) = ?", f"Quick: {f}({x})")
    return prompt, y, [Func(f, arg, y, y, kind="answer")], want, (
        "" if want == "correct" else f"{f}({x}) = {fmt_dec(round_dec(tv, k + 3))}…")


def an_arith(want):
    t = rng.randrange(4)
    if t == 0:
        a, b = rng.randrange(11, 999), rng.randrange(11, 999)
        e, p = f"{a}*{b}", f"What is {a} × {b}?"
    elif t == 1:
        a, b = rng.randrange(2, 13), rng.randrange(5, 25)
        e, p = f"{a}**{b}", f"Compute {a}^{b}."
    elif t == 2:
        b = rng.randrange(3, 50)
        a = b * rng.randrange(10, 5000)
        e, p = f"{a}/{b}", f"What is {a} divided by {b}?"
    else:
        a, b = rng.randrange(10**5, 10**9), rng.randrange(10**5, 10**9)
        e, p = f"{a}+{b}", f"What is {a} + {b}? Reply with the number only."
    v = int(sympy.sympify(e, rational=True))
    vs = v if want == "correct" else bad_int(v)
    return p, str(vs), [Expr(e, str(vs), str(vs), kind="answer")], want, (
        "" if want == "correct" else f"The value is {v}.")


def answer_handwritten():
    K = "answer"
    add(K, "What is the sine of -0.413 radians? Give answer rounded to one decimal places.", "-0.4", "correct",
        [Round("sin", Arg("-0.413"), 1, "-0.4", "-0.4")], "")
    add(K, "What is the cosine of 0.5 radians? Give answer rounded to two decimal places.", "0.87", "wrong",
        [Round("cos", Arg("0.5"), 2, "0.87", "0.87")],
        "cos(0.5) = 0.87758…: truncated, but rounding to two places gives 0.88.")
    add(K, "What is the cosine of 0.5 radians? Give answer rounded to two decimal places.", "0.88", "correct",
        [Round("cos", Arg("0.5"), 2, "0.88", "0.88")], "")
    add(K, "What is sin of 40 degrees? Round to 3 decimal places.", "0.643", "correct",
        [Round("sin", Arg(40, unit="deg"), 3, "0.643", "0.643")], "")
    add(K, "What is cos 2? Give answer rounded to three decimal places.", "−0.416", "correct",
        [Round("cos", Arg(2), 3, "-0.416", "−0.416")], "")
    add(K, "What is the arccosine of 0.3? Give answer rounded to three decimal places.", "1.266", "correct",
        [Round("acos", Arg("0.3"), 3, "1.266", "1.266")], "")
    add(K, "What is sin(30)? Give answer rounded to two decimal places.", "0.50", "wrong",
        [Round("sin", Arg(30), 2, "0.50", "0.50")], "No unit, so radians: sin(30) = −0.988… → −0.99.")
    add(K, "What is sin(30°)? Give answer rounded to two decimal places.", "0.50", "correct",
        [Round("sin", Arg(30, unit="deg"), 2, "0.50", "0.50")], "")
    add(K, "What is the tangent of 1.2 radians? Give answer rounded to two decimal places.", "2.57", "correct",
        [Round("tan", Arg("1.2"), 2, "2.57", "2.57")], "tan(1.2) = 2.5721….")
    add(K, "What is the sine of 3532 degrees? Round to 4 decimal places.", "-0.9272", "correct",
        [Round("sin", Arg(3532, unit="deg"), 4, "-0.9272", "-0.9272")], "sin(3532°) = sin(292°) = −sin(68°).")
    add(K, "What is the sine of 3532 degrees? Round to 4 decimal places.", "0.9272", "wrong",
        [Round("sin", Arg(3532, unit="deg"), 4, "0.9272", "0.9272")], "Sign error: sin(3532°) = sin(292°) < 0.")
    add(K, "What is 17 × 23?", "391", "correct", [Expr("17*23", "391", "391", kind="answer")], "")
    add(K, "What is 17 × 23?", "381", "wrong", [Expr("17*23", "381", "381", kind="answer")], "17 × 23 = 391.")
    add(K, "Compute 2^20.", "1048576", "correct", [Expr("2**20", "1048576", "1048576", kind="answer")], "")
    # no claims
    add(K, "What is the sine of 2.5 radians? Give answer rounded to 3 decimal places.", "I'm unable to compute that "
        "precisely right now.", "no_claims", [], "No value given.")
    add(K, "What is the cosine of 40 degrees? Round to 2 decimal places.", "Please use a calculator set to degree mode; "
        "I can't guarantee the rounding.", "no_claims", [], "No value given.")
    add(K, "What is tan(1.57)? Give the answer to 4 decimal places.", "Could you confirm whether 1.57 is in radians? "
        "Near π/2 the tangent changes very quickly, so the unit matters.", "no_claims", [], "Clarifying question.")
    add(K, "What is e^3? Round to 2 decimal places.", "Sorry, I can't do that calculation reliably without a "
        "calculator.", "no_claims", [], "No value given.")
    add(K, "What is 17 × 23?", "I'll leave that one for you to try first!", "no_claims", [], "No value given.")
    add(K, "What is the arcsine of 1.5?", "The arcsine is only defined for inputs between −1 and 1, so arcsin(1.5) has "
        "no real value.", "no_claims", [], "No value claimed.")


ANSWER_GEN = [(an_round, 28), (an_free, 8), (an_arith, 8)]


# ==============================================================================================
# ASSEMBLY AND VERIFICATION
# ==============================================================================================

SYSTEMS = [None, None, "You are a helpful assistant.", "You are a careful math tutor. Show your reasoning.",
           "You are ChatGPT, a large language model. Answer concisely."]


def generate():
    RECORDS.clear()
    rng.seed(SEED)
    groups = [("primality", primality_handwritten, PRIMALITY_GEN),
              ("divisibility", divisibility_handwritten, DIVISIBILITY_GEN),
              ("factorization", factorization_handwritten, FACTORIZATION_GEN),
              ("arithmetic", arithmetic_handwritten, ARITHMETIC_GEN),
              ("function", function_handwritten, FUNCTION_GEN),
              ("answer", answer_handwritten, ANSWER_GEN)]
    for kind, hand, gens in groups:
        hand()
        tally = Counter(r["label"] for r in RECORDS if r["kind"] == kind)
        for fn, count in gens:
            for i in range(count):
                # keep correct and wrong balanced within each kind (hand-written records included)
                if tally["correct"] != tally["wrong"]:
                    want = "correct" if tally["correct"] < tally["wrong"] else "wrong"
                else:
                    want = "correct" if i % 2 == 0 else "wrong"
                tally[want] += 1
                prompt, resp, claims, label, note = fn(want)
                assert label == want, (fn.__name__, label, want)
                add(kind, prompt, resp, label, claims, note)
    # Added last so that every earlier record keeps its id, its random draws and its field: build_lines() still
    # writes these right after the other arithmetic records. They use no random draws and are balanced themselves.
    remainder_handwritten()
    for kind in KIND_ORDER:
        tally = Counter(r["label"] for r in RECORDS if r["kind"] == kind)
        assert abs(tally["correct"] - tally["wrong"]) <= 1, (kind, tally)


def verify(rec) -> list[str]:
    errs = []
    resp, claims = rec["response"], rec["claims"]
    for c in claims:
        if c.text not in resp:
            errs.append(f"claim text not in response: {c.text!r}")
        c.judge()
        cat = getattr(c, "cat", None)
        units = getattr(c, "units", None)
        if cat == "lenient" and not c.lenient:
            errs.append(f"passes only by the one-unit rule but not flagged lenient: {c.text!r}")
        if c.lenient and cat != "lenient":
            errs.append(f"flagged lenient but is {cat}: {c.text!r}")
        if not c.ok and units is not None:
            if units < 1.5 and not c.borderline:
                errs.append(f"wrong decimal too close to the truth ({units:.3f} units): {c.text!r}")
            if c.borderline and units >= 1.5:
                errs.append(f"flagged borderline but {units:.2f} units away: {c.text!r}")
    if not claims:
        computed = "no_claims"
    elif all(c.ok for c in claims):
        computed = "correct"
    else:
        computed = "wrong"
    if computed != rec["label"]:
        errs.append(f"label {rec['label']} but claims say {computed}: " +
                    "; ".join(f"{c.text!r}={c.ok} ({c.why})" for c in claims))
    errs += scan(resp, claims)
    return errs


def make_note(rec) -> str:
    claims = rec["claims"]
    parts = [rec["note"].strip()] if rec["note"].strip() else []
    if rec["label"] == "wrong":
        bad = [c for c in claims if not c.ok]
        parts.append("False: " + "; ".join(f"“{c.text.strip()}” ({c.why})" for c in bad[:3]))
    elif rec["label"] == "correct":
        pri = sorted(claims, key=lambda c: (["primality", "factorization", "function", "answer", "divisibility",
                                              "arithmetic"].index(c.kind)))
        seen, whys = set(), []
        for c in pri:
            if c.why not in seen:
                seen.add(c.why)
                whys.append(c.why)
        parts.append("All true: " + "; ".join(whys[:3]) + ("; …" if len(whys) > 3 else ""))
    if any(c.lenient for c in claims) and "[lenient-ulp]" not in " ".join(parts):
        parts.append("[lenient-ulp]")
    if any(c.borderline for c in claims) and "[borderline]" not in " ".join(parts):
        parts.append("[borderline]")
    return " ".join(parts)


def build_lines() -> list[str]:
    generate()
    frng = random.Random(SEED + 1)
    counters: Counter = Counter()
    lines, errors = [], []
    for rec in RECORDS:  # ids and fields are drawn in generation order; lines are written grouped by kind
        errs = verify(rec)
        if errs:
            errors.append((rec["kind"], rec["prompt"], rec["response"][:200], errs))
        counters[rec["kind"]] += 1
        rid = f"{rec['kind']}-{counters[rec['kind']]:03d}"
        kinds = [k for k in KIND_ORDER if any(c.kind == k for c in rec["claims"])]
        r = frng.random()
        field = rec["field"] or ("messages" if r < 0.15 else "completion" if r < 0.20 else "output" if r < 0.25
                                 else "response")
        system = rec["system"] if rec["system"] is not None else frng.choice(SYSTEMS)
        out = {"id": rid}
        if field == "messages":
            msgs = ([{"role": "system", "content": system}] if system else [])
            msgs += [{"role": "user", "content": rec["prompt"]}, {"role": "assistant", "content": rec["response"]}]
            out["messages"] = msgs
        else:
            out["prompt"] = rec["prompt"]
            out[field] = rec["response"]
        out["label"] = rec["label"]
        out["kinds"] = kinds
        out["note"] = make_note(rec)
        lines.append((KIND_ORDER.index(rec["kind"]), len(lines), json.dumps(out, ensure_ascii=False)))
    lines = [line for _, _, line in sorted(lines)]
    if errors:
        for e in errors:
            print("ERROR", e, file=sys.stderr)
        raise SystemExit(f"{len(errors)} record(s) failed verification")
    n = GP.run()
    print(f"PARI/GP agreed with sympy/mpmath on {n} queries", file=sys.stderr)
    return lines


def summary(lines):
    recs = [json.loads(l) for l in lines]
    by_label = Counter(r["label"] for r in recs)
    by_prefix = Counter((r["id"].rsplit("-", 1)[0], r["label"]) for r in recs)
    by_kind = Counter((k, r["label"]) for r in recs for k in r["kinds"])
    fields = Counter(next(f for f in ("messages", "response", "completion", "output") if f in r) for r in recs)
    print(f"{len(recs)} records: " + ", ".join(f"{k}={v}" for k, v in sorted(by_label.items())), file=sys.stderr)
    print("by id prefix (correct/wrong/no_claims):", file=sys.stderr)
    for k in KIND_ORDER:
        print(f"  {k:14s} {by_prefix[(k, 'correct')]:4d} {by_prefix[(k, 'wrong')]:4d} {by_prefix[(k, 'no_claims')]:4d}",
              file=sys.stderr)
    print("records containing a claim of each kind (correct/wrong):", file=sys.stderr)
    for k in KIND_ORDER:
        print(f"  {k:14s} {by_kind[(k, 'correct')]:4d} {by_kind[(k, 'wrong')]:4d}", file=sys.stderr)
    print("fields: " + ", ".join(f"{k}={v}" for k, v in sorted(fields.items())), file=sys.stderr)


def main():
    lines = build_lines()
    data = "\n".join(lines) + "\n"
    summary(lines)
    if "--check" in sys.argv:
        with open(OUT, encoding="utf-8") as fh:
            same = fh.read() == data
        print("labelled.jsonl is up to date" if same else "labelled.jsonl differs from the generator", file=sys.stderr)
        raise SystemExit(0 if same else 1)
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(data)
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
