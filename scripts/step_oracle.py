"""A second computation of mathcheck's wrong claims, independent of its code.

Each claim mathcheck flags wrong is read again here from its text as written (its own small reader: LaTeX,
Unicode operators, thousands separators, implicit products), recomputed with Python's exact integers and
fractions, sympy (isprime, factorint) and mpmath (functions at 60 digits), and `oracle(claim, prompt)` says whether
the claim is false as written and whether mathcheck's `expected` agrees with the recomputed truth.

A claim whose subject is not in its text (a bare `[No]`, "it is prime", a bare value answer, a congruence whose
modulus is set earlier in the response) takes the subject from the prompt, or from the checker's own reading (its
`expected` or `evidence`), and says so in `source`, so that a reader can count how much of the confirmation rests
on the checker's reading of the context.
"""
import re
from fractions import Fraction

import sys

import mpmath
import sympy

mpmath.mp.dps = 60
sys.set_int_max_str_digits(0)

MAX_EXPONENT = 200_000


class Unread(Exception):
    """The oracle cannot read the claim's text."""


class Verdict:
    def __init__(self, false_as_written, expected_ok, detail, source="text"):
        # For a third check by PARI/GP: (n, is_prime) of a primality claim, (n, {p: e}) of a factorization.
        self.primality = None
        self.factorization = None
        self.false_as_written = false_as_written
        self.expected_ok = expected_ok
        self.detail = detail
        self.source = source

    def __repr__(self):
        return f"Verdict(false={self.false_as_written}, expected_ok={self.expected_ok}, {self.detail!r}, {self.source})"


# MARK: - Text to expression

FUNCTIONS = {
    "sqrt": "sqrt", "sin": "sin", "cos": "cos", "tan": "tan", "ln": "ln", "log10": "log10", "log": "ln",
    "exp": "exp", "arcsin": "asin", "arccos": "acos", "arctan": "atan",
}

WORD_FUNCTIONS = [
    ("square root", "sqrt"), ("cube root", "cbrt"), ("cosine", "cos"), ("sine", "sin"), ("tangent", "tan"),
    ("natural logarithm", "ln"), ("arccosine", "acos"), ("arcsine", "asin"), ("arctangent", "atan"),
]


def strip_markup(t):
    t = t.replace("**", " ").replace("$", " ").replace("\\(", " ").replace("\\)", " ")
    t = t.replace("\\left", "").replace("\\right", "").replace("\\,", "").replace("\\!", "")
    t = t.replace("−", "-").replace("–", "-")
    return t


def drop_separators(t):
    # 5,920,691,772 and 34 792 834: digit groups of three after a group of one to three digits.
    t = re.sub(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d])", lambda m: m.group(0).replace(",", ""), t)
    t = re.sub(r"(?<![\d.])\d{1,3}(?: \d{3})+(?![\d.])", lambda m: m.group(0).replace(" ", ""), t)
    return t


