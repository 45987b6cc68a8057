"""Reward functions in the shape of the ``verifiers`` library's rubrics.

A ``verifiers`` rubric calls each reward function with the rollout's ``prompt``, ``completion`` and ``answer`` (the
dataset's answer column) and further keywords (``state``, ``task``, ``info``...), and takes a float back. Prompts
and completions are strings or lists of chat messages. Example::

    import verifiers as vf
    import mathcheck.verifiers

    rubric = vf.Rubric(funcs=[mathcheck.verifiers.reward], weights=[1.0])

A non-empty ``answer`` is the reference (``mathcheck check``); without one the completion is audited. A completion
that could not be judged scores 0.0 (a rubric needs a number).
"""

from __future__ import annotations

from typing import Any, Optional

from ._api import ascore_batch, score_batch, text_of

__all__ = ["reward", "graded_reward", "areward"]


def _reference(answer: Any) -> Any:
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return None
    return answer


def reward(prompt: Any = None, completion: Any = None, answer: Any = None, **kwargs: Any) -> float:
    """The binary score of the completion (1.0 right, 0.0 wrong or not judged)."""
    score: Optional[float] = score_batch(
        [text_of(completion, "assistant")], [text_of(prompt, "user")], [_reference(answer)]
    )[0]
    return 0.0 if score is None else score


def graded_reward(prompt: Any = None, completion: Any = None, answer: Any = None, **kwargs: Any) -> float:
    """The graded score of the completion, in [0, 1] (0.0 when nothing is checkable)."""
    score = score_batch(
        [text_of(completion, "assistant")], [text_of(prompt, "user")], [_reference(answer)], graded=True
    )[0]
    return 0.0 if score is None else score


async def areward(prompt: Any = None, completion: Any = None, answer: Any = None, **kwargs: Any) -> float:
    """:func:`reward` as a coroutine (rubrics await async reward functions)."""
    score = (await ascore_batch([text_of(completion, "assistant")], [text_of(prompt, "user")], [_reference(answer)]))[0]
    return 0.0 if score is None else score
