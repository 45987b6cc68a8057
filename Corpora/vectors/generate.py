#!/usr/bin/env python3
"""Generate mathcheck's test vectors (primality, factorization, evaluation, rounding).

Every value is computed by at least two independent oracles and a line is written only when they agree:

* primality:     PARI/GP isprime (a proof: BPSW + APR-CL) and sympy.isprime; smallest factors by exhaustive trial
                 division in plain Python (sieve written here) or a known construction, and PARI factor.
* factorization: PARI factor and sympy.factorint (and the construction, for numbers built from known primes);
                 every prime factor is checked with PARI isprime and sympy.isprime and the product recomputed.
* evaluation:    mpmath at 80 digits and PARI/GP at \\p 80; the exact rational form, if any, from sympy.
* rounding:      the rule applied with exact rational arithmetic (fractions.Fraction) to the 80-digit mpmath value
                 (cross-checked against PARI), refusing any case within 1e-60 of a decision boundary unless the
                 value is an exact rational; every case also carries a hand-derived expectation that must match.

Deterministic: fixed seeds, no clocks, sorted output. Usage:  python3 generate.py  [--check]
(--check regenerates into memory and compares with the files on disk instead of writing.)
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Context, Decimal, getcontext
from fractions import Fraction

import mpmath
import sympy
from sympy.ntheory.primetest import is_strong_lucas_prp

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261129
DPS = 80  # mpmath digits and PARI \p
SIG = 40  # significant digits written for evaluation values
getcontext().prec = 200  # Decimal arithmetic below never rounds at the precisions used here


# ----------------------------------------------------------------------------------------------------------------
# PARI/GP


GP_PRELUDE = [
    "default(parisizemax, 2000000000);",
    'fs(n, lim) = my(f = if(lim, factor(n, lim), factor(n))); Str(Vec(f[,1]), ";", Vec(f[,2]));',
]


def gp_batch(queries: list[str], prec: int | None = None) -> list[str]:
    """Runs each query (a GP expression) and returns its printed value as a string, in order."""
    lines = list(GP_PRELUDE)
    if prec is not None:
        lines.append(f"default(realprecision, {prec});")
    for i, q in enumerate(queries):
        lines.append(f'print("@{i}|", {q});')
    lines.append("quit();")
    proc = subprocess.run(
        ["gp", "-q", "-f", "-D", "colors=no", "-D", "breakloop=0"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    results: dict[int, str] = {}
    for line in proc.stdout.splitlines():
        if line.startswith("@"):
            head, _, rest = line.partition("|")
            results[int(head[1:])] = rest.strip()
    if len(results) != len(queries):
        raise RuntimeError(f"gp answered {len(results)} of {len(queries)} queries; stderr: {proc.stderr[-2000:]}")
    return [results[i] for i in range(len(queries))]


def gp_isprime(ns: list[int]) -> list[bool]:
    out = gp_batch([f"isprime({n})" for n in ns])
    return [{"1": True, "0": False}[x] for x in out]


def parse_gp_factor(text: str) -> list[tuple[int, int]]:
    primes_text, exps_text = text.split(";")
    primes = [int(x) for x in primes_text.strip("[]").split(",") if x.strip()]
    exps = [int(x) for x in exps_text.strip("[]").split(",") if x.strip()]
    return sorted(zip(primes, exps))


def gp_factor(ns: list[int], limit: int | None = None) -> list[list[tuple[int, int]]]:
    """PARI factor(n) (or factor(n, limit): primes below limit and a cofactor)."""
    out = gp_batch([f"fs({n}, {limit or 0})" for n in ns])
    return [parse_gp_factor(x) for x in out]


# ----------------------------------------------------------------------------------------------------------------
# Plain-Python number theory (independent of sympy and PARI)

SIEVE_LIMIT = 1 << 20


def sieve(limit: int) -> list[int]:
    flags = bytearray([1]) * (limit + 1)
    flags[0] = flags[1] = 0
    for i in range(2, int(limit**0.5) + 1):
        if flags[i]:
            flags[i * i :: i] = bytearray(len(flags[i * i :: i]))
    return [i for i, f in enumerate(flags) if f]


SMALL_PRIMES = sieve(SIEVE_LIMIT)


def trial_smallest_factor(n: int) -> int | None:
    """The smallest prime factor of n if it is below 2^20 (exhaustive search), else None."""
    for p in SMALL_PRIMES:
        if p * p > n:
            return None if n < 2 else (n if n < SIEVE_LIMIT else None)
        if n % p == 0:
            return p
    return None


def is_strong_probable_prime(n: int, a: int) -> bool:
    """Miller–Rabin strong probable-prime test of odd n > 2 to base a."""
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    x = pow(a, d, n)
    if x in (1, n - 1):
        return True
    for _ in range(s - 1):
        x = x * x % n
        if x == n - 1:
            return True
    return False


def leading_prime_bases_passed(n: int) -> int:
    """How many of the prime bases 2, 3, 5, … in a row n passes as a strong probable prime."""
    count = 0
    for p in SMALL_PRIMES:
        if not is_strong_probable_prime(n, p):
            return count
        count += 1
    return count


def is_carmichael(factors: list[tuple[int, int]], n: int) -> bool:
    """Korselt's criterion on a verified factorisation."""
    return (
        len(factors) >= 2
        and all(e == 1 for _, e in factors)
        and n % 2 == 1
        and all((n - 1) % (p - 1) == 0 for p, _ in factors)
    )


def product(factors: list[tuple[int, int]]) -> int:
    r = 1
    for p, e in factors:
        r *= p**e
    return r


def random_prime(rng: random.Random, bits: int) -> int:
    """A random prime of exactly `bits` bits whose top two bits are set (so products of two have 2*bits bits)."""
    while True:
        n = rng.getrandbits(bits) | (3 << (bits - 2)) | 1
        if sympy.isprime(n):
            return n


def random_prime_exact(rng: random.Random, bits: int) -> int:
    """A random prime of exactly `bits` bits (top bit set)."""
    while True:
        n = rng.getrandbits(bits) | (1 << (bits - 1)) | 1
        if sympy.isprime(n):
            return n


def fmt_factors(factors: list[tuple[int, int]]) -> str:
    return "*".join(f"{p}^{e}" if e > 1 else f"{p}" for p, e in factors)


# ----------------------------------------------------------------------------------------------------------------
# 1. Primality

ARNAULT_P1 = int(
    "29674495668685510550154174642905332730771991799853043350995075531276838753171770199594238596428121188033664754"
    "218345562493168782883"
)

A014233 = [  # (k values, a(k)): smallest odd composite that is a strong pseudoprime to all of the first k prime bases
    ((1,), 2047),
    ((2,), 1373653),
    ((3,), 25326001),
    ((4,), 3215031751),
    ((5,), 2152302898747),
    ((6,), 3474749660383),
    ((7, 8), 341550071728321),
    ((9, 10, 11), 3825123056546413051),
    ((12,), 318665857834031151167461),
    ((13,), 3317044064679887385961981),
]

