public import Claims
public import JSON
public import Verifiers

/// What checking one record against its known correctness came to.
public struct CheckOutcome: Sendable {
    /// What the known correctness comes from.
    public enum Basis: String, Sendable {
        case label, reference
    }

    public var input: Int
    public var line: Int
    /// The record's `"id"`, as given.
    public var id: JSONValue?
    public var basis: Basis?
    /// The known correctness (one of ``RecordVerdict/labels``): from the label, or from grading the answer
    /// against the reference.
    public var known: RecordVerdict?
    /// mathcheck's own verdict: the record's (label) or its answer's (reference); `invalid` for a bad line; nil
    /// when the record was not checked.
    public var mathcheck: RecordVerdict?
    /// Nil when the record could not be graded (no label or reference, incomparable forms, invalid line).
    public var agrees: Bool?
    /// Why the record is invalid or was not graded.
    public var error: String?
    /// The claim that decided mathcheck's verdict, with the truth when it is wrong.
    public var detail: String?
}

/// Checks records whose correctness is known: by `"label"`, mathcheck's record verdict against the label; by
/// `"reference"`, the response's answer graded against the reference by value, and mathcheck's verdict on that
/// answer against the grade. A record with both is checked by its label.
public struct CheckWorker: LineWorker {
    private var auditor: ResponseAuditor
    private let grader: ReferenceGrader
    private var reader = RecordReader()

    public init(bounds: Bounds = .standard, budget: Duration? = nil) {
        auditor = ResponseAuditor(bounds: bounds)
        auditor.budget = budget
        grader = ReferenceGrader(bounds: bounds)
    }

    public mutating func process(_ input: InputLine, writeLine: Bool, into out: inout [UInt8]) -> CheckOutcome {
        var outcome = CheckOutcome(input: input.input, line: input.number, mathcheck: .invalid)
        guard let line = input.bytes else {
            outcome.error = "the line is \(input.length) bytes long, over the limit"
            if writeLine { Self.write(&outcome, into: &out) }
            return outcome
        }
        // The auditor and reader are separate stored properties, borrowed side by side for the read.
        let grader = grader
        reader.read(line) { record, id in
            outcome.id = id
            switch record {
            case .failure(let error): outcome.error = error.message
            case .success(let fields):
                Self.check(fields, &outcome, auditor: &auditor, grader: grader, describe: writeLine)
            }
        }
        if writeLine { Self.write(&outcome, into: &out) }
        return outcome
    }

    /// Checks one record; the deciding claim is described for disagreements, and for every record when `describe`.
    private static func check(
        _ record: RecordReader.Fields, _ outcome: inout CheckOutcome, auditor: inout ResponseAuditor,
        grader: ReferenceGrader, describe: Bool
    ) {
        if let label = record.label {
            guard let known = RecordVerdict(rawValue: label), RecordVerdict.labels.contains(known) else {
                outcome.error = "\"label\" must be correct, wrong or no_claims, not \"\(label)\""
                return
            }
            outcome.basis = .label
            outcome.known = known
            let result = auditor.audit(
                prompt: String(decoding: record.prompt, as: UTF8.self),
                response: String(decoding: record.response, as: UTF8.self))
            outcome.mathcheck = result.verdict
            outcome.agrees = known == outcome.mathcheck
            if describe || outcome.agrees == false {
                let decisive =
                    result.answer?.verdict == .wrong
                    ? result.answer : result.claims.first { $0.verdict == .wrong } ?? result.answer
                outcome.detail = decisive.map(Self.describe)
            }
            return
        }
        guard let json = record.reference else {
            outcome.mathcheck = nil
            outcome.error = "no \"label\" or \"reference\" to check against"
            return
        }
        let reference: ReferenceAnswer
        do { reference = try ReferenceAnswer(json) } catch {
            outcome.error = error.message
            outcome.mathcheck = nil
            return
        }
        outcome.basis = .reference
        // The factorization a composite's truth shows is worked out only when the answer is described.
        let result = auditor.auditAnswer(prompt: record.prompt, response: record.response, explain: describe)
        outcome.mathcheck = result.verdict
        // A value reference and no answer to a question the audit reads: the response's final stated value is
        // graded against the reference (the audit's own verdict stays what it is).
        if result.answer == nil, reference.isValue, let stated = auditor.statedFinalValue(response: record.response)
        {
            switch grader.grade(stated, against: reference) {
            case .matches: outcome.known = .correct
            case .differs: outcome.known = .wrong
            case .noAnswer: outcome.known = .noClaims
            case .incomparable(let why): outcome.error = why
            }
            if outcome.known != nil { outcome.agrees = outcome.known == outcome.mathcheck }
            outcome.detail = stated.text.singleLine.clipped(200) + " (the final value; the question is not read)"
            return
        }
        // A yes/no reference and no answer the audit reads: the response's stated yes/no, when it is the whole answer.
        if result.answer == nil, case .yesNo(let truth) = reference,
            let stated = ResponseAuditor.statedFinalYesNo(response: record.response)
        {
            outcome.known = stated == truth ? .correct : .wrong
            outcome.agrees = outcome.known == outcome.mathcheck
            outcome.detail = (stated ? "yes" : "no") + " (the final answer; the question is not read)"
            return
        }
        switch grader.grade(result.answer, against: reference) {
        case .matches: outcome.known = .correct
        case .differs: outcome.known = .wrong
        case .noAnswer: outcome.known = .noClaims
        case .incomparable(let why): outcome.error = why
        }
        if outcome.known != nil { outcome.agrees = outcome.known == outcome.mathcheck }
        if describe || outcome.agrees != true {
            var answer = result.answer
            if !describe, answer?.verdict != .correct {
                // Checked again with its explanation; the same claim and verdict (kept as it was if a budget says
                // otherwise).
                let explained = auditor.auditAnswer(prompt: record.prompt, response: record.response).answer
                if explained?.verdict == answer?.verdict { answer = explained }
            }
            outcome.detail = answer.map(Self.describe)
        }
    }

    private static func describe(_ claim: Claim) -> String {
        let text = claim.text.singleLine.clipped(200)
        return claim.verdict == .correct ? text : "\(text) — \(FlaggedClaim(claim).truth.singleLine)"
    }

    /// `{"line":N,"id":…,"by":"label","known":"wrong","mathcheck":"wrong","agrees":true,"claim":"…"}`; an
    /// invalid line `{"line":N,"id":…,"verdict":"invalid","error":"…"}`.
    static func write(_ o: inout CheckOutcome, into out: inout [UInt8]) {
        var members: [(String, JSONValue)] = [("line", .number(String(o.line)))]
        if let id = o.id { members.append(("id", id)) }
        if o.mathcheck == .invalid && o.basis == nil {
            members.append(("verdict", "invalid"))
        } else {
            members.append(("by", o.basis.map { .string($0.rawValue) } ?? .null))
            members.append(("known", o.known.map { .string($0.rawValue) } ?? .null))
            members.append(("mathcheck", o.mathcheck.map { .string($0.rawValue) } ?? .null))
            members.append(("agrees", o.agrees.map { .bool($0) } ?? .null))
            if let detail = o.detail { members.append(("claim", .string(detail))) }
        }
        if let error = o.error { members.append(("error", .string(error))) }
        JSONValue.object(members).write(into: &out)
    }
}
