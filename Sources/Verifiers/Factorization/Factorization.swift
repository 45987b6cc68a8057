/// A prime power in a factorization.
public struct PrimePower: Sendable, Equatable {
    public var prime: BigInteger
    public var exponent: Int
    /// `probable` when the factor is larger than the proof bound and was only shown to pass BPSW.
    public var certainty: Certainty

    public init(prime: BigInteger, exponent: Int, certainty: Certainty = .proven) {
        self.prime = prime
        self.exponent = exponent
        self.certainty = certainty
    }
}

/// n as a product of prime powers, in increasing order of the primes, possibly with an unfactored cofactor.
///
/// When `complete` is false, n = (∏ pᵢ^eᵢ) × cofactor, where the cofactor is a proven composite that the bounded
/// search could not split. It is never reported as prime.
public struct Factorization: Sendable, Equatable {
    public var n: BigInteger
    public var factors: [PrimePower]
    public var cofactor: BigInteger?

    public var complete: Bool { cofactor == nil }

    public init(n: BigInteger, factors: [PrimePower], cofactor: BigInteger? = nil) {
        self.n = n
        self.factors = factors
        self.cofactor = cofactor
    }

    /// The product of the prime powers and the cofactor; equals `n` by construction.
    public var product: BigInteger {
        var result: BigInteger = cofactor ?? 1
        for f in factors {
            result *= (try? f.prime.power(BigInteger(f.exponent))) ?? 0
        }
        return result
    }
}
