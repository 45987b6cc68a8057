/// One reasoning step of a response: its place, its claims and its verdict.
public struct Step: Sendable, Equatable {
    /// What a step's claims come to.
    public enum Verdict: String, Sendable, CaseIterable {
        /// A claim in the step is wrong.
        case wrong
        /// The step has claims and every one is correct.
        case correct
        /// No claim in the step could be checked, and none is wrong.
        case unverified
        /// The step holds no checkable claim.
        case neutral
    }

    /// UTF-8 byte offsets of the step in the response: [start, end).
    public var bytes: Range<Int>
    /// Unicode scalar offsets of the step in the response, as claims' spans are: [start, end).
    public var span: Range<Int>
    /// Indices of the step's claims in the audit result's `claims`, in order.
    public var claims: [Int]
    public var verdict: Verdict
}

/// A response cut into steps (``StepSplitter``), with each claim of its audit in the step that holds it.
///
/// A claim is never cut: when the splitter's cut falls inside a claim (a sentence end inside a claim, or a line
/// break the scanner reads through), the steps on both sides of the cut are one step. A claim is then in the step
/// whose bytes hold its first byte. A step's verdict is `wrong` if one of its claims is wrong, else `unverified` if
/// one is unverified, else `correct` when it has claims, and `neutral` when it has none.
public struct ResponseSteps: Sendable {
    public var steps: [Step]

    /// The index of the first wrong step, or nil when none is (ProcessBench's label is this index, or -1).
    public var firstError: Int? { steps.firstIndex { $0.verdict == .wrong } }

    /// Whether a step was judged: one is `correct` or `wrong`.
    public var hasCheckedStep: Bool { steps.contains { $0.verdict == .correct || $0.verdict == .wrong } }

    /// The steps of `response` (the text `result` audits) cut by `mode`.
    public init(response: String, result: AuditResult, mode: StepMode) {
        var text = response
        text.makeContiguousUTF8()
        steps = text.utf8.withContiguousStorageIfAvailable { bytes in
            Self.steps(bytes, claims: result.claims, mode: mode)
        } ?? []
    }

    static func steps(_ bytes: UnsafeBufferPointer<UInt8>, claims: [Claim], mode: StepMode) -> [Step] {
        var ranges = StepSplitter.split(bytes, mode: mode)
        guard !ranges.isEmpty else { return [] }
        // Claims by their first byte (the audit sorts them so; a claim read from elsewhere may not be).
        let order = claims.indices.sorted {
            (claims[$0].bytes.lowerBound, $0) < (claims[$1].bytes.lowerBound, $1)
        }
        // Join the steps a claim crosses: drop every cut strictly inside a claim's bytes.
        var cuts = ranges.dropFirst().map(\.lowerBound)
        var inside = [Bool](repeating: false, count: cuts.count)
        var c = 0
        for i in order {
            let claim = claims[i].bytes
            while c < cuts.count && cuts[c] <= claim.lowerBound { c += 1 }
            var j = c
            while j < cuts.count && cuts[j] < claim.upperBound {
                inside[j] = true
                j += 1
            }
        }
        if inside.contains(true) {
            cuts = cuts.indices.filter { !inside[$0] }.map { cuts[$0] }
            ranges = StepSplitter.ranges([0] + cuts, count: bytes.count)
        }
        var steps: [Step] = []
        steps.reserveCapacity(ranges.count)
        let asciiPrefix = bytes.firstNonASCIIIndex()
        var offsets = ScalarOffsets(bytes, asciiPrefix: asciiPrefix)
        var start = offsets.scalarOffset(0)
        var next = 0
        for (k, range) in ranges.enumerated() {
            let end = offsets.scalarOffset(range.upperBound)
            let last = k == ranges.count - 1
            var members: [Int] = []
            // The last step also takes any claim that starts at the very end (none does in an audit of the text).
            while next < order.count && (last || claims[order[next]].bytes.lowerBound < range.upperBound) {
                members.append(order[next])
                next += 1
            }
            members.sort()
            var anyWrong = false
            var anyUnverified = false
            for i in members {
                anyWrong = anyWrong || claims[i].verdict == .wrong
                anyUnverified = anyUnverified || claims[i].verdict == .unverified
            }
            let verdict: Step.Verdict =
                members.isEmpty ? .neutral : anyWrong ? .wrong : anyUnverified ? .unverified : .correct
            steps.append(Step(bytes: range, span: start..<end, claims: members, verdict: verdict))
            start = end
        }
        return steps
    }
}
