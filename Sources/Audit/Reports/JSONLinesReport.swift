/// `--format jsonl`: the per-record lines, one per input line.
struct JSONLinesReport: Report {
    var needsLines: Bool { true }
    var needsFlagged: Bool { false }

    mutating func record(_ outcome: RecordOutcome, line: UnsafeBufferPointer<UInt8>, to out: OutputBuffer) {
        out.raw(line)
        out.raw("\n")
    }

    mutating func finish(_ summary: RunSummary, to out: OutputBuffer) {}
}

/// `--format scores`: one number per input line, the shape a reward function needs: 1 when the record is correct,
/// 0 when it is wrong, an empty line when nothing could be judged (no claims, unverified, invalid).
struct ScoresReport: Report {
    var needsLines: Bool { false }
    var needsFlagged: Bool { false }

    mutating func record(_ outcome: RecordOutcome, line: UnsafeBufferPointer<UInt8>, to out: OutputBuffer) {
        switch outcome.binaryScore {
        case 1: out.raw("1\n")
        case 0: out.raw("0\n")
        default: out.raw("\n")
        }
    }

    mutating func finish(_ summary: RunSummary, to out: OutputBuffer) {}
}
