"""The two scores: their definitions, their monotonicity, and the byte-level scorer against the parsed one."""

from __future__ import annotations

import itertools
import json

import pytest

import mathcheck
from conftest import CORPORA, corpus_lines
from mathcheck import _api
from mathcheck._result import binary_reply_score, graded_reply_score


def test_graded_table() -> None:
    g = mathcheck.graded
    assert g("correct", 0, 0) == 1.0
    assert g("correct", 3, 0) == 1.0
    assert g("correct", 1, 1) == 0.75
    assert g("correct", 0, 2) == 0.5
    assert g("wrong", 0, 0) == 0.0
    assert g("wrong", 2, 0) == 0.25
    assert g("wrong", 1, 1) == 0.125
    assert g("wrong", 0, 5) == 0.0
    assert g(None, 0, 0) is None
    assert g("unverified", 0, 0) is None
    assert g(None, 4, 0) == 1.0
    assert g(None, 1, 1) == 0.625
    assert g(None, 0, 1) == 0.25


def test_graded_is_monotone() -> None:
    order = ["wrong", None, "correct"]
    for c, w in itertools.product(range(6), range(6)):
        scores = [mathcheck.graded(a, c, w) for a in order]
        defined = [s for s in scores if s is not None]
        assert defined == sorted(defined), (c, w, scores)
        for s in defined:
            assert 0.0 <= s <= 1.0
        for a in order:
            here = mathcheck.graded(a, c, w)
            # A step turning from wrong to right never lowers the score.
            if w > 0 and here is not None:
                assert mathcheck.graded(a, c + 1, w - 1) >= here
    # Tiers: a correct answer never scores below any wrong one.
    assert min(mathcheck.graded("correct", c, w) for c, w in itertools.product(range(6), range(6))) >= 0.5
    assert max(mathcheck.graded("wrong", c, w) for c, w in itertools.product(range(6), range(6))) <= 0.25


def test_graded_agrees_with_binary_where_binary_is_one() -> None:
    results = mathcheck.audit_batch(
        ["No: 91 = 7 × 13, so 91 is not prime.", "2 + 2 = 4 and 3 × 3 = 9.", "Yes, 91 is prime.", "91 = 7 × 13, so yes, 91 is prime."],
        prompts=["Is 91 prime?", "", "Is 91 prime?", "Is 91 prime?"],
    )
    assert [r.score for r in results] == [1.0, 1.0, 0.0, 0.0]
    # The last: a wrong answer after one right step.
    assert [r.graded_score for r in results] == [1.0, 1.0, 0.0, 0.25]


def _items(path):
    records = [json.loads(line) for line in corpus_lines(path)]
    return [r for r in records if isinstance(r, dict)]


@pytest.mark.parametrize("path", CORPORA, ids=lambda p: p.name)
def test_byte_scores_equal_parsed_scores(path) -> None:
    items = _items(path)
    # Audits; then every record checked against a reference that sometimes matches ("No") and sometimes cannot be
    # read, and the corpus's own references where it has them.
    for references in ([None] * len(items), ["No"] * len(items), ["☃"] * len(items), None):
        requests = _api._Requests(items, None, references, echo=False)
        replies = _api._send(requests, None)
        for audit_line, check_line in requests.layout:
            audit = json.loads(replies[audit_line])
            check = json.loads(replies[check_line]) if check_line >= 0 else None
            expected_binary = mathcheck.binary_score(audit, check)
            expected_graded = mathcheck.graded_score(audit, check)
            got_check = replies[check_line] if check_line >= 0 else None
            assert binary_reply_score(replies[audit_line], got_check) == expected_binary
            assert graded_reply_score(replies[audit_line], got_check) == expected_graded
        scores = mathcheck.score_batch(items, references=references)
        # The same records as results (parsed replies, with ids and echoed fields).
        own = [i.get("reference") for i in items]
        records = []
        for item, reference in zip(items, references or own):
            record = {k: v for k, v in item.items() if k not in ("reference", "label")}
            if reference is not None:
                record["reference"] = reference
            records.append(record)
        results = mathcheck.audit_batch(records)
        assert scores == [r.score for r in results]
        assert mathcheck.score_batch(items, references=references, graded=True) == [r.graded_score for r in results]


def test_byte_scores_of_invalid_replies() -> None:
    assert binary_reply_score(b'{"line":1,"verdict":"invalid","error":"empty line"}') is None
    assert graded_reply_score(b'{"line":1,"verdict":"invalid","error":"empty line"}') is None
    assert binary_reply_score(b"garbage") is None
    bad_reference = b'{"line":2,"by":null,"known":null,"mathcheck":null,"agrees":null,"error":"x"}'
    assert binary_reply_score(b'{"line":1,"id":null,"verdict":"correct","answer":null,"claims":[]}', bad_reference) is None
