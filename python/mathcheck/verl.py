"""``compute_score`` for verl's reward managers.

verl's ``custom_reward_function`` config names a file and a function; the naive and prime reward managers call
``compute_score(data_source=..., solution_str=..., ground_truth=..., extra_info=...)`` per sample, the batch
manager ``compute_score(data_sources=..., solution_strs=..., ground_truths=..., extra_infos=...)`` once per batch,
both with the config's ``reward_kwargs`` as further keyword arguments. Example (Hydra overrides)::

    custom_reward_function.path=$(python -c "import mathcheck.verl as m; print(m.__file__)")
    custom_reward_function.name=compute_score            # or compute_score_batch with reward_model.reward_manager=batch
    +custom_reward_function.reward_kwargs.graded=true    # optional: the graded score

A non-empty ``ground_truth`` is the reference answer (``mathcheck check``); without one the response is audited.
verl needs a number for every sample, so a sample that could not be judged scores ``unjudged`` (default 0.0).
The prompt, when ``extra_info`` carries one (``question``, ``prompt`` or ``problem``), tells mathcheck which claim
answers the question.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

from ._api import _Requests, _results, score_batch

__all__ = ["compute_score", "compute_score_batch"]

_PROMPT_KEYS = ("question", "prompt", "problem")


def _prompt(extra_info: Any) -> Optional[str]:
    if isinstance(extra_info, Mapping):
        for key in _PROMPT_KEYS:
            value = extra_info.get(key)
            if isinstance(value, str):
                return value
    return None


def _reference(ground_truth: Any) -> Any:
    if ground_truth is None:
        return None
    if hasattr(ground_truth, "tolist"):  # numpy values and arrays, as verl's non-tensor batches hold them
        ground_truth = ground_truth.tolist()
    if isinstance(ground_truth, str) and not ground_truth.strip():
        return None
    if isinstance(ground_truth, (list, tuple)) and len(ground_truth) == 0:
        return None
    return ground_truth


def compute_score_batch(
    data_sources: Sequence[Any],
    solution_strs: Sequence[str],
    ground_truths: Sequence[Any],
    extra_infos: Optional[Sequence[Any]] = None,
    *,
    graded: bool = False,
    return_dict: bool = False,
    unjudged: float = 0.0,
    **kwargs: Any,
) -> List[Union[float, Dict[str, float]]]:
    """Scores a batch: one float per sample (or, with ``return_dict``, a dict with ``score``), in order.

    The dict (for verl's ``reward_extra_info``) holds only numbers: ``score`` (the chosen score), ``binary`` and
    ``graded`` (each ``unjudged`` when None), ``judged`` (1.0 when the binary score is defined) and ``wrong_claims``.
    """
    n = len(solution_strs)
    infos = list(extra_infos) if extra_infos is not None else [None] * n
    references = [_reference(g) for g in ground_truths]
    prompts = [_prompt(i) for i in infos]
    if not return_dict:
        scores = score_batch(list(solution_strs), prompts, references, graded=graded)
        return [unjudged if s is None else float(s) for s in scores]
    results = _results(_Requests(list(solution_strs), prompts, references), None)
    out: List[Union[float, Dict[str, float]]] = []
    for result in results:
        binary = unjudged if result.score is None else result.score
        soft = unjudged if result.graded_score is None else result.graded_score
        chosen = soft if graded else binary
        if return_dict:
            out.append(
                {
                    "score": float(chosen),
                    "binary": float(binary),
                    "graded": float(soft),
                    "judged": 0.0 if result.score is None else 1.0,
                    "wrong_claims": float(len(result.wrong_claims)),
                }
            )
        else:
            out.append(float(chosen))
    return out


def compute_score(
    data_source: Any,
    solution_str: str,
    ground_truth: Any,
    extra_info: Any = None,
    *,
    graded: bool = False,
    return_dict: bool = False,
    unjudged: float = 0.0,
    **kwargs: Any,
) -> Union[float, Dict[str, float]]:
    """Scores one sample: a float (or, with ``return_dict``, a dict with ``score``); see :func:`compute_score_batch`."""
    return compute_score_batch(
        [data_source], [solution_str], [ground_truth], [extra_info], graded=graded, return_dict=return_dict,
        unjudged=unjudged,
    )[0]
