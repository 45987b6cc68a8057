import Foundation

// `make bench`: prints Markdown tables for BENCHMARKS.md. Each mathcheck figure is measured next to its baseline
// in the same run, so the ratios hold whatever the machine's speed. Arguments pick sections (core, audit, server,
// pipeline = jobs + memory + mathverify, training); none runs them all.
let harness = Harness()
let sections = Set(CommandLine.arguments.dropFirst())
func wanted(_ name: String) -> Bool { sections.isEmpty || sections.contains(name) }
print("# mathcheck benchmarks")
print("\nCommand: `make bench` (swift run -c release --package-path Benchmarks mathcheck-bench)")
print("Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.operatingSystemVersionString)")
if wanted("core") { CoreBenchmarks.run(harness) }
if wanted("audit") { AuditBenchmarks.run(harness) }
if wanted("server") { ServerBenchmarks.run(harness) }
if wanted("pipeline") { PipelineBenchmarks.run(harness) }
for part in ["jobs", "memory", "mathverify"] where sections.contains(part) {
    PipelineBenchmarks.run(harness, parts: [part])
}
if wanted("training") { TrainingBenchmarks.run(harness) }
print("\n<!-- checksum \(sink) -->")
