"""Each training-framework hook, called the way its framework calls it."""

from __future__ import annotations

import asyncio
import importlib.util
import inspect
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

import mathcheck
import mathcheck.trl
import mathcheck.verifiers
import mathcheck.verl
from conftest import PYTHON_DIR

QUESTION = "Is 91 prime? Think step by step, then answer [Yes] or [No]."
WRONG = "91 is odd and not divisible by 3 or 5, so [Yes]: 91 is prime."
RIGHT = "91 = 7 × 13, so [No]: 91 is not prime."
VAGUE = "I would check with a calculator."


# -- TRL ---------------------------------------------------------------------------------------------------------


def _trl_call(func: Any, prompts: list, completions: list, **columns: Any) -> list:
    """What GRPOTrainer._calculate_rewards does for a custom reward function (TRL 0.2x-1.x)."""
    reward_kwargs = dict(columns)
    reward_kwargs["trainer_state"] = object()
    completion_ids = [[1, 2, 3] for _ in completions]
    if asyncio.iscoroutinefunction(func):
        # TRL runs async reward functions on a daemon event loop and waits on it from the training thread.
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, daemon=True)
        thread.start()
        try:

            async def invoke() -> list:
                return await func(prompts=prompts, completions=completions, completion_ids=completion_ids, **reward_kwargs)

            output = asyncio.run_coroutine_threadsafe(invoke(), loop).result(timeout=60)
        finally:
            loop.call_soon_threadsafe(loop.stop)
            thread.join()
    else:
        output = func(prompts=prompts, completions=completions, completion_ids=completion_ids, **reward_kwargs)
    # TRL then turns None into NaN and the list into a float tensor.
    assert len(output) == len(completions)
    assert all(r is None or isinstance(r, float) for r in output)
    return output


def test_trl_standard_format() -> None:
    prompts = [QUESTION] * 3
    assert _trl_call(mathcheck.trl.reward, prompts, [WRONG, RIGHT, VAGUE]) == [0.0, 1.0, None]
    assert mathcheck.trl.reward.__name__ == "mathcheck"
    assert mathcheck.trl.graded_reward.__name__ == "mathcheck_graded"


def test_trl_conversational_format() -> None:
    prompts = [[{"role": "system", "content": "Be careful."}, {"role": "user", "content": QUESTION}]] * 3
    completions = [[{"role": "assistant", "content": c}] for c in (WRONG, RIGHT, VAGUE)]
    assert _trl_call(mathcheck.trl.reward, prompts, completions, extra=[1, 2, 3]) == [0.0, 1.0, None]


@pytest.mark.parametrize("column", ["reference", "answer", "solution"])
def test_trl_reference_columns(column: str) -> None:
    prompts = [QUESTION] * 4
    completions = [WRONG, RIGHT, RIGHT, VAGUE]
    references = ["No", "No", "Yes", "No"]
    assert _trl_call(mathcheck.trl.reward, prompts, completions, **{column: references}) == [0.0, 1.0, 0.0, None]
    # A row without a reference is audited.
    assert _trl_call(mathcheck.trl.reward, prompts, completions, **{column: [None, "", None, None]}) == [0.0, 1.0, 1.0, None]


def test_trl_graded() -> None:
    scores = _trl_call(mathcheck.trl.graded_reward, [QUESTION] * 3, [WRONG, RIGHT, VAGUE])
    assert scores[1] == 1.0 and scores[2] is None
    assert 0.0 <= scores[0] <= 0.25


def test_trl_async() -> None:
    assert asyncio.iscoroutinefunction(mathcheck.trl.areward)
    assert mathcheck.trl.areward.__name__ == "mathcheck_async"
    assert _trl_call(mathcheck.trl.areward, [QUESTION] * 3, [WRONG, RIGHT, VAGUE], answer=["No", None, "No"]) == [0.0, 1.0, None]
    assert _trl_call(mathcheck.trl.graded_areward, [QUESTION], [RIGHT]) == [1.0]


# -- verl --------------------------------------------------------------------------------------------------------


def test_verl_naive_reward_manager_call() -> None:
    # NaiveRewardManager: compute_score(data_source=..., solution_str=..., ground_truth=..., extra_info=...)
    extra = {"question": QUESTION, "index": 0}
    score = mathcheck.verl.compute_score(data_source="llmdrift", solution_str=RIGHT, ground_truth="No", extra_info=extra)
    assert score == 1.0 and isinstance(score, float)
    assert mathcheck.verl.compute_score(data_source="llmdrift", solution_str=WRONG, ground_truth="No", extra_info=extra) == 0.0
    # Not judged: verl needs a number.
    assert mathcheck.verl.compute_score(data_source="x", solution_str=VAGUE, ground_truth="No", extra_info=extra) == 0.0
    # Without a ground truth, the audit.
    assert mathcheck.verl.compute_score(data_source="x", solution_str=WRONG, ground_truth=None, extra_info=extra) == 0.0
    assert mathcheck.verl.compute_score(data_source="x", solution_str="2 + 2 = 4", ground_truth="", extra_info=None) == 1.0


