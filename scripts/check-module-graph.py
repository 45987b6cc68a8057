#!/usr/bin/env python3
"""Checks the module graph: every import of every target is declared in Package.swift, and none crosses a rule.

Rules (README, Architecture):
- Verifiers is math only: it imports CGMP and nothing else of ours (no text, JSON or tool module).
- Claims imports Verifiers only: no JSON, no tools.
- JSON imports nothing of ours.
- Audit does not import ToolCalls (nor MCP, nor Logging, nor Hummingbird).
- GradingService (the HTTP service) does not import ToolCalls (nor MCP).
- CGMP is imported only by Verifiers, and only as `internal import`.
Exit status 1 with a line per violation; 0 with a summary otherwise.
"""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
package = (root / "Package.swift").read_text()

# Products of other packages, as Package.swift names them, mapped to the module a file imports.
product_modules = {"MCP": "MCP", "Logging": "Logging", "ArgumentParser": "ArgumentParser", "Hummingbird": "Hummingbird",
                   "ServiceLifecycle": "ServiceLifecycle", "Prometheus": "Prometheus", "NIOCore": "NIOCore"}
system_modules = {"Foundation", "FoundationXML", "FoundationNetworking", "Dispatch", "Glibc", "Musl", "Darwin",
                  "Testing", "XCTest", "Synchronization", "_Concurrency"}

targets = {}
starts = list(re.finditer(r'\.(target|executableTarget|testTarget|systemLibrary)\(\s*name:\s*"([^"]+)"', package))
for index, match in enumerate(starts):
    kind, name = match.groups()
    body = package[match.end():starts[index + 1].start() if index + 1 < len(starts) else len(package)]
    deps = set()
    dep_block = re.search(r"dependencies:\s*\[(.*?)\]", body, re.S)
    if dep_block:
        text = dep_block.group(1)
        deps |= {product_modules.get(p, p) for p in re.findall(r'\.product\(name:\s*"([^"]+)"', text)}
        deps |= set(re.findall(r'"([A-Za-z]+)"', re.sub(r"\.product\([^)]*\)", "", text)))
    targets[name] = (kind, deps)

ours = set(targets)
rules = {
    "Verifiers": {"CGMP"},
    "Claims": {"Verifiers"},
    "JSON": set(),
}
forbidden = {
    "Audit": {"ToolCalls", "MCP", "Logging", "Hummingbird"},
    # The HTTP grading service judges records with Audit's runners; it serves no tools.
    "GradingService": {"ToolCalls", "MCP"},
}

errors = []
checked = 0
for name, (kind, deps) in sorted(targets.items()):
    if kind == "systemLibrary":
        continue
    folder = root / ("Tests" if kind == "testTarget" else "Sources") / name
    for path in sorted(folder.rglob("*.swift")):
        rel = path.relative_to(root)
        for number, line in enumerate(path.read_text().splitlines(), 1):
            m = re.match(r"\s*(?:@testable\s+|@_exported\s+)?((?:public|package|internal|fileprivate|private)\s+)?import\s+(\w+)", line)
            if not m:
                continue
            checked += 1
            access, module = (m.group(1) or "").strip(), m.group(2)
            where = f"{rel}:{number}"
            if module in system_modules:
                continue
            if module not in deps:
                errors.append(f"{where}: imports {module}, which Package.swift does not declare for {name}")
            if name in rules and module in ours and module not in rules[name]:
                errors.append(f"{where}: {name} may import only {sorted(rules[name]) or 'nothing of ours'}, not {module}")
            if module in forbidden.get(name, set()):
                errors.append(f"{where}: {name} must not import {module}")
            if module == "CGMP" and (name != "Verifiers" or access != "internal"):
                errors.append(f"{where}: CGMP stays behind `internal import` in Verifiers")
    if kind != "testTarget":
        for dep in deps:
            if name in rules and dep in ours and dep not in rules[name]:
                errors.append(f"Package.swift: {name} depends on {dep}, against the module rules")
            if dep in forbidden.get(name, set()):
                errors.append(f"Package.swift: {name} must not depend on {dep}")

for line in errors:
    print(line)
if errors:
    sys.exit(1)
print(f"module graph: {len(targets)} targets, {checked} imports, all declared and within the rules")