def latex_to_python(t):
    """An arithmetic expression in claim notation → a Python expression over Q() literals and named functions."""
    s = t.strip().rstrip(".,;:")
    s = strip_markup(s)
    s = drop_separators(s)
    s = s.replace("\\\\", " ").replace("&", " ")
    s = " ".join(s.split())
    # \frac{a}{b} (innermost first), \sqrt{a}, ^{…}
    for _ in range(10):
        s2 = re.sub(r"\\d?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}", r"((\1)/(\2))", s)
        s2 = re.sub(r"\\sqrt\s*\{([^{}]*)\}", r"sqrt(\1)", s2)
        if s2 == s:
            break
        s = s2
    s = s.replace("\\cdot", "*").replace("\\times", "*").replace("×", "*").replace("·", "*").replace("⋅", "*")
    s = s.replace("\\div", "/").replace("÷", "/").replace("∗", "*")
    s = re.sub(r"\bdivided by\b", "/", s)
    s = re.sub(r"\^\s*\\circ", " deg", s).replace("°", " deg")
    s = re.sub(r"\bdegrees?\b", " deg", s)
    s = re.sub(r"\bradians?\b", " ", s)
    s = s.replace("\\pi", " pi ").replace("π", " pi ")
    s = s.replace("\\ln", "ln").replace("\\log_{10}", "log10").replace("log₁₀", "log10").replace("\\log", "log")
    s = s.replace("log10", "LOGTEN")
    # LaTeX alignment and line breaks
    s = s.replace("\\\\", " ").replace("&", " ")
    # an inner "a mod m" between numbers or brackets is a remainder
    s = re.sub(r"\\bmod|\\mod|\bmod\b", " MOD ", s)
    for name in ("sin", "cos", "tan", "exp", "arcsin", "arccos", "arctan"):
        s = s.replace("\\" + name, name)
    s = s.replace("\\sqrt", "sqrt")
    s = s.replace("²", "^2").replace("³", "^3").replace("⁴", "^4")
    s = s.replace("{", "(").replace("}", ")").replace("[", "(").replace("]", ")")
    s = s.replace("√(", "sqrt(")
    s = re.sub(r"√\s*(\d+(?:\.\d+)?)", r"sqrt(\1)", s)
    # e^x → exp(x)
    s = re.sub(r"(?<![A-Za-z])e\s*\^\s*\(", "exp(", s)
    s = re.sub(r"(?<![A-Za-z])e\s*\^\s*(-?\d+(?:\.\d+)?)", r"exp(\1)", s)
    # x between numbers is a product
    s = re.sub(r"(?<=[\d)])\s*[xX]\s*(?=[\d(])", "*", s)
    # a function applied without brackets: cos 8
    s = re.sub(r"\b(sin|cos|tan|ln|LOGTEN|exp|sqrt)\s+(-?\d+(?:\.\d+)?)", r"\1(\2)", s)
    # degrees: the number (or bracket) before "deg" times pi/180
    s = re.sub(r"\s*deg\b", "*pi/180", s)
    s = re.sub(r"(?<=[\d)])\s*[eE]\s*(?=[-+]?\d)", "e", s)
    if re.search(r"[A-Za-z_\\]", re.sub(r"\b(sqrt|sin|cos|tan|ln|LOGTEN|exp|asin|acos|atan|arcsin|arccos|arctan|"
                                        r"pi|Q|MOD)\b|(?<=\d)e(?=[-+]?\d)", "", s)):
        raise Unread(f"letters in {t!r}")
    # implicit products: 4(3), )(, )2, 2pi, 2sqrt
    s = re.sub(r"(?<=[\d)])\s*(?=\()", "*", s)
    s = re.sub(r"\)\s*(?=[\d])", ")*", s)
    s = re.sub(r"(?<=\d)\s*(?=(sqrt|sin|cos|tan|ln|LOGTEN|exp|pi)\b)", "*", s)
    s = s.replace("MOD", "%")
    s = s.replace("^", "**")
    # numbers → exact literals (1e22 too)
    s = re.sub(r"(?<![\w.])(\d+\.\d+|\d+\.(?!\d)|\.\d+|\d+)(?:[eE]([-+]?\d+))?(?![\w.])",
               lambda m: f"Q('{m.group(1)}')" + (f"*Q('10')**Q('{m.group(2)}')" if m.group(2) else ""), s)
    s = s.replace("LOGTEN", "log10")
    if re.search(r"\d\s+Q|\)\s+Q|Q\('[^']*'\)\s+Q", s):
        raise Unread(f"two numbers side by side in {t!r}")
    return s


class Exact:
    """Evaluation in exact rationals; a function makes the whole expression numeric."""


def _num(x):
    if isinstance(x, Fraction):
        # Formed at a precision that holds the integers exactly (sin(10^100) needs all of 10^100's 333 bits).
        bits = max(x.numerator.bit_length(), x.denominator.bit_length()) + 64
        with mpmath.workprec(max(bits, mpmath.mp.prec)):
            n, d = mpmath.mpf(x.numerator), mpmath.mpf(x.denominator)
        if x.denominator == 1:
            return n
        with mpmath.workprec(max(bits, mpmath.mp.prec) + 64):
            return n / d
    return x


# Set while a congruence modulo m is evaluated: a power too large to form is then reduced modulo m (sound there:
# the sides are reduced modulo m and the reader's operations on integers are ring operations).
MODULUS = [None]


def _pow(a, b):
    if isinstance(a, Fraction) and isinstance(b, Fraction) and b.denominator == 1:
        if abs(b.numerator) > MAX_EXPONENT:
            if MODULUS[0] and a.denominator == 1 and b.numerator > 0:
                return Fraction(pow(a.numerator, b.numerator, MODULUS[0]))
            raise Unread("exponent too large")
        if a == 0 and b < 0:
            raise Unread("zero to a negative power")
        return a ** b.numerator
    return mpmath.power(_num(a), _num(b))


