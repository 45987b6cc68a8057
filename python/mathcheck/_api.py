"""The Python API: requests built from responses, sent to the worker pool, and replies turned into results."""

from __future__ import annotations

import asyncio
import functools
import json
import threading
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, TypeVar, Union

T = TypeVar("T")

from ._pool import WorkerPool
from ._result import Result, StepsResult, binary_reply_score, graded_reply_score

__all__ = [
    "Item",
    "audit",
    "audit_batch",
    "check",
    "check_batch",
    "score",
    "score_batch",
    "audit_steps",
    "audit_steps_batch",
    "step_scores",
    "astep_scores",
    "STEP_MODES",
    "aaudit",
    "aaudit_batch",
    "acheck",
    "acheck_batch",
    "ascore",
    "ascore_batch",
    "configure",
    "get_pool",
    "close",
    "text_of",
]

#: A response: a string, a list of chat messages (``[{"role": ..., "content": ...}]``), or a record dict with
#: ``response`` (or ``completion``/``output``), ``prompt``, ``reference``, ``id``, or OpenAI chat ``messages``.
Item = Union[str, Sequence[Mapping[str, Any]], Mapping[str, Any]]

# Requests are written as ASCII JSON (non-ASCII characters escaped): the C encoder is fastest at it, and turning
# the line into bytes is then a copy.
_encode_str = getattr(json.encoder, "c_encode_basestring_ascii", None) or json.encoder.py_encode_basestring_ascii
_missing = object()

_default: Optional[WorkerPool] = None
_default_lock = threading.Lock()
_settings: Dict[str, Any] = {}


def configure(
    size: Optional[int] = None,
    binary: Optional[str] = None,
    record_timeout: float = 1.0,
    timeout: Optional[float] = None,
) -> WorkerPool:
    """Replaces the default worker pool (closing the old one) with one of these settings, and returns it.

    Args:
        size: The most worker processes (default: one per core).
        binary: The ``mathcheck`` executable (default: ``MATHCHECK_BINARY``, the packaged binary, then ``PATH``).
        record_timeout: CPU seconds one record may take (claims not reached become ``unverified``, reason
            ``budget``); 0 for no limit.
        timeout: Seconds a worker may take to answer one chunk of a batch before it is killed (None: no limit).
    """
    global _default
    pool = WorkerPool(size=size, binary=binary, record_timeout=record_timeout, timeout=timeout)
    with _default_lock:
        old, _default = _default, pool
        _settings.clear()
        _settings.update(size=size, binary=binary, record_timeout=record_timeout, timeout=timeout)
    if old is not None:
        old.close()
    return pool


def get_pool() -> WorkerPool:
    """The default worker pool, created on first use (its processes start when a batch needs them)."""
    global _default
    pool = _default
    if pool is None:
        with _default_lock:
            if _default is None:
                _default = WorkerPool(**_settings)
            pool = _default
    return pool


def close() -> None:
    """Ends the default pool's worker processes (they start again when needed). Also done at interpreter exit."""
    pool = _default
    if pool is not None:
        pool.close()


# -- requests --------------------------------------------------------------------------------------------------


