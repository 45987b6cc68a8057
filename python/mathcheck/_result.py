"""The results the package returns, and the two scores computed from a worker's reply."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

__all__ = ["Claim", "Result", "Step", "StepsResult", "binary_score", "graded_score", "step_counts", "step_labels"]

#: Record verdicts, as ``mathcheck audit`` writes them.
VERDICTS = ("correct", "wrong", "unverified", "no_claims", "invalid")


@dataclass(frozen=True)
class Claim:
    """One checkable claim found in a response, as ``mathcheck audit --format jsonl`` reports it.

    Attributes:
        kind: ``primality``, ``divisibility``, ``factorization``, ``arithmetic`` or ``function``.
        text: The claim as written in the response.
        span: Start and end offsets of the claim in the response, in Unicode code points (Python ``str`` indices).
        role: ``answer`` for the claim that answers the prompt's question, else ``step``.
        verdict: ``correct``, ``wrong`` or ``unverified``.
        expected: The truth, e.g. ``"composite: 7 × 13"`` (None when there is none to show).
        evidence: What a reviewer can recheck (a factor, a remainder, the true value...), as strings.
        reason: Why an ``unverified`` claim could not be checked.
    """

    kind: str
    text: str
    span: Tuple[int, int]
    role: str
    verdict: str
    expected: Optional[str] = None
    evidence: Dict[str, str] = field(default_factory=dict)
    reason: Optional[str] = None

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> "Claim":
        """Builds a claim from its JSON object in a reply."""
        span = obj.get("span") or (0, 0)
        return cls(
            kind=obj["kind"],
            text=obj["text"],
            span=(int(span[0]), int(span[1])),
            role=obj["role"],
            verdict=obj["verdict"],
            expected=obj.get("expected"),
            evidence=dict(obj.get("evidence") or {}),
            reason=obj.get("reason"),
        )


@dataclass(frozen=True)
class Result:
    """What auditing (or checking) one response came to.

    Attributes:
        verdict: The record's verdict: ``wrong`` if any claim is wrong, else ``unverified`` if any claim could not
            be checked, else ``correct``, or ``no_claims``; ``invalid`` when the request was not a valid record
            (see ``error``).
        claims: Every claim found, in order.
        answer: The claim that answers the prompt's question, when there is one (also in ``claims``).
        score: The binary score (see the package documentation): 1.0, 0.0 or None.
        graded_score: The graded score in [0, 1] (see the package documentation), or None.
        id: The record's ``id``, as given.
        note: The record's note (claims left unchecked, e.g. by the CPU budget).
        error: Why the request is invalid (``verdict == "invalid"``), or why the reference could not be compared.
        reference_grade: With a reference (``check``): the response's answer graded against it, ``correct``,
            ``wrong`` or ``no_claims`` (no answer found); None when it could not be graded.
        agrees: With a reference: whether mathcheck's own verdict on the answer agrees with that grade.
        raw: The worker's reply for the audit, exactly as ``mathcheck audit --format jsonl`` writes it (parsed).
        raw_check: With a reference: the reply ``mathcheck check --format jsonl`` writes for the record.
    """

    verdict: str
    claims: List[Claim]
    answer: Optional[Claim]
    score: Optional[float]
    graded_score: Optional[float]
    id: Any = None
    note: Optional[str] = None
    error: Optional[str] = None
    reference_grade: Optional[str] = None
    agrees: Optional[bool] = None
    raw: Dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    raw_check: Optional[Dict[str, Any]] = field(default=None, repr=False, compare=False)

    @property
    def wrong_claims(self) -> List[Claim]:
        """The wrong claims, in order."""
        return [c for c in self.claims if c.verdict == "wrong"]

    @property
    def ok(self) -> bool:
        """True unless the response has a wrong claim (or, with a reference, a wrong answer)."""
        if self.reference_grade == "wrong":
            return False
        return self.verdict != "wrong"

    @classmethod
    def from_replies(cls, audit: Mapping[str, Any], check: Optional[Mapping[str, Any]] = None) -> "Result":
        """Builds a result from a worker's audit reply and, in check mode, its check reply for the same record."""
        claims_json: Sequence[Mapping[str, Any]] = audit.get("claims") or ()
        claims = [Claim.from_json(c) for c in claims_json]
        answer_json = audit.get("answer")
        answer = next((c for c in claims if c.role == "answer"), None) if answer_json else None
        grade = reference_grade(check) if check is not None else None
        error = audit.get("error")
        if check is not None and error is None and check.get("error") and grade is None:
            error = check.get("error")
        return cls(
            verdict=audit.get("verdict", "invalid"),
            claims=claims,
            answer=answer,
            score=binary_score(audit, check),
            graded_score=graded_score(audit, check),
            id=audit.get("id"),
            note=audit.get("note"),
            error=error,
            reference_grade=grade,
            agrees=check.get("agrees") if check is not None else None,
            raw=dict(audit),
            raw_check=dict(check) if check is not None else None,
        )


