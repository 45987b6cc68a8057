public import Claims

/// The binary score of a record, the one reward functions use by default (`audit --format scores`, the Python
/// package's `score`, the grading service's `/get_reward`): 1 when it is right, 0 when it is wrong, nil when
/// nothing could be judged.
extension RecordVerdict {
    /// 1 for `correct`, 0 for `wrong`, nil for `unverified`, `no_claims` and `invalid`.
    public var binaryScore: Double? {
        switch self {
        case .correct: return 1
        case .wrong: return 0
        case .unverified, .noClaims, .invalid: return nil
        }
    }
}

extension RecordOutcome {
    /// The record's binary score, from its verdict (see ``Claims/RecordVerdict/binaryScore``).
    public var binaryScore: Double? { verdict.binaryScore }
}

extension CheckOutcome {
    /// The binary score against a reference: 1 when the response's answer matches it, 0 when it differs, nil when
    /// no answer was found, the two could not be compared, or the record was checked by a label rather than a
    /// reference.
    public var referenceScore: Double? {
        guard basis == .reference, let known, known != .noClaims else { return nil }
        return known.binaryScore
    }
}