class Num:
    """A value wrapper so that ** goes through _pow (exact when it can be)."""

    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def _o(self, o):
        return o.v if isinstance(o, Num) else o

    def __add__(self, o): return Num(_mix(self.v, self._o(o), lambda a, b: a + b))
    def __radd__(self, o): return Num(_mix(self._o(o), self.v, lambda a, b: a + b))
    def __sub__(self, o): return Num(_mix(self.v, self._o(o), lambda a, b: a - b))
    def __rsub__(self, o): return Num(_mix(self._o(o), self.v, lambda a, b: a - b))
    def __mul__(self, o): return Num(_mix(self.v, self._o(o), lambda a, b: a * b))
    def __rmul__(self, o): return Num(_mix(self._o(o), self.v, lambda a, b: a * b))

    def __truediv__(self, o):
        d = self._o(o)
        if d == 0:
            raise Unread("division by zero")
        return Num(_mix(self.v, d, lambda a, b: a / b))

    def __rtruediv__(self, o):
        return Num(self._o(o)).__truediv__(self)

    def __pow__(self, o): return Num(_pow(self.v, self._o(o)))
    def __rpow__(self, o): return Num(_pow(self._o(o), self.v))
    def __mod__(self, o):
        m = self._o(o)
        if not (isinstance(self.v, Fraction) and isinstance(m, Fraction)) or m == 0 or self.v.denominator != 1 \
                or m.denominator != 1:
            raise Unread("mod of a non-integer")
        return Num(self.v % m)

    def __neg__(self): return Num(-self.v)
    def __pos__(self): return self


def _mix(a, b, op):
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return op(a, b)
    return op(_num(a), _num(b))


def _fn(f):
    def apply(x):
        v = x.v if isinstance(x, Num) else x
        if f == "sqrt" and isinstance(v, Fraction) and v >= 0:
            n, d = v.numerator, v.denominator
            rn, rd = sympy.integer_nthroot(n, 2), sympy.integer_nthroot(d, 2)
            if rn[1] and rd[1]:
                return Num(Fraction(int(rn[0]), int(rd[0])))
        return Num(getattr(mpmath, f)(_num(v)))
    return apply


NAMESPACE = {
    "Q": lambda s: Num(Fraction(s)), "pi": Num(mpmath.pi),
    "sqrt": _fn("sqrt"), "sin": _fn("sin"), "cos": _fn("cos"), "tan": _fn("tan"), "ln": _fn("ln"),
    "log10": _fn("log10"), "exp": _fn("exp"), "asin": _fn("asin"), "acos": _fn("acos"), "atan": _fn("atan"),
    "arcsin": _fn("asin"), "arccos": _fn("acos"), "arctan": _fn("atan"), "cbrt": _fn("cbrt"),
}


def evaluate(text):
    """The value of an expression as written: a Fraction when exact, else an mpmath number."""
    py = latex_to_python(text)
    if not py.strip():
        raise Unread(f"empty expression {text!r}")
    try:
        value = eval(py, {"__builtins__": {}}, NAMESPACE)  # noqa: S307 (the text is reduced to numbers and names)
    except Unread:
        raise
    except Exception as e:  # a syntax the reader does not know
        raise Unread(f"cannot evaluate {text!r} ({py}): {e}")
    v = value.v if isinstance(value, Num) else value
    if isinstance(v, mpmath.mpc):
        raise Unread("complex value")
    return v


def integer(text):
    v = evaluate(text)
    if not isinstance(v, Fraction) or v.denominator != 1:
        raise Unread(f"not an integer: {text!r}")
    return v.numerator


LITERAL = re.compile(r"[-+]?\s*(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?")


def _literal(text):
    t = drop_separators(strip_markup(text)).strip().rstrip(".,")
    t = re.sub(r"\s*\b(radians?|degrees?)$", "", t)
    m = LITERAL.fullmatch(t)
    return m if m and (m.group(1) or m.group(2)) else None


def decimals(literal):
    """The places of a decimal literal's last digit (negative for 1.2e5: its unit is 10^-decimals)."""
    m = _literal(literal)
    if not m:
        return 0
    return len(m.group(2) or "") - int(m.group(3) or 0)


def is_literal(text):
    return _literal(text) is not None


# MARK: - Expected values as mathcheck writes them


def parse_true_value(s):
    """'651.1176470588', '1705.631578947368…', '1.3264634072747908684e328' → (mpf, unit of its last digit)."""
    s = s.strip().rstrip("…")
    m = re.fullmatch(r"(-?)(\d+)(?:\.(\d+))?(?:e(-?\d+))?", s)
    if not m:
        raise Unread(f"expected value {s!r}")
    sign, whole, frac, exp = m.groups()
    frac = frac or ""
    exp = int(exp or 0)
    value = Fraction(int(whole + frac), 10 ** len(frac)) * Fraction(10) ** exp
    if sign:
        value = -value
    unit = Fraction(10) ** (exp - len(frac))
    return value, unit


