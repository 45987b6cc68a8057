public import Verifiers
public import Claims

/// What every corpus run is given: its inputs, how many jobs, which shard, the per-record budget and the bounds.
public struct RunSettings: Sendable {
    /// Paths, "-" for standard input.
    public var inputs: [String]
    public var jobs = 1
    public var shard: Shard?
    /// The most CPU time one record may take; nil for no limit.
    public var budget: Duration?
    public var bounds = Bounds.standard
    /// When set, each record's line is its steps cut this way (`--format steps`).
    public var steps: StepMode?

    public init(inputs: [String]) { self.inputs = inputs }

    /// The inputs as reports name them ("stdin" for "-").
    public var inputNames: [String] { inputs.map { $0 == "-" ? "stdin" : $0 } }
}
