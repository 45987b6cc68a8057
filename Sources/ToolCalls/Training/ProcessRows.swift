public import Claims
public import JSON
public import Verifiers

/// How the steps of a `trl-prm` row are labelled.
public enum StepLabelRule: String, Sendable, CaseIterable {
    /// Each step by its own verdict: false when it holds a wrong claim, true otherwise (a correct step, and also a
    /// neutral or unverified one: nothing wrong was found in it).
    case ownVerdict = "own-verdict"
    /// False from the first wrong step on, true before it (PRM800K's and Math-Shepherd's convention: a chain is
    /// not trusted past its first error). Neutral and unverified steps before the first error are true.
    case afterError = "after-error"
}

/// Writes TRL's stepwise-supervision rows (`PRMTrainer`): `{"prompt": <text>, "completions": [<step>, …],
/// "labels": [<bool>, …]}`, one per record with a checked step, from the record's own response cut into steps
/// (``StepSplitter``) and the audit's verdict on each.
///
/// A completion is its step's text without its last line break: TRL's `PRMTrainer` puts its `step_separator` ("\n"
/// by default) after every step, so with the default separator the completions joined give back the response the
/// labels were found in, byte for byte, when the steps are lines. A step cut inside a line (a sentence) drops its
/// trailing spaces instead, and the separator then starts the next sentence on a new line. A record whose steps are all neutral or unverified
/// (no claim was judged correct or wrong) gives no row: it would teach only "true" labels that nothing checked.
///
/// One builder per thread: it keeps the auditor's buffers between records.
public struct ProcessRows {
    public var mode: StepMode
    public var rule: StepLabelRule
    private var auditor: ResponseAuditor

    public init(mode: StepMode = .auto, rule: StepLabelRule = .ownVerdict, bounds: Bounds = .standard) {
        self.mode = mode
        self.rule = rule
        auditor = ResponseAuditor(bounds: bounds)
    }

    /// Why a record gave no row.
    public enum Skip: Error, Sendable, CustomStringConvertible {
        /// No step holds a claim judged correct or wrong.
        case noCheckedStep
        public var description: String { "no checked step (every step neutral or unverified)" }
    }

    /// A row and what it holds.
    public struct Row: Sendable {
        public var json: JSONValue
        public var labels: [Bool]
        public var firstError: Int?
    }

    /// The labels of `steps` under `rule`.
    public static func labels(_ steps: ResponseSteps, rule: StepLabelRule) -> [Bool] {
        let firstError = steps.firstError
        return steps.steps.enumerated().map { index, step in
            switch rule {
            case .ownVerdict: step.verdict != .wrong
            case .afterError: firstError.map { index < $0 } ?? true
            }
        }
    }

    /// The row for one record.
    public mutating func row(prompt: String, response: String) throws(Skip) -> Row {
        let result = auditor.audit(prompt: prompt, response: response)
        let steps = ResponseSteps(response: response, result: result, mode: mode)
        guard steps.hasCheckedStep else { throw .noCheckedStep }
        var text = response
        text.makeContiguousUTF8()
        let completions: [JSONValue] =
            text.utf8.withContiguousStorageIfAvailable { bytes in
                steps.steps.map { step in .string(Self.completion(UnsafeBufferPointer(rebasing: bytes[step.bytes]))) }
            } ?? []
        let labels = Self.labels(steps, rule: rule)
        let json: JSONValue = .object([
            ("prompt", .string(prompt)), ("completions", .array(completions)),
            ("labels", .array(labels.map { .bool($0) })),
        ])
        return Row(json: json, labels: labels, firstError: steps.firstError)
    }

    /// A step's text without its last line break ("\n" or "\r\n"), or, when it ends inside a line, without its
    /// trailing spaces and tabs.
    static func completion(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var upper = bytes.count
        if upper > 0 && bytes[upper - 1] == 0x0A {
            upper -= 1
            if upper > 0 && bytes[upper - 1] == 0x0D { upper -= 1 }
        } else {
            while upper > 0 && (bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09) { upper -= 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<upper]), as: UTF8.self)
    }
}
