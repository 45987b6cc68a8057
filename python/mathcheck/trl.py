"""Reward functions for TRL's ``GRPOTrainer`` (and the other TRL trainers that take ``reward_funcs``).

TRL calls a reward function as ``f(prompts=..., completions=..., completion_ids=..., trainer_state=..., **columns)``,
where ``prompts`` and ``completions`` are strings, or lists of chat messages in conversational datasets, and the
dataset's other columns come as keyword arguments, one value per sample. It takes a list of floats back, with None
for "no reward for this sample"; an ``async def`` function is awaited on TRL's reward event loop.

Example::

    from trl import GRPOTrainer
    import mathcheck.trl

    trainer = GRPOTrainer(model=..., train_dataset=dataset, reward_funcs=[mathcheck.trl.reward])

When the dataset has a ``reference``, ``answer`` or ``solution`` column (the first present is used), each sample
with a value there is scored against it (``mathcheck check``): 1.0 when the completion's answer matches, 0.0 when
it differs, None when no answer was found or it cannot be compared. Other samples are scored by their audit: 1.0
when every checkable claim is right, 0.0 when one is wrong, None when nothing could be judged. The ``graded_*``
functions return the graded score instead (see :mod:`mathcheck`).
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict, List, Optional, Sequence, Tuple

from ._api import ascore_batch, score_batch, text_of

__all__ = ["REFERENCE_COLUMNS", "make_reward", "make_areward", "reward", "areward", "graded_reward", "graded_areward"]

#: The dataset columns read as the reference answer, in order of preference.
REFERENCE_COLUMNS = ("reference", "answer", "solution")


def _references(kwargs: Dict[str, Any], n: int, columns: Sequence[str]) -> Optional[List[Any]]:
    for column in columns:
        values = kwargs.get(column)
        if values is None:
            continue
        values = list(values)
        if len(values) != n:
            raise ValueError(f"column {column!r} has {len(values)} values for {n} completions")
        return [None if v is None or (isinstance(v, str) and not v.strip()) else v for v in values]
    return None


def _inputs(
    prompts: Any, completions: Any, kwargs: Dict[str, Any], columns: Sequence[str]
) -> Tuple[List[str], Optional[List[str]], Optional[List[Any]]]:
    if completions is None:
        raise TypeError("the reward function needs completions=")
    responses = [text_of(c, "assistant") for c in completions]
    asked = None if prompts is None else [text_of(p, "user") for p in prompts]
    return responses, asked, _references(kwargs, len(responses), columns)


def make_reward(
    graded: bool = False, reference_columns: Sequence[str] = REFERENCE_COLUMNS, name: Optional[str] = None
) -> Callable[..., List[Optional[float]]]:
    """A TRL reward function; ``graded`` picks the graded score, ``reference_columns`` the reference columns."""
    columns = tuple(reference_columns)

    def reward(prompts: Any = None, completions: Any = None, **kwargs: Any) -> List[Optional[float]]:
        responses, asked, references = _inputs(prompts, completions, kwargs, columns)
        return score_batch(responses, asked, references, graded=graded)

    reward.__name__ = name or ("mathcheck_graded" if graded else "mathcheck")
    reward.__qualname__ = reward.__name__
    reward.__doc__ = f"mathcheck's {'graded' if graded else 'binary'} score of each completion (None: not judged)."
    return reward


def make_areward(
    graded: bool = False, reference_columns: Sequence[str] = REFERENCE_COLUMNS, name: Optional[str] = None
) -> Callable[..., Awaitable[List[Optional[float]]]]:
    """An ``async`` TRL reward function (TRL awaits it on its reward loop, beside the other async ones)."""
    columns = tuple(reference_columns)

    async def areward(prompts: Any = None, completions: Any = None, **kwargs: Any) -> List[Optional[float]]:
        responses, asked, references = _inputs(prompts, completions, kwargs, columns)
        return await ascore_batch(responses, asked, references, graded=graded)

    areward.__name__ = name or ("mathcheck_graded_async" if graded else "mathcheck_async")
    areward.__qualname__ = areward.__name__
    areward.__doc__ = f"mathcheck's {'graded' if graded else 'binary'} score of each completion, awaited."
    return areward


#: Binary score per completion: 1.0 right, 0.0 wrong, None not judged.
reward = make_reward()
#: Graded score per completion, in [0, 1] (None: nothing checkable).
graded_reward = make_reward(graded=True)
#: ``reward`` as an ``async`` function.
areward = make_areward()
#: ``graded_reward`` as an ``async`` function.
graded_areward = make_areward(graded=True)
