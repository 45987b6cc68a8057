import ArgumentParser
import Audit
import Foundation

/// The options `audit` and `check` share: the inputs, where the report goes, parallel jobs, the shard and the
/// per-record budget.
struct CorpusOptions: ParsableArguments {
    @Argument(help: "JSONL files; '-' reads standard input.")
    var files: [String] = ["-"]

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Parallel jobs (default: all cores). The output is the same for any number.")
    var jobs: Int?

    @Option(help: "Handle only the lines whose index (from 0, across all inputs) is K mod N: 'K/N'.")
    var shard: String?

    @Option(
        name: .customLong("record-timeout"),
        help: "CPU seconds one record may take before its remaining claims are unverified with reason 'budget'; 0 for no limit.")
    var recordTimeout: Double = 1.0

    func validate() throws {
        if let jobs, jobs < 1 || jobs > 1024 { throw ValidationError("--jobs must be between 1 and 1024") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be K/N with 0 ≤ K < N, not '\(shard)'") }
        guard recordTimeout >= 0 && recordTimeout.isFinite else { throw ValidationError("--record-timeout must be ≥ 0") }
        try checkReadable(files)
    }

    /// Whether the report goes to a terminal (text formats are the default there).
    var reportsToTerminal: Bool { output == nil && isatty(1) == 1 }

    var settings: RunSettings {
        var settings = RunSettings(inputs: files)
        settings.jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        settings.shard = shard.flatMap(Shard.init)
        settings.budget = recordTimeout > 0 ? .microseconds(Int64((recordTimeout * 1_000_000).rounded())) : nil
        return settings
    }

    /// Where the report is written: the --output file, or standard output.
    func sink() throws -> OutputBuffer {
        do {
            return try output.map { path throws(RecordError) in try OutputBuffer(path: path) } ?? OutputBuffer()
        } catch {
            throw ValidationError(error.message)
        }
    }
}

/// Opens a JSONL input ("-" for standard input); a failure is reported like a usage error (exit 2).
func openLines(_ path: String) throws -> LineReader {
    do {
        return try LineReader(path: path)
    } catch {
        throw ValidationError(error.message)
    }
}

/// Fails with a usage error (exit 2) naming the first input that cannot be read, before any output is written.
func checkReadable(_ files: [String]) throws {
    for file in files where file != "-" {
        var info = stat()
        guard stat(file, &info) == 0 else { throw ValidationError("cannot read \(file): no such file") }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw ValidationError("cannot read \(file): it is a directory") }
        guard access(file, R_OK) == 0 else { throw ValidationError("cannot read \(file): permission denied") }
    }
}