CARMICHAELS = [561, 1105, 1729, 2465, 2821, 6601, 8911, 41041, 825265, 321197185, 5394826801, 15841, 29341, 52633]


class Entries:
    """Numbers in first-insertion order with merged notes and optional known (constructed) factorisations."""

    def __init__(self) -> None:
        self.order: list[int] = []
        self.notes: dict[int, list[str]] = {}
        self.known: dict[int, list[tuple[int, int]]] = {}

    def add(self, n: int, note: str, known: list[tuple[int, int]] | None = None) -> None:
        if n not in self.notes:
            self.order.append(n)
            self.notes[n] = []
        if note not in self.notes[n]:
            self.notes[n].append(note)
        if known is not None:
            known = sorted(known)
            assert product(known) == n, (n, known)
            if n in self.known:
                assert self.known[n] == known
            self.known[n] = known


def primality_entries() -> Entries:
    E = Entries()
    for n in range(0, 201):
        E.add(n, "0 and 1 are neither prime nor composite" if n < 2 else "small integer 0..200")
    for n in CARMICHAELS:
        E.add(n, "Carmichael number")
    for n in (5459, 5777, 10877):
        E.add(n, "strong Lucas pseudoprime (Selfridge parameters)")
    for ks, n in A014233:
        which = "=".join(f"a({k})" for k in ks)
        E.add(n, f"OEIS A014233 {which}: smallest odd strong pseudoprime to the first {ks[-1]} prime bases")
    p1 = ARNAULT_P1
    p2, p3 = 313 * (p1 - 1) + 1, 353 * (p1 - 1) + 1
    E.add(
        p1 * p2 * p3,
        "Arnault's Carmichael number p1*(313*(p1-1)+1)*(353*(p1-1)+1), a strong pseudoprime to every prime base < 307",
        [(p1, 1), (p2, 1), (p3, 1)],
    )
    E.add(p1, "Arnault's p1")
    for e in (61, 89, 127, 521):
        E.add(2**e - 1, f"Mersenne prime 2^{e}-1")
    for e in (67, 101):
        E.add(2**e - 1, f"Mersenne number 2^{e}-1 (composite)")
    E.add(2**32 + 1, "Fermat number F5 = 2^32+1")
    E.add(2**64 + 1, "Fermat number F6 = 2^64+1")
    E.add(2**64 - 59, "2^64-59, the largest prime below 2^64")
    E.add(2**64 + 13, "2^64+13, the smallest prime above 2^64")
    E.add(2**64 - 1, "2^64-1")
    E.add(2**64, "2^64")
    for k in (6, 9, 12, 15, 18):
        p = sympy.nextprime(10**k)
        E.add(p, f"nextprime(10^{k}) = 10^{k}+{p - 10**k}")
        if not sympy.isprime(p - 2):
            E.add(p - 2, f"nextprime(10^{k})-2 = 10^{k}+{p - 2 - 10**k}")
    E.add(10**100 + 267, "10^100+267, nextprime(10^100)")
    E.add(10**100 + 1, "10^100+1")
    for n in (34792834, 17396417, 583835, 116767, 2383):
        E.add(n, "forum number")
    rng = random.Random(SEED)
    for bits, count in ((64, 40), (128, 40), (256, 40), (512, 10)):
        for _ in range(count):
            E.add(random_prime_exact(rng, bits), f"random {bits}-bit prime (seed {SEED})")
        for _ in range(count):
            p, q = sorted((random_prime(rng, bits // 2), random_prime(rng, bits // 2)))
            assert p != q
            n = p * q
            assert n.bit_length() == bits
            E.add(n, f"random {bits}-bit balanced semiprime of two {bits // 2}-bit primes (seed {SEED})",
                  [(p, 1), (q, 1)])
    return E


def build_primality() -> list[dict]:
    E = primality_entries()
    ns = E.order
    sym = [bool(sympy.isprime(n)) for n in ns]
    pari = gp_isprime(ns)
    for n, a, b in zip(ns, sym, pari):
        if a != b:
            raise RuntimeError(f"primality oracles disagree on {n}: sympy {a}, PARI {b}")

    # Constructed factors must be prime by both oracles.
    constructed = sorted({p for f in E.known.values() for p, _ in f})
    for p, ok in zip(constructed, gp_isprime(constructed)):
        if not (ok and sympy.isprime(p)):
            raise RuntimeError(f"constructed factor {p} is not prime")

    composites = [n for n, prime in zip(ns, sym) if not prime and n >= 2]
    # Oracle A: exhaustive trial division below 2^20, else the verified construction, else sympy.factorint.
    smallest_a: dict[int, int] = {}
    for n in composites:
        f = trial_smallest_factor(n)
        if f is None:
            if n in E.known:
                f = E.known[n][0][0]
            else:
                f = min(sympy.factorint(n))
        smallest_a[n] = f
    # Oracle B: PARI factor (complete below 2^200 bits, else the primes below 2^20 it finds, else the construction).
    full = [n for n in composites if n.bit_length() <= 200]
    partial = [n for n in composites if n.bit_length() > 200]
    smallest_b: dict[int, int] = {}
    full_factors: dict[int, list[tuple[int, int]]] = {}
    for n, f in zip(full, gp_factor(full)):
        assert product(f) == n
        full_factors[n] = f
        smallest_b[n] = f[0][0]
    for n, f in zip(partial, gp_factor(partial, SIEVE_LIMIT)):
        assert product(f) == n
        small = [p for p, _ in f if p < SIEVE_LIMIT]
        if small:
            smallest_b[n] = min(small)
        else:
            smallest_b[n] = E.known[n][0][0]  # PARI found nothing below 2^20; the construction was PARI-proved above
    # The PARI-found smallest factors must be prime too (full factors are checked here as well).
    check = sorted({smallest_b[n] for n in composites} | {p for f in full_factors.values() for p, _ in f})
    for p, ok in zip(check, gp_isprime(check)):
        if not (ok and sympy.isprime(p)):
            raise RuntimeError(f"factor {p} reported by PARI is not prime")
    for n in composites:
        if smallest_a[n] != smallest_b[n]:
            raise RuntimeError(f"smallest factor of {n}: {smallest_a[n]} vs {smallest_b[n]}")
        if n in E.known and n in full_factors and E.known[n] != full_factors[n]:
            raise RuntimeError(f"construction and PARI disagree on {n}")

    a014233 = {n: ks for ks, n in A014233}
    rows = []
    for n, prime in zip(ns, sym):
        notes = list(E.notes[n])
        composite = not prime and n >= 2
        if composite:
            facs = full_factors.get(n) or E.known.get(n)
            if n > 200 and n % 2 == 1:
                if facs is not None and is_carmichael(facs, n):
                    if "Carmichael number" in notes:
                        notes[notes.index("Carmichael number")] = "Carmichael number (Korselt's criterion verified)"
                    else:
                        notes.append("also a Carmichael number (Korselt's criterion verified)")
                m = leading_prime_bases_passed(n)
                if m == 1:
                    notes.append("strong pseudoprime to base 2")
                elif m > 1:
                    notes.append(f"strong pseudoprime to each of the first {m} prime bases 2..{SMALL_PRIMES[m - 1]}")
                if n in a014233 and m < a014233[n][-1]:
                    raise RuntimeError(f"A014233: {n} passes only {m} prime bases")
                if n.bit_length() > 1000 and SMALL_PRIMES[m] < 307:
                    raise RuntimeError("Arnault's number should pass every prime base below 307")
            if "Carmichael number" in E.notes[n] and not (facs is not None and is_carmichael(facs, n)):
                raise RuntimeError(f"{n} is listed as a Carmichael number but fails Korselt's criterion")
            if "strong Lucas" in " ".join(E.notes[n]) and not is_strong_lucas_prp(n):
                raise RuntimeError(f"{n} is not a strong Lucas pseudoprime")
            if facs is not None and len(str(n)) <= 60:
                notes.append(f"= {fmt_factors(facs)}")
        if n > 10**30:
            notes.append(f"{len(str(n))} digits")
        row = {"n": str(n), "is_prime": prime, "note": "; ".join(notes)}
        if composite:
            row["smallest_factor"] = str(smallest_a[n])
        rows.append(row)
    return rows


# ----------------------------------------------------------------------------------------------------------------
# 2. Factorization


def factorization_entries() -> Entries:
    E = Entries()
    for n in range(2, 101):
        E.add(n, "2..100")
    for n, note in ((34792834, "forum number"), (17396417, "forum number"), (583835, "forum number"),
                    (116767, "forum number"), (2383, "forum number")):
        E.add(n, note)
    for n in CARMICHAELS:
        E.add(n, "Carmichael number")
    E.add(2**67 - 1, "2^67-1")
    E.add(2**101 - 1, "2^101-1")
    E.add(2**32 + 1, "F5 = 2^32+1")
    E.add(2**64 + 1, "F6 = 2^64+1")
    E.add(2**64 - 1, "2^64-1")
    E.add(10**18 - 1, "10^18-1")
    E.add(3**40, "3^40")
    E.add(2**90, "2^90")
    E.add(479001600, "12!")
    rng = random.Random(SEED + 1)
    for bits in (60, 80, 100):
        for _ in range(10):
            p, q = sorted((random_prime(rng, bits // 2), random_prime(rng, bits // 2)))
            assert p != q and (p * q).bit_length() == bits
            E.add(p * q, f"random {bits}-bit balanced semiprime (seed {SEED + 1})", [(p, 1), (q, 1)])
    for _ in range(5):
        p, q = sorted((sympy.nextprime(rng.randrange(10**19, 10**20)), sympy.nextprime(rng.randrange(10**19, 10**20))))
        assert len(str(p)) == len(str(q)) == 20
        E.add(p * q, f"product of two random 20-digit primes (seed {SEED + 1})", [(p, 1), (q, 1)])
    for _ in range(10):
        E.add(rng.getrandbits(90) | (1 << 89), f"random 90-bit integer (seed {SEED + 1})")
    return E


def build_factorization() -> list[dict]:
    E = factorization_entries()
    ns = E.order
    pari = gp_factor(ns)
    rows = []
    all_primes: set[int] = set()
    for n, fp in zip(ns, pari):
        fs = sorted((int(p), int(e)) for p, e in sympy.factorint(n).items())
        if fp != fs:
            raise RuntimeError(f"factorisations of {n} disagree: PARI {fp}, sympy {fs}")
        if n in E.known and E.known[n] != fp:
            raise RuntimeError(f"construction of {n} disagrees: {E.known[n]} vs {fp}")
        if product(fp) != n:
            raise RuntimeError(f"product mismatch for {n}")
        all_primes |= {p for p, _ in fp}
        rows.append({
            "n": str(n),
            "factors": [{"prime": str(p), "exponent": e} for p, e in fp],
            "note": "; ".join(E.notes[n]),
        })
    ps = sorted(all_primes)
    for p, ok in zip(ps, gp_isprime(ps)):
        if not (ok and sympy.isprime(p)):
            raise RuntimeError(f"factor {p} is not prime")
    return rows


# ----------------------------------------------------------------------------------------------------------------
# Expressions: a parser for mathcheck's calculator language and three back ends (mpmath, PARI, sympy).
#
# Grammar (as in Sources/Verifiers/Evaluation/ExpressionParser.swift):
#   sum = product {(+|-) product};  product = unary {(*|/) unary};  unary = (-|+) unary | power;
#   power = postfix [^ unary];  postfix = primary {° | rad};  primary = number | pi | π | e | (sum) | f(sum) | √postfix

FUNCTIONS = {
    "sin": "sin", "cos": "cos", "tan": "tan", "cot": "cot", "sec": "sec", "csc": "csc",
    "asin": "asin", "acos": "acos", "atan": "atan", "arcsin": "asin", "arccos": "acos", "arctan": "atan",
    "sqrt": "sqrt", "exp": "exp", "ln": "ln", "log": "ln", "log10": "log10", "log2": "log2",
}
TRIG = {"sin", "cos", "tan", "cot", "sec", "csc"}


class Parser:
    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0

    def parse(self):
        node = self.sum()
        self.space()
        if self.i != len(self.s):
            raise ValueError(f"trailing text in {self.s!r} at {self.i}")
        return node

    def space(self) -> None:
        while self.i < len(self.s) and self.s[self.i].isspace():
            self.i += 1

    def peek(self) -> str:
        self.space()
        return self.s[self.i] if self.i < len(self.s) else ""

    def take(self, t: str) -> bool:
        self.space()
        if self.s.startswith(t, self.i):
            self.i += len(t)
            return True
        return False

    def sum(self):
        left = self.product()
        while True:
            if self.take("+"):
                left = ("add", left, self.product())
            elif self.take("-"):
                left = ("sub", left, self.product())
            else:
                return left

    def product(self):
        left = self.unary()
        while True:
            if self.take("*"):
                left = ("mul", left, self.unary())
            elif self.take("/"):
                left = ("div", left, self.unary())
            else:
                return left

    def unary(self):
        if self.take("-"):
            return ("neg", self.unary())
        if self.take("+"):
            return self.unary()
        base = self.postfix()
        if self.take("^"):
            return ("pow", base, self.unary())
        return base

    def postfix(self):
        v = self.primary()
        while True:
            if self.take("°"):
                v = ("deg", v)
            elif self.word("rad"):
                v = ("rad", v)
            else:
                return v

    def word(self, w: str) -> bool:
        self.space()
        j = self.i + len(w)
        if self.s.startswith(w, self.i) and (j >= len(self.s) or not self.s[j].isalpha()):
            self.i = j
            return True
        return False

    def primary(self):
        c = self.peek()
        if c == "(":
            self.i += 1
            v = self.sum()
            if not self.take(")"):
                raise ValueError("expected )")
            return v
        if self.take("π"):
            return ("pi",)
        if self.take("√"):
            return ("fn", "sqrt", self.postfix())
        if c.isdigit() or c == ".":
            return ("num", self.number())
        if c.isalpha():
            j = self.i
            while j < len(self.s) and (self.s[j].isalnum()):
                j += 1
            name = self.s[self.i : j]
            self.i = j
            if name == "pi":
                return ("pi",)
            if name == "e":
                return ("e",)
            fn = FUNCTIONS[name]
            if self.take("("):
                arg = self.sum()
                if not self.take(")"):
                    raise ValueError("expected )")
                return ("fn", fn, arg)
            return ("fn", fn, self.unary())
        raise ValueError(f"unexpected {c!r} in {self.s!r}")

    def number(self) -> Fraction:
        j = self.i
        while j < len(self.s) and (self.s[j].isdigit() or self.s[j] == "."):
            j += 1
        mant = self.s[self.i : j]
        exp = 0
        if j < len(self.s) and self.s[j] in "eE":
            k = j + 1
            if k < len(self.s) and self.s[k] in "+-":
                k += 1
            if k < len(self.s) and self.s[k].isdigit():
                while k < len(self.s) and self.s[k].isdigit():
                    k += 1
                exp = int(self.s[j + 1 : k])
                j = k
        self.i = j
        return Fraction(Decimal(mant)) * Fraction(10) ** exp


def fold(node):
    """Exact rational value of a node built from numbers and + - * / ^integer, else None."""
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "neg":
        v = fold(node[1])
        return None if v is None else -v
    if kind in ("add", "sub", "mul", "div", "pow"):
        a, b = fold(node[1]), fold(node[2])
        if a is None or b is None:
            return None
        if kind == "add":
            return a + b
        if kind == "sub":
            return a - b
        if kind == "mul":
            return a * b
        if kind == "div":
            return a / b
        if b.denominator == 1 and abs(b) <= 4000:
            return a ** int(b)
    return None


def contains_mark(node) -> bool:
    if not isinstance(node, tuple):
        return False
    return node[0] in ("deg", "rad") or any(contains_mark(child) for child in node[1:])


def trig_argument(node, unit: str):
    """(angle node, scale) for a trig argument: scale 'deg' when it is to be read in degrees.

    A ° or rad mark must be the whole argument ("sin(30°)", not "sin(-30°)" or "sin(30° + 1)") so that every vector
    means the same under any reasonable reading of marks; the generator refuses anything else.
    """
    if node[0] == "deg":
        assert not contains_mark(node[1])
        return node[1], "deg"
    if node[0] == "rad":
        assert not contains_mark(node[1])
        return node[1], "rad"
    assert not contains_mark(node), node
    return node, "deg" if unit == "degrees" else "rad"


def eval_mp(node, unit: str):
    """mpmath value at the current precision (the caller sets mp.dps)."""
    v = fold(node)
    if v is not None:
        return mpmath.mpf(v.numerator) / v.denominator
    kind = node[0]
    if kind == "pi":
        return +mpmath.pi
    if kind == "e":
        return mpmath.e + 0
    if kind == "neg":
        return -eval_mp(node[1], unit)
    if kind in ("add", "sub", "mul", "div", "pow"):
        a, b = eval_mp(node[1], unit), eval_mp(node[2], unit)
        if kind == "add":
            return a + b
        if kind == "sub":
            return a - b
        if kind == "mul":
            return a * b
        if kind == "div":
            return a / b
        return mpmath.power(a, b)
    if kind == "deg":
        return eval_mp(node[1], unit) * mpmath.pi / 180
    if kind == "rad":
        return eval_mp(node[1], unit)
    if kind == "fn":
        fn = node[1]
        if fn in TRIG:
            inner, scale = trig_argument(node[2], unit)
            x = eval_mp(inner, unit)
            if scale == "deg":
                x = x * mpmath.pi / 180
            return {"sin": mpmath.sin, "cos": mpmath.cos, "tan": mpmath.tan, "cot": mpmath.cot,
                    "sec": mpmath.sec, "csc": mpmath.csc}[fn](x)
        x = eval_mp(node[2], unit)
        return {"asin": mpmath.asin, "acos": mpmath.acos, "atan": mpmath.atan, "sqrt": mpmath.sqrt,
                "exp": mpmath.exp, "ln": mpmath.ln, "log10": mpmath.log10,
                "log2": lambda t: mpmath.log(t, 2)}[fn](x)
    raise ValueError(node)


def to_gp(node, unit: str) -> str:
    v = fold(node)
    if v is not None:
        return f"({v.numerator}/{v.denominator})"
    kind = node[0]
    if kind == "pi":
        return "Pi"
    if kind == "e":
        return "exp(1)"
    if kind == "neg":
        return f"(-{to_gp(node[1], unit)})"
    if kind in ("add", "sub", "mul", "div", "pow"):
        op = {"add": "+", "sub": "-", "mul": "*", "div": "/", "pow": "^"}[kind]
        return f"({to_gp(node[1], unit)}{op}{to_gp(node[2], unit)})"
    if kind == "deg":
        return f"({to_gp(node[1], unit)}*Pi/180)"
    if kind == "rad":
        return to_gp(node[1], unit)
    fn = node[1]
    if fn in TRIG:
        inner, scale = trig_argument(node[2], unit)
        x = to_gp(inner, unit)
        if scale == "deg":
            x = f"({x}*Pi/180)"
        return {"sin": f"sin({x})", "cos": f"cos({x})", "tan": f"tan({x})", "cot": f"cotan({x})",
                "sec": f"(1/cos({x}))", "csc": f"(1/sin({x}))"}[fn]
    x = to_gp(node[2], unit)
    return {"asin": f"asin({x})", "acos": f"acos({x})", "atan": f"atan({x})", "sqrt": f"sqrt({x})",
            "exp": f"exp({x})", "ln": f"log({x})", "log10": f"(log({x})/log(10))",
            "log2": f"(log({x})/log(2))"}[fn]


def to_sympy(node, unit: str):
    v = fold(node)
    if v is not None:
        return sympy.Rational(v.numerator, v.denominator)
    kind = node[0]
    if kind == "pi":
        return sympy.pi
    if kind == "e":
        return sympy.E
    if kind == "neg":
        return -to_sympy(node[1], unit)
    if kind in ("add", "sub", "mul", "div", "pow"):
        a, b = to_sympy(node[1], unit), to_sympy(node[2], unit)
        return {"add": lambda: a + b, "sub": lambda: a - b, "mul": lambda: a * b, "div": lambda: a / b,
                "pow": lambda: a**b}[kind]()
    if kind == "deg":
        return to_sympy(node[1], unit) * sympy.pi / 180
    if kind == "rad":
        return to_sympy(node[1], unit)
    fn = node[1]
    if fn in TRIG:
        inner, scale = trig_argument(node[2], unit)
        x = to_sympy(inner, unit)
        if scale == "deg":
            x = x * sympy.pi / 180
        return {"sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "cot": sympy.cot, "sec": sympy.sec,
                "csc": sympy.csc}[fn](x)
    x = to_sympy(node[2], unit)
    return {"asin": sympy.asin, "acos": sympy.acos, "atan": sympy.atan, "sqrt": sympy.sqrt, "exp": sympy.exp,
            "ln": sympy.log, "log10": lambda t: sympy.log(t, 10), "log2": lambda t: sympy.log(t, 2)}[fn](x)


def exact_rational(expr: str, unit: str) -> Fraction | None:
    node = Parser(expr).parse()
    v = fold(node)
    if v is not None:
        return v
    s = to_sympy(node, unit)
    if s.is_Rational:
        return Fraction(int(s.p), int(s.q))
    return None


def high_precision_values(cases: list[tuple[str, str]]) -> list[tuple[Decimal, Decimal]]:
    """(mpmath, PARI) values of each (expression, unit) as Decimals with about 75 significant digits."""
    mp_values = []
    gp_queries = []
    for expr, unit in cases:
        node = Parser(expr).parse()
        with mpmath.workdps(DPS):
            v = eval_mp(node, unit)
            mp_values.append(Decimal(mpmath.nstr(v, DPS - 5, min_fixed=1, max_fixed=0, strip_zeros=False)))
        gp_queries.append(f'Strprintf("%.{DPS - 6}e", {to_gp(node, unit)})')
    gp_values = [Decimal(x.replace(" ", "")) for x in gp_batch(gp_queries, prec=DPS)]
    return list(zip(mp_values, gp_values))


def round_sig(x: Decimal, sig: int) -> Decimal:
    """x correctly rounded (half-even) to `sig` significant digits, keeping trailing zeros."""
    r = Context(prec=sig, rounding=ROUND_HALF_EVEN).plus(x)
    return r.quantize(Decimal(1).scaleb(r.adjusted() - sig + 1), rounding=ROUND_HALF_EVEN)


def fraction_round_sig(q: Fraction, sig: int) -> Decimal:
    """An exact rational correctly rounded (half-even) to `sig` significant digits."""
    if q == 0:
        return Decimal(0)
    e = magnitude(q)
    scaled = q / Fraction(10) ** (e - sig + 1)
    r = round(scaled)  # Python rounds Fractions half-even
    if abs(r) >= 10**sig:
        return fraction_round_sig(Fraction(r) * Fraction(10) ** (e - sig + 1), sig)
    return Decimal(r).scaleb(e - sig + 1)


def magnitude(q: Fraction) -> int:
    """floor(log10(|q|)) for q != 0, exactly."""
    a = abs(q)
    e = len(str(a.numerator)) - len(str(a.denominator))
    while Fraction(10) ** e > a:
        e -= 1
    while Fraction(10) ** (e + 1) <= a:
        e += 1
    return e


def format_value(r: Decimal) -> str:
    """A 40-significant-digit Decimal as plain text for 1e-5 <= |r| < 1e21, else d.ddd…e±x."""
    if Decimal("1e-5") <= abs(r) < Decimal("1e21"):
        return f"{r:f}"
    sign, digits, _ = r.as_tuple()
    text = "".join(map(str, digits))
    return f"{'-' if sign else ''}{text[0]}.{text[1:]}e{r.adjusted()}"


def near_rounding_boundary(x: Decimal, sig: int) -> bool:
    """Whether x's digits after the `sig`-th significant one are within 1e-30 of a half (unsafe to round)."""
    scaled = abs(Fraction(x)) / Fraction(10) ** (x.adjusted() - sig + 1)
    frac = scaled - (scaled.numerator // scaled.denominator)
    return abs(frac - Fraction(1, 2)) < Fraction(1, 10**30)


# ----------------------------------------------------------------------------------------------------------------
# 3. Evaluation

FIXED_EVALUATIONS = [
    ("cos(3532)", "radians"),
    ("sin(3532)", "radians"),
    ("cos(3532°)", "degrees"),
    ("sin(3532°)", "degrees"),
    ("cos(3532)", "degrees"),  # an unmarked angle in degrees mode is read in degrees
    ("sin(30)", "degrees"),
    ("tan(45)", "degrees"),
    ("sin(3532 rad)", "degrees"),  # an angle marked "rad" stays in radians in degrees mode
    ("cos(3532°)", "radians"),  # an angle marked ° is in degrees in radians mode
    ("sin(1e22)", "radians"),
    ("cos(1e22)", "radians"),
    ("sin(1e100)", "radians"),
    ("sin(10^30)", "radians"),
    ("cos(10^30)", "radians"),
    ("cos(3.14)", "radians"),
    ("cos(pi/3)", "radians"),
    ("cos(π/3)", "radians"),
    ("sin(30°)", "degrees"),
    ("sin(60°)", "degrees"),
    ("cos(60°)", "degrees"),
    ("tan(pi/4)", "radians"),
    ("tan(45°)", "degrees"),
    ("cos(2*pi/3)", "radians"),
    ("sin(-0.413)", "radians"),
    ("sin(-0.01)", "radians"),
    ("tan(1.5707)", "radians"),
    ("sqrt(2)", "radians"),
    ("√2", "radians"),
    ("√3/2", "radians"),
    ("2^0.5", "radians"),
    ("exp(1)", "radians"),
    ("e", "radians"),
    ("pi", "radians"),
    ("π", "radians"),
    ("ln(2)", "radians"),
    ("log(2)", "radians"),
    ("log10(1000)", "radians"),
    ("log2(1024)", "radians"),
    ("log10(2)", "radians"),
    ("log2(10)", "radians"),
    ("asin(0.5)", "radians"),
    ("arcsin(0.5)", "radians"),
    ("acos(-1)", "radians"),
    ("arccos(0)", "radians"),
    ("atan(1)", "radians"),
    ("arctan(1)", "radians"),
    ("e^pi", "radians"),
    ("pi^e", "radians"),
    ("exp(pi*sqrt(163))", "radians"),
    ("1.2e7/7", "radians"),
    ("10^10", "radians"),
    ("2^-10", "radians"),
    ("-2^2", "radians"),
    ("2^3^2", "radians"),
    ("sin(10^10)", "radians"),
    ("cos(10^10)", "radians"),
    ("cos(12)", "radians"),
    ("sin(12)", "radians"),
    ("sec(1)", "radians"),
    ("csc(1)", "radians"),
    ("cot(1)", "radians"),
    ("sin(1)^2 + cos(1)^2", "radians"),
    ("exp(-20)", "radians"),
    ("exp(60)", "radians"),
    ("1e-7*pi", "radians"),
    ("sin(1e-6)", "radians"),
    ("1/3", "radians"),
    ("(1+sqrt(5))/2", "radians"),
]


def random_evaluations() -> list[tuple[str, str]]:
    rng = random.Random(SEED + 2)
    cases = []
    for _ in range(40):
        fn = rng.choice(["sin", "cos", "tan"])
        cases.append((f"{fn}({rng.randint(1, 10**6)})", "radians"))
    while len(cases) < 75:
        fn = rng.choice(["sin", "cos"])
        k = rng.randint(1, 10**6) if rng.random() < 0.8 else rng.choice([30, 60, 120, 150, 210, 240, 300, 330, 390, 405])
        if (fn == "sin" and k % 180 == 0) or (fn == "cos" and k % 180 == 90):
            continue  # the value is exactly 0: no significant digits to compare
        cases.append((f"{fn}({k}°)", "degrees"))
    while len(cases) < 100:
        fn = rng.choice(["sin", "cos", "tan"])
        x = Decimal(rng.randint(-20000, 20000)).scaleb(-3)
        cases.append((f"{fn}({x})", "radians"))
    return cases


def build_evaluation() -> list[dict]:
    cases = FIXED_EVALUATIONS + random_evaluations()
    values = high_precision_values(cases)
    rows = []
    seen = set()
    for (expr, unit), (a, b) in zip(cases, values):
        if (expr, unit) in seen:
            continue
        seen.add((expr, unit))
        exact = exact_rational(expr, unit)
        if exact is not None:
            if abs(Fraction(a) - exact) > abs(exact) * Fraction(1, 10**70) + Fraction(1, 10**70):
                raise RuntimeError(f"{expr}: mpmath {a} is not the exact {exact}")
            value = fraction_round_sig(exact, SIG)
            value = value.quantize(Decimal(1).scaleb(value.adjusted() - SIG + 1))
        else:
            if near_rounding_boundary(a, SIG):
                raise RuntimeError(f"{expr}: too close to a rounding boundary at {SIG} digits")
            value = round_sig(a, SIG)
        vb = round_sig(b, SIG)
        if value != vb or abs(a - b) > abs(a) * Decimal("1e-65"):
            raise RuntimeError(f"{expr} ({unit}): mpmath {a} vs PARI {b}")
        row = {"expression": expr, "angle_unit": unit, "value": format_value(value)}
        if exact is not None:
            row["exact"] = str(exact.numerator) if exact.denominator == 1 else f"{exact.numerator}/{exact.denominator}"
        rows.append(row)
    return rows


# ----------------------------------------------------------------------------------------------------------------
# 4. Rounding ("stated value" rule)

# (expression, angle unit, stated, mode, hand-derived expectation, remark)
ROUNDING_CASES = [
    # cos(3532) = 0.66009029799722633494…
    ("cos(3532)", "radians", "0.66", "as_written", True, "the classic forum case"),
    ("cos(3532)", "radians", "0.660", "as_written", True, "trailing zero counts: unit 0.001"),
    ("cos(3532)", "radians", "0.6601", "as_written", True, "rounded"),
    ("cos(3532)", "radians", "0.6600", "as_written", True, "truncated: still within one unit"),
    ("cos(3532)", "radians", "0.66009", "as_written", True, ""),
    ("cos(3532)", "radians", "0.6600902979", "as_written", True, "truncated at 10 places"),
    ("cos(3532)", "radians", "0.6600902980", "as_written", True, "rounded at 10 places"),
    ("cos(3532)", "radians", "0.6600902978", "as_written", False, "off by 1.97 units"),
    ("cos(3532)", "radians", "-0.9999999999999999", "as_written", False, "nonsense value"),
    ("cos(3532)", "radians", "0.67", "as_written", True, "0.0099 < 0.01: within one unit though not rounded"),
    ("cos(3532)", "radians", "0.67", "decimals:2", False, "rounds to 0.66"),
    ("cos(3532)", "radians", "0.65", "as_written", False, "0.01009 > 0.01"),
    ("cos(3532)", "radians", "0.66", "decimals:2", True, ""),
    ("cos(3532)", "radians", "0.660", "decimals:3", True, ""),
    ("cos(3532)", "radians", "0.6600", "decimals:4", False, "truncated; rounds to 0.6601"),
    ("cos(3532)", "radians", "0.6601", "decimals:4", True, ""),
    ("cos(3532)", "radians", "0.66009", "decimals:5", True, ""),
    ("cos(3532)", "radians", "0.660090", "decimals:6", True, ""),
    ("cos(3532)", "radians", "0.6600903", "decimals:7", True, "0.66009029|8 rounds up"),
    ("cos(3532)", "radians", "0.6600902", "decimals:7", False, "truncated"),
    ("cos(3532)", "radians", "0.6600902", "as_written", True, "truncated but within one unit"),
    ("cos(3532)", "radians", "0.66", "significant:2", True, ""),
    ("cos(3532)", "radians", "0.6601", "significant:4", True, ""),
    ("cos(3532)", "radians", "0.6600", "significant:4", False, "truncated"),
    ("cos(3532)", "radians", "0.7", "significant:1", True, ""),
    ("cos(3532)", "radians", "0.6", "significant:1", False, "truncated"),
    ("cos(3532)", "radians", "0.66009030", "significant:8", True, ""),
    ("cos(3532)", "radians", "0.66009029", "significant:8", False, "truncated"),
    ("cos(3532)", "radians", "0.66009029", "as_written", True, ""),
    ("cos(3532)", "degrees", "0.66", "as_written", False, "in degrees mode cos(3532) = cos(3532°) = 0.3746…"),
    ("cos(3532)", "degrees", "0.37", "as_written", True, "cos(3532°) = 0.3746…"),
    ("cos(3532°)", "degrees", "0.3746", "decimals:4", True, ""),
    ("cos(3532°)", "degrees", "0.3747", "decimals:4", False, ""),
    ("cos(3532°)", "degrees", "0.3747", "as_written", True, "0.000093 < 0.0001"),
    ("cos(3532°)", "radians", "0.3746", "decimals:4", True, "the ° mark overrides radians mode"),
    # cos(3.14) = -0.99999873172753954…
    ("cos(3.14)", "radians", "-0.99999", "as_written", True, "truncated"),
    ("cos(3.14)", "radians", "-1.00000", "as_written", True, "rounded"),
    ("cos(3.14)", "radians", "-0.99998", "as_written", False, "1.87 units off"),
    ("cos(3.14)", "radians", "-1.00000", "decimals:5", True, ""),
    ("cos(3.14)", "radians", "-0.99999", "decimals:5", False, "truncated"),
    ("cos(3.14)", "radians", "-1", "as_written", True, "integer: unit 1"),
    ("cos(3.14)", "radians", "-1", "decimals:0", True, ""),
    ("cos(3.14)", "radians", "-1.0000", "significant:5", True, "rounding carries into a new digit"),
    ("cos(3.14)", "radians", "-0.99999", "significant:5", False, ""),
    ("cos(3.14)", "radians", "-0.999999", "significant:6", True, ""),
    ("cos(3.14)", "radians", "-0.999998", "significant:6", False, "truncated"),
    ("cos(3.14)", "radians", "-0.999998", "as_written", True, ""),
    ("cos(3.14)", "radians", "1.00000", "as_written", False, "wrong sign"),
    # sin(-0.413) = -0.40135889258520021…
    ("sin(-0.413)", "radians", "-0.4", "decimals:1", True, ""),
    ("sin(-0.413)", "radians", "-0.5", "decimals:1", False, ""),
    ("sin(-0.413)", "radians", "-0.40", "decimals:2", True, ""),
    ("sin(-0.413)", "radians", "-0.401", "decimals:3", True, ""),
    ("sin(-0.413)", "radians", "-0.4014", "decimals:4", True, ""),
    ("sin(-0.413)", "radians", "-0.4013", "decimals:4", False, "truncated"),
    ("sin(-0.413)", "radians", "-0.4013", "as_written", True, ""),
    ("sin(-0.413)", "radians", "0.4014", "decimals:4", False, "wrong sign"),
    ("sin(-0.413)", "radians", "-0.40136", "significant:5", True, ""),
    # sin(-0.01) = -0.0099998333341666…: negative zero
    ("sin(-0.01)", "radians", "-0.0", "decimals:1", True, "rounds to zero; the sign of zero does not matter"),
    ("sin(-0.01)", "radians", "0.0", "decimals:1", True, "rounds to zero"),
    ("sin(-0.01)", "radians", "-0.01", "decimals:2", True, ""),
    ("sin(-0.01)", "radians", "-0.00", "decimals:2", False, "rounds to -0.01"),
    ("sin(-0.01)", "radians", "-0.0099998", "significant:5", True, "leading zeros are not significant"),
    ("sin(-0.01)", "radians", "-0.01", "significant:1", True, ""),
    ("sin(-0.01)", "radians", "0", "as_written", True, "integer: unit 1"),
    ("sin(-0.01)", "radians", "-0", "as_written", True, "negative zero"),
    # exact values
    ("log2(1024)", "radians", "10", "as_written", True, "exact"),
    ("log2(1024)", "radians", "11", "as_written", False, "off by exactly one unit (the bound is strict)"),
    ("log2(1024)", "radians", "10.0", "decimals:1", True, ""),
    ("log10(1000)", "radians", "3", "as_written", True, ""),
    ("log10(1000)", "radians", "3.00", "as_written", True, ""),
    ("cos(pi/3)", "radians", "0.5", "as_written", True, "exact 1/2"),
    ("cos(pi/3)", "radians", "0.50", "as_written", True, ""),
    ("cos(pi/3)", "radians", "0.4", "as_written", False, "off by exactly one unit"),
    ("cos(pi/3)", "radians", "0.6", "as_written", False, "off by exactly one unit"),
    ("cos(pi/3)", "radians", "0.49", "as_written", False, "off by exactly one unit"),
    ("sin(30°)", "degrees", "0.5", "decimals:1", True, ""),
    ("sin(60°)", "degrees", "0.866", "decimals:3", True, "sqrt(3)/2 = 0.8660254…"),
    ("sin(60°)", "degrees", "0.867", "decimals:3", False, ""),
    ("sin(60°)", "degrees", "0.867", "as_written", True, "0.00097 < 0.001"),
    # exact ties may go either way
    ("1/8", "radians", "0.12", "decimals:2", True, "exact tie 0.125"),
    ("1/8", "radians", "0.13", "decimals:2", True, "exact tie 0.125"),
    ("1/8", "radians", "0.11", "decimals:2", False, ""),
    ("1/8", "radians", "0.12", "significant:2", True, "exact tie"),
    ("1/8", "radians", "0.13", "significant:2", True, "exact tie"),
    ("2.5", "radians", "2", "decimals:0", True, "exact tie"),
    ("2.5", "radians", "3", "decimals:0", True, "exact tie"),
    ("0.125 + 1e-30", "radians", "0.12", "decimals:2", False, "just above the tie"),
    ("0.125 + 1e-30", "radians", "0.13", "decimals:2", True, "just above the tie"),
    ("0.125 - 1e-30", "radians", "0.13", "decimals:2", False, "just below the tie"),
    ("0.125 - 1e-30", "radians", "0.12", "decimals:2", True, "just below the tie"),
    # near ties that are not ties (found by searching n <= 10^6)
    ("cos(371692)", "radians", "-0.73280", "decimals:5", True, "-0.7327950000015…: just past the tie"),
    ("cos(371692)", "radians", "-0.73279", "decimals:5", False, "looks like a tie but is not one"),
    ("cos(560158)", "radians", "0.859", "decimals:3", True, "0.8594999997777…: just below the tie"),
    ("cos(560158)", "radians", "0.860", "decimals:3", False, "looks like a tie but is not one"),
    # a rational with many digits
    ("1.2e7/7", "radians", "1714286", "decimals:0", True, "1714285.714285…"),
    ("1.2e7/7", "radians", "1714285", "decimals:0", False, "truncated"),
    ("1.2e7/7", "radians", "1714285", "as_written", True, "0.714 < 1"),
    ("1.2e7/7", "radians", "1714285.71", "decimals:2", True, ""),
    ("1.2e7/7", "radians", "1714285.72", "decimals:2", False, ""),
    ("1.2e7/7", "radians", "1710000", "significant:3", True, ""),
    ("1.2e7/7", "radians", "1720000", "significant:3", False, ""),
    # well-known constants
    ("pi", "radians", "3.14", "decimals:2", True, ""),
    ("pi", "radians", "3.1416", "decimals:4", True, ""),
    ("pi", "radians", "3.1415", "decimals:4", False, "truncated"),
    ("pi", "radians", "3.1415", "as_written", True, ""),
    ("pi", "radians", "3.14159", "significant:6", True, ""),
    ("pi", "radians", "3.142857", "as_written", False, "22/7"),
    ("e", "radians", "2.718", "decimals:3", True, ""),
    ("e", "radians", "2.7183", "decimals:4", True, ""),
    ("e", "radians", "2.7182", "decimals:4", False, "truncated"),
    ("sqrt(2)", "radians", "1.4142136", "decimals:7", True, ""),
    ("sqrt(2)", "radians", "1.4142135", "decimals:7", False, "truncated"),
    ("sqrt(2)", "radians", "1.4142135", "as_written", True, ""),
    # large magnitudes
    ("tan(1.5707)", "radians", "10381.33", "decimals:2", True, "10381.3274…"),
    ("tan(1.5707)", "radians", "10381", "as_written", True, ""),
    ("tan(1.5707)", "radians", "10382", "as_written", True, "0.67 < 1"),
    ("tan(1.5707)", "radians", "10382", "decimals:0", False, ""),
    ("tan(1.5707)", "radians", "10400", "significant:3", True, ""),
    ("tan(1.5707)", "radians", "10300", "significant:3", False, ""),
    ("exp(pi*sqrt(163))", "radians", "262537412640768744", "decimals:0", True, "…743.99999999999925"),
    ("exp(pi*sqrt(163))", "radians", "262537412640768743", "as_written", True, "0.99999999999925 < 1"),
    ("exp(pi*sqrt(163))", "radians", "262537412640768743", "decimals:0", False, "truncated"),
    ("exp(pi*sqrt(163))", "radians", "262537412640768744.000000000000", "as_written", True, "7.5e-13 < 1e-12"),
    ("exp(pi*sqrt(163))", "radians", "262537412640768744.000000000000", "decimals:12", False,
     "rounds to …743.999999999999"),
    # huge arguments
    ("sin(1e22)", "radians", "-0.8522", "decimals:4", True, "-0.852200849767…"),
    ("sin(1e22)", "radians", "-0.85220085", "decimals:8", True, ""),
    ("sin(1e22)", "radians", "-0.85220084", "decimals:8", False, "truncated"),
    ("sin(10^30)", "radians", "-0.09", "decimals:2", True, "-0.0901169…"),
    ("sin(10^30)", "radians", "0.0093", "as_written", False, "the sine of the double nearest 10^30, not of 10^30"),
]


def apply_rule(true_value: Fraction, exact: bool, stated: str, mode: str) -> tuple[bool, Fraction]:
    """(verdict, margin): margin is the distance from the decision boundary (0 only for exact ties)."""
    s = Fraction(Decimal(stated))
    if mode == "as_written":
        k = len(stated.split(".")[1]) if "." in stated else 0
        unit = Fraction(1, 10**k)
        diff = abs(true_value - s)
        return diff < unit, abs(unit - diff)
    kind, n = mode.split(":")
    n = int(n)
    if kind == "decimals":
        q = Fraction(1, 10**n)
    else:
        q = Fraction(10) ** (magnitude(true_value) - n + 1)
    scaled = true_value / q
    lower = scaled.numerator // scaled.denominator
    frac = scaled - lower
    margin = abs(frac - Fraction(1, 2))
    if frac == Fraction(1, 2):
        candidates = {lower * q, (lower + 1) * q}  # an exact tie may go either way
        if not exact:
            raise RuntimeError("a tie needs an exact value")
        return s in candidates, Fraction(1)
    # Compared as values, so a carry into a new leading digit (0.9999987 to 5 figures is 1.0000) needs no special case.
    r = (lower if frac < Fraction(1, 2) else lower + 1) * q
    return s == r, margin


def build_rounding() -> list[dict]:
    exprs = []
    for expr, unit, *_ in ROUNDING_CASES:
        if (expr, unit) not in exprs:
            exprs.append((expr, unit))
    values = dict(zip(exprs, high_precision_values(exprs)))
    rows = []
    for expr, unit, stated, mode, expected, remark in ROUNDING_CASES:
        a, b = values[(expr, unit)]
        if abs(a - b) > abs(a) * Decimal("1e-65") + Decimal("1e-70"):
            raise RuntimeError(f"{expr}: mpmath {a} vs PARI {b}")
        exact = exact_rational(expr, unit)
        true_value = exact if exact is not None else Fraction(a)
        verdict, margin = apply_rule(true_value, exact is not None, stated, mode)
        if exact is None and margin < Fraction(1, 10**60):
            raise RuntimeError(f"{expr} {stated} {mode}: within 1e-60 of the decision boundary")
        # The same decision from the PARI value must agree.
        if exact is None:
            verdict_b, _ = apply_rule(Fraction(b), False, stated, mode)
            if verdict_b != verdict:
                raise RuntimeError(f"{expr} {stated} {mode}: oracles disagree")
        if verdict != expected:
            raise RuntimeError(f"{expr} {stated} {mode}: computed {verdict}, expected by hand {expected}")
        shown = exact_text(exact) if exact is not None else format_value(round_sig(a, SIG)) + "…"
        if mode == "as_written":
            k = len(stated.split(".")[1]) if "." in stated else 0
            diff = abs(true_value - Fraction(Decimal(stated)))
            unit_text = "1" if k == 0 else f"1e-{k}"
            why = (f"true value {shown}; |true - stated| = {short(diff)} "
                   f"{'<' if verdict else '>='} {unit_text} (one unit of the last written place)")
        else:
            kind, n = mode.split(":")
            r = rounded_text(true_value, exact is not None, kind, int(n))
            why = f"true value {shown}; correctly rounded to {n} {'decimal places' if kind == 'decimals' else 'significant figures'}: {r}"
        if remark:
            why += f"; {remark}"
        rows.append({"expression": expr, "angle_unit": unit, "stated": stated, "mode": mode, "correct": verdict,
                     "why": why})
    return rows


def exact_text(q: Fraction) -> str:
    if q.denominator == 1:
        return f"{q.numerator} (exact)"
    d = Decimal(q.numerator) / Decimal(q.denominator)  # 200-digit context
    if Fraction(d) == q:
        return f"{q.numerator}/{q.denominator} = {d} (exact)"
    return f"{q.numerator}/{q.denominator} = {format_value(round_sig(d, SIG))}… (exact)"


def short(q: Fraction) -> str:
    """|difference| for the why text: exact if it terminates within 20 digits, else truncated with an ellipsis."""
    if q == 0:
        return "0"
    d = Context(prec=20, rounding=ROUND_DOWN).divide(Decimal(q.numerator), Decimal(q.denominator))
    return f"{d.normalize():f}" if Fraction(d) == q else f"{d:e}…"


def rounded_text(q: Fraction, exact: bool, kind: str, n: int) -> str:
    m = -n if kind == "decimals" else magnitude(q) - n + 1
    scaled = q / Fraction(10) ** m
    lower = scaled.numerator // scaled.denominator
    places = max(0, -m)

    def show(k: int) -> str:
        return f"{Decimal(k).scaleb(m):.{places}f}"

    if scaled - lower == Fraction(1, 2):
        return f"{show(lower)} or {show(lower + 1)} (exact tie)"
    return show(lower if scaled - lower < Fraction(1, 2) else lower + 1)


# ----------------------------------------------------------------------------------------------------------------


def render(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main() -> int:
    args = sys.argv[1:]
    check = "--check" in args
    only = [a for a in args if not a.startswith("--")]  # optional file names to (re)build, default all
    outputs = {
        "primality.jsonl": build_primality,
        "factorization.jsonl": build_factorization,
        "evaluation.jsonl": build_evaluation,
        "rounding.jsonl": build_rounding,
    }
    status = 0
    for name, build in outputs.items():
        if only and name not in only:
            continue
        text = render(build())
        path = os.path.join(HERE, name)
        if check:
            with open(path, encoding="utf-8") as f:
                same = f.read() == text
            print(f"{name}: {'identical' if same else 'DIFFERENT'}")
            status |= 0 if same else 1
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print(f"{name}: {text.count(chr(10))} lines, {len(text.encode())} bytes")
    return status


if __name__ == "__main__":
    sys.exit(main())
