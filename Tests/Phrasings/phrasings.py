#!/usr/bin/env python3
"""Generates labelled records for measuring how mathcheck reads worded calculator questions and solution lines.

    python3 phrasings.py --seed 1 --count 20000 --kind all --out phrasings.jsonl
    python3 phrasings.py --verify-gp phrasings.jsonl      # recompute every question's value with PARI/GP

Each record is {"id", "prompt", "response", "truth", "family", "note", "expr", "value"}. `truth` is what an
oracle independent of mathcheck (Python fractions for exact operations, mpmath at 50 digits for functions) says
of the response: "correct", "wrong", or "outside" (the prompt asks nothing a calculator grammar reads, or is a
question with a piece cut out: any verdict but "wrong" is acceptable). `expr` is the prompt's value as a PARI/GP
expression and `value` the oracle's value of it ("" when there is none). mathcheck ignores these extra fields.

Kinds and families:
  questions     q.<op>: worded calculator questions (arith, mean, abs, power, root, exp, log, percent, mod, gcd,
                factorial, trig, invtrig, compare) with correct and wrong answers in many dressings
  outside       outside.plain / outside.trap: questions no calculator grammar covers, answered with bare numbers
  cuts          cut.<mutation>: a question with an operand, an operator word, a trailing part, a "/d", its rounding
                clause or its unit clause removed, answered with the FULL question's correct answer
  wordproblems  wp.<template>: solution lines of word problems ("She pays .75*8 = $6 a week."), right and wrong

The output depends only on --seed, --count and --kind: record i is drawn from its own generator seeded with
(seed, kind, i), so a record can be reproduced alone and lengthening --count does not change earlier records.
"""
import argparse
import json
import math
import random
import re
import subprocess
import sys
from dataclasses import dataclass, field, replace
from fractions import Fraction as F

import mpmath

mpmath.mp.dps = 50
MP = mpmath.mpf
PI = mpmath.pi


class Reject(Exception):
    """The drawn parameters make a bad test (a rounding tie, a pole, a huge value): draw again."""


class Undefined(Exception):
    """The expression has no real value (a domain error): a mutated question that asks it is not well-formed."""


# ---------------------------------------------------------------------------------------------------------------
# Exact and approximate values
# ---------------------------------------------------------------------------------------------------------------

TOL = F(1, 10**40)


@dataclass(frozen=True)
class Value:
    """A true value: `q` is exact when `exact`, else a 50-digit approximation of an irrational number."""
    q: F
    exact: bool


def exact(q):
    return Value(F(q), True)


def to_fraction(x):
    sign, man, exp, _ = x._mpf_
    q = F(man) * F(2) ** exp
    return -q if sign else q


def approx(x):
    """The value of an mpmath number; one within 1e-40 of a rational with a small denominator is that rational
    (sin 30° = 1/2, log2 64 = 6, ∛27 = 3)."""
    if not mpmath.isfinite(x) or isinstance(x, mpmath.mpc):
        raise Undefined("not a finite real number")
    q = to_fraction(x)
    f = float(x)
    s = F(f).limit_denominator(10**4)  # a float sieve first: most values are nowhere near a simple rational
    if abs(f - s.numerator / s.denominator) > 1e-9 * max(1.0, abs(f)):
        return Value(q, False)
    s = q.limit_denominator(10**4)
    if abs(q - s) <= TOL * max(1, abs(q)):
        return exact(s)
    return Value(q, False)


def mp(q):
    return MP(q.numerator) / q.denominator


def is_int(q):
    return q.denominator == 1


def pow10(q):
    """floor(log10 |q|) for q != 0."""
    a = abs(q)
    e = len(str(a.numerator)) - len(str(a.denominator))
    while F(10) ** e > a:
        e -= 1
    while F(10) ** (e + 1) <= a:
        e += 1
    return e


def round_dp(v, n):
    """v rounded to n decimal places (n may be negative: tens, hundreds). A tie (or, for an approximation, a value
    within 1e-30 of one) raises Reject: conventions differ on ties and the test would be ambiguous."""
    scale = F(10) ** n
    x = v.q * scale
    fl = math.floor(x)
    r = x - fl
    if r == F(1, 2) or (not v.exact and abs(r - F(1, 2)) < F(1, 10**30)):
        raise Reject("rounding tie")
    if not v.exact and (r < F(1, 10**30) or 1 - r < F(1, 10**30)) and r != 0:
        raise Reject("approximation at a rounding boundary")
    return F(fl + (1 if r > F(1, 2) else 0)) / scale


def trunc_dp(v, n):
    scale = F(10) ** n
    return F(math.trunc(v.q * scale)) / scale


def round_sf(v, n):
    """(rounded value, decimals shown) for n significant figures: 1081 → (1100, 0), 0.52359 → (0.524, 3)."""
    if v.q == 0:
        raise Reject("zero has no significant figures")
    e = pow10(v.q)
    d = n - 1 - e
    r = round_dp(v, d)
    if r != 0 and pow10(r) > e:  # 9.996 to 3 s.f. is 10.0
        d -= 1
        r = round_dp(v, d)
    return r, max(d, 0)


def terminating_places(q):
    """The number of decimals q has when its decimal expansion ends, else None."""
    d, twos, fives = q.denominator, 0, 0
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    return max(twos, fives) if d == 1 else None


def group(int_digits, sep):
    s = int_digits
    out = []
    while len(s) > 3:
        out.append(s[-3:])
        s = s[:-3]
    out.append(s)
    return sep.join(reversed(out))


def fixed(q, n, sep=None):
    """q (a multiple of 10^-n) written with exactly n decimals; `sep` groups the integer part's thousands."""
    m = q * F(10) ** n
    assert is_int(m), (q, n)
    m = int(m)
    sign = "-" if m < 0 else ""
    s = str(abs(m)).rjust(n + 1, "0")
    whole, frac = (s[:-n], s[-n:]) if n > 0 else (s, "")
    if sep:
        whole = group(whole, sep)
    return sign + whole + ("." + frac if n > 0 else "")


def dec(q, sep=None):
    """A terminating q in its shortest decimal form."""
    return fixed(q, terminating_places(q), sep)


def gp_rational(q):
    return f"({q.numerator}/{q.denominator})" if q.denominator != 1 else f"({q.numerator})"