def test_verl_reward_kwargs_and_dicts() -> None:
    # custom_reward_function.reward_kwargs are passed as keywords.
    result = mathcheck.verl.compute_score(
        data_source="x", solution_str=WRONG, ground_truth="No", extra_info={"question": QUESTION}, return_dict=True
    )
    assert isinstance(result, dict)
    assert result["score"] == 0.0 and result["judged"] == 1.0 and result["wrong_claims"] >= 1
    assert all(isinstance(v, float) for v in result.values())
    graded = mathcheck.verl.compute_score(
        data_source="x", solution_str=RIGHT, ground_truth="No", extra_info={"question": QUESTION}, graded=True
    )
    assert graded == 1.0
    assert mathcheck.verl.compute_score(data_source="x", solution_str=VAGUE, ground_truth="No", unjudged=-1.0) == -1.0


def test_verl_batch_reward_manager_call() -> None:
    np = pytest.importorskip("numpy")
    # BatchRewardManager: compute_score(data_sources=..., solution_strs=..., ground_truths=..., extra_infos=...);
    # the non-tensor batch holds numpy object arrays.
    data_sources = np.array(["a", "b", "c"], dtype=object)
    extra_infos = np.array([{"question": QUESTION}] * 3, dtype=object)
    ground_truths = [np.str_("No"), "No", None]
    scores = mathcheck.verl.compute_score_batch(
        data_sources=data_sources, solution_strs=[WRONG, RIGHT, "2 + 2 = 5"], ground_truths=ground_truths,
        extra_infos=extra_infos,
    )
    assert scores == [0.0, 1.0, 0.0]
    assert [float(s) if isinstance(s, (float, int)) else 0.0 for s in scores] == scores


# -- OpenRLHF ----------------------------------------------------------------------------------------------------


def _load_openrlhf_reward() -> Any:
    # What OpenRLHF's RemoteRewardModel does with a --remote_rm_url ending in .py.
    path = PYTHON_DIR / "mathcheck" / "openrlhf_reward.py"
    spec = importlib.util.spec_from_file_location("reward_func", str(path))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.reward_func


def _openrlhf_batch() -> tuple:
    prompts = [f"<|user|>{QUESTION}<|assistant|>"] * 4
    responses = [WRONG, RIGHT, VAGUE, RIGHT]
    queries = [p + r for p, r in zip(prompts, responses)]
    labels = ["No", "No", "No", ""]
    return queries, prompts, labels


def test_openrlhf_reward_func_returns_a_tensor_with_torch() -> None:
    torch = pytest.importorskip("torch")
    reward_func = _load_openrlhf_reward()
    queries, prompts, labels = _openrlhf_batch()
    rewards = reward_func(queries, prompts, labels)  # called positionally, as OpenRLHF does
    assert isinstance(rewards, torch.Tensor)
    assert rewards.dtype == torch.float32
    assert rewards.tolist() == [0.0, 1.0, 0.0, 1.0]


def test_openrlhf_reward_func_returns_a_list_without_torch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)  # `import torch` raises ImportError
    reward_func = _load_openrlhf_reward()
    queries, prompts, labels = _openrlhf_batch()
    assert reward_func(queries, prompts, labels) == [0.0, 1.0, 0.0, 1.0]
    monkeypatch.setenv("MATHCHECK_UNJUDGED", "-1")
    assert reward_func(queries, prompts, labels)[2] == -1.0


def test_openrlhf_response_is_the_query_without_its_prompt() -> None:
    from mathcheck.openrlhf_reward import response_of

    assert response_of("PROMPT answer", "PROMPT") == " answer"
    assert response_of("<s> PROMPT answer", "PROMPT") == " answer"
    assert response_of("answer only", "other") == "answer only"
    assert response_of("answer", None) == "answer"


# -- verifiers ---------------------------------------------------------------------------------------------------


async def _rubric_call(func: Any, **common: Any) -> float:
    """What a verifiers Rubric's call_reward_func does: all keywords to a **kwargs function, else only those named."""
    sig = inspect.signature(func)
    if any(p.kind == p.VAR_KEYWORD for p in sig.parameters.values()):
        answer = func(**common)
    else:
        answer = func(**{k: v for k, v in common.items() if k in sig.parameters})
    if inspect.isawaitable(answer):
        answer = await answer
    return float(answer)


def test_verifiers_rubric_call() -> None:
    async def main() -> None:
        for func in (mathcheck.verifiers.reward, mathcheck.verifiers.areward):
            chat = [{"role": "user", "content": QUESTION}]
            common = dict(parser=None, state={}, task="default", info={}, example_id=0)
            right = await _rubric_call(func, prompt=chat, completion=[{"role": "assistant", "content": RIGHT}], answer="No", **common)
            wrong = await _rubric_call(func, prompt=chat, completion=[{"role": "assistant", "content": WRONG}], answer="No", **common)
            vague = await _rubric_call(func, prompt=QUESTION, completion=VAGUE, answer="", **common)
            assert (right, wrong, vague) == (1.0, 0.0, 0.0)
        graded = await _rubric_call(mathcheck.verifiers.graded_reward, prompt=QUESTION, completion=RIGHT, answer="No", state={})
        assert graded == 1.0

    asyncio.run(main())
