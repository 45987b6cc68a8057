"""Oracles and claim bookkeeping shared by the corpus generators.

Every claim planted in a corpus record is described by a `Claim` object that carries its exact
mathematical content (numbers, function, argument, unit, stated value) and the literal text it
occupies in the response. `Claim.judge()` recomputes its truth from scratch:

* integers: sympy (isprime, factorint) and plain big-integer arithmetic, cross-checked with
  PARI/GP's proving `isprime` and `factor` in one batch at the end (`GP.run`);
* reals: mpmath at 50 significant digits (the working precision is raised so that huge arguments
  such as 10^100 are represented exactly before argument reduction), cross-checked with PARI/GP
  at 80 digits;
* exact forms (1/2, sqrt(3)/2, ...): sympy exact simplification plus a 10^-45 numeric check;
* remainders and congruences ("A mod m = r", "A ≡ r (mod m)"): Python's pow(a, e, m), cross-checked
  with PARI/GP's Mod(a, m)^e; right when m divides A - r.

No Python float is used anywhere for a value.

Decimal rule (from the corpus brief): a value written with k digits after the point is right
iff |true - stated| < 10^-k. We also classify how it passes: "rounded" (|d| <= u/2),
"truncated" (stated digits are a prefix of the true value), or "lenient" (neither, but |d| < u).
Records whose label depends on the lenient case are tagged in their note with [lenient-ulp].
"""

from __future__ import annotations

import json
import re
import subprocess
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, getcontext
from fractions import Fraction

import mpmath
import sympy

getcontext().prec = 200
DPS = 50

# ----------------------------------------------------------------------------------------------
# Integer oracles


def isprime(n: int) -> bool:
    r = bool(sympy.isprime(n))
    GP.add(f"isprime({n})", int(r), "int")
    return r


def factorint(n: int) -> list[tuple[int, int]]:
    f = sorted(sympy.factorint(n).items())
    GP.add(f"my(f=factor({n}));vector(#f~,i,[f[i,1],f[i,2]])", [[p, e] for p, e in f], "json")
    return f


SUP = {"0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹"}


def fmt_factors(f, mul=" × ", exp="sup") -> str:
    parts = []
    for p, e in f:
        if e == 1:
            parts.append(str(p))
        elif exp == "sup":
            parts.append(str(p) + "".join(SUP[c] for c in str(e)))
        elif exp == "caret":
            parts.append(f"{p}^{e}")
        elif exp == "latex":
            parts.append(f"{p}^{{{e}}}" if e >= 10 else f"{p}^{e}")
        elif exp == "pow":
            parts.append(f"{p}**{e}")
        else:
            raise ValueError(exp)
    return mul.join(parts)


def factor_str(n: int) -> str:
    if n < 2:
        return f"{n} is not prime (primes are > 1)"
    f = factorint(n)
    if len(f) == 1 and f[0][1] == 1:
        return f"{n} is prime"
    return f"{n} = {fmt_factors(f)}"


# ----------------------------------------------------------------------------------------------
# Real oracles

FUNCS = {
    "sin": (mpmath.sin, sympy.sin, "sin({x})"),
    "cos": (mpmath.cos, sympy.cos, "cos({x})"),
    "tan": (mpmath.tan, sympy.tan, "tan({x})"),
    "asin": (mpmath.asin, sympy.asin, "asin({x})"),
    "acos": (mpmath.acos, sympy.acos, "acos({x})"),
    "atan": (mpmath.atan, sympy.atan, "atan({x})"),
    "sqrt": (mpmath.sqrt, sympy.sqrt, "sqrt({x})"),
    "ln": (mpmath.log, sympy.log, "log({x})"),
    "log10": (mpmath.log10, lambda x: sympy.log(x, 10), "log({x})/log(10)"),
    "exp": (mpmath.exp, sympy.exp, "exp({x})"),
}
TRIG = {"sin", "cos", "tan"}


