"""mathcheck as an OpenRLHF reward: pass this file's path as ``--remote_rm_url``.

OpenRLHF loads the file with ``importlib`` and calls ``reward_func(queries, prompts, labels)`` on each micro-batch:
``queries`` are the prompts with the responses appended, ``prompts`` the prompts, and ``labels`` the dataset's
``--label_key`` column (the reference answers). Example::

    python -m openrlhf.cli.train_ppo_ray ... \\
        --remote_rm_url "$(python -c 'import mathcheck.openrlhf_reward as m; print(m.__file__)')" \\
        --label_key answer

The response is the query with its prompt cut off. A non-empty label is the reference answer (``mathcheck
check``); without one the response is audited. The reward is the binary score (``MATHCHECK_GRADED=1`` in the
environment: the graded one); a sample that could not be judged gets ``MATHCHECK_UNJUDGED`` (default 0.0), since
the rewards are one tensor. Returns a ``torch`` tensor when torch is importable, else a list of floats.
"""

from __future__ import annotations

import os
from typing import Any, List, Optional, Sequence

import mathcheck


def response_of(query: str, prompt: Optional[str]) -> str:
    """The response in a query: what follows the prompt (the whole query when the prompt is not found in it)."""
    if not prompt:
        return query
    if query.startswith(prompt):
        return query[len(prompt) :]
    # Detokenizing may change the prompt's whitespace or special tokens a little: cut at its last occurrence.
    at = query.rfind(prompt)
    if at >= 0:
        return query[at + len(prompt) :]
    return query


def _label(value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return value


def reward_func(
    queries: Sequence[str], prompts: Sequence[str], labels: Optional[Sequence[Any]] = None, **kwargs: Any
) -> Any:
    """OpenRLHF's custom reward function: one reward per query (see the module's documentation)."""
    graded = os.environ.get("MATHCHECK_GRADED", "") not in ("", "0", "false", "False")
    unjudged = float(os.environ.get("MATHCHECK_UNJUDGED", "0"))
    prompt_list = list(prompts) if prompts is not None else [None] * len(queries)
    responses = [response_of(q, p) for q, p in zip(queries, prompt_list)]
    references = [_label(v) for v in labels] if labels is not None else None
    scores = mathcheck.score_batch(responses, prompt_list, references, graded=graded)
    rewards: List[float] = [unjudged if s is None else float(s) for s in scores]
    try:
        import torch
    except ImportError:
        return rewards
    return torch.tensor(rewards, dtype=torch.float32)