def close(value, expected_text, slack=1):
    """Whether mathcheck's printed value agrees with `value` to its last printed digit (rounded or truncated)."""
    tv, unit = parse_true_value(expected_text)
    diff = abs(_num(value) - _num(tv))
    return diff <= _num(unit) * slack + mpmath.mpf(10) ** -40


def parse_factorization(s):
    """'2^3 × 3 × 5' → {2: 3, 3: 1, 5: 1}."""
    out = {}
    for part in s.split("×"):
        part = part.strip()
        if "^" in part:
            b, e = part.split("^")
            out[int(b)] = out.get(int(b), 0) + int(e)
        else:
            out[int(part)] = out.get(int(part), 0) + 1
    return out


def factor_dict(n):
    return {int(p): int(e) for p, e in sympy.factorint(n).items()}


# MARK: - Claims

RELATIONS = r"(\\approx|≈|\\equiv|≡|\\neq|≠|=|\bis approximately\b|\bis about\b|\bis equal to\b|\bequals\b)"


def split_relations(text):
    parts = re.split(RELATIONS, text)
    sides = [p for i, p in enumerate(parts) if i % 2 == 0]
    rels = [p for i, p in enumerate(parts) if i % 2 == 1]
    return sides, rels


def rel_kind(r):
    if r in ("≈", "\\approx", "is approximately", "is about"):
        return "approx"
    if r in ("≡", "\\equiv"):
        return "congruent"
    if r in ("≠", "\\neq"):
        return "neq"
    return "eq"


MOD_RE = re.compile(r"\(?\s*(?:\\pmod\s*\{?\s*|\\bmod\s*|\\mod\s*|\bmodulo\s*|\bmod\s*|%\s*)([-\d\s^{}()+*]+?)\s*\}?\s*\)?\s*$")


def modulus_of(side):
    """A side ending in `mod m` / `(mod m)` / `\\pmod{m}` / `% m`: (the side without it, m); else (side, None)."""
    s = strip_markup(side).strip().rstrip(".,;")
    m = re.search(r"(\(\s*mod\s*([^()]+)\)|\\pmod\s*\{([^{}]+)\}|\\pmod\s*(\d+)|(?:\\bmod|\\mod|\bmodulo|\bmod|%)\s*"
                  r"(\d[\d^{}]*|\{[^{}]+\}))\s*$", s)
    if not m:
        return s, None
    mod_text = next(g for g in m.groups()[1:] if g)
    return s[: m.start()].strip(), integer(mod_text.strip("{}"))


def check_congruence(text, claim):
    t = strip_markup(text)
    sides, rels = split_relations(t)
    if len(sides) < 2:
        raise Unread("no relation in a congruence")
    moduli = []
    bodies = []
    for s in sides:
        body, m = modulus_of(s)
        bodies.append(body)
        if m is not None:
            moduli.append(m)
    source = "text"
    if not moduli:
        ev = claim.get("evidence") or {}
        if "modulus" not in ev:
            raise Unread("no modulus")
        moduli = [int(ev["modulus"])]
        source = "modulus from the checker's reading of the context"
    m = moduli[-1]
    if m == 0 or any(x != m for x in moduli):
        raise Unread("moduli differ")
    MODULUS[0] = m
    try:
        values = [integer(b) for b in bodies]
    finally:
        MODULUS[0] = None
    false = any((a - b) % m != 0 for a, b in zip(values, values[1:]))
    r = values[0] % m
    exp = claim.get("expected") or ""
    em = re.fullmatch(r"≡ (-?\d+) \(mod (\d+)\)", exp)
    expected_ok = bool(em) and int(em.group(2)) == m and (int(em.group(1)) - r) % m == 0
    ev = claim.get("evidence") or {}
    if "stated_remainder" in ev and len(values) > 1:
        expected_ok = expected_ok and (int(ev["stated_remainder"]) - values[1]) % m == 0
    return Verdict(false, expected_ok, f"{values[0]} ≡ {r} (mod {m}); sides mod m: {[v % m for v in values]}", source)


def is_congruence(text):
    t = strip_markup(text)
    return bool(re.search(r"≡|\\equiv|\bmod\b|\\bmod|\\pmod|\\mod|\bmodulo\b|%", t))


