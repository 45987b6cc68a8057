"""The Python API: results, scores and batch forms, against the command line's output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import mathcheck
from conftest import CORPORA, LLMDRIFT, cli, corpus_lines


def test_audit_one_response() -> None:
    result = mathcheck.audit("Yes, 91 is prime.", prompt="Is 91 prime?")
    assert isinstance(result, mathcheck.Result)
    assert result.verdict == "wrong"
    assert result.score == 0.0
    assert result.graded_score == 0.0
    assert result.answer is not None
    assert result.answer == mathcheck.Claim(
        kind="primality", text="91 is prime", span=(5, 16), role="answer", verdict="wrong",
        expected="composite: 7 × 13", evidence={"factor": "7", "cofactor": "13"}, reason=None,
    )
    assert result.answer in result.claims
    assert [c.text for c in result.wrong_claims] == ["Yes", "91 is prime"]
    assert not result.ok


def test_spans_index_the_response() -> None:
    response = "Über alles: 34792834 = 2 × 17396417, so 34792834 is not prime."
    result = mathcheck.audit(response, prompt="Is 34792834 prime?")
    assert result.verdict == "correct"
    for claim in result.claims:
        start, end = claim.span
        assert response[start:end] == claim.text


def test_no_claims_and_unverified_score_none() -> None:
    assert mathcheck.score("I would use a calculator.", prompt="Is 91 prime?") is None
    assert mathcheck.score("I would use a calculator.", prompt="Is 91 prime?", graded=True) is None
    unverified = mathcheck.audit("0.1 + 0.2 = 0.30000000000000004")
    assert unverified.verdict == "unverified"
    assert unverified.score is None
    assert unverified.graded_score is None
    assert unverified.claims[0].reason


def test_check_against_a_reference() -> None:
    right = mathcheck.check("No: 91 = 7 × 13.", "No", prompt="Is 91 prime?")
    assert (right.reference_grade, right.agrees, right.score, right.graded_score) == ("correct", True, 1.0, 1.0)
    wrong = mathcheck.check("Yes, 91 is prime.", "No", prompt="Is 91 prime?")
    assert (wrong.reference_grade, wrong.score) == ("wrong", 0.0)
    assert not wrong.ok
    value = mathcheck.check("sin(60°) ≈ 0.866", "√3/2", prompt="What is sin(60°)?")
    assert value.reference_grade == "correct"
    factors = mathcheck.check("34792834 = 17396417 × 2", [2, 17396417], prompt="Factor 34792834.")
    assert factors.score == 1.0
    with pytest.raises(ValueError):
        mathcheck.check_batch(["No."], [None])


def test_score_with_and_without_reference() -> None:
    prompts = ["Is 34792834 prime?"] * 3
    responses = ["Yes, 34792834 is prime.", "No: 34792834 = 2 × 17396417.", "I would use a calculator."]
    assert mathcheck.score_batch(responses, prompts) == [0.0, 1.0, None]
    assert mathcheck.score_batch(responses, prompts, ["No", "No", "No"]) == [0.0, 1.0, None]
    assert mathcheck.score_batch(responses, prompts, ["Yes", None, "No"]) == [1.0, 1.0, None]


def test_batches_take_dicts_strings_messages_and_iterables() -> None:
    items = [
        {"id": "a", "prompt": "Is 91 prime?", "response": "Yes, 91 is prime."},
        {"id": 2, "prompt": "Is 91 prime?", "completion": "No, 91 = 7 × 13."},
        {"messages": [{"role": "user", "content": "Is 91 prime?"}, {"role": "assistant", "content": "No."}], "id": [3]},
        {"prompt": "Is 91 prime?", "response": "No.", "reference": "Yes"},
        "2 + 2 = 5",
        [{"role": "assistant", "content": [{"type": "text", "text": "2 + 2 = 4"}]}],
    ]
    results = mathcheck.audit_batch(iter(items))
    assert [r.verdict for r in results] == ["wrong", "correct", "correct", "correct", "wrong", "correct"]
    assert [r.id for r in results] == ["a", 2, [3], None, None, None]
    assert results[3].reference_grade == "wrong" and results[3].score == 0.0
    assert mathcheck.score_batch(items) == [r.score for r in results]
    assert mathcheck.audit_batch([]) == []
    with pytest.raises(ValueError):
        mathcheck.audit_batch(["a", "b"], prompts=["only one"])


def test_result_raw_is_the_cli_line() -> None:
    lines = corpus_lines(CORPORA[0])
    records = [json.loads(line) for line in lines]
    results = mathcheck.audit_batch(records)
    expected = [json.loads(line) for line in cli("audit", str(CORPORA[0]), "--format", "jsonl").split(b"\n")[:-1]]
    for result, line in zip(results, expected):
        line.pop("line")
        assert result.raw == line
        assert result.verdict == line["verdict"]
        assert [c.text for c in result.claims] == [c["text"] for c in line["claims"]]


@pytest.mark.skipif(not LLMDRIFT.exists(), reason="the shared LLMDrift corpus is not beside the project")
def test_scores_match_the_cli_scores_on_llmdrift() -> None:
    records = [json.loads(line) for line in corpus_lines(LLMDRIFT)]
    expected = [None if s == b"" else float(s) for s in cli("audit", str(LLMDRIFT), "--format", "scores").split(b"\n")[:-1]]
    items = [{"prompt": r["prompt"], "response": r["response"]} for r in records]
    assert mathcheck.score_batch(items) == expected
    with mathcheck.WorkerPool(size=3) as pool:
        assert mathcheck.score_batch(items, pool=pool) == expected
    # Graded against the truth, as `mathcheck check` sees the records.
    references = ["Yes" if r["truth"]["is_prime"] else "No" for r in records]
    graded = mathcheck.check_batch(items, references)
    assert all(r.reference_grade in ("correct", "wrong", "no_claims") for r in graded)
    assert sum(r.agrees is True for r in graded) == len(records)


def test_results_are_deterministic_and_ordered_across_pools() -> None:
    records = [json.loads(line) for path in CORPORA[:2] for line in corpus_lines(path)]
    one = mathcheck.WorkerPool(size=1)
    three = mathcheck.WorkerPool(size=3)
    try:
        first = mathcheck.audit_batch(records, pool=one)
        assert mathcheck.audit_batch(records, pool=three) == first
        assert mathcheck.audit_batch(records, pool=one) == first
        assert [r.raw for r in mathcheck.audit_batch(records, pool=three)] == [r.raw for r in first]
    finally:
        one.close()
        three.close()


def test_async_forms() -> None:
    import asyncio

    async def main() -> None:
        prompts = ["Is 91 prime?"] * 2
        responses = ["Yes, 91 is prime.", "No, 91 = 7 × 13."]
        batches = await asyncio.gather(*(mathcheck.ascore_batch(responses, prompts) for _ in range(8)))
        assert batches == [[0.0, 1.0]] * 8
        assert (await mathcheck.aaudit(responses[0], prompts[0])).verdict == "wrong"
        assert (await mathcheck.acheck(responses[1], "No", prompts[1])).reference_grade == "correct"
        assert await mathcheck.ascore(responses[1], prompts[1], graded=True) == 1.0
        assert [r.verdict for r in await mathcheck.aaudit_batch(responses, prompts)] == ["wrong", "correct"]
        assert [r.score for r in await mathcheck.acheck_batch(responses, ["No", "No"], prompts)] == [0.0, 1.0]

    asyncio.run(main())


def test_text_of() -> None:
    assert mathcheck.text_of(None) == ""
    assert mathcheck.text_of("x") == "x"
    chat = [
        {"role": "system", "content": "be brief"},
        {"role": "user", "content": "Is 91 prime?"},
        {"role": "assistant", "content": "No."},
    ]
    assert mathcheck.text_of(chat) == "No."
    assert mathcheck.text_of(chat, "user") == "Is 91 prime?"
    assert mathcheck.text_of([{"role": "assistant", "content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]}]) == "a\nb"


def test_binary_lookup_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mathcheck import _binary

    real = mathcheck.find_binary()
    assert Path(real).is_file()
    monkeypatch.setenv("MATHCHECK_BINARY", str(tmp_path / "missing"))
    with pytest.raises(mathcheck.BinaryNotFoundError):
        mathcheck.find_binary()
    monkeypatch.delenv("MATHCHECK_BINARY")
    fake_packaged = tmp_path / "bin" / "mathcheck"
    monkeypatch.setattr(_binary, "packaged_binary", lambda: fake_packaged)
    on_path = tmp_path / "path"
    on_path.mkdir()
    (on_path / "mathcheck").symlink_to(real)
    monkeypatch.setenv("PATH", str(on_path))
    assert mathcheck.find_binary() == str(on_path / "mathcheck")
    fake_packaged.parent.mkdir()
    fake_packaged.symlink_to(real)
    assert mathcheck.find_binary() == str(fake_packaged)
    monkeypatch.setenv("MATHCHECK_BINARY", real)
    assert mathcheck.find_binary() == real
    monkeypatch.delenv("MATHCHECK_BINARY")
    fake_packaged.unlink()
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    with pytest.raises(mathcheck.BinaryNotFoundError):
        mathcheck.find_binary()
