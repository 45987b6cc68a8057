"""Steps from Python: the worker's "steps" op, byte for byte the CLI's --format steps, and per-step rewards with the
labels of ``emit --format trl-prm``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import mathcheck
from conftest import CORPORA, cli, corpus_lines


def _records(path: Path):
    return [json.loads(line) for line in corpus_lines(path) if line.strip()]


@pytest.mark.parametrize("mode", ["auto", "lines", "sentences"])
def test_steps_reply_is_the_cli_line(mode: str) -> None:
    path = CORPORA[0]
    lines = [line for line in corpus_lines(path) if line.strip()]
    expected = cli("audit", str(path), "--format", "steps", "--steps", mode, "--jobs", "1").splitlines()
    requests = []
    for line in lines:
        head = '{"op":"steps",' if mode == "auto" else f'{{"op":"steps","steps":"{mode}",'
        requests.append(head + line.decode()[1:])
    replies = mathcheck.get_pool().request(requests)
    assert len(replies) == len(expected)
    for reply, want in zip(replies, expected):
        # The reply's "line" counts the worker's requests; the rest is the CLI's line.
        assert json.loads(reply) | {"line": 0} == json.loads(want) | {"line": 0}


def test_audit_steps_gives_back_the_response() -> None:
    responses = ["No.\n\n91 = 7 × 13.\nSo 91 is prime.", "Yes. It is prime!", "", "   "]
    results = mathcheck.audit_steps_batch(responses, prompts=["Is 91 prime?"] * len(responses))
    for response, result in zip(responses, results):
        assert "".join(s.text for s in result.steps) == response
        for s in result.steps:
            assert response[s.span[0] : s.span[1]] == s.text
            for c in s.claims:
                assert s.span[0] <= c.span[0] and c.span[1] <= s.span[1]
    first = results[0]
    assert [s.verdict for s in first.steps] == ["correct", "correct", "wrong"]
    assert first.first_error == 2 and first.verdict == "wrong"
    assert results[2].steps == [] and results[2].first_error == -1


def test_step_scores_follow_the_trl_prm_labels(tmp_path: Path, binary: str) -> None:
    """Per-step rewards are the labels `emit --format trl-prm` writes, with both rules, on a real corpus."""
    path = next(p for p in CORPORA if p.name == "labelled.jsonl")
    records = _records(path)
    for after_error in (False, True):
        args = ["emit", str(path), "--format", "trl-prm"] + (["--after-error"] if after_error else [])
        rows = [json.loads(line) for line in cli(*args).splitlines()]
        scores = mathcheck.step_scores(records, after_error=after_error)
        assert len(scores) == len(records)
        judged = [s for s in scores if s is not None]
        assert len(judged) == len(rows) > 100
        for row, score in zip(rows, judged):
            assert score == [1.0 if label else 0.0 for label in row["labels"]]
    assert mathcheck.step_scores(["I would use a calculator."], prompts=["Is 91 prime?"]) == [None]


def test_step_labels_rule() -> None:
    assert mathcheck.step_labels(["neutral", "correct", "wrong", "neutral"]) == [True, True, False, True]
    assert mathcheck.step_labels(["neutral", "correct", "wrong", "neutral"], after_error=True) == [
        True,
        True,
        False,
        False,
    ]
    assert mathcheck.step_labels(["neutral", "unverified"]) is None
    assert mathcheck.step_labels(["correct", "unverified"], after_error=True) == [True, True]


def test_bad_mode_and_bad_request() -> None:
    with pytest.raises(ValueError):
        mathcheck.step_scores(["x"], steps="words")
    reply = mathcheck.get_pool().request(['{"op":"steps","steps":7,"response":"x"}'])[0]
    assert json.loads(reply)["verdict"] == "invalid" and "steps" in json.loads(reply)["error"]
