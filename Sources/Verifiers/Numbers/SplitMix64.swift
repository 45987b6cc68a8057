/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014): a 64-bit
/// state advanced by the golden-ratio increment 0x9E3779B97F4A7C15 and mixed by two xor-shift-multiply rounds.
///
/// The generator's own draws (``below(_:)``, ``pick(_:)``) are defined here rather than through the standard
/// library's `random(in:using:)`, whose algorithm may change between Swift releases: the same seed must give the same
/// file on every toolchain. Never seeded from the system. As a `RandomNumberGenerator` it also drives the standard
/// library's draws, for tests that need no such stability.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in 0..<n (n > 0), by rejection: draws from the largest multiple of n below 2^64 only.
    public mutating func below(_ n: Int) -> Int {
        precondition(n > 0, "below(_:) needs a positive bound")
        let bound = UInt64(n)
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let x = next()
            if x < limit { return Int(x % bound) }
        }
    }

    /// A uniform integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// True with probability numerator / denominator.
    public mutating func chance(_ numerator: Int, in denominator: Int) -> Bool { below(denominator) < numerator }

    /// A uniformly drawn decimal string of exactly `digits` digits (no leading zero).
    public mutating func digitString(_ digits: Int) -> String {
        var scalars: [UInt8] = []
        scalars.reserveCapacity(digits)
        for i in 0..<digits {
            scalars.append(UInt8(ascii: "0") + UInt8(i == 0 ? 1 + below(9) : below(10)))
        }
        return String(decoding: scalars, as: UTF8.self)
    }
}