def check_value(text, claim, prompt):
    """Equations and approximations: a = b, a ≈ b (within one unit of b's last digit), chains."""
    t = strip_markup(text)
    t = re.sub(r"\s*(?:\(|,)\s*which is (approximately|about)\s+", r" is \1 ", t)
    for phrase, fn in WORD_FUNCTIONS:
        t = re.sub(rf"(?i)\bthe {phrase} of\s+(.+?)\s+(is approximately|is about|is equal to|equals|is|≈|=)\s+",
                   lambda m: f"{fn}({m.group(1)}) {'≈' if 'approx' in m.group(2) or 'about' in m.group(2) else '='} ", t)
    t = re.sub(r"\s+is approximately\s+", " ≈ ", t)
    t = re.sub(r"\s+is equal to\s+", " = ", t)
    t = re.sub(r"\s+is\s+", " = ", t)
    sides, rels = split_relations(t)
    source = "text"
    if len(sides) == 1:
        # A bare value answering the prompt.
        sides, rels, rule = prompt_value(prompt, text)
        source = "subject from the prompt"
    else:
        rule = None
    if re.search(r"(?i)degree mode|in degrees", prompt) and (claim.get("evidence") or {}).get("angle_unit") == "degrees":
        sides = [re.sub(r"\b(sin|cos|tan)\s*\(([^()]*)\)", r"\1((\2)*pi/180)", x) for x in sides]
        source = "angle unit from the prompt"
    values = [evaluate(s) for s in sides]
    false = False
    for (a, b), (sa, sb), r in zip(zip(values, values[1:]), zip(sides, sides[1:]), rels):
        kind = rel_kind(r)
        if kind == "neq":
            if a == b:
                false = True
            continue
        if is_literal(sb) and rule is not None:
            # The prompt asks for the value rounded to `rule` places: false unless it is the value so rounded.
            off = abs(_num(a) - _num(b)) * 10 ** rule
            if off > mpmath.mpf(1) / 2 + mpmath.mpf(10) ** -30:
                false = True
        elif is_literal(sb) and (kind == "approx" or decimals(sb) != 0):
            # A decimal as written: false when more than one unit of its last digit off.
            # (a value rounded or cut to that digit is less than one unit off)
            off = abs(_num(a) - _num(b)) * mpmath.mpf(10) ** decimals(sb)
            if off >= 1 - mpmath.mpf(10) ** -30:
                false = True
        elif isinstance(a, Fraction) and isinstance(b, Fraction):
            if a != b:
                false = True
        else:
            if abs(_num(a) - _num(b)) > mpmath.mpf(10) ** -40 * (1 + abs(_num(a))):
                false = True
    exp = claim.get("expected")
    expected_ok = False
    if exp is not None:
        try:
            expected_ok = close(values[0], exp) or any(close(v, exp) for v in values[1:])
        except Unread:
            expected_ok = False
    return Verdict(false, expected_ok, f"values {[mpmath.nstr(_num(v), 20) for v in values]}", source)


NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
FUNCTION_WORDS = {"sine": "sin", "sin": "sin", "cosine": "cos", "cos": "cos", "tangent": "tan", "tan": "tan",
                  "arcsine": "asin", "arccosine": "acos", "arctangent": "atan", "natural logarithm": "ln",
                  "square root": "sqrt"}


def prompt_rounding(prompt):
    """The decimal places a prompt asks its answer rounded to, or None."""
    m = re.search(r"(?i)(?:round(?:ed)?\s+to|to)\s+(\w+)\s+(?:decimal places?|dp\b)", prompt)
    if not m:
        return None
    w = m.group(1).lower()
    return int(w) if w.isdigit() else NUMBER_WORDS.get(w)


