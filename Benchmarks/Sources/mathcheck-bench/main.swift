import Foundation

// `make bench`: prints Markdown tables for BENCHMARKS.md. Each mathcheck figure is measured next to its baseline
// in the same run, so the ratios hold whatever the machine's speed.
let harness = Harness()
print("# mathcheck benchmarks")
print("\nCommand: `make bench` (swift run -c release --package-path Benchmarks mathcheck-bench)")
print("Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.operatingSystemVersionString)")
// `mathcheck-bench training` (or core, audit, server) runs only the tables named.
let only = Set(CommandLine.arguments.dropFirst())
if only.isEmpty || only.contains("core") { CoreBenchmarks.run(harness) }
if only.isEmpty || only.contains("audit") { AuditBenchmarks.run(harness) }
if only.isEmpty || only.contains("server") { ServerBenchmarks.run(harness) }
if only.isEmpty || only.contains("training") { TrainingBenchmarks.run(harness) }
print("\n<!-- checksum \(sink) -->")