@dataclass(frozen=True)
class Step:
    """One reasoning step of a response, as ``mathcheck audit --format steps`` reports it.

    Attributes:
        text: The step's text; the texts of a response's steps, concatenated, are the response.
        span: Start and end of the step in the response, in Unicode code points (Python ``str`` indices).
        verdict: ``wrong`` (a claim in it is wrong), ``correct`` (it has claims, all correct), ``unverified``
            (claims, none wrong, some not checked) or ``neutral`` (nothing checkable).
        claims: The claims in the step, in order.
    """

    text: str
    span: Tuple[int, int]
    verdict: str
    claims: List[Claim]

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> "Step":
        span = obj.get("span") or (0, 0)
        return cls(
            text=obj.get("text", ""),
            span=(int(span[0]), int(span[1])),
            verdict=obj.get("verdict", "neutral"),
            claims=[Claim.from_json(c) for c in obj.get("claims") or ()],
        )


@dataclass(frozen=True)
class StepsResult:
    """A response cut into steps, each with its claims and verdict (``mathcheck audit --format steps``).

    Attributes:
        verdict: The record's verdict, as in :class:`Result`.
        steps: The steps, in order.
        first_error: The index of the first wrong step, or -1 (ProcessBench's label).
        id: The record's ``id``, as given.
        note: The record's note.
        error: Why the request is invalid (``verdict == "invalid"``).
        raw: The worker's reply, exactly as ``mathcheck audit --format steps`` writes it (parsed).
    """

    verdict: str
    steps: List[Step]
    first_error: int
    id: Any = None
    note: Optional[str] = None
    error: Optional[str] = None
    raw: Dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_reply(cls, reply: Mapping[str, Any]) -> "StepsResult":
        first = reply.get("first_error")
        return cls(
            verdict=reply.get("verdict", "invalid"),
            steps=[Step.from_json(s) for s in reply.get("steps") or ()],
            first_error=int(first) if isinstance(first, int) else -1,
            id=reply.get("id"),
            note=reply.get("note"),
            error=reply.get("error"),
            raw=dict(reply),
        )

    @property
    def checked(self) -> bool:
        """Whether a step was judged (one is ``correct`` or ``wrong``)."""
        return any(s.verdict in ("correct", "wrong") for s in self.steps)

    def labels(self, after_error: bool = False) -> Optional[List[bool]]:
        """The steps' labels as ``mathcheck emit --format trl-prm`` writes them (see :func:`step_labels`)."""
        return step_labels([s.verdict for s in self.steps], after_error)


def step_labels(verdicts: Sequence[str], after_error: bool = False) -> Optional[List[bool]]:
    """The label of each step from the steps' verdicts, or None when no step was judged correct or wrong.

    By default a step is False when it holds a wrong claim and True otherwise (a neutral or unverified step is
    True: nothing wrong was found in it). With ``after_error``, every step from the first wrong one on is False.
    The same rule as ``mathcheck emit --format trl-prm`` (``--after-error``).
    """
    if not any(v in ("correct", "wrong") for v in verdicts):
        return None
    if after_error:
        first = next((i for i, v in enumerate(verdicts) if v == "wrong"), len(verdicts))
        return [i < first for i in range(len(verdicts))]
    return [v != "wrong" for v in verdicts]


def reference_grade(check: Optional[Mapping[str, Any]]) -> Optional[str]:
    """The answer's grade against the reference in a check reply: ``correct``, ``wrong``, ``no_claims`` or None."""
    if not check or check.get("by") != "reference":
        return None
    known = check.get("known")
    return known if isinstance(known, str) else None


def step_counts(claims: Optional[Sequence[Mapping[str, Any]]]) -> Tuple[int, int]:
    """(correct, wrong) among the step claims (``role == "step"``) of a reply; unverified claims do not count."""
    correct = wrong = 0
    for claim in claims or ():
        if claim.get("role") == "step":
            verdict = claim.get("verdict")
            if verdict == "correct":
                correct += 1
            elif verdict == "wrong":
                wrong += 1
    return correct, wrong


def binary_score(audit: Mapping[str, Any], check: Optional[Mapping[str, Any]] = None) -> Optional[float]:
    """The binary score of a reply.

    Without a reference: 1.0 when the record's verdict is ``correct``, 0.0 when it is ``wrong``, None otherwise
    (``no_claims``, ``unverified``, ``invalid``): the same as ``mathcheck audit --format scores``. With a reference
    (a check reply): 1.0 when the answer matches the reference, 0.0 when it differs, None when no answer was found
    or it could not be compared.
    """
    if check is not None:
        grade = reference_grade(check)
        return 1.0 if grade == "correct" else 0.0 if grade == "wrong" else None
    verdict = audit.get("verdict")
    return 1.0 if verdict == "correct" else 0.0 if verdict == "wrong" else None