def prompt_value(prompt, answer):
    """A bare value answer: the expression the prompt asks for, and its rounding when the prompt sets one."""
    p = strip_markup(prompt)
    rule = prompt_rounding(p)
    words = "|".join(sorted(FUNCTION_WORDS, key=len, reverse=True))
    m = re.search(rf"(?i)\b({words}) of (-?[\d.]+)\s*(radians|degrees)?", p)
    m2 = re.search(r"(?i)\be raised to the power\s+(-?[\d.]+)", p)
    m3 = re.search(r"(-?[\d.]+)\s+divided by\s+(-?[\d.]+)", p)
    if m:
        unit = " deg" if m.group(3) == "degrees" else ""
        expr = f"{FUNCTION_WORDS[m.group(1).lower()]}({m.group(2)}{unit})"
    elif m2:
        expr = f"exp({m2.group(1)})"
    elif m3:
        expr = f"({m3.group(1)})/({m3.group(2)})"
    else:
        m = (re.search(r"(?i)(?:what is|compute|evaluate|calculate)\s+(.+?)(?:\?|\.\s|\.$| with | \(|$)", p)
             or re.search(r"^\s*(.+?)\s*=\s*\?", p)
             or re.search(r"\b((?:sqrt|sin|cos|tan|ln|log10|exp)\s*\([^()]*\))", p))
        if not m:
            raise Unread(f"prompt {prompt!r}")
        expr = m.group(1)
    value = re.sub(r"\\boxed\s*\{(.*)\}", r"\1", strip_markup(answer)).strip()
    value = re.sub(r"^(?i:answer|final answer)\s*:\s*", "", value).strip().rstrip(".")
    return [expr, value], ["≈" if rule is None and "." in value else "="], rule


# MARK: - Words: primality, divisibility

YES = {"yes", "[yes]", "true"}
NO = {"no", "[no]", "false"}


def prompt_number(prompt):
    nums = re.findall(r"\d+", drop_separators(strip_markup(prompt)))
    if len(set(nums)) != 1:
        raise Unread(f"prompt has {len(set(nums))} numbers")
    return int(nums[0])


def yes_no(text):
    t = re.sub(r"[^a-z\[\]]", "", strip_markup(text).lower())
    t = t.replace("\\boxed", "").replace("\\text", "")
    for w in ("yes", "no"):
        if t in (w, f"[{w}]", f"boxed{w}", f"boxedtext{w}", f"finalanswer{w}", f"answer{w}"):
            return w == "yes"
    return None


def check_primality(text, claim, prompt):
    t = drop_separators(strip_markup(text)).strip()
    tl = t.lower()
    yn = yes_no(t)
    source = "text"
    if yn is not None:
        says_prime = yn
        if re.search(r"(?i)\b(composite|not prime|not a prime)\b", prompt):
            says_prime = not yn
        n = prompt_number(prompt)
        source = "subject from the prompt"
    else:
        negated = bool(re.search(r"\b(not|isn't|is not|aren't|are not)\b", tl)) or "composite" in tl
        says_prime = not negated
        m = re.match(r"\s*(it|this|which|that)\b", tl)
        if m:
            n = prompt_number(prompt)
            source = "subject from the prompt"
        else:
            subject = re.split(r"\s+(?:is|are|isn't|and|,)\b|,", t, maxsplit=1)[0]
            n = integer(subject)
    if n < 2:
        is_prime = False
    else:
        is_prime = bool(sympy.isprime(n))
    false = says_prime != is_prime
    exp = claim.get("expected") or ""
    if exp == "prime":
        expected_ok = is_prime
    elif exp.startswith("not prime: integers below 2"):
        expected_ok = n < 2
    elif exp.startswith("composite: "):
        f = parse_factorization(exp[len("composite: "):])
        product = 1
        for p, e in f.items():
            product *= p ** e
        expected_ok = (not is_prime) and n >= 2 and product == n and f == factor_dict(n)
        if not expected_ok and source == "text":
            # A list ("15, 27 and 39 are prime"): the claim is about the number the expected names.
            nums = [int(x) for x in re.findall(r"\d+", t)]
            if product in nums:
                n = product
                false = says_prime
                expected_ok = f == factor_dict(n)
                source = "subject from the checker's reading of a list"
    else:
        expected_ok = False
    v = Verdict(false, expected_ok, f"{n} is {'prime' if is_prime else 'not prime'}", source)
    v.primality = (n, is_prime)
    return v


DIV_EXPECTED = re.compile(r"(-?\d+) (divides|does not divide) (-?\d+)")