class Arg:
    """An exact real argument: coef * (pi if has_pi) in the given unit ('rad' or 'deg')."""

    def __init__(self, coef, has_pi=False, unit="rad"):
        if isinstance(coef, str):
            c = coef.replace("−", "-")
            coef = Fraction(c) if "/" in c else Fraction(Decimal(c))
        self.coef = Fraction(coef)
        self.has_pi = has_pi
        self.unit = unit

    def mp(self):
        digits = len(str(abs(self.coef.numerator) // self.coef.denominator)) + 1
        x = mpmath.mpf(self.coef.numerator) / self.coef.denominator
        if self.has_pi:
            x *= mpmath.pi
        if self.unit == "deg":
            x = x * mpmath.pi / 180
        return x, digits

    def sym(self):
        x = sympy.Rational(self.coef.numerator, self.coef.denominator)
        if self.has_pi:
            x *= sympy.pi
        if self.unit == "deg":
            x = x * sympy.pi / 180
        return x

    def gp(self):
        x = f"({self.coef.numerator}/{self.coef.denominator})"
        if self.has_pi:
            x += "*Pi"
        if self.unit == "deg":
            x += "*Pi/180"
        return x

    def describe(self):
        c = self.coef
        s = str(c.numerator) if c.denominator == 1 else f"{c.numerator}/{c.denominator}"
        if c.denominator == 1 and c.numerator >= 10**6 and s.strip("0") == "1":
            s = f"10^{len(s) - 1}"
        if c.denominator != 1 and not self.has_pi:
            d = Decimal(c.numerator) / Decimal(c.denominator)
            s = format(d.normalize(), "f")
        if self.has_pi:
            if c == 1:
                s = "π"
            elif c.denominator == 1:
                s = f"{c.numerator}π"
            else:
                s = ("" if c.numerator == 1 else ("−" if c.numerator == -1 else str(c.numerator))) + f"π/{c.denominator}"
        if self.unit == "deg":
            s += "°"
        return s


def mp_value(fname: str, arg: Arg):
    """f(arg) to 50 significant digits (computed with enough guard digits for the argument)."""
    mpf_fn, _, gpfmt = FUNCS[fname]
    with mpmath.workdps(DPS + 30):
        _, digits = arg.mp()
    with mpmath.workdps(DPS + digits + 30):
        x, _ = arg.mp()
        v = mpf_fn(x)
    with mpmath.workdps(DPS):
        v = +v
    GP.add(gpfmt.format(x=arg.gp()), v, "real")
    return v


def mp_of_sympy(expr):
    with mpmath.workdps(DPS + 20):
        f = sympy.lambdify([], expr, modules="mpmath")
        v = f()
    with mpmath.workdps(DPS):
        return +mpmath.mpf(v)


def dec_of_mp(v) -> Decimal:
    return Decimal(mpmath.nstr(v, DPS, strip_zeros=False, min_fixed=-mpmath.inf, max_fixed=mpmath.inf))


def norm_num(s: str) -> str:
    return s.replace("−", "-").replace("–", "-").replace(",", "").replace(" ", "")


def places(s: str) -> int:
    s = norm_num(s)
    return len(s.split(".")[1]) if "." in s else 0


def round_dec(v, k: int) -> Decimal:
    q = Decimal(1).scaleb(-k)
    return dec_of_mp(v).quantize(q, rounding=ROUND_HALF_UP)


def trunc_dec(v, k: int) -> Decimal:
    q = Decimal(1).scaleb(-k)
    return dec_of_mp(v).quantize(q, rounding=ROUND_DOWN)


def fmt_dec(d: Decimal, minus="-") -> str:
    if d == 0:
        d = abs(d)
    s = format(d, "f")
    if s.startswith("-"):
        s = minus + s[1:]
    return s


def judge_decimal(true_v, stated: str):
    """Return (ok, category, units) for a decimal stated with k digits after the point."""
    s = norm_num(stated)
    k = places(s)
    y = Decimal(s)
    t = dec_of_mp(true_v)
    u = Decimal(1).scaleb(-k)
    diff = abs(t - y)
    units = diff / u
    ok = diff < u
    if y == t.quantize(u, rounding=ROUND_HALF_UP) or diff <= u / 2:
        cat = "rounded"
    elif y == t.quantize(u, rounding=ROUND_DOWN):
        cat = "truncated"
    elif ok:
        cat = "lenient"
    else:
        cat = "wrong"
    return ok, cat, units


# ----------------------------------------------------------------------------------------------
# PARI/GP cross-check, batched


class _GP:
    def __init__(self):
        self.queries = {}

    def add(self, expr, expected, mode):
        self.queries.setdefault(expr, (expected, mode))

    def run(self):
        items = sorted(self.queries.items())
        lines = ["\\p 80", "default(colors,\"no\");"]
        for i, (expr, _) in enumerate(items):
            lines.append(f'print("Q{i}=", {expr})')
        out = subprocess.run(["gp", "-q", "-f", "--default", "parisizemax=1000000000"],
                             input="\n".join(lines) + "\n", capture_output=True, text=True, check=True).stdout
        got = {}
        for line in out.splitlines():
            m = re.match(r"Q(\d+)=(.*)$", line)
            if m:
                got[int(m.group(1))] = m.group(2).strip()
        bad = []
        for i, (expr, (expected, mode)) in enumerate(items):
            g = got.get(i)
            if g is None:
                bad.append((expr, expected, "missing"))
                continue
            if mode == "int":
                if int(g) != expected:
                    bad.append((expr, expected, g))
            elif mode == "json":
                if json.loads(g) != expected:
                    bad.append((expr, expected, g))
            elif mode == "real":
                with mpmath.workdps(DPS + 30):
                    gv = mpmath.mpf(g.replace(" E", "e"))
                    tol = mpmath.mpf(10) ** (-45) * max(1, abs(expected))
                    if abs(gv - expected) > tol:
                        bad.append((expr, str(expected), g))
        if bad:
            raise AssertionError(f"PARI/GP disagrees with sympy/mpmath: {bad[:5]}")
        return len(items)


GP = _GP()

# ----------------------------------------------------------------------------------------------
# Claims

KIND_ORDER = ["primality", "divisibility", "factorization", "arithmetic", "function", "answer"]


def sep(n: int, style: str = "") -> str:
    s = str(n)
    if style == "" or abs(n) < 1000:
        return s
    neg = s.startswith("-")
    s = s.lstrip("-")
    groups = []
    while s:
        groups.insert(0, s[-3:])
        s = s[:-3]
    return ("-" if neg else "") + style.join(groups)


class Claim:
    """One checkable claim. `text` must occur verbatim in the response."""

    def __init__(self, kind, form, args, text, lenient=False, borderline=False):
        self.kind, self.form, self.args, self.text = kind, form, args, text
        self.lenient = lenient  # allowed to pass only by the |d| < u rule (not rounded/truncated)
        self.borderline = borderline  # a wrong decimal within 1.5 units (allowed only when flagged)
        self._j = None

    def judge(self):
        if self._j is None:
            self._j = self._judge()
        return self._j

    @property
    def ok(self):
        return self.judge()[0]

    @property
    def why(self):
        return self.judge()[1]

    def _judge(self):
        f, a = self.form, self.args
        if f == "prime":
            n, asserted = a
            p = isprime(n)
            return p == asserted, factor_str(n)
        if f == "divides":
            n, d, asserted = a
            q, r = divmod(n, d)
            why = f"{n} = {d} × {q}" if r == 0 else f"{n} = {d} × {q} + {r}, not divisible by {d}"
            return (r == 0) == asserted, why
        if f == "parity":
            n, which = a
            actual = "even" if n % 2 == 0 else "odd"
            return actual == which, f"{n} is {actual}"
        if f == "quot":
            n, d, q = a
            return n == d * q, (f"{n} / {d} = {n // d}" if n % d == 0 else f"{n} / {d} = {n // d} remainder {n % d}")
        if f == "quotrem":
            n, d, q, r = a
            tq, tr = divmod(n, d)
            return (q, r) == (tq, tr), f"{n} ÷ {d} = {tq} remainder {tr}"
        if f == "product":
            n, facs, prime_required = a
            prod = 1
            for p, e in facs:
                prod *= p**e
            ok = prod == n
            why = f"{fmt_factors(facs)} = {prod}" + ("" if ok else f" ≠ {n}")
            if prime_required:
                comp = [p for p, _ in facs if not isprime(p)]
                if comp:
                    ok = False
                    why += "; not a prime factorization: " + "; ".join(factor_str(p) for p in comp)
                if ok or prod == n:
                    why += f"; prime factorization {factor_str(n)}"
            return ok, why
        if f == "expr":
            # exact integer/rational expression (python syntax) = stated value (integer or decimal)
            lhs, stated = a
            v = sympy.sympify(lhs, rational=True)
            assert v.is_Rational, lhs
            if "." in norm_num(stated):
                with mpmath.workdps(DPS):
                    tv = mpmath.mpf(v.p) / v.q
                ok, cat, units = judge_decimal(tv, stated)
                self.cat, self.units = cat, units
                return ok, f"{lhs.replace('**', '^').replace('*', '×')} = {fmt_dec(round_dec(tv, places(stated) + 3))}…"
            ok = v == sympy.Integer(int(norm_num(stated)))
            return ok, f"{lhs.replace('**', '^').replace('*', '×')} = {v}"
        if f == "residue":
            # "A mod m = r", "A ≡ r (mod m)": right when m divides A - r (so "-1 ≡ 6 (mod 7)" is right)
            value, m, r = a
            true_r = residue_of(value, m)
            return (true_r - r) % m == 0, f"{describe_residue_value(value)} mod {m} = {true_r}"
        if f == "func":
            fname, arg, stated = a
            tv = mp_value(fname, arg)
            label = f"{fname}({arg.describe()})"
            if isinstance(stated, str) and re.fullmatch(r"[-−]?\d+\.\d+", stated):
                ok, cat, units = judge_decimal(tv, stated)
                self.cat, self.units = cat, units
                return ok, f"{label} = {fmt_dec(round_dec(tv, places(stated) + 3))}…"
            # exact form (sympy syntax)
            expr = sympy.sympify(stated)
            exact = FUNCS[fname][1](arg.sym())
            sym_zero = sympy.simplify(exact - expr) == 0
            with mpmath.workdps(DPS):
                num_close = abs(mp_of_sympy(expr) - tv) < mpmath.mpf(10) ** (-45)
            assert sym_zero == num_close, (label, stated, sym_zero, num_close)
            self.cat = "exact"
            if sym_zero:
                return True, f"{label} = {sympy.nsimplify(exact)} = {fmt_dec(round_dec(tv, 6))}…"
            return False, f"{label} = {fmt_dec(round_dec(tv, 6))}…, not {stated.replace('sqrt', '√')}"
        if f == "round":
            fname, arg, k, stated = a
            tv = mp_value(fname, arg)
            r = round_dec(tv, k)
            t = dec_of_mp(tv)
            half = Decimal(1).scaleb(-k) / 2
            # no near-ties: the correctly rounded value must be unambiguous
            assert abs(abs(t - r) - half) > Decimal(1).scaleb(-30), (fname, arg.describe(), k)
            ok = Decimal(norm_num(stated)) == r and places(stated) == k
            return ok, f"{fname}({arg.describe()}) = {fmt_dec(round_dec(tv, k + 4))}…, rounded to {k} dp: {fmt_dec(r)}"
        raise ValueError(f)


def residue_of(value, m: int) -> int:
    """The remainder in [0, m) of value on division by m. value is an int, a power (base, exp) or an integer
    expression in Python syntax ("154*154", "3**105+4**105"); a power is reduced with pow(base, exp, m)."""
    assert m > 1, m
    if isinstance(value, tuple):
        base, exp = value
        r = pow(base, exp, m)
        GP.add(f"lift(Mod({base},{m})^{exp})", r, "int")
        return r
    if isinstance(value, str):
        v = sympy.sympify(value, rational=True)
        assert v.is_Integer, value
        value = int(v)
    r = value % m
    GP.add(f"lift(Mod({value},{m}))", r, "int")
    return r


def describe_residue_value(value) -> str:
    if isinstance(value, tuple):
        return f"{value[0]}^{value[1]}"
    if isinstance(value, str):
        return "(" + value.replace("**", "^").replace("*", " × ").replace("+", " + ") + ")"
    return str(value)


# constructors -----------------------------------------------------------------------------------


def Prime(n, asserted, text):
    return Claim("primality", "prime", (n, asserted), text)


def Div(n, d, asserted, text):
    return Claim("divisibility", "divides", (n, d, asserted), text)


def Parity(n, which, text):
    return Claim("divisibility", "parity", (n, which), text)


def Quot(n, d, q, text, kind="divisibility"):
    return Claim(kind, "quot", (n, d, q), text)


def QuotRem(n, d, q, r, text):
    return Claim("divisibility", "quotrem", (n, d, q, r), text)


def Prod(n, facs, text, prime=False):
    return Claim("factorization", "product", (n, list(facs), prime), text)


def Expr(lhs, stated, text, kind="arithmetic", **kw):
    return Claim(kind, "expr", (lhs, stated), text, **kw)


def Residue(value, m, r, text, kind="arithmetic"):
    """"A mod m = r" or "A ≡ r (mod m)"; value as in `residue_of`."""
    return Claim(kind, "residue", (value, m, r), text)


def Func(fname, arg, stated, text, kind="function", **kw):
    return Claim(kind, "func", (fname, arg, stated), text, **kw)


def Round(fname, arg, k, stated, text, kind="answer"):
    return Claim(kind, "round", (fname, arg, k, stated), text)


# ----------------------------------------------------------------------------------------------
# Independent scanner: finds equation-shaped and primality-shaped text in a response and makes
# sure every one of them is accounted for by a planted claim (and every false one by a planted
# false claim). This catches template bugs where incidental text states something unplanned.

_TERM = r"(?<![\w.(/^])\d+(?:\.\d+)?(?:[ \t]*\^[ \t]*\d+|[²³⁴⁵⁶⁷⁸⁹]+)?(?![\d°)])"
_OP = r"[ \t]*(?:[×*·+/÷]|-(?=[ \t])|-(?=\d))[ \t]*"
_EXPR = rf"{_TERM}(?:{_OP}{_TERM})*"
_EQ = re.compile(rf"(?P<l>{_EXPR})[ \t]*(?P<rel>=|≈)[ \t]*(?P<r>-?{_TERM}(?:{_OP}{_TERM})*)")
_SQRT = re.compile(r"√\s*(?P<a>\d+(?:\.\d+)?)\s*(?P<rel>=|≈)\s*(?P<r>\d+(?:\.\d+)?)")
_PRIME = re.compile(r"(?<![\w.])(\d+) (?:is|was) (?:not |also )?(?:a )?(?:prime|composite)")
_SUPV = {v: k for k, v in SUP.items()}
# Remainders and congruences (on normalized text). A is a number, a power or a bracketed expression; a sum before
# "mod" ("3^105 + 4^105 mod 7") is not read, and neither is a letter ("x mod 3 = 2").
_RES_A = r"(?<![\w.^)])(?P<a>\([^()]*\)|-?\d+(?:\^\d+)?)"
_MOD_WORD = r"(?:\\bmod|\\mod|(?<![\w\\])mod(?:ulo)?\b)"
_RESIDUE = re.compile(rf"{_RES_A}[ \t]*(?:{_MOD_WORD}|%)[ \t]*(?P<m>\d+)[ \t]*=[ \t]*(?P<r>-?\d+)(?![\d^\w(]|\.\d)")
_MODULUS = (r"(?:\([ \t]*(?:mod|\\bmod|\\mod)[ \t]*(?P<m1>\d+)[ \t]*\)|\\pmod\{(?P<m2>\d+)\}"
            r"|\\pmod[ \t]+(?P<m3>\d+)|(?<![\w\\])mod[ \t]+(?P<m4>\d+))")
_CONGRUENCE = re.compile(rf"{_RES_A}[ \t]*(?P<rel>≡|\\equiv|=)[ \t]*(?P<r>-?\d+)[ \t]*{_MODULUS}(?![\d^\w]|\.\d)")
_MODULUS_NEXT = re.compile(rf"[ \t]*{_MODULUS}")


def scan_normalize(text: str) -> str:
    t = text
    for a, b in [("\\times", "×"), ("\\cdot", "·"), ("\\div", "÷"), ("\\approx", "≈"), ("−", "-"), ("\\sqrt", "√"),
                 ("\\(", " "), ("\\)", " "), ("\\[", " "), ("\\]", " "), ("$", " "), ("**", " ")]:
        t = t.replace(a, b)
    t = re.sub(r"\^\{(\d+)\}", r"^\1", t)
    t = re.sub(r"√\{(\d+(?:\.\d+)?)\}", r"√\1", t)
    t = re.sub(r"(?<=\d) x (?=\d)", " × ", t)
    t = re.sub(r"\b\d{1,3}(?:,\d{3})+\b", lambda m: m.group(0).replace(",", ""), t)
    t = re.sub(r"\b\d{1,3}(?: \d{3})+\b(?! \d)", lambda m: m.group(0).replace(" ", ""), t)
    return t


def _eval_expr(s: str):
    s = s.strip()
    s = re.sub(r"[²³⁴⁵⁶⁷⁸⁹]+", lambda m: "^" + "".join(_SUPV[c] for c in m.group(0)), s)
    s = s.replace("×", "*").replace("·", "*").replace("÷", "/").replace("^", "**")
    return sympy.sympify(s, rational=True)


def scan(response: str, claims: list[Claim]):
    """Return a list of problems (empty when all is consistent)."""
    t = scan_normalize(response)
    problems = []
    spans = []
    for c in claims:
        ct = scan_normalize(c.text)
        pos = [m.start() for m in re.finditer(re.escape(ct), t)]
        spans.extend((p, p + len(ct), c) for p in pos)

    def covering(s, e, want_false):
        for a, b, c in spans:
            if a < e and s < b and (not want_false or not c.ok):
                return True
        return False

    pos = 0
    while True:
        m = _EQ.search(t, pos)
        if not m:
            break
        pos = m.start("r")  # chains: "a = b × c = d" is checked pairwise
        l, r, rel = m.group("l"), m.group("r"), m.group("rel")
        if not re.search(r"[×*·+/÷^²³-]", l) and not re.search(r"[×*·+/÷^²³-]", r.lstrip("-")):
            continue  # "x = y" with bare numbers on both sides: nothing to check
        if re.match(r"\s*(?:remainder|rem\b|R\b|r\b)", t[m.end():]):
            continue  # "n ÷ d = q remainder r" is judged as a whole by the planted claim
        if _MODULUS_NEXT.match(t, m.end()):
            continue  # "2^12 = 1 (mod 13)" is a congruence (checked below)
        try:
            lv, rv = _eval_expr(l), _eval_expr(r)
        except Exception:  # noqa: BLE001
            continue
        if "." in r and not re.search(r"[×*·+/÷^-]", r.lstrip("-")):
            with mpmath.workdps(DPS):
                ok = judge_decimal(mpmath.mpf(lv.p) / lv.q, r.strip())[0]
        elif rel == "≈":
            continue
        else:
            ok = sympy.simplify(lv - rv) == 0
        if not covering(m.start(), m.end(), not ok):
            problems.append(f"unplanted {'FALSE' if not ok else 'true'} equation: {m.group(0)!r}")
    for m in _SQRT.finditer(t):
        a, r = m.group("a"), m.group("r")
        with mpmath.workdps(DPS):
            tv = mpmath.sqrt(mpmath.mpf(a))
        ok = judge_decimal(tv, r)[0] if "." in r else (tv == int(r))
        if not covering(m.start(), m.end(), not ok):
            problems.append(f"unplanted {'FALSE' if not ok else 'true'} sqrt: {m.group(0)!r}")
    for rx in (_RESIDUE, _CONGRUENCE):
        for m in rx.finditer(t):
            if re.search(r"[\d)][ \t]*[-+×*·/÷^][ \t]*$", t[:m.start()]):
                continue  # the end of a sum or product: "3^105 + 4^105 mod 7" is not read
            if re.search(r"(?:mod|modulo|%)[ \t]*$", t[:m.start()]):
                continue  # A is the modulus of a remainder before it
            if m.groupdict().get("rel") == "=" and m.group("m4"):
                continue  # "A = r mod m" without brackets is not a congruence form
            mod = int(next(g for g in (m.groupdict().get(k) for k in ("m", "m1", "m2", "m3", "m4")) if g))
            a = m.group("a")
            if mod < 2:
                continue
            if re.fullmatch(r"-?\d+\^\d+", a):
                b, e = a.split("^")
                av = pow(int(b), int(e), mod) if not b.startswith("-") else -pow(-int(b), int(e), mod)
            else:
                try:
                    v = _eval_expr(a)
                except Exception:  # noqa: BLE001
                    continue
                if not v.is_Integer:
                    continue
                av = int(v)
            ok = (av - int(m.group("r"))) % mod == 0
            if not covering(m.start(), m.end(), not ok):
                problems.append(f"unplanted {'FALSE' if not ok else 'true'} remainder/congruence: {m.group(0)!r}")
    for m in _PRIME.finditer(t):
        before = t[max(0, m.start() - 40):m.start()].lower()
        if re.search(r"\b(if|suppose|whether|assume|assuming|might|may|could|were|asked|asking)\b[^.]*$", before):
            continue
        if not covering(m.start(), m.end(), False):
            problems.append(f"unplanted primality phrase: {m.group(0)!r}")
    return problems