def value_string(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if v.exact:
        return str(v.q)
    return mpmath.nstr(mp(v.q), 40)


# ---------------------------------------------------------------------------------------------------------------
# Operands: a value and how the question writes it
# ---------------------------------------------------------------------------------------------------------------

@dataclass
class Num:
    q: F                     # the value; for `pi` the coefficient of π; for a surd an approximation
    text: str
    shape: str               # int neg parneg dec thousands frac sci pi surd
    gp: str
    x: object = None         # mpmath value of a surd
    numer: object = None     # the Num left when a "/d" is cut out of the text ("3/4" → "3", "3π/4" → "3π")

    def __post_init__(self):
        if self.gp.startswith("-"):  # "660--917" is a decrement to GP
            self.gp = f"({self.gp})"

    @property
    def exact(self):
        return self.shape not in ("pi", "surd")

    def mpf(self):
        if self.shape == "pi":
            return mp(self.q) * PI
        if self.shape == "surd":
            return self.x
        return mp(self.q)

    def value(self):
        return exact(self.q) if self.exact else approx(self.mpf())

    def sym(self, guard=True):
        """In a formula: negatives, fractions and scientific notation bracketed where an operator touches them."""
        t = self.text
        if t.startswith("("):
            return t
        if guard and (self.q < 0 or "/" in t or "e" in t):
            return f"({t})"
        return t

    def latex(self):
        t = self.text.strip("()")
        if self.shape == "frac":
            sign = "-" if self.q < 0 else ""
            return f"{sign}\\frac{{{abs(self.q.numerator)}}}{{{self.q.denominator}}}"
        if self.shape == "pi":
            return pi_latex(self.q)
        if self.shape == "surd":
            return surd_latex(t)
        if self.shape == "thousands":
            return t.replace(",", "{,}")
        if self.shape == "sci":
            m, e = t.split("e")
            return f"{m} \\times 10^{{{int(e)}}}"
        return t


def n_int(rng, lo=2, hi=999):
    v = rng.randint(lo, hi)
    return Num(F(v), str(v), "int", str(v))


def n_neg(rng, lo=1, hi=999, paren=None):
    v = -rng.randint(lo, hi)
    paren = rng.random() < 0.35 if paren is None else paren
    return Num(F(v), f"({v})" if paren else str(v), "parneg" if paren else "neg", str(v))


def n_dec(rng, lo=0, hi=99, neg=False, places=None):
    places = places or rng.choice([1, 1, 2, 2, 3])
    scale = 10**places
    m = rng.randint(lo * scale + 1, hi * scale)
    if m % 10 == 0:
        m += rng.randint(1, 9)
    q = F(m, scale) * (-1 if neg else 1)
    text = dec(q)
    if abs(q) < 1 and rng.random() < 0.1:
        text = text.replace("0.", ".", 1)  # ".75"
    return Num(q, text, "dec", gp_rational(q))


def n_thousands(rng, neg=False):
    v = rng.randint(1000, 999999) * (-1 if neg else 1)
    return Num(F(v), f"{v:,}", "thousands", str(v))


def n_frac(rng, neg=False, dens=range(2, 13)):
    while True:
        d = rng.choice(list(dens))
        p = rng.randint(1, 3 * d)
        if math.gcd(p, d) == 1 and p % d:
            break
    q = F(p, d) * (-1 if neg else 1)
    numer = Num(F(p) * (-1 if neg else 1), str(int(q.numerator)), "neg" if neg else "int", str(q.numerator))
    return Num(q, f"{q.numerator}/{d}", "frac", gp_rational(q), numer=numer)


def n_sci(rng, lo_exp=-3, hi_exp=6):
    m = F(rng.randint(11, 99), 10)
    if m.denominator == 1:
        m += F(1, 10)
    if rng.random() < 0.3:
        m = F(rng.randint(101, 999), 100)
    e = rng.choice([x for x in range(lo_exp, hi_exp + 1) if x not in (0, 1)])
    q = m * F(10) ** e
    return Num(q, f"{dec(m)}e{e}", "sci", gp_rational(q))


def number(rng, shapes, **kw):
    """An operand of one of the named shapes."""
    shape = rng.choice(shapes)
    if shape == "int":
        return n_int(rng, kw.get("lo", 2), kw.get("hi", 999))
    if shape == "small":
        return n_int(rng, 2, 30)
    if shape == "neg":
        return n_neg(rng, 1, kw.get("hi", 999))
    if shape == "parneg":
        return n_neg(rng, 1, kw.get("hi", 999), paren=True)
    if shape == "dec":
        return n_dec(rng, 0, kw.get("dec_hi", 99), neg=kw.get("neg_ok", True) and rng.random() < 0.25)
    if shape == "thousands":
        return n_thousands(rng, neg=kw.get("neg_ok", True) and rng.random() < 0.1)
    if shape == "frac":
        return n_frac(rng, neg=kw.get("neg_ok", True) and rng.random() < 0.2)
    if shape == "sci":
        return n_sci(rng)
    raise ValueError(shape)


ARITH_SHAPES = ["int", "int", "int", "int", "neg", "parneg", "dec", "dec", "thousands", "frac", "sci"]


def pi_text(q):
    sign = "-" if q < 0 else ""
    a = abs(q)
    k = "" if a.numerator == 1 else str(a.numerator)
    return f"{sign}{k}π" + (f"/{a.denominator}" if a.denominator != 1 else "")


def pi_latex(q):
    sign = "-" if q < 0 else ""
    a = abs(q)
    k = "" if a.numerator == 1 else str(a.numerator)
    if a.denominator == 1:
        return f"{sign}{k}\\pi"
    return f"{sign}\\frac{{{k}\\pi}}{{{a.denominator}}}"


def n_pi(rng):
    d = rng.choice([1, 2, 3, 4, 6, 6, 12])
    k = rng.randint(1, 2 * d)
    q = F(k, d) * (-1 if rng.random() < 0.15 else 1)
    numer = None
    if q.denominator != 1:
        nq = F(q.numerator)
        numer = Num(nq, pi_text(nq), "pi", f"{nq.numerator}*Pi")
    return Num(q, pi_text(q), "pi", f"({q.numerator}*Pi/{q.denominator})", numer=numer)


# Surds in questions (arccos(-√2/2)) and answers (sin 45° = √2/2): text, LaTeX, value, GP.
SURDS = [
    ("√2/2", "\\frac{\\sqrt{2}}{2}", mpmath.sqrt(2) / 2, "sqrt(2)/2", ("√2", mpmath.sqrt(2), "sqrt(2)")),
    ("√3/2", "\\frac{\\sqrt{3}}{2}", mpmath.sqrt(3) / 2, "sqrt(3)/2", ("√3", mpmath.sqrt(3), "sqrt(3)")),
    ("√3/3", "\\frac{\\sqrt{3}}{3}", mpmath.sqrt(3) / 3, "sqrt(3)/3", ("√3", mpmath.sqrt(3), "sqrt(3)")),
    ("√3", "\\sqrt{3}", mpmath.sqrt(3), "sqrt(3)", None),
    ("√2", "\\sqrt{2}", mpmath.sqrt(2), "sqrt(2)", None),
    ("2√3/3", "\\frac{2\\sqrt{3}}{3}", 2 * mpmath.sqrt(3) / 3, "2*sqrt(3)/3", ("2√3", 2 * mpmath.sqrt(3), "2*sqrt(3)")),
    ("1/√2", "\\frac{1}{\\sqrt{2}}", 1 / mpmath.sqrt(2), "1/sqrt(2)", None),
    ("2 - √3", "2 - \\sqrt{3}", 2 - mpmath.sqrt(3), "2-sqrt(3)", None),
    ("2 + √3", "2 + \\sqrt{3}", 2 + mpmath.sqrt(3), "2+sqrt(3)", None),
]
SIMPLE_SURDS = SURDS[:7]


def surd_latex(text):
    neg = text.startswith("-")
    for t, l, *_ in SURDS:
        if t == text.lstrip("-"):
            return ("-" if neg else "") + l
    return text.replace("√", "\\sqrt")


def n_surd(rng, choices=SIMPLE_SURDS[:3]):
    t, _, x, g, numer = rng.choice(choices)
    neg = rng.random() < 0.4
    sgn = -1 if neg else 1
    num = None
    if numer:
        num = Num(to_fraction(sgn * numer[1]), ("-" if neg else "") + numer[0], "surd", f"{sgn}*{numer[2]}", x=sgn * numer[1])
    return Num(to_fraction(sgn * x), ("-" if neg else "") + t, "surd", f"({sgn}*{g})", x=sgn * x, numer=num)


# ---------------------------------------------------------------------------------------------------------------
# Expressions: a worded operation on operands, with its value, formula, GP form and likely blunders
# ---------------------------------------------------------------------------------------------------------------

TEMPLATE_TOKEN = re.compile(r"\{(\d+)\}|\[([^\]]*)\]|([^{\[]+)")


THOUSANDS = re.compile(r"-?\d{1,3}(,\d{3})+")


def fill(template, texts):
    """Parts of a template: ("a<i>", operand i), ("op", an operator word in [brackets]), ("w", other words).
    Inside a call's brackets a number is written without thousands separators: "gcd(936, 2,160)" has three
    readings, "sqrt(175,547)" two."""
    if "(" in template:
        texts = [t.replace(",", "") if THOUSANDS.fullmatch(t) else t for t in texts]
    parts = []
    for m in TEMPLATE_TOKEN.finditer(template):
        if m.group(1) is not None:
            parts.append((f"a{m.group(1)}", texts[int(m.group(1))]))
        elif m.group(2) is not None:
            parts.append(("op", m.group(2)))
        else:
            parts.append(("w", m.group(3)))
    return parts


@dataclass
class Expr:
    family: str
    parts: list              # the prose, as template parts
    value: object            # Value, or bool for comparisons
    sym: str                 # a formula: "23 × 47", "sin(30°)"
    latex: str
    gp: str
    build: object            # (args, style) -> Expr
    args: list
    style: dict
    unit: str = None         # unit of the answer: degrees, radians, money
    noun: bool = True        # the prose reads as a noun phrase ("the sum of 3 and 4"), not an order ("add 3 to 4")
    forms: list = field(default_factory=list)      # exact forms of the value (Display)
    blunders: object = field(default_factory=list)  # [(name, Value)], or a function giving them: careless answers
    unit_clause: tuple = None                      # ("inline"|"sentence", text)

    @property
    def prose(self):
        return "".join(t for _, t in self.parts)

    def rebuild(self, args=None, **style):
        return self.build(args if args is not None else self.args, {**self.style, **style})


# --- the four operations ---------------------------------------------------------------------------------------

# (template, noun phrase?, restriction): {0} and {1} are a and b; the value is the operation on (a, b).
OPS = {
    "add": [("{0} [plus] {1}", True, ""), ("{0} [+] {1}", True, ""), ("[the sum of] {0} and {1}", True, ""),
            ("[the result of adding] {0} and {1}", True, ""), ("[add] {0} [to] {1}", False, ""),
            ("{1} [more than] {0}", True, ""), ("{0} [added to] {1}", True, ""),
            ("[the total of] {0} and {1}", True, "")],
    "sub": [("{0} [minus] {1}", True, ""), ("{0} [-] {1}", True, ""), ("[the difference of] {0} and {1}", True, "a>b"),
            ("[subtract] {1} [from] {0}", False, ""), ("{1} [less than] {0}", True, ""),
            ("{1} [subtracted from] {0}", True, ""), ("{0} [take away] {1}", True, ""),
            ("[the result of subtracting] {1} [from] {0}", True, "")],
    "mul": [("{0} [times] {1}", True, ""), ("{0} [multiplied by] {1}", True, ""), ("[multiply] {0} [by] {1}", False, ""),
            ("[the product of] {0} and {1}", True, ""), ("{0} [×] {1}", True, ""), ("{0} [*] {1}", True, ""),
            ("[the result of multiplying] {0} [by] {1}", True, "")],
    "div": [("{0} [divided by] {1}", True, ""), ("[divide] {0} [by] {1}", False, ""),
            ("[the quotient of] {0} and {1}", True, "int"), ("{0} [over] {1}", True, "nofrac"),
            ("{0} [÷] {1}", True, ""), ("{0} [/] {1}", True, "nofrac"),
            ("[the result of dividing] {0} [by] {1}", True, "")],
}
SYMBOL = {"add": "+", "sub": "-", "mul": "×", "div": "÷"}
LATEX_SYMBOL = {"add": "+", "sub": "-", "mul": "\\times", "div": "\\div"}


def apply_op(op, a, b):
    if op == "add":
        return a + b
    if op == "sub":
        return a - b
    if op == "mul":
        return a * b
    if b == 0:
        raise Undefined("division by zero")
    return a / b


def build_arith(args, st):
    a, b = args
    op = st["op"]
    template, noun, _ = OPS[op][st["t"]]
    v = exact(apply_op(op, a.q, b.q))
    blunders = [("digit", exact(v.q + st["slip"]))]
    if op == "add":
        blunders.append(("subtracted", exact(a.q - b.q)))
    elif op == "sub":
        blunders += [("reversed", exact(b.q - a.q)), ("added", exact(a.q + b.q))]
    elif op == "mul":
        blunders += [("added", exact(a.q + b.q)), ("one_short", exact(a.q * (b.q - 1)))]
    elif b.q != 0 and a.q != 0:
        blunders += [("reversed", exact(b.q / a.q)), ("multiplied", exact(a.q * b.q))]
    return Expr(f"q.arith.{op}", fill(template, [a.text, b.text]), v,
                f"{a.sym(False)} {SYMBOL[op]} {b.sym()}", f"{a.latex()} {LATEX_SYMBOL[op]} {b.latex()}",
                f"{a.gp}{'+-*/'['add sub mul div'.split().index(op)]}{b.gp}", build_arith, args, st,
                noun=noun, blunders=blunders, forms=rational_forms(v))


def gen_arith(rng):
    op = rng.choice(["add", "sub", "mul", "div"])
    t = rng.randrange(len(OPS[op]))
    restriction = OPS[op][t][2]
    shapes = ARITH_SHAPES
    if restriction == "nofrac":
        shapes = [s for s in shapes if s != "frac"]
    a, b = number(rng, shapes), number(rng, shapes)
    if op == "div":
        if b.q == 0:
            raise Reject("zero divisor")
        if restriction == "int":
            b = n_int(rng, 2, 40)
            a = n_int(rng, 2, 300)
            a = Num(a.q * b.q, str(int(a.q * b.q)), "int", str(int(a.q * b.q)))
    if restriction == "a>b" and a.q <= b.q:
        a, b = b, a
        if a.text.startswith("(") or b.text.startswith("("):
            raise Reject("bracketed first operand")
    if a.q == b.q:
        raise Reject("equal operands")
    return [a, b], {"op": op, "t": t, "slip": rng.choice([-10, -3, -2, -1, 1, 2, 3, 10])}


# --- mean, absolute value --------------------------------------------------------------------------------------

MEAN_T = ["[the mean of] {L}", "[the average of] {L}", "[the arithmetic mean of] {L}", "[the average of the numbers] {L}",
          "[the mean of the numbers] {L}", "[the average value of] {L}"]


def build_mean(args, st):
    n = len(args)
    texts = [a.text for a in args]
    if st["joiner"] == "and":
        lst = ", ".join(f"{{{i}}}" for i in range(n - 1)) + f" and {{{n - 1}}}"
    elif st["joiner"] == "oxford":
        lst = ", ".join(f"{{{i}}}" for i in range(n - 1)) + f", and {{{n - 1}}}"
    else:
        lst = ", ".join(f"{{{i}}}" for i in range(n))
    template = MEAN_T[st["t"]].replace("{L}", lst)
    total = sum(a.q for a in args)
    v = exact(total / n)
    return Expr("q.mean", fill(template, texts), v, f"({' + '.join(a.sym(False) for a in args)}) / {n}",
                f"\\frac{{{' + '.join(a.latex() for a in args)}}}{{{n}}}",
                f"({'+'.join(a.gp for a in args)})/{n}", build_mean, args, st,
                blunders=[("sum", exact(total)), ("wrong_count", exact(total / (n - 1)))], forms=rational_forms(v))


def gen_mean(rng):
    n = rng.randint(3, 6)
    shapes = ["int", "int", "int", "small", "dec", "neg"]
    args = [number(rng, shapes, hi=200, dec_hi=50) for _ in range(n)]
    return args, {"t": rng.randrange(len(MEAN_T)), "joiner": rng.choice(["and", "oxford", "comma"])}


ABS_T = [("[the absolute value of] {0}", True), ("[|]{0}[|]", True), ("[abs(]{0}[)]", True),
         ("[the magnitude of] {0}", True)]


def build_abs(args, st):
    (a,) = args
    template, noun = ABS_T[st["t"]]
    v = exact(abs(a.q))
    return Expr("q.abs", fill(template, [a.text.strip("()")]), v, f"|{a.text.strip('()')}|",
                f"\\left|{a.latex()}\\right|", f"abs({a.gp})", build_abs, args, st, noun=noun,
                blunders=[("sign", exact(-abs(a.q)))], forms=rational_forms(v))


def gen_abs(rng):
    a = number(rng, ["neg", "neg", "dec", "frac", "thousands", "int"], neg_ok=True)
    if a.shape == "dec" and a.q > 0 and rng.random() < 0.7:
        a = Num(-a.q, "-" + a.text, "dec", gp_rational(-a.q))
    return [a], {"t": rng.randrange(len(ABS_T))}


# --- powers, roots, exp, logarithms ----------------------------------------------------------------------------

def ordinal(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


POWER_T = [  # (template, needs a positive integer exponent, allows a fractional or negative exponent)
    ("{0} [to the power of] {1}", False, True), ("{0} [raised to the power] {1}", False, True),
    ("{0} [raised to the power of] {1}", False, True), ("{0} [raised to the] {1}[ power]", True, False),
    ("{0}[^]{1}", False, False), ("{0} [to the] {1}[ power]", True, False), ("{0}[**]{1}", False, False),
]
SQUARE_T = [("{0} [squared]", 2), ("{0} [cubed]", 3), ("[the square of] {0}", 2), ("[the cube of] {0}", 3),
            ("{0}[²]", 2), ("{0}[³]", 3)]


def bracket_base(n):
    """"-3 squared", "-7.1**10", "2/9^12" and "1.5e3^2" read two ways: such a base is written in brackets."""
    if (n.q < 0 or "/" in n.text or "e" in n.text) and not n.text.startswith("("):
        return replace(n, text=f"({n.text})", numer=n.numer and bracket_base(n.numer))
    return n


def power_value(base, exponent):
    if is_int(exponent.q) and base.exact:
        if base.q == 0 and exponent.q < 0:
            raise Undefined("0 to a negative power")
        return exact(base.q ** int(exponent.q))
    if base.q <= 0:
        raise Undefined("a fractional power of a number that is not positive")
    return approx(mpmath.power(base.mpf(), exponent.mpf()))


def build_power(args, st):
    base, ex = args[0], args[-1]
    if st["kind"] == "square":
        template, k = SQUARE_T[st["t"]]
        ex = Num(F(k), str(k), "int", str(k))
        texts = [base.text]
    else:
        template = POWER_T[st["t"]][0]
        texts = [base.text, ordinal(int(ex.q)) if POWER_T[st["t"]][1] else ex.text]
    v = power_value(base, ex)
    sym = f"{base.sym()}^{ex.sym()}"
    blunders = [("times", exact(base.q * ex.q) if base.exact and ex.exact else approx(base.mpf() * ex.mpf()))]
    if is_int(ex.q) and ex.q > 1:
        blunders.append(("one_short", power_value(base, Num(ex.q - 1, "", "int", ""))))
    return Expr("q.power", fill(template, texts), v, sym, f"{base.latex() if base.q >= 0 else '(' + base.latex() + ')'}^{{{ex.latex()}}}",
                f"({base.gp})^({ex.gp})", build_power, [base, ex] if st["kind"] != "square" else [base], st,
                blunders=blunders, forms=rational_forms(v) + power_forms(v))


def gen_power(rng):
    if rng.random() < 0.4:
        base = bracket_base(number(rng, ["int", "small", "small", "parneg", "dec", "frac"], hi=40, dec_hi=20))
        return [base], {"kind": "square", "t": rng.randrange(len(SQUARE_T))}
    t = rng.randrange(len(POWER_T))
    _, ordinal_only, fractional = POWER_T[t]
    base = bracket_base(number(rng, ["small", "small", "int", "dec", "parneg", "frac"], hi=20, dec_hi=12))
    r = rng.random()
    if fractional and r < 0.25 and base.q > 0:
        ex = rng.choice([n_frac(rng, dens=[2, 3, 4]), Num(F(1, 2), "0.5", "dec", "(1/2)"), n_dec(rng, 0, 3)])
    elif fractional and r < 0.4:
        ex = n_neg(rng, 1, 4, paren=False)
    else:
        ex = n_int(rng, 2, 12)
    if abs(base.mpf()) ** ex.mpf() > 1e15:
        raise Reject("huge power")
    return [base, ex], {"kind": "power", "t": t}


ROOT_T = [("[the square root of] {0}", 2), ("[√]{0}", 2), ("[sqrt(]{0}[)]", 2), ("[the cube root of] {0}", 3),
          ("[∛]{0}", 3), ("[the {k} root of] {0}", 0), ("[the principal square root of] {0}", 2)]


def build_root(args, st):
    (x,) = args
    template, k = ROOT_T[st["t"]]
    k = k or st["k"]
    template = template.replace("{k}", ordinal(k))
    if x.q < 0:
        raise Undefined("root of a negative number")  # odd ones too: the principal root is complex
    v = approx(mpmath.root(x.mpf(), k))
    sym = f"√{x.sym()}" if k == 2 else (f"∛{x.sym()}" if k == 3 else f"{x.sym()}^(1/{k})")
    latex = f"\\sqrt{{{x.latex()}}}" if k == 2 else f"\\sqrt[{k}]{{{x.latex()}}}"
    forms = rational_forms(v)
    if k == 2 and is_int(x.q) and not v.exact:
        forms += radical_forms(int(x.q))
    return Expr("q.root", fill(template, [x.text]), v, sym, latex, f"sqrtn({x.gp},{k})", build_root, args, st,
                blunders=[("half", exact(x.q / k)), ("squared", exact(x.q ** 2) if k == 2 else exact(x.q * 3))],
                forms=forms)


def gen_root(rng):
    t = rng.randrange(len(ROOT_T))
    k = ROOT_T[t][1] or rng.choice([4, 5, 6])
    r = rng.random()
    if r < 0.45:
        b = rng.choice([F(n) for n in range(2, 40)] + [F(1, 2), F(3, 10), F(3, 2), F(7, 5)])
        q = b ** k
        x = Num(q, dec(q) if terminating_places(q) is not None else str(q), "int" if is_int(q) else "dec", gp_rational(q))
        if not is_int(q) and terminating_places(q) is None:
            x = Num(q, str(q), "frac", gp_rational(q), numer=Num(F(q.numerator), str(q.numerator), "int", str(q.numerator)))
    else:
        x = number(rng, ["int", "int", "thousands", "dec", "frac", "sci"], neg_ok=False)
    return [x], {"t": t, "k": k}


EXP_T = ["[e raised to the power] {0}", "[e raised to the power of] {0}", "[e to the power of] {0}", "[exp(]{0}[)]",
         "[e^]{0}", "[e^(]{0}[)]", "[the exponential of] {0}"]


def build_exp(args, st):
    (x,) = args
    v = approx(mpmath.exp(x.mpf()))
    return Expr("q.exp", fill(EXP_T[st["t"]], [x.sym() if EXP_T[st["t"]] == "[e^]{0}" else x.text]), v, f"e^{x.sym()}",
                f"e^{{{x.latex()}}}", f"exp({x.gp})", build_exp, args, st,
                blunders=lambda: [("times_e", approx(x.mpf() * mpmath.e)), ("power_of_10", approx(mpmath.power(10, x.mpf())))])


def gen_exp(rng):
    x = number(rng, ["small", "dec", "neg", "frac"], hi=8, dec_hi=12)
    if abs(x.q) > 25:
        raise Reject("huge exponent")
    return [x], {"t": rng.randrange(len(EXP_T))}


LN_T = [("[the natural log of] {1}", 0), ("[the natural logarithm of] {1}", 0), ("[ln(]{1}[)]", 0), ("[ln] {1}", 0),
        ("[log base] {0} [of] {1}", 1), ("[the base-]{0}[ logarithm of] {1}", 1), ("[the logarithm of] {1} [to base] {0}", 1),
        ("[log_]{0}[(]{1}[)]", 1), ("[log]{0}[(]{1}[)]", 2), ("[the common logarithm of] {1}", 10),
        ("[the log base] {0} [of] {1}", 1), ("[the base] {0} [logarithm of] {1}", 1), ("[log base] {0} [of] {1}", 1)]


def build_log(args, st):
    base, x = args
    template = spaced_call(LN_T[st["t"]][0], x.text)
    if x.q <= 0:
        raise Undefined("logarithm of a number that is not positive")
    natural = base is None
    v = approx(mpmath.log(x.mpf()) if natural else mpmath.log(x.mpf(), base.mpf()))
    texts = ["" if natural else base.text, x.text]
    if natural:
        sym, latex, gp = f"ln({x.text})", f"\\ln {x.latex()}", f"log({x.gp})"
    else:
        sym, latex, gp = f"log_{base.text}({x.text})", f"\\log_{{{base.text}}} {x.latex()}", f"log({x.gp})/log({base.gp})"
    blunders = (lambda: [("common_log", approx(mpmath.log10(x.mpf())))]) if natural else (lambda: [
        ("natural_log", approx(mpmath.log(x.mpf()))), ("swapped", approx(mpmath.log(base.mpf(), x.mpf())) if x.q != 1 else exact(-1))])
    return Expr("q.log", fill(template, texts), v, sym, latex, gp, build_log, args, st, blunders=blunders)


def gen_log(rng):
    t = rng.randrange(len(LN_T))
    kind = LN_T[t][1]
    if kind == 0:
        base = None
    elif kind == 10:
        base = Num(F(10), "10", "int", "10")
    elif kind == 2:
        b = rng.choice([2, 10])
        base = Num(F(b), str(b), "int", str(b))
    else:
        b = rng.choice([2, 2, 3, 4, 5, 8, 10, 10])
        base = Num(F(b), str(b), "int", str(b))
    if base is not None and rng.random() < 0.55:
        k = rng.randint(-3, 12)
        q = base.q ** k
        if q > 10**12:
            raise Reject("huge argument")
        x = Num(q, dec(q) if terminating_places(q) is not None else str(q), "int" if is_int(q) else "dec", gp_rational(q))
        if terminating_places(q) is None:
            x = replace(x, shape="frac", numer=Num(F(q.numerator), str(q.numerator), "int", str(q.numerator)))
    else:
        x = number(rng, ["int", "int", "dec", "thousands", "frac", "sci"], neg_ok=False)
        if x.q == 1:
            raise Reject("log of 1")
    return [base, x], {"t": t}


# --- percent, remainders, gcd and lcm, factorial ---------------------------------------------------------------

PERCENT_T = ["{0}[%] of {1}", "{0} [percent of] {1}", "{0} [per cent of] {1}", "{0}[% of] {1}"]


def build_percent(args, st):
    p, m = args
    money = st["money"]
    mtext = f"${m.text}" if money else m.text
    mlatex = mtext.replace("$", "\\$")
    v = exact(p.q / 100 * m.q)
    return Expr("q.percent", fill(PERCENT_T[st["t"]], [p.text, mtext]), v, f"{p.text}% × {mtext}",
                f"{p.text}\\% \\times {mlatex}", f"{p.gp}/100*{m.gp}", build_percent, args, st,
                unit="money" if money else None,
                blunders=[("no_hundredth", exact(p.q * m.q)), ("complement", exact((100 - p.q) / 100 * m.q))],
                forms=rational_forms(v) if not money else [])


def gen_percent(rng):
    r = rng.random()
    if r < 0.5:
        p = n_int(rng, 1, 100)
    elif r < 0.8:
        q = F(rng.choice([125, 75, 25, 375, 5, 15, 625, 875, 333]), 10)
        p = Num(q, dec(q), "dec", gp_rational(q))
    else:
        p = n_int(rng, 101, 400)
    money = rng.random() < 0.25
    m = number(rng, ["int", "int", "thousands", "dec"], neg_ok=False)
    return [p, m], {"t": rng.randrange(len(PERCENT_T)), "money": money}


MOD_T = ["[the remainder when] {0} [is divided by] {1}", "{0} [mod] {1}", "{0} [modulo] {1}",
         "[the remainder of] {0} [divided by] {1}", "[the remainder on dividing] {0} [by] {1}",
         "[the remainder after dividing] {0} [by] {1}"]


def build_mod(args, st):
    a, b = args
    if not (is_int(a.q) and is_int(b.q)) or b.q <= 0 or a.q < 0:
        raise Undefined("remainder of numbers that are not natural")
    r = exact(a.q % b.q)
    return Expr("q.mod", fill(MOD_T[st["t"]], [a.text, b.text]), r, f"{a.text} mod {b.text}",
                f"{a.text} \\bmod {b.text}", f"{a.gp}%{b.gp}", build_mod, args, st,
                blunders=[("quotient", exact(a.q // b.q)), ("complement", exact(b.q - r.q)), ("slip", exact(r.q + st["slip"]))])


def gen_mod(rng):
    b = n_int(rng, 2, 99)
    a = number(rng, ["int", "int", "thousands"], neg_ok=False, lo=100, hi=99999)
    if a.q % b.q == 0 and rng.random() < 0.8:
        raise Reject("zero remainder")
    return [a, b], {"t": rng.randrange(len(MOD_T)), "slip": rng.choice([-2, -1, 1, 2])}


GCD_T = ["[the gcd of] {0} and {1}", "[gcd(]{0}, {1}[)]", "[the greatest common divisor of] {0} and {1}",
         "[the GCD of] {0} and {1}", "[the highest common factor of] {0} and {1}", "[the greatest common factor of] {0} and {1}",
         "[the HCF of] {0} and {1}"]
LCM_T = ["[the lcm of] {0} and {1}", "[lcm(]{0}, {1}[)]", "[the least common multiple of] {0} and {1}",
         "[the LCM of] {0} and {1}", "[the lowest common multiple of] {0} and {1}"]


def build_gcd(args, st):
    a, b = args
    if not (is_int(a.q) and is_int(b.q)) or a.q <= 0 or b.q <= 0:
        raise Undefined("gcd of numbers that are not positive integers")
    g = math.gcd(int(a.q), int(b.q))
    lcm = int(a.q) * int(b.q) // g
    table = GCD_T if st["fn"] == "gcd" else LCM_T
    v, other = (exact(g), exact(lcm)) if st["fn"] == "gcd" else (exact(lcm), exact(g))
    return Expr(f"q.{st['fn']}", fill(table[st["t"]], [a.text, b.text]), v, f"{st['fn']}({a.gp}, {b.gp})",
                f"\\{st['fn']}({a.gp}, {b.gp})" if st["fn"] == "gcd" else f"\\operatorname{{lcm}}({a.gp}, {b.gp})",
                f"{st['fn']}({a.gp},{b.gp})", build_gcd, args, st,
                blunders=[("swapped", other), ("slip", exact(v.q + st["slip"]))])


def gen_gcd(rng):
    fn = rng.choice(["gcd", "lcm"])
    g = rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 14, 15, 18, 21, 24, 30, 36])
    x, y = rng.randint(2, 60), rng.randint(2, 60)
    if x == y:
        raise Reject("equal operands")
    a, b = g * x, g * y
    text = lambda n: f"{n:,}" if n >= 1000 and rng.random() < 0.5 else str(n)
    return [Num(F(a), text(a), "int", str(a)), Num(F(b), text(b), "int", str(b))], {
        "fn": fn, "t": rng.randrange(len(GCD_T if fn == "gcd" else LCM_T)), "slip": rng.choice([-1, 1, 2])}


FACT_T = [("{0}[!]", True), ("{0} [factorial]", True), ("[the factorial of] {0}", True)]


def build_factorial(args, st):
    (n,) = args
    if not is_int(n.q) or n.q < 0:
        raise Undefined("factorial of a number that is not natural")
    k = int(n.q)
    v = exact(math.factorial(k))
    return Expr("q.factorial", fill(FACT_T[st["t"]][0], [n.text]), v, f"{n.text}!", f"{n.text}!", f"({n.gp})!",
                build_factorial, args, st,
                blunders=[("one_short", exact(math.factorial(max(k - 1, 0)) if k > 2 else 7)),
                          ("one_over", exact(math.factorial(k + 1))), ("slip", exact(v.q + st["slip"]))])


def gen_factorial(rng):
    k = rng.randint(0, 22)
    return [Num(F(k), str(k), "int", str(k))], {"t": rng.randrange(len(FACT_T)), "slip": rng.choice([-10, -1, 1, 10])}


# --- trigonometry ----------------------------------------------------------------------------------------------

TRIG = {  # abbreviation: (full name, function, the function whose zero is a pole)
    "sin": ("sine", mpmath.sin, None), "cos": ("cosine", mpmath.cos, None), "tan": ("tangent", mpmath.tan, "cos"),
    "sec": ("secant", mpmath.sec, "cos"), "csc": ("cosecant", mpmath.csc, "sin"), "cot": ("cotangent", mpmath.cot, "sin"),
}
TRIG_T = ["[{f}(]{0}[)]", "[{f}(]{0}[)]", "[{f}] {0}", "[the {F} of] {0}", "[{F} of] {0}", "[the {F} of] {0}"]
SPECIAL_DEGREES = [0, 15, 30, 45, 60, 75, 90, 120, 135, 150, 180, 210, 225, 240, 270, 300, 315, 330, 360, -30, -45, -60,
                   390, 405, 720, -90, -120, -135]


def angle_text(x, unit_style):
    """How the question writes the angle: 30°, 30 degrees, 2.5 radians, 2.5, 3π/4."""
    return {"deg_sign": f"{x.text}°", "deg_word": f"{x.text} degrees", "deg_abbr": f"{x.text} deg",
            "rad_word": f"{x.text} radians", "rad_abbr": f"{x.text} rad", "bare": x.text, "pi": x.text,
            "pi_word": f"{x.text} radians"}[unit_style]


def angle_radians(x, unit_style):
    return x.mpf() * PI / 180 if unit_style.startswith("deg") else x.mpf()


def trig_value(fn, x, unit_style):
    t = angle_radians(x, unit_style)
    pole = TRIG[fn][2]
    if pole:
        den = mpmath.cos(t) if pole == "cos" else mpmath.sin(t)
        if abs(den) < MP(10) ** -30:
            raise Undefined(f"{fn} has a pole there")
    return approx(TRIG[fn][1](t))


def spaced_call(template, arg):
    """"ln 7/6" is (ln 7)/6 to some readers, "sin -3π/2" likewise: a function name written without brackets
    ("[sin] {0}") takes its argument in brackets when the argument has a fraction bar."""
    m = re.fullmatch(r"\[([^\] ]+)\] \{(\d)\}", template)
    if m and "/" in arg:
        return template[:m.start()] + f"[{m.group(1)}(]{{{m.group(2)}}}[)]"
    return template


def build_trig(args, st):
    (x,) = args
    fn, us = st["fn"], st["unit"]
    name = st["name"]
    template = TRIG_T[st["t"]].replace("{f}", name).replace("{F}", TRIG[fn][0])
    template = spaced_call(template, angle_text(x, us))
    at = angle_text(x, us)
    v = trig_value(fn, x, us)
    deg = us.startswith("deg")
    sym_arg = f"{x.text}°" if deg else x.text
    latex = f"\\{fn} {x.latex()}^\\circ" if deg else f"\\{fn}\\left({x.latex()}\\right)"
    gp_arg = f"({x.gp})*Pi/180" if deg else x.gp
    gp = {"sin": "sin({})", "cos": "cos({})", "tan": "tan({})", "sec": "1/cos({})", "csc": "1/sin({})",
          "cot": "1/tan({})"}[fn].format(gp_arg)

    def blunders():
        out = []
        cofunction = {"sin": "cos", "cos": "sin", "tan": "cot", "cot": "tan", "sec": "csc", "csc": "sec"}[fn]
        for name2, f2, u2 in [("wrong_unit", fn, "rad_word" if deg else "deg_word"), ("cofunction", cofunction, us)]:
            try:
                out.append((name2, trig_value(f2, x, u2)))
            except Undefined:
                pass
        return out
    return Expr("q.trig", fill(template, [at]), v, f"{fn}({sym_arg})", latex, gp, build_trig, args, st,
                blunders=blunders, forms=rational_forms(v) + surd_forms(v))


def gen_trig(rng):
    fn = rng.choice(["sin", "sin", "cos", "cos", "tan", "tan", "sec", "csc", "cot"])
    r = rng.random()
    if r < 0.5:
        us = rng.choice(["deg_sign", "deg_sign", "deg_word", "deg_word", "deg_abbr"])
        if rng.random() < 0.55:
            d = rng.choice(SPECIAL_DEGREES)
            x = Num(F(d), str(d), "int" if d >= 0 else "neg", str(d))
        else:
            x = number(rng, ["int", "int", "neg", "dec"], hi=720, dec_hi=360)
    elif r < 0.8:
        us = rng.choice(["rad_word", "rad_word", "rad_abbr", "bare"])
        x = number(rng, ["dec", "dec", "small", "neg", "frac"], hi=10, dec_hi=10)
        if us != "bare" and rng.random() < 0.2:
            x = n_int(rng, 10, 5000)
        if us == "bare" and abs(x.q) > 7:
            raise Reject("a bare large angle might be read as degrees")
    else:
        us = rng.choice(["pi", "pi", "pi_word"])
        x = n_pi(rng)
    t = rng.randrange(len(TRIG_T))
    name = fn if "{f}" in TRIG_T[t] else TRIG[fn][0]
    if TRIG_T[t].startswith("[{f}]") and rng.random() < 0.25:
        name = {"csc": "cosec", "sin": "sin", "cos": "cos"}.get(fn, fn)
    return [x], {"fn": fn, "unit": us, "t": t, "name": name}


INVERSE = {  # abbreviation: (spellings, function, domain check)
    "asin": (["arcsin({0})", "arcsin {0}", "asin({0})", "sin⁻¹({0})", "sin^-1({0})", "sin^(-1)({0})",
              "the arcsine of {0}", "the arc sine of {0}", "the inverse sine of {0}", "arc sine of {0}",
              "inverse sine of {0}", "arcsine of {0}"], mpmath.asin, lambda x: abs(x) <= 1),
    "acos": (["arccos({0})", "arccos {0}", "acos({0})", "cos⁻¹({0})", "cos^-1({0})", "the arccosine of {0}",
              "the arc cosine of {0}", "the inverse cosine of {0}", "arc cosine of {0}", "inverse cosine of {0}"],
             mpmath.acos, lambda x: abs(x) <= 1),
    "atan": (["arctan({0})", "arctan {0}", "atan({0})", "tan⁻¹({0})", "tan^-1({0})", "the arctangent of {0}",
              "the arc tangent of {0}", "the inverse tangent of {0}", "inverse tangent of {0}"],
             mpmath.atan, lambda x: True),
    "asec": (["arcsec({0})", "the arcsecant of {0}", "the inverse secant of {0}", "sec⁻¹({0})"],
             lambda x: mpmath.acos(1 / x), lambda x: abs(x) >= 1),
    "acsc": (["arccsc({0})", "the arccosecant of {0}", "the inverse cosecant of {0}", "csc⁻¹({0})"],
             lambda x: mpmath.asin(1 / x), lambda x: abs(x) >= 1),
    "acot": (["arccot({0})", "the arccotangent of {0}", "the inverse cotangent of {0}", "cot⁻¹({0})"],
             lambda x: mpmath.atan(1 / x), lambda x: x > 0),
}
INVERSE_LATEX = {"asin": "\\arcsin", "acos": "\\arccos", "atan": "\\arctan", "asec": "\\operatorname{arcsec}",
                 "acsc": "\\operatorname{arccsc}", "acot": "\\operatorname{arccot}"}
INVERSE_GP = {"asin": "asin({})", "acos": "acos({})", "atan": "atan({})", "asec": "acos(1/({}))",
              "acsc": "asin(1/({}))", "acot": "atan(1/({}))"}
UNIT_CLAUSES = {
    "degrees": [("inline", "in degrees"), ("sentence", "Give the answer in degrees."),
                ("sentence", "Express your answer in degrees."), ("sentence", "Answer in degrees.")],
    "radians": [("inline", "in radians"), ("sentence", "Give the answer in radians."),
                ("sentence", "Express your answer in radians."), (None, "")],
}


def inverse_value(fn, x, degrees):
    if not INVERSE[fn][2](x.mpf()):
        raise Undefined(f"{fn} is not defined there")
    r = INVERSE[fn][1](x.mpf())
    return approx(r * 180 / PI if degrees else r)


def build_invtrig(args, st):
    (x,) = args
    fn = st["fn"]
    degrees = st["unit"] == "degrees"
    template = "[" + INVERSE[fn][0][st["t"]].replace(" {0}", "] {0}").replace("({0})", "(]{0}[)]")
    if "]" not in template:
        template += "]"
    template = spaced_call(template, x.text)
    v = inverse_value(fn, x, degrees)
    clause = UNIT_CLAUSES[st["unit"]][st["c"]] if st["c"] is not None else (None, "")

    def other():
        out = [("wrong_unit", inverse_value(fn, x, not degrees))]
        if fn in ("asin", "acos") and x.q != 0:
            out.append(("cofunction", inverse_value("acos" if fn == "asin" else "asin", x, degrees)))
        return out
    gp = INVERSE_GP[fn].format(x.gp) + ("*180/Pi" if degrees else "")
    forms = rational_forms(v) + ([] if degrees else pi_forms(v))
    return Expr("q.invtrig", fill(template, [x.text]), v, f"{fn.replace('a', 'arc', 1)}({x.text})",
                f"{INVERSE_LATEX[fn]}\\left({x.latex()}\\right)", gp, build_invtrig, args, st,
                unit=st["unit"], blunders=other, forms=forms, unit_clause=clause if clause[0] else None)


def gen_invtrig(rng):
    fn = rng.choice(["asin", "asin", "acos", "acos", "atan", "atan", "asec", "acsc", "acot"])
    r = rng.random()
    if fn in ("asin", "acos"):
        if r < 0.3:
            x = n_surd(rng)
        elif r < 0.55:
            q = rng.choice([F(1, 2), F(-1, 2), F(0), F(1), F(-1)])
            x = Num(q, rng.choice([dec(q), str(q)]) if q.denominator > 1 else str(q), "dec", gp_rational(q))
            if "/" in x.text:
                x = replace(x, shape="frac", numer=Num(F(q.numerator), str(q.numerator), "int", str(q.numerator)))
        else:
            places = rng.choice([1, 2, 2, 3])
            m = rng.randrange(1, 10**places)
            q = F(m if m % 10 else m + 1, 10**places) * (-1 if rng.random() < 0.3 else 1)
            x = Num(q, dec(q), "dec", gp_rational(q))
    elif fn == "atan":
        if r < 0.3:
            x = rng.choice([n_surd(rng, [SIMPLE_SURDS[2], SIMPLE_SURDS[3]]),
                            Num(F(1), "1", "int", "1"), Num(F(-1), "-1", "neg", "-1")])
        else:
            x = number(rng, ["dec", "dec", "small", "neg", "frac"], hi=20, dec_hi=10)
    else:
        x = number(rng, ["small", "dec", "frac"], neg_ok=(fn != "acot"), dec_hi=10)
        if fn != "acot" and abs(x.q) < 1:
            raise Reject("outside the domain")
        if x.q <= 0 and fn == "acot":
            raise Reject("arccot of a negative number depends on the convention")
    unit = "degrees" if rng.random() < 0.45 else "radians"
    clauses = UNIT_CLAUSES[unit]
    c = rng.randrange(len(clauses))
    return [x], {"fn": fn, "t": rng.randrange(len(INVERSE[fn][0])), "unit": unit,
                 "c": c if clauses[c][0] else None}


# --- comparisons -----------------------------------------------------------------------------------------------

RELATIONS = {  # words: (test, True when equal)
    "greater than": (lambda a, b: a > b), "less than": (lambda a, b: a < b), "bigger than": (lambda a, b: a > b),
    "larger than": (lambda a, b: a > b), "smaller than": (lambda a, b: a < b),
    "greater than or equal to": (lambda a, b: a >= b), "less than or equal to": (lambda a, b: a <= b),
    "at least": (lambda a, b: a >= b), "at most": (lambda a, b: a <= b),
}
TERM_ARITY = {"num": 1, "prod": 2, "pow": 2, "sqrt": 1, "pct": 2, "frac": 1}


def term(kind, nums):
    """(prose, formula, value, gp) of one side of a comparison."""
    if kind in ("num", "frac"):
        (a,) = nums
        return a.text, a.sym(False), a.value(), a.gp
    if kind == "prod":
        a, b = nums
        return f"{a.text} × {b.sym()}", f"{a.text} × {b.sym()}", exact(a.q * b.q), f"{a.gp}*{b.gp}"
    if kind == "pow":
        a, b = nums
        return f"{a.sym()}^{b.text}", f"{a.sym()}^{b.text}", power_value(a, b), f"({a.gp})^{b.gp}"
    if kind == "sqrt":
        (a,) = nums
        if a.q < 0:
            raise Undefined("square root of a negative number")
        return f"the square root of {a.text}", f"√{a.text}", approx(mpmath.sqrt(a.mpf())), f"sqrt({a.gp})"
    if kind == "pct":
        a, b = nums
        return f"{a.text}% of {b.text}", f"{a.text}% of {b.text}", exact(a.q / 100 * b.q), f"{a.gp}/100*{b.gp}"
    raise ValueError(kind)


def build_compare(args, st):
    ka, kb = st["kinds"]
    na = TERM_ARITY[ka]
    ta, sa, va, ga = term(ka, args[:na])
    tb, sb, vb, gb = term(kb, args[na:])
    if va.exact != vb.exact or not va.exact:
        if abs(va.q - vb.q) < F(1, 10**30):
            raise Undefined("too close to call")
    rel = st["rel"]
    truth = RELATIONS[rel](va.q, vb.q)
    template = ("{A} [is " + rel + "] {B}") if st["form"] == "tf" else ("{A} [" + rel + "] {B}")
    parts = []
    for tag, text in fill(template.replace("{A}", "\x00").replace("{B}", "\x01"), []):
        for piece in re.split("([\x00\x01])", text):
            if piece == "\x00":
                parts.append(("a0", ta))
            elif piece == "\x01":
                parts.append((f"a{na}", tb))
            elif piece:
                parts.append((tag, piece))
    sym_rel = {"greater than": ">", "less than": "<", "bigger than": ">", "larger than": ">", "smaller than": "<",
               "greater than or equal to": "≥", "less than or equal to": "≤", "at least": "≥", "at most": "≤"}[rel]
    return Expr("q.compare", parts, truth, f"{sa} {sym_rel} {sb}", f"{sa} {sym_rel} {sb}",
                f"({ga})-({gb})", build_compare, args, st, noun=False)


def gen_compare(rng):
    kinds = [rng.choice(["num", "num", "prod", "pow", "sqrt", "pct", "frac"]), "num"]
    args = []
    if kinds[0] == "num":
        args.append(number(rng, ["int", "dec", "neg", "thousands", "sci"]))
    elif kinds[0] == "frac":
        args.append(n_frac(rng, neg=rng.random() < 0.2))
    elif kinds[0] == "prod":
        args += [n_int(rng, 2, 99), n_int(rng, 2, 99)]
    elif kinds[0] == "pow":
        args += [n_int(rng, 2, 12), n_int(rng, 2, 10)]
    elif kinds[0] == "sqrt":
        args.append(n_int(rng, 2, 500))
    else:
        args += [n_int(rng, 1, 99), n_int(rng, 10, 2000)]
    a_val = term(kinds[0], args)[2]
    # The other side: near the first, often equal to it when the first is exact, so that the answer is not obvious.
    r = rng.random()
    if a_val.exact and r < 0.2:
        q = a_val.q
        if terminating_places(q) is None:
            raise Reject("no decimal equal to it")
        b = Num(q, dec(q), "dec", gp_rational(q))
    else:
        places = rng.choice([0, 1, 2, 3])
        q = round_dp(a_val, places) if rng.random() < 0.5 else trunc_dp(a_val, places)
        q += rng.choice([-1, 0, 0, 1]) * F(1, 10**places)
        b = Num(q, fixed(q, places), "dec" if places else "int", gp_rational(q))
    form = "tf" if rng.random() < 0.2 else "is"
    return args + [b], {"kinds": kinds, "rel": rng.choice(list(RELATIONS)), "form": form,
                        "suffix": rng.choice(["", "", " Answer yes or no.", " Answer true or false.", " (yes/no)"])}


# --- exact forms of values -------------------------------------------------------------------------------------

@dataclass
class Display:
    text: str                # plain: "-1.5", "7/8", "√2/2", "3π/4"
    latex: str
    w: object                # its value: a Fraction (approximate for surds and π), or a bool
    k: object = None         # decimals shown; None for an exact form
    inexact: bool = False    # the display is a rounding of the value
    form: str = "decimal"


def rational_forms(v):
    """7/8, -\\frac{1}{2}: for a value whose decimals do not end, or a fraction with a small denominator."""
    if not v.exact or is_int(v.q):
        return []
    if terminating_places(v.q) is not None and v.q.denominator > 16:
        return []
    return [fraction_display(v.q), fraction_display(v.q, "dfrac")]


def fraction_display(q, command="frac"):
    sign = "-" if q < 0 else ""
    a = abs(q)
    return Display(str(q), f"{sign}\\{command}{{{a.numerator}}}{{{a.denominator}}}", q, form="fraction")


EPS40 = MP(10) ** -40
SURD_FLOATS = [float(x) for _, _, x, *_ in SURDS]


def surd_forms(v):
    if v.exact:
        return []
    out = []
    f = float(v.q)
    for (text, latex, x, *_), fx in zip(SURDS, SURD_FLOATS):
        for sign in (1, -1):
            if abs(f - sign * fx) < 1e-9 and abs(mp(v.q) - sign * x) < EPS40:
                s = "-" if sign < 0 else ""
                if sign < 0 and " " in text:
                    text, latex = {"2 - √3": ("√3 - 2", "\\sqrt{3} - 2"), "2 + √3": ("-2 - √3", "-2 - \\sqrt{3}")}[text]
                    s = ""
                out.append(Display(s + text, s + latex, v.q, form="surd"))
    return out


def pi_forms(v):
    if v.exact:
        return []
    r = float(v.q) / math.pi
    if abs(r * 12 - round(r * 12)) > 1e-9:
        return []
    r = mp(v.q) / PI
    c = to_fraction(r).limit_denominator(12)
    if abs(r - mp(c)) < EPS40 and c != 0:
        return [Display(pi_text(c), pi_latex(c), v.q, form="pi")]
    return []


def radical_forms(n):
    """√50 = 5√2."""
    a, b = 1, n
    for p in range(2, int(math.isqrt(n)) + 1):
        while b % (p * p) == 0:
            b //= p * p
            a *= p
    if a == 1:
        return []
    x = to_fraction(a * mpmath.sqrt(b))
    return [Display(f"{a}√{b}", f"{a}\\sqrt{{{b}}}", x, form="surd")]


def power_forms(v):
    """1024 = 2^10."""
    if not v.exact or not is_int(v.q) or v.q < 16:
        return []
    n = int(v.q)
    for b in range(2, 13):
        e, m = 0, 1
        while m < n:
            m *= b
            e += 1
        if m == n and e >= 2:
            return [Display(f"{b}^{e}", f"{b}^{{{e}}}", v.q, form="power")]
    return []


# ---------------------------------------------------------------------------------------------------------------
# Questions: an expression in a frame, with a rounding rule
# ---------------------------------------------------------------------------------------------------------------

GENERATORS = {  # family: (generator, builder, weight)
    "arith": (gen_arith, build_arith, 20), "mean": (gen_mean, build_mean, 4), "abs": (gen_abs, build_abs, 3),
    "power": (gen_power, build_power, 8), "root": (gen_root, build_root, 6), "exp": (gen_exp, build_exp, 4),
    "log": (gen_log, build_log, 7), "percent": (gen_percent, build_percent, 6), "mod": (gen_mod, build_mod, 5),
    "gcd": (gen_gcd, build_gcd, 4), "factorial": (gen_factorial, build_factorial, 3),
    "trig": (gen_trig, build_trig, 14), "invtrig": (gen_invtrig, build_invtrig, 10),
    "compare": (gen_compare, build_compare, 8),
}

FRAMES = [("What is ", "?"), ("What is ", "?"), ("Calculate ", "."), ("Compute ", "."), ("Find ", "."),
          ("Evaluate ", "."), ("What's ", "?"), ("What is the value of ", "?"), ("Please compute ", "."),
          ("Quick question: what is ", "?"), ("Can you calculate ", "?"), ("Determine ", ".")]
ORDER_FRAMES = [("", "."), ("", "."), ("What do you get if you ", "?"), ("What is the result if you ", "?"),
                ("Please ", "."), ("What number do you get when you ", "?")]
NUMBER_WORDS = {0: "zero", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def places_word(rng, n):
    w = NUMBER_WORDS[n] if rng.random() < 0.3 else str(n)
    return f"{w} decimal place" + ("" if n == 1 else "s")


def rule_phrase(rng, rule):
    """(inline phrase, trailing sentence): exactly one of them is used."""
    kind, n = rule
    if kind == "dp":
        inline = [f"rounded to {places_word(rng, n)}", f"to {places_word(rng, n)}", f"correct to {places_word(rng, n)}",
                  f"to {n} d.p.", f"to {n} dp", f"(round to {n} dp)", f"(rounded to {places_word(rng, n)})"]
        trailing = [f"Round to {places_word(rng, n)}.", f"Round your answer to {places_word(rng, n)}.",
                    f"Give the answer to {n} d.p.", f"Give your answer rounded to {places_word(rng, n)}.",
                    f"(Round to {n} dp.)"]
        nearest = {0: ["whole number", "integer"], 1: ["tenth"], 2: ["hundredth"], 3: ["thousandth"]}.get(n, [])
        for word in nearest:
            inline += [f"to the nearest {word}", f"rounded to the nearest {word}"] * 2
            trailing += [f"Round to the nearest {word}."]
        if n == 0:
            inline = [p for p in inline if "nearest" in p]
            trailing = [p for p in trailing if "nearest" in p]
    else:
        inline = [f"to {n} significant figures", f"to {n} significant digits", f"rounded to {n} significant figures",
                  f"to {n} s.f.", f"correct to {n} significant figures"]
        trailing = [f"Give your answer to {n} significant figures.", f"Round to {n} significant digits.",
                    f"Round your answer to {n} significant figures."]
        if n == 1:
            inline = [p.replace("figures", "figure").replace("digits", "digit") for p in inline]
            trailing = [p.replace("figures", "figure").replace("digits", "digit") for p in trailing]
    return (rng.choice(inline), None) if rng.random() < 0.6 else (None, rng.choice(trailing))


@dataclass
class Question:
    expr: Expr
    rule: tuple              # ("dp", n), ("sf", n) or None
    frame: dict

    @property
    def value(self):
        return self.expr.value

    def parts(self, drop_rule=False, drop_unit=False):
        """The prompt as tagged parts: frame "f", expression parts, unit "u", rule "r", trailing sentences "c"."""
        e, fr = self.expr, self.frame
        parts = [("f", fr["pre"])] + list(e.parts)
        clause = None if drop_unit else e.unit_clause
        if clause and clause[0] == "inline":
            parts.append(("u", " " + clause[1]))
        if fr["inline"] and not drop_rule:
            sep = " " if fr["inline"].startswith("(") or not fr["comma"] else ", "
            parts.append(("r", sep + fr["inline"]))
        parts.append(("f", fr["end"]))
        if clause and clause[0] == "sentence":
            parts.append(("c", " " + clause[1]))
        if fr["trailing"] and not drop_rule:
            parts.append(("r", " " + fr["trailing"]))
        if fr.get("suffix"):
            parts.append(("c", fr["suffix"]))
        return parts

    def text(self, **kw):
        return render(self.parts(**kw))


def render(parts):
    s = "".join(t for _, t in parts)
    s = re.sub(r" {2,}", " ", s)
    s = re.sub(r" +([?,!])", r"\1", s)
    s = re.sub(r" +\.(?=\s|$)", ".", s)
    s = re.sub(r"\( +", "(", s)
    s = re.sub(r" +\)", ")", s)
    s = re.sub(r"\.\.(?=\s|$)", ".", s)  # "to 2 d.p.." ends once
    s = s.strip()
    return s[:1].upper() + s[1:]


def make_question(rng, family=None):
    names = list(GENERATORS)
    family = family or rng.choices(names, weights=[GENERATORS[n][2] for n in names])[0]
    gen, build, _ = GENERATORS[family]
    args, st = gen(rng)
    try:
        e = build(args, st)
    except Undefined as err:
        raise Reject(str(err))
    if e.family == "q.compare":
        pre, end = ("True or false: ", ".") if st["form"] == "tf" else ("Is ", "?")
        suffix = "" if st["form"] == "tf" else st["suffix"]
        return Question(e, None, {"pre": pre, "end": end, "inline": None, "trailing": None, "comma": False,
                                  "suffix": suffix})
    v = e.value
    if v.q != 0 and abs(v.q) < F(1, 10**4) and not v.exact:
        raise Reject("tiny value")
    if family == "trig" and abs(v.q) > 1000:
        raise Reject("near a pole")
    if abs(v.q) > 10**15:
        raise Reject("huge value")
    pre, end = rng.choice(FRAMES if e.noun else ORDER_FRAMES)
    rule = None
    if not (v.exact and is_int(v.q)) and rng.random() < 0.55:
        rule = ("dp", rng.choice([0, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6])) if rng.random() < 0.8 else ("sf", rng.randint(1, 6))
        if rule[0] == "dp" and round_dp(v, rule[1]) == 0:
            rule = ("sf", rng.randint(2, 4))
    inline, trailing = rule_phrase(rng, rule) if rule else (None, None)
    if e.unit_clause and e.unit_clause[0] == "inline" and inline and rng.random() < 0.5:
        inline, trailing = None, rule_phrase(rng, rule)[1] or rule_phrase(rng, rule)[1]
    if trailing is None and inline is None and rule:
        # The fallback names the rule's own kind (it used to say "decimal places" for a significant-figure rule).
        trailing = rule_phrase(rng, rule)[1] or (
            "Round to " + places_word(rng, rule[1]) + "." if rule[0] == "dp"
            else f"Round to {rule[1]} significant figure{'' if rule[1] == 1 else 's'}.")
    return Question(e, rule, {"pre": pre, "end": end, "inline": inline, "trailing": trailing,
                              "comma": rng.random() < 0.6})


# ---------------------------------------------------------------------------------------------------------------
# Answers: a correct or wrong value, displayed and dressed
# ---------------------------------------------------------------------------------------------------------------

def decimal_display(q, k, inexact, rng=None):
    sep = "," if rng and abs(q) >= 10000 and rng.random() < 0.2 else None
    t = fixed(q, k, sep)
    return Display(t, t.replace(",", "{,}"), q, k, inexact)


def correct_display(rng, question):
    """A correct answer's value: the correctly rounded value when a rounding is asked, else an exact form or a
    decimal rounded correctly to 2..10 places."""
    v, rule = question.value, question.rule
    if isinstance(v, bool):
        return Display(None, None, v)
    if rule:
        kind, n = rule
        if kind == "dp":
            return decimal_display(round_dp(v, n), n, round_dp(v, n) != v.q, rng)
        r, k = round_sf(v, n)
        return decimal_display(r, k, r != v.q, rng)
    forms = question.expr.forms
    if v.exact and is_int(v.q):
        if forms and rng.random() < 0.25:
            return rng.choice(forms)
        return decimal_display(v.q, 0, False, rng)
    places = terminating_places(v.q) if v.exact else None
    if forms and rng.random() < (0.6 if places is None else 0.35):
        return rng.choice(forms)
    if places is not None and places <= 8:
        return decimal_display(v.q, places, False, rng)
    e = pow10(v.q) if v.q else 0
    k_min = max(2, 1 - e)
    k_max = max(k_min, min(10, 15 - max(e, 0)))
    k = rng.randint(k_min, k_max)
    return decimal_display(round_dp(v, k), k, True, rng)


def judge(d, v, rule):
    """The oracle: "correct", "wrong" or "ambiguous" for a displayed answer d to a question of value v."""
    if isinstance(v, bool) or isinstance(d.w, bool):
        return "correct" if d.w == v else "wrong"
    if d.k is None:  # an exact form
        return "correct" if abs(d.w - v.q) <= TOL * max(1, abs(v.q)) else "wrong"
    if rule:
        kind, n = rule
        try:
            want, k = (round_dp(v, n), n) if kind == "dp" else round_sf(v, n)
        except Reject:
            return "ambiguous"
        if d.w == want:
            return "correct" if d.k == k else "ambiguous"
        # Wrong however its digits are read: not within one unit of its own last place either.
        return "wrong" if abs(d.w - v.q) >= F(3, 2) * F(10) ** -d.k or d.k == k else "ambiguous"
    unit = F(10) ** -d.k
    err = abs(d.w - v.q)
    if d.k == 0:
        if v.exact and is_int(v.q):
            return "correct" if err == 0 else "wrong"
        return "wrong" if err >= F(3, 2) else "ambiguous"
    if err < unit / 2 - F(1, 10**30):
        return "correct"
    if err >= F(3, 2) * unit:
        return "wrong"
    return "ambiguous"


def wrong_display(rng, question, good):
    """A wrong answer shaped like the correct one: off by 2..9 units in its last place, sign flipped, truncated
    instead of rounded, a blunder's value, or a wrong exact form. (display, note)"""
    v, rule, e = question.value, question.rule, question.expr
    if isinstance(v, bool):
        return Display(None, None, not v), "wrong: opposite truth value"
    options = []
    if good.k is not None:
        unit = F(10) ** -good.k
        d = rng.randint(2, 9) * rng.choice([-1, 1])
        options.append((decimal_display(good.w + d * unit, good.k, True, rng), f"wrong: off by {abs(d)} units in the last place"))
        if good.w != 0:
            options.append((decimal_display(-good.w, good.k, True, rng), "wrong: sign flipped"))
        if rule:
            kind, n = rule
            place = n if kind == "dp" else n - 1 - pow10(v.q)  # 2 s.f. of 1081 is the hundreds (place -2)
            t = trunc_dp(v, place)
            if t != good.w and (kind == "dp" or pow10(t) == pow10(good.w)):
                options += [(decimal_display(t, max(place, 0), True, rng), "wrong: truncated instead of rounded")] * 2
        for name, bv in (e.blunders() if callable(e.blunders) else e.blunders):
            try:
                if rule:
                    bd = correct_display(rng, replace(question, expr=replace(e, value=bv)))
                else:
                    k = good.k if good.k else 0
                    if not bv.exact and k == 0:
                        k = 2
                    w = round_dp(bv, k) if k or not bv.exact else bv.q
                    if not is_int(w * F(10) ** k):
                        k = 2
                        w = round_dp(bv, k)
                    bd = decimal_display(w, k, True, rng)
                options += [(bd, f"wrong: {name}")] * 2
            except Reject:
                pass
    else:
        if good.w != 0:
            neg = good.text[1:] if good.text.startswith("-") else "-" + good.text
            nlatex = good.latex[1:] if good.latex.startswith("-") else "-" + good.latex
            if " " not in good.text:
                options.append((Display(neg, nlatex, -good.w, form=good.form), "wrong: sign flipped (exact form)"))
        if good.form in ("surd", "pi"):
            pool = [x for x in (surd_forms_all() if good.form == "surd" else pi_forms_all()) if x.text != good.text]
            options.append((rng.choice(pool), "wrong: another exact form"))
        if good.form == "fraction":
            q = good.w
            r = 1 / q
            options.append((fraction_display(r) if not is_int(r) else decimal_display(r, 0, False), "wrong: reciprocal"))
            q2 = F(q.numerator + rng.choice([-1, 1, 2]), q.denominator)
            if not is_int(q2) and q2 != 0:
                options.append((fraction_display(q2), "wrong: numerator off"))
        if good.form == "power":
            b, x = good.text.split("^")
            options.append((Display(f"{b}^{int(x) + 1}", f"{b}^{{{int(x) + 1}}}", F(int(b)) ** (int(x) + 1), form="power"),
                            "wrong: exponent off by one"))
    if not options:
        raise Reject("no wrong answer of this shape")
    rng.shuffle(options)
    for d, note in options:
        if judge(d, v, rule) == "wrong":
            return d, note
    raise Reject("no unambiguous wrong answer")


def surd_forms_all():
    return [Display(t, l, to_fraction(x), form="surd") for t, l, x, *_ in SIMPLE_SURDS] + [
        Display("1/2", "\\frac{1}{2}", F(1, 2), form="fraction")]


def pi_forms_all():
    return [Display(pi_text(c), pi_latex(c), to_fraction(mp(c) * PI), form="pi")
            for c in [F(1, 6), F(1, 4), F(1, 3), F(1, 2), F(2, 3), F(3, 4), F(5, 6), F(1), F(-1, 6), F(-1, 4), F(-1, 3)]]


YES_NO = {True: ["Yes", "Yes.", "**Yes**", "yes", "Yes, it is.", "ANSWER: Yes", "The answer is yes."],
          False: ["No", "No.", "**No**", "no", "No, it is not.", "ANSWER: No", "The answer is no."]}
TRUE_FALSE = {True: ["True", "True.", "**True**", "true", "ANSWER: True", "The statement is true."],
              False: ["False", "False.", "**False**", "false", "ANSWER: False", "The statement is false."]}


def with_unit(rng, d, unit):
    """(plain, LaTeX, the unit is written) for a displayed value and the unit of the answer."""
    t, l = d.text, d.latex
    if unit == "degrees" and d.form != "pi":
        return rng.choice([(f"{t}°", f"{l}^\\circ", True), (f"{t} degrees", f"{l}^\\circ", True), (t, l, False)])
    if unit == "radians":
        return rng.choice([(f"{t} radians", f"{l}\\text{{ rad}}", True), (f"{t} (radians)", l, True),
                           (f"{t} rad", f"{l}\\text{{ rad}}", True), (t, l, False), (t, l, False)])
    if unit == "money" and d.k is not None and not t.startswith("-"):
        return rng.choice([(f"${t}", f"\\${l}", True), (f"{t} dollars", f"{l}\\text{{ dollars}}", True), (t, l, False)])
    return t, l, False


def dress(rng, question, d):
    """The response text for a displayed value: bare, bold, boxed, in a sentence, restating the question."""
    e = question.expr
    if isinstance(d.w, bool):
        tf = "true or false" in (question.frame.get("suffix") or "").lower() or question.frame["pre"].startswith("True")
        words = (TRUE_FALSE if tf else YES_NO)[d.w]
        return rng.choice(words), False
    t, l, shown = with_unit(rng, d, e.unit)
    # {t} is the plain value, {l} its LaTeX; they are substituted, not formatted, so LaTeX braces need no escapes.
    styles = ["{t}", "{t}", "{t}.", "**{t}**", "ANSWER: {t}", "Answer: {t}", "The answer is {t}.",
              "So the answer is **{t}**.", "$\\boxed{{l}}$", "\\boxed{{l}}", "${l}$", "\\({l}\\)",
              "The final answer is $\\boxed{{l}}$.", "Result: {t}"]
    if d.inexact:
        styles += ["≈ {t}", "approximately {t}", "It is approximately {t}.", "≈{t}", "about {t}"]
    rel, latex_rel, word = ("≈", "\\approx", "approximately ") if d.inexact else ("=", "=", "")
    if e.noun:  # "The product of 23 and 47 is 1081."
        styles += [f"{e.prose[0].upper()}{e.prose[1:]} is {word}{{t}}."] * 2
    styles += [f"{e.sym} {rel} {{t}}"] * 2 + [f"${e.latex} {latex_rel} {{l}}$"]  # "23 × 47 = 1081", "$\\sin 30^\\circ = 0.5$"
    return rng.choice(styles).replace("{t}", t).replace("{l}", l), shown


# ---------------------------------------------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------------------------------------------

def record(rid, prompt, response, truth, family, note, expr="", value="", shown=None, rule=None):
    """A record. `shown` is the answer's value as the response writes it, without its dressing, and `rule` the
    rounding the prompt asks for ("dp 2", "sf 3", ""), for --verify-gp to judge the answer again."""
    r = {"id": rid, "prompt": prompt, "response": response, "truth": truth, "family": family, "note": note,
         "expr": expr, "value": value}
    if shown is not None:
        r["shown"] = shown_string(shown)
        r["rule"] = f"{rule[0]} {rule[1]}" if rule else ""
    return r


def shown_string(d):
    if isinstance(d.w, bool):
        return "true" if d.w else "false"
    return d.text.replace(",", "")


def question_record(rng, rid):
    q = make_question(rng)
    good = correct_display(rng, q)
    if judge(good, q.value, q.rule) != "correct":
        raise Reject("oracle disagrees with the correct display")
    if rng.random() < 0.6:
        d, note = good, f"correct: {good.form}" + (f", {q.rule[0]} {q.rule[1]}" if q.rule else "")
    else:
        d, note = wrong_display(rng, q, good)
    response, _ = dress(rng, q, d)
    truth = "correct" if note.startswith("correct") else "wrong"
    return record(rid, q.text(), response, truth, q.expr.family, note, q.expr.gp, value_string(q.value), d, q.rule)


# --- cuts ------------------------------------------------------------------------------------------------------

MUTATIONS = ["full", "drop_operand", "drop_operator", "drop_tail", "drop_denominator", "drop_rounding", "drop_unit"]


def arg_indices(parts):
    return [i for i, (tag, _) in enumerate(parts) if tag.startswith("a")]


def juxtaposed_expression(parts):
    """Two operands with only spaces between them that read as one expression: "100 -37", "(-906) 42.7", "2 3/4"
    (a mixed number), "12 345" (spaced thousands), "2 .5"."""
    idx = arg_indices(parts)
    for a, b in zip(idx, idx[1:]):
        if "".join(t for _, t in parts[a + 1:b]).strip():
            continue
        left, right = parts[a][1].strip(), parts[b][1].strip()
        if left.endswith(")") or right.startswith(("-", "(", ".")) or "/" in right:
            return True
        if re.fullmatch(r"\d{3}(\D.*)?", right) and re.fullmatch(r"-?\d{1,3}", left):
            return True
    return False


def lone_operand(parts, e):
    """The Num a cut leaves alone, when nothing else of the expression is left and that number asks something
    (a fraction, a multiple of π, a surd, scientific notation, or any number under a rounding clause). Raises
    Reject when the cut leaves a lone quantity that asks nothing ("What is -8?") or whose meaning is unclear
    ("What is 135°?", "What is 1/2 in radians?")."""
    expr = [(tag, t) for tag, t in parts if tag not in ("f", "r", "c")]
    operands = [(tag, t) for tag, t in expr if tag.startswith("a")]
    rest = "".join(t for tag, t in expr if not tag.startswith("a") and tag != "u").strip()
    if len(operands) != 1 or rest:
        return None
    tag, text = operands[0]
    i = int(tag[1:])
    num = e.args[i] if e.family != "q.compare" and i < len(e.args) else None
    if num is None or text.strip().replace(",", "") != num.text.replace(",", "") or e.unit_clause:
        raise Reject("a lone quantity with a unit, or a comparison's side")
    rounding = any(t == "r" for t, _ in parts)
    if not rounding and num.shape not in ("frac", "pi", "surd", "sci"):
        raise Reject("a lone number asks nothing")
    return num


def cut_record(rng, rid):
    """A question answered with its correct value, or the same answer to the question with a piece cut out: an
    answer right for the full question must never be flagged wrong because only part of the question was read."""
    # The mutation is fixed by the record's id, not redrawn when a draw is rejected, so that each keeps its share.
    kind = random.Random(rid).choices(MUTATIONS, weights=[2, 3, 3, 2, 2, 2, 1])[0]
    family = {"drop_unit": "invtrig",
              "drop_denominator": rng.choice(["arith", "trig", "invtrig", "compare", "power", "log", "root"])}.get(kind)
    q = make_question(rng, family)
    e = q.expr
    if kind == "drop_denominator" and not any(a is not None and a.numer is not None for a in e.args):
        raise Reject("no fraction")
    if kind == "drop_unit" and not (e.unit_clause and e.unit == "degrees"):
        raise Reject("no unit clause")
    if kind == "drop_rounding" and not q.rule:
        raise Reject("no rounding clause")
    if kind == "drop_tail" and len(arg_indices(q.parts())) < 2:
        raise Reject("one operand")
    good = correct_display(rng, q)
    if judge(good, q.value, q.rule) != "correct":
        raise Reject("oracle disagrees")
    response, unit_shown = dress(rng, q, good)
    fam = f"cut.{kind}"
    if kind == "full":
        return record(rid, q.text(), response, "correct", fam, f"full question ({e.family})", e.gp, value_string(q.value),
                      good, q.rule)
    parts = q.parts()
    args = arg_indices(parts)
    if kind in ("drop_operand", "drop_tail", "drop_operator"):
        if kind == "drop_operand":  # the last operand
            parts = parts[:args[-1]] + parts[args[-1] + 1:]
        elif kind == "drop_tail":  # everything of the expression after its first operand
            if len(args) < 2:
                raise Reject("one operand")
            if e.family == "q.mean" or e.prose.startswith("the total of"):
                raise Reject("the mean or total of one number is that number")
            end = max(i for i, (tag, _) in enumerate(parts) if tag not in ("f", "r", "c", "u"))
            parts = parts[:args[0] + 1] + parts[end + 1:]
        else:  # the operator words
            if not any(tag == "op" for tag, _ in parts):
                raise Reject("no operator words")
            # An operator word becomes a space, so that "2^10" does not become "210" nor "3/4×2" "3/42".
            parts = [("w", " ") if tag == "op" else (tag, t) for tag, t in parts]
            if juxtaposed_expression(parts):
                raise Reject("the operands left side by side would read as an expression")
        prompt = render(parts)
        if prompt == q.text():
            raise Reject("nothing was cut")
        lone = lone_operand(parts, e)
        if lone is None:
            return record(rid, prompt, response, "outside", fam, f"{kind} from: {q.text()}")
        # What is left asks for one number: "What is 3/11? Round to 5 significant digits." is still a question.
        verdict = judge(good, lone.value(), q.rule)
        if verdict == "ambiguous":
            raise Reject("neither right nor wrong")
        return record(rid, prompt, response, verdict, fam, f"{kind} leaves one number, from: {q.text()}",
                      lone.gp, value_string(lone.value()), good, q.rule)
    if kind == "drop_rounding":
        if not q.rule:
            raise Reject("no rounding clause")
        m = replace(q, rule=None)
        prompt = q.text(drop_rule=True)
        verdict = judge(good, m.value, None)
    elif kind == "drop_unit":
        if not e.unit_clause or e.unit != "degrees" or unit_shown:
            raise Reject("no unit clause, or the answer names its unit")
        try:
            m = replace(q, expr=e.rebuild(unit="radians", c=None))
        except Undefined:
            raise Reject("undefined")
        prompt = q.text(drop_unit=True)
        verdict = judge(good, m.value, m.rule)
    else:  # drop_denominator: "3/4" → "3", "3π/4" → "3π", "√2/2" → "√2"
        cands = [i for i, a in enumerate(e.args) if a is not None and a.numer is not None]
        if not cands:
            raise Reject("no fraction")
        i = rng.choice(cands)
        new_args = list(e.args)
        new_args[i] = e.args[i].numer
        try:
            m = replace(q, expr=e.rebuild(new_args))
        except Undefined:
            m = None
        if m is None:
            cut = [(tag, e.args[i].numer.text if tag == f"a{i}" else t) for tag, t in q.parts()]
            return record(rid, render(cut), response, "outside", fam, f"denominator dropped, undefined: {q.text()}")
        prompt = m.text()
        verdict = judge(good, m.value, m.rule)
    if verdict == "ambiguous":  # "8103" for e^9 once "to the nearest integer" is cut: right or wrong by convention
        raise Reject("the answer is neither right nor wrong for the cut question")
    truth = verdict
    return record(rid, prompt, response, truth, fam, f"{kind} from: {q.text()}", m.expr.gp, value_string(m.value),
                  good, m.rule)


# --- outside any grammar ---------------------------------------------------------------------------------------

def primes_below(n):
    sieve = bytearray([1]) * n
    sieve[:2] = b"\x00\x00"
    for p in range(2, int(n ** 0.5) + 1):
        if sieve[p]:
            sieve[p * p::p] = bytearray(len(sieve[p * p::p]))
    return [i for i, s in enumerate(sieve) if s]


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def divisor_count(n):
    return sum(1 for d in range(1, n + 1) if n % d == 0)


def num_answer(q, places=2):
    """A bare number for an outside answer: exact when it terminates, else rounded."""
    q = F(q)
    p = terminating_places(q)
    return dec(q) if p is not None and p <= 4 else fixed(round_dp(exact(q), places), places)


def outside_plain(rng):
    """(prompt, true answer, trap?) for questions no calculator grammar reads."""
    c = rng.randrange(22)
    if c == 0:
        n, b = rng.randint(1, 4), rng.randint(1, 6)
        return f"What is the integral of x^{n} from 0 to {b}?", F(b ** (n + 1), n + 1), False
    if c == 1:
        n = rng.choice([50, 100, 200, 500, 1000])
        return f"How many primes are there below {n}?", len(primes_below(n)), False
    if c == 2:
        n = rng.randint(5, 40)
        return f"What is the {ordinal(n)} Fibonacci number?", fib(n), False
    if c == 3:
        n = rng.randint(5, 200)
        return f"What is the {ordinal(n)} prime number?", primes_below(2000)[n - 1], False
    if c == 4:
        n = rng.randint(10, 2000)
        return f"How many divisors does {n} have?", divisor_count(n), False
    if c == 5:
        a, b = rng.randint(2, 9), rng.randint(5, 30)
        return f"What is the sum of the digits of {a}^{b}?", sum(map(int, str(a ** b))), True
    if c == 6:
        a, b = rng.randint(2, 9), rng.randint(10, 200)
        return f"How many digits does {a}^{b} have?", len(str(a ** b)), True
    if c == 7:
        a, b = rng.randint(2, 19), rng.randint(10, 3000)
        return f"What is the last digit of {a}^{b}?", pow(a, b, 10), True
    if c == 8:
        n, a = rng.randint(2, 5), rng.randint(1, 6)
        return f"What is the derivative of x^{n} at x = {a}?", n * a ** (n - 1), True
    if c == 9:
        n = rng.randint(3, 200)
        return f"What is {n} in binary? Give the digits only.", int(bin(n)[2:]), True
    if c == 10:
        p, qd = rng.choice([(3, 8), (1, 4), (2, 5), (7, 8), (1, 8), (3, 5), (9, 20), (1, 16)])
        return f"What is {p}/{qd} as a percentage? Give just the number.", F(100 * p, qd), True
    if c == 11:
        h = rng.choice([F(3, 2), F(5, 2), F(2), F(3), F(1, 4), F(3, 4)])
        return f"How many seconds are in {dec(h)} hours?", h * 3600, True
    if c == 12:
        f = rng.randint(-40, 212)
        return f"Convert {f} degrees Fahrenheit to Celsius, to one decimal place.", round_dp(exact(F(f - 32) * 5 / 9), 1), True
    if c == 13:
        d, t = rng.randint(50, 600), rng.choice([2, 3, 4, 5, 8])
        return f"A train travels {d} miles in {t} hours. What is its average speed in miles per hour?", F(d, t), False
    if c == 14:
        a, b = rng.randint(2, 30), rng.randint(2, 30)
        return f"Tom has {a} apples and buys {b} more. How many apples does he have now?", a + b, False
    if c == 15:
        a, b, x = rng.randint(2, 9), rng.randint(-20, 20), rng.randint(-10, 10)
        return f"Solve for x: {a}x + {b} = {a * x + b}.", x, True
    if c == 16:
        n = rng.randint(5, 200)
        return f"What is the sum of the first {n} positive integers?", n * (n + 1) // 2, True
    if c == 17:
        xs = [rng.randint(1, 50) for _ in range(rng.choice([5, 7]))]
        return f"What is the median of {', '.join(map(str, xs))}?", sorted(xs)[len(xs) // 2], False
    if c == 18:
        n = rng.randint(1000, 99999)
        prod = math.prod(int(ch) for ch in str(n))
        return f"What is the product of the digits of {n}?", prod, True
    if c == 19:
        n, m = rng.randint(10, 40), rng.randint(3, 20)
        return f"What is the remainder when the {ordinal(n)} Fibonacci number is divided by {m}?", fib(n) % m, True
    if c == 20:
        n = rng.randint(3, 8)
        return f"How many ways can {n} people stand in a line?", math.factorial(n), False
    r = rng.randint(2, 20)
    return f"What is the area of a circle with radius {r}? Round to 2 decimal places.", round_dp(approx(PI * r * r), 2), True


def outside_composite(rng):
    """Questions that chain two operations: a reader that reads only a prefix gets them wrong. Their answers are
    whole numbers, and the true ones."""
    a, b = rng.randint(2, 30), rng.randint(2, 30)
    c = rng.choice([d for d in range(2, 13) if (a * b) % d == 0] or [1])
    k = rng.randint(1, 4)
    p, q, r = rng.choice([(3, 4, 5), (5, 12, 13), (8, 15, 17), (7, 24, 25), (20, 21, 29), (9, 40, 41)])
    options = [
        (f"What is the square root of the sum of {(k * p) ** 2} and {(k * q) ** 2}?", k * r),
        (f"What is twice the sum of {a} and {b}?", 2 * (a + b)),
        (f"What is the sum of {a} and {b}, times {c}?", (a + b) * c),
        (f"What is {a} plus {b}, all squared?", (a + b) ** 2),
        (f"What is {c * 10}% of {b * 10}% of {a * 100}?", a * b * c),
        (f"What is half of the product of {a} and {2 * b}?", a * b),
        (f"What is the difference between the product of {a} and {b + 1} and {a * b}?", a),
        (f"What is {a} more than the product of {b} and {c}?", a + b * c),
        (f"What is the product of {a} and {b}, divided by {c}?", a * b // c),
        (f"What is the square of the difference of {max(a, b)} and {min(a, b)}?", (max(a, b) - min(a, b)) ** 2),
    ]
    text, val = rng.choice(options)
    return text, val, True


def outside_record(rng, rid):
    if rng.random() < 0.3:
        prompt, val, trap = outside_composite(rng)
    else:
        prompt, val, trap = outside_plain(rng)
    val = F(val)
    answer = num_answer(val)
    note = "true answer"
    if not trap and rng.random() < 0.3:
        answer = num_answer(val + rng.choice([-7, -2, -1, 1, 3, 11]))
        note = "arbitrary answer"
    style = rng.choice(["{}", "{}", "{}.", "**{}**", "ANSWER: {}", "The answer is {}."])
    fam = "outside.trap" if trap else "outside.plain"
    return record(rid, prompt, style.format(answer), "outside", fam, note)


# --- word-problem solution lines -------------------------------------------------------------------------------

NAMES = ["Ann", "Ben", "Carla", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Kim", "Liam", "Maya"]
ITEMS = ["apples", "pencils", "stickers", "marbles", "cookies", "cards", "books", "shells"]


def money(q, cur="$"):
    """$6, $6.50, €45, £14, 1,200 dollars."""
    q = F(q)
    t = fixed(round_dp(exact(q), 2), 2, ",") if not is_int(q) else f"{int(q):,}"
    if cur == "dollars":
        return f"{t} dollars"
    return f"{cur}{t}"


def spaced(n):
    return group(str(n), " ")


def leading_dot(q):
    return dec(q).replace("0.", ".", 1) if q < 1 else dec(q)


def wp_templates(rng):
    """(name, prompt, render(values) -> text, values, gp expression of the last value). The values are the results
    the line states, in order; a wrong line states one of them changed."""
    name = rng.choice(NAMES)
    she = rng.choice(["She", "He"])
    cur = rng.choice(["$", "$", "$", "€", "£", "dollars"])
    item = rng.choice(ITEMS)
    t = rng.randrange(24)
    if t == 0:
        p, n = F(rng.choice([25, 5, 75, 6, 45, 8, 35]), 100 if rng.random() < 0.5 else 10), rng.randint(2, 14)
        p = p if p < 1 else p / 10
        return ("weekly", f"{name} spends ${leading_dot(p)} a day on gum for {n} days. How much is that?",
                lambda v: f"{she} pays {leading_dot(p)}*{n} = {money(v[0])} {'a week' if n == 7 else 'in all'}.", [p * n], f"{gp_rational(p)}*{n}")
    if t == 1:
        d = rng.choice([2, 3, 4, 5])
        n = d * rng.randint(2, 30)
        return ("fraction_of", f"{name} has {n} {item} and gives away 1/{d} of them. How many is that?",
                lambda v: f"That is {n} {item} * 1/{d} = {dec(v[0])} {item}.", [F(n, d)], f"{n}*1/{d}")
    if t == 2:
        a = rng.randint(20, 500)
        b = rng.randint(1, a - 1)
        return ("left", f"{name} had {a} {item} and lost {b}. How many are left?",
                lambda v: f"{she} has {a} {item} - {b} = {dec(v[0])} {item} left.", [F(a - b)], f"{a}-{b}")
    if t == 3:
        pct, bill = rng.choice([10, 15, 18, 20, 25]), rng.randint(2, 80) * 10
        return ("tip", f"The bill is ${bill}. How much is a {pct}% tip?",
                lambda v: f"The tip is {pct}% * ${bill:,} = {money(v[0])}.", [F(pct * bill, 100)], f"{pct}/100*{bill}")
    if t == 4:
        a, n = rng.choice([125, 250, 400, 375, 500, 750]), rng.randint(4, 40)
        return ("grams", f"Each bag holds {a} grams and there are {n} bags. What is the total weight?",
                lambda v: f"The total is {a} x {n} = {spaced(int(v[0]))} grams.", [F(a * n)], f"{a}*{n}")
    if t == 5:
        k, p, off = rng.randint(2, 6), rng.randint(5, 90), rng.randint(1, 30)
        if off >= k * p:
            off = k * p // 2
        return ("chain", f"{name} buys {k} tickets at ${p} each and uses a ${off} coupon. What is the total?",
                lambda v: f"Together: {k} * ${p} - ${off} = ${int(v[0])} - ${off} = ${int(v[1])}.",
                [F(k * p), F(k * p - off)], f"{k}*{p}-{off}")
    if t == 6:
        p, a, b = rng.randint(2, 40), rng.randint(2, 12), rng.randint(2, 4)
        return ("rent", f"A locker costs ${p} a month. What is the cost for {a} months a year over {b} years?",
                lambda v: f"The rent is ${p} x ({a} x {b}) = ${p} x {int(v[0])} = ${int(v[1]):,}.",
                [F(a * b), F(p * a * b)], f"{p}*({a}*{b})")
    if t == 7:
        h = rng.randint(2, 12)
        return ("minutes", f"A trip takes {h} hours. How many minutes is that?",
                lambda v: f"It takes {h} hours * 60 minutes = {int(v[0])} minutes.", [F(h * 60)], f"{h}*60")
    if t == 8:
        pct, price = rng.choice([5, 10, 15, 20, 25, 30, 40]), rng.randint(2, 50) * 4
        return ("discount", f"A jacket costs {money(price, cur)} and is {pct}% off. How big is the discount?",
                lambda v: f"The discount is {pct}% of {money(price, cur)} = {money(v[0], cur)}.",
                [F(pct * price, 100)], f"{pct}/100*{price}")
    if t == 9:
        r, days = F(rng.randint(11, 99), 10), rng.randint(2, 14)
        return ("rate", f"{name} walks {dec(r)} miles a day. How far in {days} days?",
                lambda v: f"{dec(r)} miles/day * {days} days = {dec(v[0])} miles", [r * days], f"{gp_rational(r)}*{days}")
    if t == 10:
        w, d = rng.randint(1, 4), rng.choice([2, 3, 4])
        num = rng.randint(1, d - 1)
        while math.gcd(num, d) != 1:
            num = rng.randint(1, d - 1)
        k = d * rng.randint(1, 3)
        mixed = rng.choice([f"{w} and {num}/{d}", f"{w} {num}/{d}"])
        unit, question = rng.choice([
            ("cups", f"A recipe needs {mixed} cups of flour per batch. How much flour for {k} batches?"),
            ("pounds", f"Each box weighs {mixed} pounds. How much do {k} boxes weigh?"),
            ("liters", f"A jug holds {mixed} liters. How much do {k} jugs hold?"),
            ("hours", f"A lesson lasts {mixed} hours. How long do {k} lessons last?")])
        return ("mixed", question,
                lambda v: f"That is {mixed} {unit} * {k} = {dec(v[0])} {unit}.", [(w + F(num, d)) * k], f"({w}+{num}/{d})*{k}")
    if t == 11:
        a = 2 * rng.randint(10, 60)
        return ("gsm8k", f"{name} sold clips to {a} friends in April and half as many in May. How many altogether?",
                lambda v: (f"{name} sold {a}/2 = <<{a}/2={int(v[0])}>>{int(v[0])} clips in May.\n"
                           f"{name} sold {a}+{int(v[0])} = <<{a}+{int(v[0])}={int(v[1])}>>{int(v[1])} clips altogether.\n"
                           f"#### {int(v[1])}"),
                [F(a, 2), F(a + a // 2)], f"{a}+{a}/2")
    if t == 12:
        a, b = rng.randint(1, 99) * 100, rng.randint(1, 9) * 100
        return ("thousands", f"A laptop costs ${a:,} and a printer ${b}. What is the total?",
                lambda v: f"${a:,} + ${b:,} = ${int(v[0]):,}", [F(a + b)], f"{a}+{b}")
    if t == 13:
        c = rng.choice(["€", "£"])
        a, b = rng.randint(5, 90), rng.randint(5, 90)
        return ("currency", f"A meal costs {c}{a} and drinks {c}{b}. What is the bill?",
                lambda v: f"The total is {c}{a} + {c}{b} = {c}{int(v[0])}.", [F(a + b)], f"{a}+{b}")
    if t == 14:
        p, n = F(rng.randint(101, 999), 100), rng.randint(2, 9)
        c = rng.choice(["£", "$", "€"])
        return ("currency_cents", f"A notebook costs {c}{fixed(p, 2)}. How much do {n} cost?",
                lambda v: f"{c}{fixed(p, 2)} × {n} = {c}{fixed(v[0], 2)}", [p * n], f"{gp_rational(p)}*{n}")
    if t == 15:
        pct, price = rng.choice([10, 20, 25, 50]), rng.randint(2, 40) * 10
        return ("increase", f"A ${price} price rises by {pct}%. What is the new price?",
                lambda v: f"The increase is {pct}% of ${price} = ${dec(v[0])}, so it is ${price} + ${dec(v[0])} = ${dec(v[1])}.",
                [F(pct * price, 100), price + F(pct * price, 100)], f"{price}*(1+{pct}/100)")
    if t == 16:
        k = rng.randint(2, 8)
        total = k * rng.randint(3, 60)
        return ("share", f"{k} friends share ${total} equally. How much does each get?",
                lambda v: f"Each friend gets ${total} / {k} = ${dec(v[0])}.", [F(total, k)], f"{total}/{k}")
    if t == 17:
        xs = [rng.randint(60, 100) for _ in range(3)]
        if sum(xs) % 3:
            xs[0] += 3 - sum(xs) % 3
        return ("average", f"{name} scored {xs[0]}, {xs[1]} and {xs[2]}. What is the average?",
                lambda v: f"The average is ({xs[0]} + {xs[1]} + {xs[2]}) / 3 = {int(v[0])} / 3 = {int(v[1])} points.",
                [F(sum(xs)), F(sum(xs), 3)], f"({xs[0]}+{xs[1]}+{xs[2]})/3")
    if t == 18:
        s, h = rng.randint(20, 80), F(rng.choice([3, 5, 7, 9]), 2)
        return ("speed", f"A car drives at {s} mph for {dec(h)} hours. How far does it go?",
                lambda v: f"Distance = {s} mph × {dec(h)} hours = {dec(v[0])} miles.", [s * h], f"{s}*{gp_rational(h)}")
    if t == 19:
        n = rng.choice([4, 5, 8, 10, 12, 20, 25])
        each = F(rng.randint(5, 95), 100)
        return ("unit_price", f"A pack of {n} pencils costs ${fixed(each * n, 2)}. What does each cost?",
                lambda v: f"Each pencil costs ${fixed(each * n, 2)} / {n} = ${fixed(v[0], 2)}.", [each], f"{gp_rational(each * n)}/{n}")
    if t == 20:
        a, b = rng.randint(3, 40), rng.randint(3, 40)
        return ("area", f"A room is {a} ft by {b} ft. What is its area?",
                lambda v: f"The area is {a} ft × {b} ft = {int(v[0])} square feet.", [F(a * b)], f"{a}*{b}")
    if t == 21:
        d = rng.choice([2, 4, 5, 10])
        total = d * rng.randint(5, 100)
        return ("spend_fraction", f"{name} has ${total} and spends 1/{d} of it. How much is left?",
                lambda v: f"{she} spends 1/{d} of ${total} = ${int(v[0])}, leaving ${total} - ${int(v[0])} = ${int(v[1])}.",
                [F(total, d), F(total - total // d)], f"{total}-{total}/{d}")
    if t == 22:
        w = rng.randint(5, 99) * 50
        return ("yearly", f"{name} earns ${w:,} a week. How much in a year of 52 weeks?",
                lambda v: f"52 weeks × ${w:,} = ${int(v[0]):,} per year.", [F(52 * w)], f"52*{w}")
    a, n = rng.randint(11, 99) * 100, rng.randint(2, 9)
    return ("spaced", f"A factory makes {spaced(a)} parts a day. How many in {n} days?",
            lambda v: f"{spaced(a)} x {n} = {spaced(int(v[0]))}", [F(a * n)], f"{a}*{n}")


def corrupt(rng, q):
    """A different value shaped like q: a digit off, or off by ten."""
    places = terminating_places(q) or 0
    unit = F(1, 10**places) if places and rng.random() < 0.4 else F(1)
    d = rng.choice([-3, -2, -1, 1, 2, 3, 10, -10]) * unit
    if q + d <= 0:
        d = abs(d)
    return q + d


def wordproblem_record(rng, rid):
    name, prompt, render_line, vals, gp = wp_templates(rng)
    if any(not is_int(v * 100) for v in vals if not name.startswith("mixed")):
        raise Reject("not whole cents")
    if name == "mixed" and terminating_places(vals[-1]) is None:
        raise Reject("a mixed-number result that does not terminate")
    if name == "gsm8k" and not all(is_int(v) for v in vals):
        raise Reject("gsm8k values must be whole")
    if rng.random() < 0.6:
        return record(rid, prompt, render_line(vals), "correct", f"wp.{name}", "correct line", gp,
                      value_string(exact(vals[-1])))
    bad = list(vals)
    i = len(vals) - 1 if rng.random() < 0.7 else rng.randrange(len(vals))
    bad[i] = corrupt(rng, vals[i])
    if name in ("chain", "rent", "average", "spend_fraction", "gsm8k") and any(not is_int(v) for v in bad):
        raise Reject("non-integer corruption in an integer slot")
    text = render_line(bad)
    if text == render_line(vals):
        raise Reject("corruption invisible")
    note = "wrong: final result off" if i == len(vals) - 1 else "wrong: intermediate result off"
    return record(rid, prompt, text, "wrong", f"wp.{name}", note, gp, value_string(exact(vals[-1])))


# ---------------------------------------------------------------------------------------------------------------
# Word-problem lines, wider (`wordlines`, families wl.*): more dressings of the same arithmetic, and traps
# ---------------------------------------------------------------------------------------------------------------

def wl_templates(rng):
    """(name, render(values) -> text, values, gp) like wp_templates, over other dressings: units on both terms of a
    sum, "dollars" after, "percent", parentheses, division per person, a leading-dot result, "2/5 of", a mixed
    number stated, comma thousands with units, € cents, two lines, "6 rows x 8 chairs", decimal hours."""
    item = rng.choice(ITEMS)
    t = rng.randrange(14)
    if t == 0:
        a, b = rng.randint(2, 300), rng.randint(2, 300)
        return ("units_sum", lambda v: f"Together they have {a} {item} + {b} {item} = {int(v[0])} {item}.", [F(a + b)], f"{a}+{b}")
    if t == 1:
        a, n = rng.randint(2, 90), rng.randint(2, 12)
        return ("dollars_after", lambda v: f"That costs {a} dollars * {n} = {int(v[0])} dollars.", [F(a * n)], f"{a}*{n}")
    if t == 2:
        pct, price = rng.choice([5, 10, 15, 20, 25, 40]), rng.randint(2, 50) * 4
        return ("percent_word", lambda v: f"The saving is {pct} percent of ${price} = ${dec(v[0])}.", [F(pct * price, 100)], f"{pct}/100*{price}")
    if t == 3:
        a, b, n = rng.randint(5, 60), rng.randint(5, 60), rng.randint(2, 6)
        return ("paren_sum", lambda v: f"For {n} days: (${a} + ${b}) * {n} = ${int(v[0])}.", [F((a + b) * n)], f"({a}+{b})*{n}")
    if t == 4:
        k = rng.randint(2, 8)
        total = k * rng.randint(3, 90)
        return ("per_person", lambda v: f"Each pays ${total} / {k} people = ${int(v[0])} each.", [F(total, k)], f"{total}/{k}")
    if t == 5:
        a = rng.choice([1, 3, 1, 3])
        d = 4
        return ("dot_result", lambda v: f"One share is ${a} / {d} = ${leading_dot(v[0])}.", [F(a, d)], f"{a}/{d}")
    if t == 6:
        d = rng.choice([3, 4, 5, 8])
        num = rng.randint(1, d - 1)
        n = d * rng.randint(2, 20)
        return ("fraction_of_noun", lambda v: f"So {num}/{d} of {n} students = {int(v[0])} students.", [F(num * n, d)], f"{num}/{d}*{n}")
    if t == 7:
        d = 2
        w = rng.randint(1, 9)
        n = 2 * w + 1
        return ("mixed_result", lambda v: f"Each gets {n} / {d} = {int(v[0])} {v[0].numerator % v[0].denominator}/{v[0].denominator} cups." if v[0].denominator != 1 else f"Each gets {n} / {d} = {int(v[0])} cups.",
                [F(n, d)], f"{n}/{d}")
    if t == 8:
        a, n = rng.randint(1001, 9999), rng.randint(2, 9)
        return ("comma_units", lambda v: f"The trip is {a:,} km × {n} = {int(v[0]):,} km.", [F(a * n)], f"{a}*{n}")
    if t == 9:
        a, b = F(rng.randint(2000, 9000), 100), F(rng.randint(100, 1999), 100)
        return ("euro_cents", lambda v: f"Change: €{fixed(a, 2)} - €{fixed(b, 2)} = €{fixed(v[0], 2)}.", [a - b], f"{gp_rational(a)}-{gp_rational(b)}")
    if t == 10:
        n, p, extra = rng.randint(2, 9), rng.randint(2, 20), rng.randint(1, 30)
        return ("two_lines", lambda v: f"First, {n} * ${p} = ${int(v[0])}.\nThen ${int(v[0])} + ${extra} = ${int(v[1])}.",
                [F(n * p), F(n * p + extra)], f"{n}*{p}+{extra}")
    if t == 11:
        r, c = rng.randint(2, 30), rng.randint(2, 30)
        return ("rows_x", lambda v: f"There are {r} rows x {c} chairs = {int(v[0])} chairs.", [F(r * c)], f"{r}*{c}")
    if t == 12:
        h = F(rng.choice([3, 5, 7, 9, 11]), 2)
        return ("decimal_hours", lambda v: f"That is {dec(h)} hours × 60 minutes = {dec(v[0])} minutes.", [h * 60], f"{gp_rational(h)}*60")
    a, b, c = rng.randint(2, 40), rng.randint(2, 40), rng.randint(2, 9)
    return ("units_chain", lambda v: f"{a} boxes * {c} eggs = {int(v[0])} eggs, and {int(v[0])} eggs - {b} eggs = {int(v[1])} eggs.",
            [F(a * c), F(a * c - b)], f"{a}*{c}-{b}")


def wl_trap(rng):
    """A correct line whose arithmetic holds only with a convention the line does not write (a unit conversion,
    "× 100 = 20%", a step number, a scale word): any verdict but `wrong` is right."""
    t = rng.randrange(8)
    h = rng.randint(2, 9)
    if t == 0:
        return f"That is {h} hours = {h * 60} minutes."
    if t == 1:
        return f"The flour weighs 500 g × {2 * h} = {h} kg."
    if t == 2:
        return f"The coins are worth 50 cents × {2 * h} = ${h}."
    if t == 3:
        return f"Together 0.5 hours + 30 minutes = 1 hour."
    if t == 4:
        whole = 10 * h
        part = whole * rng.choice([1, 2, 3]) // 10
        return f"The share is ({part}/{whole}) × 100 = {F(part * 100, whole)}%."
    if t == 5:
        a = rng.randint(100, 999)
        return f"Step {h} {a} + 5 = {a + 5}"
    if t == 6:
        return f"She buys {h} dozen × 2 = {h * 24} eggs."
    return f"It lasts {h} weeks × 7 = {h * 7} days, about {h * 7 * 24} hours."


def wordline_record(rng, rid):
    if rng.random() < 0.15:
        text = wl_trap(rng)
        return record(rid, "Explain the solution.", text, "outside", "wl.trap", "correct by a convention not written")
    name, render_line, vals, gp = wl_templates(rng)
    prompt = "Solve the word problem and show the arithmetic."
    if any(not is_int(v * 100) for v in vals if name != "mixed_result"):
        raise Reject("not whole cents")
    if rng.random() < 0.6:
        return record(rid, prompt, render_line(vals), "correct", f"wl.{name}", "correct line", gp,
                      value_string(exact(vals[-1])))
    bad = list(vals)
    i = len(vals) - 1 if rng.random() < 0.7 else rng.randrange(len(vals))
    bad[i] = corrupt(rng, vals[i])
    if name in ("units_sum", "dollars_after", "paren_sum", "per_person", "fraction_of_noun", "comma_units",
                "two_lines", "rows_x", "units_chain") and any(not is_int(v) for v in bad):
        raise Reject("non-integer corruption in an integer slot")
    if name == "mixed_result" and bad[i].denominator not in (1, 2):
        raise Reject("a mixed result that is not a half")
    text = render_line(bad)
    if text == render_line(vals):
        raise Reject("corruption invisible")
    note = "wrong: final result off" if i == len(vals) - 1 else "wrong: intermediate result off"
    return record(rid, prompt, text, "wrong", f"wl.{name}", note, gp, value_string(exact(vals[-1])))


# ---------------------------------------------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------------------------------------------

KINDS = {"questions": question_record, "outside": outside_record, "cuts": cut_record, "wordproblems": wordproblem_record,
         "wordlines": wordline_record}  # wordlines is not in ALL_MIX: --kind wordlines
ALL_MIX = [("questions", 50), ("cuts", 20), ("wordproblems", 20), ("outside", 10)]


def generate(seed, count, kind="all"):
    """The records, deterministic in (seed, count, kind)."""
    for i in range(count):
        k = kind
        if kind == "all":
            k = random.Random(f"{seed}:mix:{i}").choices([k for k, _ in ALL_MIX], [w for _, w in ALL_MIX])[0]
        rng = random.Random(f"{seed}:{k}:{i}")
        for _ in range(200):
            try:
                yield KINDS[k](rng, f"{k}-{seed}-{i:06d}")
                break
            except (Reject, Undefined):  # an unlucky draw: draw again from the same generator
                continue
        else:
            raise RuntimeError(f"record {i} ({k}): no valid draw in 200 tries")


def verify_gp(path, limit=None):
    """Recomputes each record's `value` from its `expr` with PARI/GP, and judges each answer's `shown` value
    again against GP's value with Python's decimal module (exact forms such as √2/2 or 3π/4 are compared by GP).
    Prints disagreements and returns their number."""
    recs = [json.loads(line) for line in open(path, encoding="utf-8")]
    recs = [r for r in recs if r.get("expr")][:limit]
    script = ["default(realprecision, 80);"]
    for i, r in enumerate(recs):
        script.append(f'iferr(print("@{i}|", {r["expr"]}), E, print("@{i}|ERR"));')
        form = gp_form(r.get("shown", ""))
        if form:
            script.append(f'iferr(print("#{i}|", ({form})-({r["expr"]})), E, print("#{i}|ERR"));')
    proc = subprocess.run(["gp", "-q", "-f", "-s", "200000000"], input="\n".join(script) + "\n",
                          capture_output=True, text=True)
    got, diff = {}, {}
    for line in proc.stdout.splitlines():
        if line[:1] in "@#" and "|" in line:
            i, value = line[1:].split("|", 1)
            (got if line[0] == "@" else diff)[int(i)] = value.strip()
    bad_values = bad_truths = judged = 0
    for i, r in enumerate(recs):
        g, want = got.get(i, "ERR"), r["value"]
        try:
            ok = g != "ERR" and agrees(r, g, want)
        except Exception:
            ok = False
        if not ok:
            bad_values += 1
            if bad_values <= 20:
                print(f"value {r['id']}: {r['prompt']!r}: gp {r['expr']} = {g}, oracle {want}")
            continue
        if r["family"].startswith("wp.") and r["truth"] in ("correct", "wrong"):
            judged += 1
            if line_is_true(r["response"]) != (r["truth"] == "correct"):
                bad_truths += 1
                if bad_truths <= 20:
                    print(f"line {r['id']}: {r['response']!r} is labelled {r['truth']}")
            continue
        if r.get("shown") is None or r["truth"] not in ("correct", "wrong"):
            continue
        try:
            truth = rejudge(r, g, diff.get(i))
        except Exception as err:
            truth = f"error {err}"
        judged += 1
        if truth != r["truth"]:
            bad_truths += 1
            if bad_truths <= 20:
                print(f"truth {r['id']}: {r['prompt']!r} answered {r['shown']!r} (rule {r['rule'] or 'none'}): "
                      f"gp value {g[:30]}, judged {truth}, record says {r['truth']}")
    print(f"{len(recs)} values recomputed with gp: {bad_values} disagreements; "
          f"{judged} answers judged again: {bad_truths} disagreements")
    return bad_values + bad_truths


DECIMAL_SHOWN = re.compile(r"-?\d+(\.\d+)?")


def gp_form(shown):
    """An exact form the response shows, as a GP expression: √2/2 → sqrt(2)/2, 3π/4 → 3*Pi/4, 2^10, 7/8."""
    if not shown or DECIMAL_SHOWN.fullmatch(shown) or shown in ("true", "false"):
        return None
    t = re.sub(r"(\d)√(\d+)", r"\1*sqrt(\2)", shown)
    t = re.sub(r"√(\d+)", r"sqrt(\1)", t)
    t = re.sub(r"(\d)π", r"\1*Pi", t).replace("π", "Pi")
    return t


def rejudge(rec, gp_value, gp_diff):
    """"correct" or "wrong" for the shown answer, by decimal arithmetic on GP's value."""
    from decimal import Decimal, ROUND_HALF_EVEN, localcontext
    shown, value, rule = rec["shown"], rec["value"], rec["rule"]
    if shown in ("true", "false"):
        return "correct" if shown == value else "wrong"
    if not DECIMAL_SHOWN.fullmatch(shown):
        return "correct" if abs(gp_number(gp_diff)) < MP(10) ** -40 else "wrong"
    with localcontext() as ctx:
        ctx.prec = 100
        # An exact value (already found equal to GP's to 40 digits) is taken as the record states it: GP's
        # sin(π) is 1e-81, not 0.
        exact_value = re.fullmatch(r"(-?\d+)(?:/(\d+))?", value)
        if exact_value:
            v = Decimal(exact_value.group(1)) / Decimal(exact_value.group(2) or 1)
        else:
            v = Decimal(gp_value.replace(" E", "E"))
        w = Decimal(shown)
        places = len(shown.split(".")[1]) if "." in shown else 0
        if rule:
            kind, n = rule.split()
            n = int(n)
            if kind == "sf":
                n = n - 1 - v.adjusted()
                if v.quantize(Decimal(10) ** -n, ROUND_HALF_EVEN).adjusted() > v.adjusted():
                    n -= 1  # 9.996 to 3 s.f. is 10.0
            want = v.quantize(Decimal(10) ** -n, ROUND_HALF_EVEN) if n >= 0 else (
                (v / Decimal(10) ** -n).quantize(Decimal(1), ROUND_HALF_EVEN) * Decimal(10) ** -n)
            return "correct" if w == want and places == max(n, 0) else "wrong"
        unit = Decimal(10) ** -places
        err = abs(w - v)
        if places == 0 and rec["value"].lstrip("-").isdigit():
            return "correct" if err == 0 else "wrong"
        return "correct" if err < unit / 2 else ("wrong" if err >= unit * 3 / 2 else "ambiguous")


# A solution line parsed again, independently of the templates that wrote it: numbers (12,345, 1 000, .75,
# 3 1/2, 1 and 1/3), operators (x, ×, *, /, %, "of") and "=", with words, units and currency dropped.
LINE_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+(?!\d)|\d+\.\d+|\.\d+|\d+)"
LINE_TOKEN = re.compile(rf"(?P<mixed>\d+ and \d+/\d+|\d+ \d+/\d+(?!\d))|(?P<num>{LINE_NUMBER})|(?P<unit>/[a-z]+)"
                        r"|(?P<op>[-+*×x/()%=]|\bof\b)|(?P<sep>[,;:\n]|\. |\.$|<<|>>)|(?P<other>\S)")


def line_is_true(text):
    """Whether every chain of equalities in a solution line holds (the last side is its first number)."""
    chains, cur = [], []
    for m in LINE_TOKEN.finditer(text):
        kind, t = m.lastgroup, m.group(0)
        if kind == "mixed":
            whole, frac = re.split(r" and | ", t, maxsplit=1)
            cur.append(f"({gp_rational(int(whole) + F(frac))})")
        elif kind == "num":
            cur.append(gp_rational(F(t.replace(",", "").replace(" ", ""))))
        elif kind == "op" and not (t == "x" and not (cur and cur[-1].endswith(")"))):
            cur.append({"×": "*", "x": "*", "of": "*", "%": "/100"}.get(t, t))
        elif kind == "sep":
            chains.append(cur)
            cur = []
    chains.append(cur)
    for chain in chains:
        sides = [s.strip("+-*/ ") if i == 0 else s for i, s in enumerate(" ".join(chain).split("="))]
        sides = [s.strip() for s in sides if s.strip()]
        if len(sides) < 2:
            continue
        sides[-1] = sides[-1].split()[0]
        values = {eval(re.sub(r"\((-?\d+)/(\d+)\)", r"F(\1, \2)", re.sub(r"\((-?\d+)\)", r"F(\1)", s)),
                       {"F": F}) for s in sides}
        if len(values) != 1:
            return False
    return True


def gp_number(text):
    return mpmath.mpf(text.replace(" E", "e"))


def agrees(rec, got, want):
    """GP's value `got` against the oracle's `want`: exact rationals exactly, reals to 35 digits."""
    if want in ("true", "false"):
        return check_relation(rec["prompt"], gp_number(got), want)
    if re.fullmatch(r"-?\d+(/\d+)?", want):
        if re.fullmatch(r"-?\d+(/\d+)?", got):
            return F(got) == F(want)
        w = F(want)
        return abs(gp_number(got) - mp(w)) <= MP(10) ** -40 * max(1, abs(mp(w)))
    g, w = gp_number(got), mpmath.mpf(want)
    return abs(g - w) <= MP(10) ** -35 * max(1, abs(w))


def check_relation(prompt, diff, want):
    """A comparison's truth from the difference A - B that gp computed."""
    p = prompt.lower()
    for words, test in [("greater than or equal to", lambda d: d >= 0), ("less than or equal to", lambda d: d <= 0),
                        ("at least", lambda d: d >= 0), ("at most", lambda d: d <= 0),
                        ("greater than", lambda d: d > 0), ("bigger than", lambda d: d > 0),
                        ("larger than", lambda d: d > 0), ("less than", lambda d: d < 0), ("smaller than", lambda d: d < 0)]:
        if words in p:
            d = 0 if abs(diff) < mpmath.mpf(10) ** -40 else diff
            return test(d) == (want == "true")
    return False


def selftest():
    """The oracle on values worked out by hand; raises AssertionError on a mismatch."""
    def val(build, args, st):
        return build(args, st).value
    n = lambda v: Num(F(v), str(v), "int", str(v))
    d = lambda t: Num(F(t), t, "dec", gp_rational(F(t)))
    assert val(build_log, [n(2), n(64)], {"t": 5}) == exact(6)                         # the base-2 logarithm of 64
    assert val(build_mod, [n(100), n(7)], {"t": 0, "slip": 1}) == exact(2)             # remainder of 100 / 7
    assert val(build_percent, [d("12.5"), n(80)], {"t": 0, "money": False}) == exact(10)  # 12.5% of 80
    asin = val(build_invtrig, [d("0.5")], {"fn": "asin", "t": 0, "unit": "radians", "c": None})
    assert value_string(asin).startswith("0.52359877559829887307")                     # arcsin(0.5) in radians
    assert val(build_invtrig, [d("0.5")], {"fn": "asin", "t": 0, "unit": "degrees", "c": 0}) == exact(30)
    assert val(build_trig, [n(30)], {"fn": "sin", "unit": "deg_word", "t": 2, "name": "sin"}) == exact(F(1, 2))
    assert val(build_arith, [n(23), n(47)], {"op": "mul", "t": 0, "slip": 1}) == exact(1081)
    assert val(build_gcd, [n(12), n(18)], {"fn": "lcm", "t": 0, "slip": 1}) == exact(36)
    assert val(build_factorial, [n(10)], {"t": 0, "slip": 1}) == exact(3628800)
    assert val(build_root, [n(27)], {"t": 3, "k": 3}) == exact(3)
    assert round_sf(exact(1081), 2) == (1100, 0) and round_sf(approx(MP("9.996")), 3) == (F(10), 1)
    assert judge(Display("0.52", "0.52", F(52, 100), 2), asin, None) == "correct"
    assert judge(Display("0.53", "0.53", F(53, 100), 2), asin, None) == "ambiguous"     # within one unit, not rounded
    assert judge(Display("0.54", "0.54", F(54, 100), 2), asin, None) == "wrong"
    assert judge(Display("0.52", "0.52", F(52, 100), 2), asin, ("dp", 2)) == "correct"
    assert judge(Display("0.53", "0.53", F(53, 100), 2), asin, ("dp", 2)) == "wrong"
    assert judge(Display("0.5", "0.5", F(5, 10), 1), asin, ("dp", 2)) == "ambiguous"    # too few places, not far off
    print("selftest: ok")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--kind", choices=["all"] + list(KINDS), default="all")
    ap.add_argument("--out", default="-", help="output JSONL file (default: standard output)")
    ap.add_argument("--verify-gp", metavar="FILE", help="recompute the values in FILE with PARI/GP and exit")
    ap.add_argument("--selftest", action="store_true", help="check the oracle on values worked out by hand")
    args = ap.parse_args(argv)
    if args.selftest:
        selftest()
        return 0
    if args.verify_gp:
        return 1 if verify_gp(args.verify_gp) else 0
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    for rec in generate(args.seed, args.count, args.kind):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if out is not sys.stdout:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