def check_divisibility(text, claim, prompt, response=None):
    t = drop_separators(strip_markup(text)).strip()
    t = re.sub(r"\b(actually|also|indeed|clearly|therefore|thus|then|in fact|both)\s+", "", t)
    t = re.sub(r"\bcan be (?:evenly )?divided by\b", "is divisible by", t)
    t = re.sub(r"\bdivided by\b", "÷", t)
    t = re.sub(r"\bcannot be (?:evenly )?divided by\b", "is not divisible by", t)
    t = re.sub(r"\bis not a divisor of\b", "does not divide", t)
    t = re.sub(r"\bis a divisor of\b", "divides", t)
    exp = claim.get("expected") or ""
    source = "text"
    if re.fullmatch(r"\d+", t) and response is not None:
        # One divisor of a list ("… is not divisible by 5, 7, 11"): the claim's text is the divisor; the list's
        # subject is read from the line before it.
        a = claim["span"][0]
        line_start = response.rfind("\n", 0, a) + 1
        before = drop_separators(strip_markup(response[line_start:a]))
        m = re.search(r"([\w^*()+\- ]+?)\s+(?:is|are)\s+(not\s+)?(?:evenly\s+)?divisible by\s+[\d,\sandor]*$", before)
        if not m:
            raise Unread("a listed divisor without its phrase")
        subject = m.group(1).strip()
        subject = re.sub(r"^.*\b(that|since|because|so|and|but)\s+", "", subject).strip()
        t = f"{subject} is {'not ' if m.group(2) else ''}divisible by {t}"
        source = "divisor in a list: its subject read from the line"
    # N ÷ d = q, and no whole number / not divisible / with a remainder
    m = re.match(r"(.+?)\s*(?:÷|/|\\div)\s*(.+?)\s*=\s*(\d+)\s*(?:\.|,)?\s*\(?\s*(?:which\s+)?(?:this\s+)?(?:is\s+)?"
                 r"(not divisible|not a whole number|not an integer|not a factor|with a remainder(?!\s+of\s+\d)|no)\b", t, re.I)
    if m:
        n, d, q = integer(m.group(1)), integer(m.group(2)), int(m.group(3))
        tq, tr = divmod(n, d)
        em = re.fullmatch(r"(-?\d+) ÷ (-?\d+) = (-?\d+) remainder (-?\d+)", exp)
        ok = bool(em) and (int(em.group(1)), int(em.group(2)), int(em.group(3)), int(em.group(4))) == (n, d, tq, tr)
        # As written: q is the quotient, cut or rounded (N/d = 271.8 → "272 with a remainder" is read as right),
        # and something is left over.
        return Verdict(not (q in (tq, round(Fraction(n, d))) and tr != 0), ok, f"{n} = {d} × {tq} + {tr}", source)
    # N ÷ d = q remainder r
    m = re.match(r"(.+?)\s*(?:÷|/|\\div)\s*(.+?)\s*=\s*(\d+)\s*(?:,\s*)?(?:with\s+)?(?:a\s+)?(?:remainder|r|R)"
                 r"(?:\s+of)?\s*(\d+)", t)
    if m:
        n, d, q, r = integer(m.group(1)), integer(m.group(2)), int(m.group(3)), int(m.group(4))
        tq, tr = divmod(n, d)
        em = re.fullmatch(r"(-?\d+) ÷ (-?\d+) = (-?\d+) remainder (-?\d+)", exp)
        ok = bool(em) and (int(em.group(1)), int(em.group(2)), int(em.group(3)), int(em.group(4))) == (n, d, tq, tr)
        return Verdict((q, r) != (tq, tr), ok, f"{n} = {d} × {tq} + {tr}", source)
    em = DIV_EXPECTED.match(exp)
    if not em:
        raise Unread(f"expected {exp!r}")
    ed, en = int(em.group(1)), int(em.group(3))
    tl = t.lower()
    yn = yes_no(t)
    if yn is not None or re.match(r"(?i)\s*(it|this|which|that)\b", t):
        if yn is not None:
            says = yn
        else:
            says = None
        n = en
        source = "subject from the checker's reading of the context"
        if str(n) not in drop_separators(strip_markup(prompt)):
            raise Unread("the number is not in the prompt")
        source = "subject from the prompt"
        if says is None:
            negated = bool(re.search(r"\bnot\b|n't\b", tl))
            if re.search(r"\bodd\b", tl):
                divisors, says = [2], negated
            elif re.search(r"\beven\b", tl):
                divisors, says = [2], not negated
            else:
                dm = re.search(r"(?:divisible by|a multiple of)\s+(.+)$", t)
                if not dm:
                    raise Unread("pronoun divisibility")
                divisors = [integer(x) for x in re.split(r",\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+", dm.group(1)) if x]
                says = not re.search(r"\bnot\b|n't\b", tl)
        else:
            divisors = [ed]
    elif re.search(r"\b(even|odd)\b\s*$", tl):
        n = integer(re.split(r"\s+is\b", t)[0])
        divisors = [2]
        says = bool(re.search(r"\beven\b", tl)) != bool(re.search(r"\bnot\b|n't\b", tl))
    elif re.search(r"\bdoes not divide\b|\bdoesn't divide\b|\bdivides\b", t):
        dm = re.match(r"(.+?)\s+(does not divide|doesn't divide|divides)\s+(.+)$", t)
        divisors = [integer(dm.group(1))]
        n = integer(dm.group(3))
        says = dm.group(2) == "divides"
    else:
        dm = re.match(r"(.+?)\s+(?:is|are)\s+(not\s+)?(?:evenly\s+)?(divisible by|a multiple of|a factor of)\s+(.+)$", t)
        if not dm:
            raise Unread(f"divisibility form {text!r}")
        left, neg, phrase, right = dm.groups()
        says = not neg
        items = [x for x in re.split(r",\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+", right.strip().rstrip(".")) if x]
        if phrase == "a factor of":
            divisors = [integer(left)]
            n = integer(items[0])
        else:
            subjects = [integer(x) for x in re.split(r",\s*(?:and\s+)?|\s+and\s+", left) if x.strip()]
            n = en if en in subjects else subjects[0]
            if len(subjects) > 1:
                source = "subject in a list: the one the checker names"
            divisors = [integer(x) for x in items]
    if ed not in divisors or n != en:
        raise Unread(f"the expected names {ed} | {en}, the text {divisors} | {n}")
    truth = n % ed == 0
    r = n % ed
    ok = (em.group(2) == "divides") == truth
    if truth:
        mm = re.search(r": (-?\d+) = (-?\d+) × (-?\d+)$", exp)
        ok = ok and bool(mm) and int(mm.group(3)) * ed == n
    else:
        mm = re.search(r"remainder (\d+)$", exp)
        ok = ok and bool(mm) and int(mm.group(1)) == r
    return Verdict(says != truth, ok, f"{n} mod {ed} = {r}", source)


