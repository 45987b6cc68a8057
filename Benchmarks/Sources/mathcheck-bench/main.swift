import Foundation

// `make bench`: prints Markdown tables for BENCHMARKS.md. Each mathcheck figure is measured next to its baseline
// in the same run, so the ratios hold whatever the machine's speed.
let harness = Harness()
print("# mathcheck benchmarks")
print("\nCommand: `make bench` (swift run -c release --package-path Benchmarks mathcheck-bench)")
print("Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.operatingSystemVersionString)")
// `mathcheck-bench audit` (or `core`, `server`) prints only those tables; no argument prints them all.
let selected = Set(CommandLine.arguments.dropFirst())
if selected.isEmpty || selected.contains("core") { CoreBenchmarks.run(harness) }
if selected.isEmpty || selected.contains("audit") { AuditBenchmarks.run(harness) }
if selected.isEmpty || selected.contains("server") { ServerBenchmarks.run(harness) }
print("\n<!-- checksum \(sink) -->")
