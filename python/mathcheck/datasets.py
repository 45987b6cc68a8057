"""Verdict columns and filters for Hugging Face ``datasets``.

Example::

    from datasets import load_dataset
    import mathcheck.datasets

    ds = load_dataset("json", data_files="answers.jsonl", split="train")
    ds = mathcheck.datasets.add_verdicts(ds)            # + verdict, score, graded_score, wrong_claims
    clean = mathcheck.datasets.filter_wrong(ds)          # without the answers judged wrong

Both work on a ``Dataset`` or an ``IterableDataset`` through ``map(batched=True)`` / ``filter(batched=True)``, so
``num_proc`` and caching work as for any map (each process starts its own workers).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from ._api import _Requests, _results, score_batch
from ._result import Result

__all__ = ["COLUMNS", "add_verdicts", "filter_wrong", "verdict_columns"]

#: The columns :func:`add_verdicts` adds.
COLUMNS = ("verdict", "score", "graded_score", "wrong_claims")


def _describe(result: Result) -> List[str]:
    return [f"[{c.kind}] {c.text} — {c.expected or 'not so'}" for c in result.wrong_claims]


def verdict_columns(
    responses: List[Any], prompts: Optional[List[Any]] = None, references: Optional[List[Any]] = None
) -> Dict[str, List[Any]]:
    """The added columns for one batch of rows.

    * ``verdict``: the record's verdict (``correct``, ``wrong``, ``unverified``, ``no_claims``, ``invalid``);
    * ``score``: the binary score (with a reference: the answer against it), None when not judged;
    * ``graded_score``: the graded score, None when nothing is checkable;
    * ``wrong_claims``: each wrong claim as ``"[kind] text — the truth"``.
    """
    results = _results(_Requests(responses, prompts, references), None)
    return {
        "verdict": [r.verdict for r in results],
        "score": [r.score for r in results],
        "graded_score": [r.graded_score for r in results],
        "wrong_claims": [_describe(r) for r in results],
    }


def _features(ds: Any) -> Any:
    features = getattr(ds, "features", None)
    if features is None:
        return None
    from datasets import Features, Sequence, Value

    added = {
        "verdict": Value("string"),
        "score": Value("float64"),
        "graded_score": Value("float64"),
        "wrong_claims": Sequence(Value("string")),
    }
    merged = {k: v for k, v in features.items() if k not in added}
    merged.update(added)
    return Features(merged)


def _columns(ds: Any) -> Optional[List[str]]:
    names = getattr(ds, "column_names", None)
    return list(names) if names is not None else None


def add_verdicts(
    ds: Any,
    response_column: str = "response",
    prompt_column: Optional[str] = "prompt",
    reference_column: Optional[str] = None,
    *,
    batch_size: int = 1000,
    **map_kwargs: Any,
) -> Any:
    """The dataset with the columns ``verdict``, ``score``, ``graded_score`` and ``wrong_claims`` added.

    Args:
        ds: A ``datasets.Dataset`` or ``IterableDataset``.
        response_column: The responses (strings or chat message lists).
        prompt_column: The prompts; skipped when the dataset has no such column (or None).
        reference_column: The reference answers, when the answers are to be graded against them (``check``); a
            row whose reference is None or empty is audited.
        batch_size: Rows per ``map`` batch.
        map_kwargs: Passed on to ``ds.map`` (``num_proc``, ``desc``, ...).
    """
    names = _columns(ds)
    use_prompt = prompt_column is not None and (names is None or prompt_column in names)

    def add(batch: Dict[str, List[Any]]) -> Dict[str, List[Any]]:
        prompts = batch.get(prompt_column) if use_prompt and prompt_column else None
        references = batch.get(reference_column) if reference_column else None
        if references is not None:
            references = [None if (isinstance(r, str) and not r.strip()) else r for r in references]
        return verdict_columns(batch[response_column], prompts, references)

    features = _features(ds)
    if features is not None:
        map_kwargs.setdefault("features", features)
    return ds.map(add, batched=True, batch_size=batch_size, **map_kwargs)


def filter_wrong(
    ds: Any,
    response_column: str = "response",
    prompt_column: Optional[str] = "prompt",
    reference_column: Optional[str] = None,
    *,
    batch_size: int = 1000,
    **filter_kwargs: Any,
) -> Any:
    """The dataset without the rows judged wrong: those whose binary score is 0.0.

    Without a reference, a row is wrong when one of its claims is; with ``reference_column``, when its answer
    differs from the reference. Rows that could not be judged are kept. A dataset that already has a ``score``
    column from :func:`add_verdicts` is filtered on it.
    """
    names = _columns(ds)
    if names is not None and "score" in names and "verdict" in names:
        return ds.filter(lambda scores: [s != 0.0 for s in scores], input_columns="score", batched=True,
                         batch_size=batch_size, **filter_kwargs)
    use_prompt = prompt_column is not None and (names is None or prompt_column in names)

    def keep(batch: Dict[str, List[Any]]) -> List[bool]:
        prompts = batch.get(prompt_column) if use_prompt and prompt_column else None
        references = batch.get(reference_column) if reference_column else None
        if references is not None:
            references = [None if (isinstance(r, str) and not r.strip()) else r for r in references]
        scores = score_batch(batch[response_column], prompts, references)
        return [s != 0.0 for s in scores]

    return ds.filter(keep, batched=True, batch_size=batch_size, **filter_kwargs)
