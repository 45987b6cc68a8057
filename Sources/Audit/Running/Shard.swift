/// Which lines a run handles: those whose index (0-based, counted across all inputs in order) is `index` mod `count`.
public struct Shard: Sendable, Equatable {
    public var index: Int
    public var count: Int

    /// Reads "K/N" with 0 ≤ K < N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 0, k < n else { return nil }
        index = k
        count = n
    }
}