def graded(answer: Optional[str], correct_steps: int, wrong_steps: int) -> Optional[float]:
    """The graded score from the answer's verdict and the counts of correct and wrong steps.

    With ``x = correct_steps / (correct_steps + wrong_steps)`` (the share of checked steps that are right):

    ========================  ===================  ==========================
    answer                    with checked steps   without checked steps
    ========================  ===================  ==========================
    ``correct``               ``0.5 + 0.5 x``      1.0
    ``wrong``                 ``0.25 x``           0.0
    none (absent/unverified)  ``0.25 + 0.75 x``    None (nothing checkable)
    ========================  ===================  ==========================
    """
    n = correct_steps + wrong_steps
    if answer == "correct":
        return 1.0 if n == 0 else 0.5 + 0.5 * correct_steps / n
    if answer == "wrong":
        return 0.0 if n == 0 else 0.25 * correct_steps / n
    return None if n == 0 else 0.25 + 0.75 * correct_steps / n


def graded_score(audit: Mapping[str, Any], check: Optional[Mapping[str, Any]] = None) -> Optional[float]:
    """The graded score of a reply (see :func:`graded`); with a reference, the answer's verdict is its grade."""
    if audit.get("verdict") == "invalid":
        return None
    correct, wrong = step_counts(audit.get("claims"))
    if check is not None:
        grade = reference_grade(check)
        answer = grade if grade in ("correct", "wrong") else None
    else:
        answer_json = audit.get("answer")
        answer = answer_json.get("verdict") if isinstance(answer_json, dict) else None
    return graded(answer, correct, wrong)


# -- scores read straight from a reply's bytes -------------------------------------------------------------------
#
# ``score_batch`` sends requests without an id or an echoed reference, so the only text of the caller's in a reply
# is inside JSON strings (claim texts, expected values, evidence), where every quote is escaped. The patterns below
# each hold unescaped quotes, so they can only match the structure that ``mathcheck`` writes around them (the fixed
# text of AuditJSON.writeClaim and CheckWorker.write); the tests check these scores against those of the parsed
# replies on every corpus.

_VERDICT = b'"verdict":"'
_ANSWER = b'"role":"answer","verdict":"'
_STEP_CORRECT = b'"role":"step","verdict":"correct"'
_STEP_WRONG = b'"role":"step","verdict":"wrong"'
_KNOWN = b'"known":'
_GRADES = {b'"c': "correct", b'"w': "wrong", b'"n': "no_claims"}


def _record_verdict(reply: bytes) -> Optional[bytes]:
    i = reply.find(_VERDICT)
    if i < 0:
        return None
    i += len(_VERDICT)
    return reply[i : reply.find(b'"', i)]


def _grade(check: bytes) -> Optional[str]:
    i = check.find(_KNOWN)
    if i < 0 or b'"by":"reference"' not in check[:i]:
        return None
    return _GRADES.get(check[i + len(_KNOWN) : i + len(_KNOWN) + 2])


def binary_reply_score(audit: bytes, check: Optional[bytes] = None) -> Optional[float]:
    """:func:`binary_score` of a reply given as its bytes (sent without ``id`` and echoed ``reference``)."""
    if check is not None:
        grade = _grade(check)
        return 1.0 if grade == "correct" else 0.0 if grade == "wrong" else None
    verdict = _record_verdict(audit)
    return 1.0 if verdict == b"correct" else 0.0 if verdict == b"wrong" else None


def graded_reply_score(audit: bytes, check: Optional[bytes] = None) -> Optional[float]:
    """:func:`graded_score` of a reply given as its bytes (sent without ``id`` and echoed ``reference``)."""
    verdict = _record_verdict(audit)
    if verdict in (None, b"invalid"):
        return None
    if verdict == b"no_claims":
        correct = wrong = 0
    elif verdict == b"wrong":
        correct = audit.count(_STEP_CORRECT)
        wrong = audit.count(_STEP_WRONG)
    else:
        # No wrong claim: only whether a step is correct matters (x is 1 then, and undefined without one).
        correct = 1 if _STEP_CORRECT in audit else 0
        wrong = 0
    if check is not None:
        grade = _grade(check)
        answer = grade if grade in ("correct", "wrong") else None
    else:
        i = audit.find(_ANSWER)
        answer = None
        if i >= 0:
            answer = {0x63: "correct", 0x77: "wrong"}.get(audit[i + len(_ANSWER)])
    return graded(answer, correct, wrong)
