"""The Hugging Face ``datasets`` helpers, on real ``datasets`` objects."""

from __future__ import annotations

import json

import pytest

datasets = pytest.importorskip("datasets")

import mathcheck  # noqa: E402
import mathcheck.datasets  # noqa: E402
from conftest import CORPORA, corpus_lines  # noqa: E402

ROWS = [
    {"prompt": "Is 91 prime?", "response": "Yes, 91 is prime.", "truth": "No"},
    {"prompt": "Is 91 prime?", "response": "No: 91 = 7 × 13.", "truth": "No"},
    {"prompt": "Is 91 prime?", "response": "I would use a calculator.", "truth": "No"},
    {"prompt": "What is 19 × 94?", "response": "19 × 94 = 1786", "truth": ""},
    {"prompt": "Is 97 prime?", "response": "No, 97 is not prime.", "truth": "Yes"},
]


def test_add_verdicts_adds_typed_columns() -> None:
    ds = datasets.Dataset.from_list(ROWS)
    out = mathcheck.datasets.add_verdicts(ds, batch_size=2)
    assert out.column_names == ["prompt", "response", "truth", "verdict", "score", "graded_score", "wrong_claims"]
    assert out["verdict"] == ["wrong", "correct", "no_claims", "correct", "wrong"]
    assert out["score"] == [0.0, 1.0, None, 1.0, 0.0]
    assert out["graded_score"][1] == 1.0 and out["graded_score"][2] is None
    assert out["wrong_claims"][0] == ["[primality] Yes — composite: 7 × 13", "[primality] 91 is prime — composite: 7 × 13"]
    assert out["wrong_claims"][1] == []
    assert out.features["score"] == datasets.Value("float64")
    assert out.features["wrong_claims"] == datasets.Sequence(datasets.Value("string"))
    results = mathcheck.audit_batch(ROWS)
    assert out["score"] == [r.score for r in results]


def test_add_verdicts_with_references() -> None:
    ds = datasets.Dataset.from_list(ROWS)
    out = mathcheck.datasets.add_verdicts(ds, reference_column="truth")
    # Graded against the truth where there is one; the row with an empty truth is audited.
    assert out["score"] == [0.0, 1.0, None, 1.0, 0.0]
    assert out["verdict"] == ["wrong", "correct", "no_claims", "correct", "wrong"]


def test_filter_wrong() -> None:
    ds = datasets.Dataset.from_list(ROWS)
    kept = mathcheck.datasets.filter_wrong(ds)
    assert kept["response"] == [ROWS[1]["response"], ROWS[2]["response"], ROWS[3]["response"]]
    # On a dataset with the columns already, by its score column.
    scored = mathcheck.datasets.add_verdicts(ds, reference_column="truth")
    assert mathcheck.datasets.filter_wrong(scored)["response"] == kept["response"]
    assert mathcheck.datasets.filter_wrong(ds, reference_column="truth")["response"] == kept["response"]


def test_conversational_columns_and_no_prompt_column() -> None:
    ds = datasets.Dataset.from_list(
        [
            {"prompt": [{"role": "user", "content": "Is 91 prime?"}], "completion": [{"role": "assistant", "content": "Yes, 91 is prime."}]},
            {"prompt": [{"role": "user", "content": "Is 91 prime?"}], "completion": [{"role": "assistant", "content": "No, 91 = 7 × 13."}]},
        ]
    )
    out = mathcheck.datasets.add_verdicts(ds, response_column="completion")
    assert out["score"] == [0.0, 1.0]
    bare = datasets.Dataset.from_list([{"text": "2 + 2 = 5"}, {"text": "2 + 2 = 4"}])
    assert mathcheck.datasets.add_verdicts(bare, response_column="text")["verdict"] == ["wrong", "correct"]


def test_num_proc_forks_its_own_workers() -> None:
    rows = [json.loads(line) for line in corpus_lines(CORPORA[0])]
    ds = datasets.Dataset.from_list([{"prompt": r.get("prompt", ""), "response": r["response"]} for r in rows])
    mathcheck.score("2 + 2 = 4")  # the parent's pool is running when the processes fork
    out = mathcheck.datasets.add_verdicts(ds, num_proc=2, batch_size=4)
    assert out["score"] == mathcheck.score_batch(list(ds))


def test_iterable_dataset() -> None:
    ds = datasets.Dataset.from_list(ROWS).to_iterable_dataset()
    out = list(mathcheck.datasets.add_verdicts(ds, batch_size=2))
    assert [row["verdict"] for row in out] == ["wrong", "correct", "no_claims", "correct", "wrong"]
    kept = list(mathcheck.datasets.filter_wrong(ds))
    assert len(kept) == 3