def text_of(value: Any, role: str = "assistant") -> str:
    """The text of a response or prompt given as a string or as chat messages.

    For a list of messages, the content of the last message with ``role`` (the last message when none has it);
    content may be a string or a list of ``{"type": "text", "text": ...}`` parts.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return _content(value)
    if isinstance(value, (list, tuple)):
        if not value:
            return ""
        messages = [m for m in value if isinstance(m, Mapping)]
        if not messages:
            return "".join(str(v) for v in value)
        chosen = next((m for m in reversed(messages) if m.get("role") == role), messages[-1])
        return _content(chosen)
    return str(value)


def _content(message: Mapping[str, Any]) -> str:
    content = message.get("content")
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, (list, tuple)):
        return "\n".join(
            str(part.get("text", "")) for part in content if isinstance(part, Mapping) and "text" in part
        )
    return str(content)


def _json(value: Any) -> str:
    if isinstance(value, str):
        return _encode_str(value)
    return json.dumps(value, default=str)


def _line(
    prompt: str,
    response: str,
    reference: Any = _missing,
    rid: Any = _missing,
    op: Optional[str] = None,
    label: Any = _missing,
) -> str:
    if rid is _missing and reference is _missing and op is None and label is _missing:
        return f'{{"prompt":{_encode_str(prompt)},"response":{_encode_str(response)}}}'
    parts = ["{"]
    if op is not None:
        parts.append(f'"op":"{op}",')
    if rid is not _missing:
        parts.append('"id":')
        parts.append(_json(rid))
        parts.append(",")
    parts.append('"prompt":')
    parts.append(_encode_str(prompt))
    parts.append(',"response":')
    parts.append(_encode_str(response))
    if reference is not _missing:
        parts.append(',"reference":')
        parts.append(_json(reference))
    if label is not _missing:
        parts.append(',"label":')
        parts.append(_json(label))
    parts.append("}")
    return "".join(parts)


_RESPONSE_KEYS = ("response", "completion", "output")


def _reference_of(item: Item, given: Any) -> Any:
    """The item's reference: the one given, else a dict's ``reference``; ``_missing`` for none (None is none)."""
    if given is None or given is _missing:
        kind = type(item)
        if kind is str:
            return _missing
        if kind is dict or isinstance(item, Mapping):
            given = item.get("reference", _missing)  # type: ignore[union-attr]
        else:
            given = _missing
    return _missing if given is None else given


def _record(item: Item, prompt: Any) -> Tuple[Optional[Dict[str, Any]], str, str, Any]:
    """(chat record or None, prompt, response, id or _missing) for one item."""
    kind = type(item)
    if kind is str:
        return None, prompt if type(prompt) is str else text_of(prompt, "user"), item, _missing  # type: ignore
    if kind is dict and "messages" not in item:
        response = item.get("response")  # type: ignore[union-attr]
        if prompt is None:
            prompt = item.get("prompt")  # type: ignore[union-attr]
        if type(response) is str and (prompt is None or type(prompt) is str):
            return None, prompt or "", response, item.get("id", _missing)  # type: ignore
    if isinstance(item, Mapping):
        rid = item.get("id", _missing)
        if "messages" in item and not any(k in item for k in _RESPONSE_KEYS):
            record: Dict[str, Any] = {"messages": item["messages"]}
            if rid is not _missing:
                record["id"] = rid
            return record, "", "", rid
        response = next((item[k] for k in _RESPONSE_KEYS if k in item), item.get("answer", ""))
        if prompt is None:
            prompt = item.get("prompt")
        return None, text_of(prompt, "user"), text_of(response), rid
    return None, text_of(prompt, "user"), text_of(item), _missing


#: How a response can be cut into steps (``--steps``).
STEP_MODES = ("auto", "lines", "sentences")


class _StepRequests(Sequence[str]):
    """The ``"op": "steps"`` request lines for a batch, built one by one as the pool sends them."""

    def __init__(self, items: Iterable[Item], prompts: Optional[Iterable[Any]], mode: str, echo: bool) -> None:
        if mode not in STEP_MODES:
            raise ValueError(f"steps must be one of {', '.join(STEP_MODES)}, not {mode!r}")
        self.items = list(items)
        n = len(self.items)
        self.prompts = list(prompts) if prompts is not None else [None] * n
        if len(self.prompts) != n:
            raise ValueError(f"{n} responses but {len(self.prompts)} prompts")
        self.head = '{"op":"steps",' if mode == "auto" else f'{{"op":"steps","steps":"{mode}",'
        self.echo = echo

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice):
            return [self[j] for j in range(*k.indices(len(self)))]
        chat, prompt, response, rid = _record(self.items[k], self.prompts[k])
        if chat is None:
            text = _line(prompt, response, _missing, rid if self.echo else _missing)
        else:
            record = dict(chat)
            if not self.echo:
                record.pop("id", None)
            text = json.dumps(record, default=str)
        return self.head + text[1:]


class _Requests(Sequence[str]):
    """The request lines for a batch, built one by one as the pool sends them.

    An item without a reference is one audit line; an item with one is an audit line then a check line (only the
    check line without ``audit_checked``: the binary score against a reference needs no more). With
    ``echo`` (results), the lines carry the item's ``id`` and the audit line its reference, so each reply is
    exactly what the command line writes for that record; without (scores), they carry neither, so a reply holds
    no text of the caller's outside its claims' strings and can be scored from its bytes.
    """

    def __init__(
        self,
        items: Iterable[Item],
        prompts: Optional[Iterable[Any]],
        references: Optional[Iterable[Any]],
        force_check: bool = False,
        echo: bool = True,
        audit_checked: bool = True,
    ) -> None:
        self.items = list(items)
        n = len(self.items)
        self.prompts = list(prompts) if prompts is not None else [None] * n
        given = list(references) if references is not None else [_missing] * n
        if len(self.prompts) != n:
            raise ValueError(f"{n} responses but {len(self.prompts)} prompts")
        if len(given) != n:
            raise ValueError(f"{n} responses but {len(given)} references")
        self.references = [_reference_of(item, ref) for item, ref in zip(self.items, given)]
        if force_check and any(ref is _missing for ref in self.references):
            raise ValueError("check needs a reference for every response")
        self.echo = echo
        #: Per item: the index of its audit line and of its check line (-1: none).
        self.layout: List[Tuple[int, int]] = []
        #: Per line: its item, and whether it is the check line.
        self.lines: List[Tuple[int, bool]] = []
        for i, ref in enumerate(self.references):
            audit_line = check_line = -1
            if ref is _missing or audit_checked:
                audit_line = len(self.lines)
                self.lines.append((i, False))
            if ref is not _missing:
                check_line = len(self.lines)
                self.lines.append((i, True))
            self.layout.append((audit_line, check_line))
        self._cached = -1
        self._record: Tuple[Optional[Dict[str, Any]], str, str, Any] = (None, "", "", _missing)

    def __len__(self) -> int:
        return len(self.lines)

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice):
            return [self[j] for j in range(*k.indices(len(self)))]
        i, checking = self.lines[k]
        if i != self._cached:
            self._record = _record(self.items[i], self.prompts[i])
            self._cached = i
        chat, prompt, response, rid = self._record
        ref = self.references[i]
        if not self.echo:
            rid = _missing
            if not checking:
                ref = _missing
        op = "check" if checking else None
        # A label is carried on the audit line only (echoed, as the CLI does); on a check line it would make the
        # worker check by label instead of by the reference.
        item = self.items[i]
        label = item.get("label", _missing) if self.echo and not checking and type(item) is dict else _missing
        if chat is None:
            return _line(prompt, response, ref, rid, op, label)
        record = dict(chat)
        if rid is _missing:
            record.pop("id", None)
        if ref is not _missing:
            record["reference"] = ref
        if label is not _missing:
            record["label"] = label
        text = json.dumps(record, default=str)
        return text if op is None else '{"op":"check",' + text[1:]


def _send(requests: Sequence[str], pool: Optional[WorkerPool]) -> List[bytes]:
    return (pool or get_pool()).request(requests)


def _parse(reply: bytes) -> Dict[str, Any]:
    try:
        value = json.loads(reply)
    except ValueError as error:
        return {"verdict": "invalid", "error": f"unreadable reply from the worker: {error}"}
    if isinstance(value, dict):
        value.pop("line", None)
        return value
    return {"verdict": "invalid", "error": "unreadable reply from the worker"}


def _results(requests: _Requests, pool: Optional[WorkerPool]) -> List[Result]:
    replies = _send(requests, pool)
    results = []
    for audit_line, check_line in requests.layout:
        audit_reply = _parse(replies[audit_line])
        check_reply = _parse(replies[check_line]) if check_line >= 0 else None
        results.append(Result.from_replies(audit_reply, check_reply))
    return results


# -- the API ---------------------------------------------------------------------------------------------------


def audit_batch(
    items: Iterable[Item], prompts: Optional[Iterable[Any]] = None, *, pool: Optional[WorkerPool] = None
) -> List[Result]:
    """Audits many responses; one :class:`Result` per item, in order.

    Args:
        items: Responses (strings or chat message lists) or record dicts (``prompt``, ``response``, ``id``,
            ``reference``, or ``messages``). A dict with a ``reference`` is also graded against it, as in
            :func:`check_batch`.
        prompts: The prompts, one per item (strings or chat message lists), when the items do not carry them.
        pool: The worker pool to use (default: :func:`get_pool`).
    """
    return _results(_Requests(items, prompts, None), pool)


def check_batch(
    items: Iterable[Item],
    references: Optional[Iterable[Any]] = None,
    prompts: Optional[Iterable[Any]] = None,
    *,
    pool: Optional[WorkerPool] = None,
) -> List[Result]:
    """Audits many responses and grades each one's answer against its reference (``mathcheck check``).

    Args:
        items: Responses or record dicts, as for :func:`audit_batch`.
        references: The reference answers (``"Yes"``, ``"0.66"``, ``"2 × 17396417"``, ``[2, 17396417]``), one per
            item, unless the dicts carry a ``reference``.
        prompts: The prompts, one per item.
        pool: The worker pool to use.

    Raises:
        ValueError: when an item has no reference.
    """
    return _results(_Requests(items, prompts, references, force_check=True), pool)


def score_batch(
    items: Iterable[Item],
    prompts: Optional[Iterable[Any]] = None,
    references: Optional[Iterable[Any]] = None,
    *,
    graded: bool = False,
    pool: Optional[WorkerPool] = None,
) -> List[Optional[float]]:
    """The score of each response: binary by default, graded with ``graded=True`` (see the package docs).

    Items with a reference (given in ``references`` or in the item dict; None means none) are scored against it;
    the others by their audit.
    """
    requests = _Requests(items, prompts, references, echo=False, audit_checked=graded)
    replies = _send(requests, pool)
    if graded:
        return [
            graded_reply_score(replies[a], replies[c] if c >= 0 else None) for a, c in requests.layout
        ]
    return [
        binary_reply_score(replies[a], None) if c < 0 else binary_reply_score(b"", replies[c])
        for a, c in requests.layout
    ]


def audit_steps_batch(
    items: Iterable[Item],
    prompts: Optional[Iterable[Any]] = None,
    *,
    steps: str = "auto",
    pool: Optional[WorkerPool] = None,
) -> List[StepsResult]:
    """Cuts each response into steps and audits them: one :class:`StepsResult` per item, in order.

    Args:
        items: Responses or record dicts, as for :func:`audit_batch` (a ``reference`` is not used).
        prompts: The prompts, one per item.
        steps: How responses are cut: ``auto`` (the default), ``lines`` or ``sentences`` (``--steps``).
        pool: The worker pool to use.
    """
    replies = _send(_StepRequests(items, prompts, steps, echo=True), pool)
    return [StepsResult.from_reply(_parse(reply)) for reply in replies]


def audit_steps(
    response: Item, prompt: Any = None, *, steps: str = "auto", pool: Optional[WorkerPool] = None
) -> StepsResult:
    """Cuts one response into steps and audits them (see :func:`audit_steps_batch`)."""
    return audit_steps_batch([response], [prompt], steps=steps, pool=pool)[0]


def step_scores(
    items: Iterable[Item],
    prompts: Optional[Iterable[Any]] = None,
    *,
    after_error: bool = False,
    steps: str = "auto",
    pool: Optional[WorkerPool] = None,
) -> List[Optional[List[float]]]:
    """Per-step rewards: for each response a list with one score per step, or None when no step was judged.

    A step scores 1.0 when its label is True and 0.0 when it is False, with the labels of ``mathcheck emit
    --format trl-prm``: False when the step holds a wrong claim (with ``after_error``: from the first wrong step on),
    True otherwise. The steps are those of :func:`audit_steps_batch` (``steps`` chooses the cut); their texts are
    in ``audit_steps_batch(...)[i].steps``.
    """
    replies = _send(_StepRequests(items, prompts, steps, echo=False), pool)
    scores: List[Optional[List[float]]] = []
    for reply in replies:
        parsed = _parse(reply)
        labels = StepsResult.from_reply(parsed).labels(after_error)
        scores.append(None if labels is None else [1.0 if label else 0.0 for label in labels])
    return scores


async def astep_scores(
    items: Iterable[Item],
    prompts: Optional[Iterable[Any]] = None,
    *,
    after_error: bool = False,
    steps: str = "auto",
    pool: Optional[WorkerPool] = None,
) -> List[Optional[List[float]]]:
    """:func:`step_scores` for asyncio."""
    return await _in_thread(
        step_scores,
        list(items),
        None if prompts is None else list(prompts),
        after_error=after_error,
        steps=steps,
        pool=pool,
    )


def audit(response: Item, prompt: Any = None, *, pool: Optional[WorkerPool] = None) -> Result:
    """Audits one response (see :func:`audit_batch`)."""
    return audit_batch([response], [prompt], pool=pool)[0]


def check(response: Item, reference: Any, prompt: Any = None, *, pool: Optional[WorkerPool] = None) -> Result:
    """Audits one response and grades its answer against ``reference`` (see :func:`check_batch`)."""
    return check_batch([response], [reference], [prompt], pool=pool)[0]


def score(
    response: Item,
    prompt: Any = None,
    reference: Any = None,
    *,
    graded: bool = False,
    pool: Optional[WorkerPool] = None,
) -> Optional[float]:
    """The score of one response: 1.0, 0.0 or None (binary), or in [0, 1] with ``graded=True``."""
    return score_batch([response], [prompt], [reference], graded=graded, pool=pool)[0]


async def _in_thread(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, functools.partial(function, *args, **kwargs))


async def aaudit_batch(
    items: Iterable[Item], prompts: Optional[Iterable[Any]] = None, *, pool: Optional[WorkerPool] = None
) -> List[Result]:
    """:func:`audit_batch` for asyncio: the batch is answered in a thread, so the event loop keeps running."""
    return await _in_thread(audit_batch, list(items), None if prompts is None else list(prompts), pool=pool)


async def acheck_batch(
    items: Iterable[Item],
    references: Optional[Iterable[Any]] = None,
    prompts: Optional[Iterable[Any]] = None,
    *,
    pool: Optional[WorkerPool] = None,
) -> List[Result]:
    """:func:`check_batch` for asyncio."""
    return await _in_thread(
        check_batch,
        list(items),
        None if references is None else list(references),
        None if prompts is None else list(prompts),
        pool=pool,
    )


async def ascore_batch(
    items: Iterable[Item],
    prompts: Optional[Iterable[Any]] = None,
    references: Optional[Iterable[Any]] = None,
    *,
    graded: bool = False,
    pool: Optional[WorkerPool] = None,
) -> List[Optional[float]]:
    """:func:`score_batch` for asyncio."""
    return await _in_thread(
        score_batch,
        list(items),
        None if prompts is None else list(prompts),
        None if references is None else list(references),
        graded=graded,
        pool=pool,
    )


async def aaudit(response: Item, prompt: Any = None, *, pool: Optional[WorkerPool] = None) -> Result:
    """:func:`audit` for asyncio."""
    return (await aaudit_batch([response], [prompt], pool=pool))[0]


async def acheck(response: Item, reference: Any, prompt: Any = None, *, pool: Optional[WorkerPool] = None) -> Result:
    """:func:`check` for asyncio."""
    return (await acheck_batch([response], [reference], [prompt], pool=pool))[0]


async def ascore(
    response: Item,
    prompt: Any = None,
    reference: Any = None,
    *,
    graded: bool = False,
    pool: Optional[WorkerPool] = None,
) -> Optional[float]:
    """:func:`score` for asyncio."""
    return (await ascore_batch([response], [prompt], [reference], graded=graded, pool=pool))[0]
