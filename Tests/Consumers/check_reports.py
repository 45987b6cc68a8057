"""Reads mathcheck's CI reports with the libraries CI systems and scanners use, not with our own code.

SARIF: parsed into the SARIF 2.1.0 object model of sarif-pydantic (rejects missing or mistyped required fields and
unknown levels). JUnit: parsed by junitparser, the reader test-report tools build on. Usage:
    python3 check_reports.py MATHCHECK CORPUS
where CORPUS is Corpora/forum-thread.jsonl (10 records, 5 wrong, 7 wrong claims).
"""
import json
import subprocess
import sys

from junitparser import Error, Failure, JUnitXml, Skipped
from sarif_pydantic import Sarif


def run(binary: str, corpus: str, fmt: str) -> str:
    result = subprocess.run([binary, "audit", corpus, "--format", fmt], capture_output=True, text=True)
    assert result.returncode == 1, f"{fmt}: exit {result.returncode}: {result.stderr}"
    return result.stdout


def check_sarif(binary: str, corpus: str) -> None:
    log = Sarif.model_validate(json.loads(run(binary, corpus, "sarif")))
    assert log.version == "2.1.0"
    run0 = log.runs[0]
    assert run0.tool.driver.name == "mathcheck"
    rules = [rule.id for rule in run0.tool.driver.rules]
    assert len(run0.results) == 7, len(run0.results)
    lines = []
    for result in run0.results:
        assert result.rule_id in rules
        assert rules[result.rule_index] == result.rule_id
        location = result.locations[0].physical_location
        assert location.artifact_location.uri == corpus
        lines.append(location.region.start_line)
    assert lines == [1, 1, 3, 7, 7, 8, 10], lines
    print(f"sarif: {len(run0.results)} results on lines {lines}, valid SARIF 2.1.0 object model")


def check_junit(binary: str, corpus: str, path: str = "/tmp/mathcheck-consumer.xml") -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(run(binary, corpus, "junit"))
    xml = JUnitXml.fromfile(path)
    suites = list(xml)
    assert len(suites) == 1
    suite = suites[0]
    cases = list(suite)
    failed = [c for c in cases if any(isinstance(r, Failure) for r in c.result)]
    errors = [c for c in cases if any(isinstance(r, Error) for r in c.result)]
    skipped = [c for c in cases if any(isinstance(r, Skipped) for r in c.result)]
    assert suite.tests == len(cases) == 10
    assert suite.failures == len(failed) == 5
    assert not errors and not skipped
    assert "composite: 2 × 17396417" in failed[0].result[0].text
    print(f"junit: {len(cases)} test cases, {len(failed)} failures, read by junitparser")


if __name__ == "__main__":
    check_sarif(sys.argv[1], sys.argv[2])
    check_junit(sys.argv[1], sys.argv[2])
