"""mathcheck from Python: exact audits of the math claims in model answers, as results and rewards.

Every call goes to persistent ``mathcheck worker`` processes (a pool, one per core by default, started on first
use and closed at interpreter exit), so a batch costs no process start and the results are exactly those of
``mathcheck audit`` / ``mathcheck check`` on the command line::

    >>> import mathcheck
    >>> r = mathcheck.audit("Yes, 91 is prime.", prompt="Is 91 prime?")
    >>> r.verdict, r.answer.expected
    ('wrong', 'composite: 7 × 13')
    >>> mathcheck.score_batch(["No: 34792834 = 2 × 17396417.", "I would use a calculator."],
    ...                       prompts=["Is 34792834 prime?"] * 2)
    [1.0, None]
    >>> mathcheck.score("No, 91 = 7 × 13.", prompt="Is 91 prime?", reference="No")
    1.0

Scores
------

**Binary score** (the default, ``score`` / ``Result.score``):

* without a reference: 1.0 when the record's verdict is ``correct`` (every checkable claim is right), 0.0 when it
  is ``wrong`` (some claim is wrong), None when nothing could be judged (``no_claims``, or ``unverified``: claims
  that could not be checked and none wrong) or the record is invalid. The same as ``mathcheck audit --format
  scores``.
* with a reference (``check``, or a ``reference`` given to ``score``): 1.0 when the response's answer matches the
  reference by value, 0.0 when it differs, None when no answer was found or it cannot be compared.

**Graded score** (``score(..., graded=True)`` / ``Result.graded_score``), in [0, 1]: the answer's verdict
dominates and the share of right steps refines it. Let ``x = c / (c + w)``, where ``c`` and ``w`` count the step
claims (every claim but the answer) found correct and wrong (unverified claims do not count). The answer's verdict
is the answer claim's (or, with a reference, the answer's grade against it):

=========================  =====================  ==========================
answer                     with checked steps     without checked steps
=========================  =====================  ==========================
correct                    ``0.5 + 0.5 x``        1.0
wrong                      ``0.25 x``             0.0
none (absent, unverified)  ``0.25 + 0.75 x``      None (nothing checkable)
=========================  =====================  ==========================

So a correct answer scores in [0.5, 1], a wrong one in [0, 0.25], and a response without a judged answer in
[0.25, 1] by its steps. The score never decreases when a step turns from wrong to right, and for the same steps
a wrong answer ≤ no answer ≤ a correct answer. A response whose every checked claim is right scores 1.0, as in the
binary score; one with a wrong claim scores below 1.

**Per-step rewards** (``step_scores``): a response is cut into steps as ``mathcheck audit --format steps`` cuts
it, and each step scores 1.0 or 0.0 by the labelling rule of ``mathcheck emit --format trl-prm``: 0.0 when the
step holds a wrong claim (with ``after_error=True``: from the first wrong step on), 1.0 otherwise (a step with
nothing checkable before an error is 1.0: nothing wrong was found). None for a response with no judged step.
``audit_steps`` gives the steps themselves (text, span, verdict, claims) and ``first_error``::

    >>> mathcheck.step_scores(["No.\\n91 = 7 × 13.\\nSo 91 is prime."], prompts=["Is 91 prime?"])
    [[1.0, 1.0, 0.0]]

Hooks for training frameworks: :mod:`mathcheck.trl` (TRL ``GRPOTrainer`` reward functions), :mod:`mathcheck.verl`
(verl ``compute_score``), ``mathcheck/openrlhf_reward.py`` (OpenRLHF ``--remote_rm_url``),
:mod:`mathcheck.verifiers` (``verifiers`` rubric functions) and :mod:`mathcheck.datasets` (Hugging Face
``datasets`` columns and filters).

The binary is looked for in ``MATHCHECK_BINARY``, then in this package (``mathcheck/bin/mathcheck``, put there by
``make python``), then on ``PATH``.
"""

from __future__ import annotations

from ._api import (
    Item,
    aaudit,
    aaudit_batch,
    acheck,
    acheck_batch,
    ascore,
    ascore_batch,
    STEP_MODES,
    astep_scores,
    audit,
    audit_batch,
    audit_steps,
    audit_steps_batch,
    check,
    check_batch,
    close,
    configure,
    get_pool,
    score,
    score_batch,
    step_scores,
    text_of,
)
from ._binary import BinaryNotFoundError, find_binary
from ._pool import WorkerDied, WorkerPool
from ._result import Claim, Result, Step, StepsResult, binary_score, graded, graded_score, step_labels

__version__ = "0.1.0"

__all__ = [
    "BinaryNotFoundError",
    "STEP_MODES",
    "Step",
    "StepsResult",
    "astep_scores",
    "audit_steps",
    "audit_steps_batch",
    "step_labels",
    "step_scores",
    "Claim",
    "Item",
    "Result",
    "WorkerDied",
    "WorkerPool",
    "aaudit",
    "aaudit_batch",
    "acheck",
    "acheck_batch",
    "ascore",
    "ascore_batch",
    "audit",
    "audit_batch",
    "binary_score",
    "check",
    "check_batch",
    "close",
    "configure",
    "find_binary",
    "get_pool",
    "graded",
    "graded_score",
    "score",
    "score_batch",
    "text_of",
]
