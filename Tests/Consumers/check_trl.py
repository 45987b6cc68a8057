#!/usr/bin/env python3
"""Loads mathcheck's fine-tuning files the way their consumers do.

- TRL: Hugging Face `datasets.load_dataset("json", ...)`, then the columns TRL's trainers read: `messages` (SFTTrainer,
  conversational language modeling, with `tools`), `prompt`/`chosen`/`rejected` (DPOTrainer, explicit prompt) and
  `prompt`/`completion`/`label` (KTOTrainer, unpaired preference). Tool-call arguments must arrive as mappings and
  tool results as the calculator's JSON text.
- OpenAI: each row against the published chat fine-tuning shapes (messages with tool_calls whose arguments are a JSON
  string, tool replies with tool_call_id; DPO's input / preferred_output / non_preferred_output).

Usage: check_trl.py PATH-TO-MATHCHECK. Exit status 1 on the first failed check.
"""
import json
import os
import subprocess
import sys
import tempfile

from datasets import load_dataset

ROLES = {"system", "user", "assistant", "tool"}


def run(binary, args, path):
    with open(path, "w") as out:
        subprocess.run([binary, *args], stdout=out, stderr=subprocess.DEVNULL, check=True)


def strip_nones(value):
    """Arrow gives every struct the union of the keys seen in the column, filling the rest with None."""
    if isinstance(value, dict):
        return {k: strip_nones(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [strip_nones(v) for v in value]
    return value


def check_trl_messages(messages, where):
    assert isinstance(messages, list) and messages, f"{where}: messages must be a non-empty list"
    for m in messages:
        assert m["role"] in ROLES, f"{where}: role {m['role']!r}"
        if m["role"] == "assistant" and m.get("tool_calls"):
            for call in m["tool_calls"]:
                assert call["type"] == "function", where
                assert isinstance(call["function"]["name"], str), where
                args = strip_nones(call["function"]["arguments"])
                assert isinstance(args, dict) and args, f"{where}: TRL arguments must be a mapping, got {args!r}"
        elif m["role"] == "tool":
            assert isinstance(json.loads(m["content"]), dict), f"{where}: a tool result must be JSON text"
            assert isinstance(m["name"], str), f"{where}: a tool message names its tool"
        else:
            assert isinstance(m["content"], str) and m["content"], f"{where}: {m['role']} content"


def check_tools(tools, where):
    names = {t["function"]["name"] for t in tools}
    assert names == {"is_prime", "factorize", "evaluate"}, f"{where}: tools {names}"
    for t in tools:
        assert t["type"] == "function" and strip_nones(t["function"]["parameters"])["type"] == "object", where


def check_trl(binary, tmp):
    sft = os.path.join(tmp, "trl-sft.jsonl")
    run(binary, ["generate", "--count", "60", "--seed", "3", "--format", "trl-sft"], sft)
    ds = load_dataset("json", data_files=sft, split="train")
    assert {"messages", "tools"} <= set(ds.column_names), ds.column_names
    assert len(ds) == 60
    for i, row in enumerate(ds):
        check_trl_messages(row["messages"], f"trl-sft row {i + 1}")
        check_tools(row["tools"], f"trl-sft row {i + 1}")
        assert row["messages"][-1]["role"] == "assistant"
    # The arguments survive Arrow's struct unification: compare with the file itself.
    with open(sft) as f:
        originals = [json.loads(line) for line in f]
    for row, original in zip(ds, originals):
        loaded = strip_nones(row["messages"][1]["tool_calls"][0]["function"]["arguments"])
        assert loaded == original["messages"][1]["tool_calls"][0]["function"]["arguments"], (loaded, original)

    dpo = os.path.join(tmp, "trl-dpo.jsonl")
    run(binary, ["generate", "--count", "60", "--seed", "4", "--format", "trl-dpo"], dpo)
    ds = load_dataset("json", data_files=dpo, split="train")
    assert {"prompt", "chosen", "rejected"} <= set(ds.column_names), ds.column_names
    for i, row in enumerate(ds):
        assert row["prompt"][-1]["role"] == "user", f"trl-dpo row {i + 1}: the prompt ends with the user"
        check_trl_messages(row["chosen"], f"trl-dpo row {i + 1} chosen")
        check_trl_messages(row["rejected"], f"trl-dpo row {i + 1} rejected")
        assert row["chosen"] != row["rejected"]

    kto = os.path.join(tmp, "trl-kto.jsonl")
    run(binary, ["generate", "--count", "60", "--seed", "5", "--format", "trl-kto"], kto)
    ds = load_dataset("json", data_files=kto, split="train")
    assert {"prompt", "completion", "label"} <= set(ds.column_names), ds.column_names
    assert ds.features["label"].dtype == "bool", ds.features["label"]
    labels = ds["label"]
    assert labels.count(True) == labels.count(False) == 60, (labels.count(True), labels.count(False))
    for i, row in enumerate(ds):
        check_trl_messages(row["completion"], f"trl-kto row {i + 1}")

    # A real corpus through emit: the forum thread's wrong answers as DPO rows.
    forum = os.path.join(os.path.dirname(__file__), "..", "..", "Corpora", "forum-thread.jsonl")
    emitted = os.path.join(tmp, "forum-dpo.jsonl")
    run(binary, ["emit", forum, "--format", "trl-dpo"], emitted)
    ds = load_dataset("json", data_files=emitted, split="train")
    assert len(ds) == 5 and {"prompt", "chosen", "rejected"} <= set(ds.column_names)


def check_openai_messages(messages, where, final=True):
    pending = set()
    for m in messages:
        role = m["role"]
        assert role in ROLES, f"{where}: role {role!r}"
        assert set(m) <= {"role", "content", "tool_calls", "tool_call_id", "weight", "name"}, f"{where}: keys {set(m)}"
        if role == "assistant" and "tool_calls" in m:
            for call in m["tool_calls"]:
                assert set(call) == {"id", "type", "function"} and call["type"] == "function", where
                assert set(call["function"]) == {"name", "arguments"}, where
                assert isinstance(call["function"]["arguments"], str), f"{where}: OpenAI arguments are a JSON string"
                assert isinstance(json.loads(call["function"]["arguments"]), dict), where
                pending.add(call["id"])
        elif role == "tool":
            assert m["tool_call_id"] in pending, f"{where}: reply to an unknown call"
            pending.discard(m["tool_call_id"])
            assert isinstance(m["content"], str), where
        else:
            assert isinstance(m["content"], str), f"{where}: {role} content"
        if "weight" in m:
            assert role == "assistant" and m["weight"] in (0, 1), where
    assert not pending, f"{where}: unanswered tool calls {pending}"
    if final:
        assert messages[-1]["role"] == "assistant" and isinstance(messages[-1]["content"], str), where


def check_openai(binary, tmp):
    sft = os.path.join(tmp, "openai-sft.jsonl")
    forum = os.path.join(os.path.dirname(__file__), "..", "..", "Corpora", "forum-thread.jsonl")
    run(binary, ["emit", forum, "--format", "openai-sft", "--keep-wrong"], sft)
    with open(sft) as f:
        for n, line in enumerate(f, 1):
            row = json.loads(line)
            assert set(row) == {"messages", "tools", "parallel_tool_calls"}, row.keys()
            assert row["parallel_tool_calls"] is False
            check_openai_messages(row["messages"], f"openai-sft line {n}")
            check_tools(row["tools"], f"openai-sft line {n}")

    dpo = os.path.join(tmp, "openai-dpo.jsonl")
    run(binary, ["generate", "--count", "40", "--seed", "6", "--format", "openai-dpo"], dpo)
    with open(dpo) as f:
        rows = [json.loads(line) for line in f]
    assert len(rows) == 40
    for n, row in enumerate(rows, 1):
        assert set(row) == {"input", "preferred_output", "non_preferred_output"}, row.keys()
        assert set(row["input"]) <= {"messages", "tools", "parallel_tool_calls"}
        assert row["input"]["messages"][-1]["role"] == "user"
        check_openai_messages(row["input"]["messages"] + row["preferred_output"], f"openai-dpo line {n}")
        rejected = row["non_preferred_output"]
        assert len(rejected) == 1 and rejected[0]["role"] == "assistant" and isinstance(rejected[0]["content"], str)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/mathcheck"
    with tempfile.TemporaryDirectory() as tmp:
        check_trl(binary, tmp)
        check_openai(binary, tmp)
    print("the TRL files load with datasets and have the columns TRL reads; the OpenAI rows have the published shapes")


if __name__ == "__main__":
    main()