# MARK: - Factorization


def check_factorization(text, claim, prompt):
    t = drop_separators(strip_markup(text)).strip()
    exp = claim.get("expected") or ""
    source = "text"
    m = re.match(r"(?i)(?:the\s+)?prime factori[sz]ation(?: of (.+?))? is\s+(.+)$", t)
    if m:
        if m.group(1):
            n = integer(m.group(1))
        else:
            n = prompt_number(prompt)
            source = "subject from the prompt"
        factors_text = m.group(2)
        prime_claim = True
        product = integer(factors_text)
        other = n
    else:
        sides, rels = split_relations(t)
        if len(sides) != 2:
            raise Unread(f"factorization form {text!r}")
        a, b = integer(sides[0]), integer(sides[1])
        prime_claim = False
        # "N = a × b" or "a × b = N": the product is the side with an operator.
        if re.search(r"[*×·x^]|\\times|\\cdot|²|³|⁴", sides[1]):
            n, product, factors_text = a, b, sides[1]
        else:
            n, product, factors_text = b, a, sides[0]
        other = n
    false = product != other
    bases = []
    if prime_claim:
        py = latex_to_python(factors_text)
        for lit in re.findall(r"Q\('(\d+)'\)\s*(\*\*\s*Q\('\d+'\))?", py):
            bases.append(int(lit[0]))
        if any(not sympy.isprime(p) for p in bases):
            false = True
    if n <= 0:
        raise Unread("non-positive")
    truth = factor_dict(n)
    mm = re.fullmatch(r"the product is (-?\d+), not (-?\d+); (-?\d+) = (.+)", exp)
    if mm:
        ok = int(mm.group(1)) == product and int(mm.group(2)) == n and int(mm.group(3)) == n
        ok = ok and (parse_factorization(mm.group(4)) == truth or (n == 1 and mm.group(4) == "1"))
    else:
        mm = re.fullmatch(r"(-?\d+) = (.+)", exp)
        ok = bool(mm) and int(mm.group(1)) == n and parse_factorization(mm.group(2)) == truth
    v = Verdict(false, ok, f"product {product}, N {n} = {truth}", source)
    v.factorization = (n, truth)
    return v


# MARK: - Dispatch


def oracle(claim, prompt, response=None):
    text = claim["text"]
    kind = claim["kind"]
    if kind == "primality":
        return check_primality(text, claim, prompt)
    if kind == "divisibility":
        return check_divisibility(text, claim, prompt, response)
    if kind == "factorization":
        return check_factorization(text, claim, prompt)
    if kind == "arithmetic" and is_congruence(text):
        return check_congruence(text, claim)
    if kind in ("arithmetic", "function"):
        return check_value(text, claim, prompt)
    raise Unread(f"kind {kind}")
