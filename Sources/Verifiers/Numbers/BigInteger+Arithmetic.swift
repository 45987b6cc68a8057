internal import CGMP

// MARK: - Exact arithmetic

extension BigInteger {
    public static func + (lhs: BigInteger, rhs: BigInteger) -> BigInteger {
        result { r in lhs.withPointer { a in rhs.withPointer { b in __gmpz_add(r, a, b) } } }
    }

    public static func - (lhs: BigInteger, rhs: BigInteger) -> BigInteger {
        result { r in lhs.withPointer { a in rhs.withPointer { b in __gmpz_sub(r, a, b) } } }
    }

    public static func * (lhs: BigInteger, rhs: BigInteger) -> BigInteger {
        result { r in lhs.withPointer { a in rhs.withPointer { b in __gmpz_mul(r, a, b) } } }
    }

    public static prefix func - (value: BigInteger) -> BigInteger {
        result { r in value.withPointer { __gmpz_neg(r, $0) } }
    }

    public static func += (lhs: inout BigInteger, rhs: BigInteger) {
        rhs.withPointer { b in lhs.mutate { a in __gmpz_add(a, a, b) } }
    }

    public static func *= (lhs: inout BigInteger, rhs: BigInteger) {
        rhs.withPointer { b in lhs.mutate { a in __gmpz_mul(a, a, b) } }
    }

    /// Truncating division: `self = quotient × divisor + remainder`, the remainder taking the sign of `self`
    /// (C's and Swift's convention).
    /// - Throws: `domain` when `divisor` is zero (GMP would kill the process with SIGFPE).
    public func quotientAndRemainder(dividingBy divisor: BigInteger) throws(VerifierError)
        -> (quotient: BigInteger, remainder: BigInteger)
    {
        guard !divisor.isZero else { throw VerifierError(.domain, "division by zero") }
        let q = Storage()
        let r = Storage()
        withPointer { n in divisor.withPointer { d in __gmpz_tdiv_qr(&q.raw, &r.raw, n, d) } }
        return (BigInteger(storage: q), BigInteger(storage: r))
    }

    /// The least non-negative residue of `self` modulo |m|.
    /// - Throws: `domain` when `m` is zero.
    public func modulo(_ m: BigInteger) throws(VerifierError) -> BigInteger {
        guard !m.isZero else { throw VerifierError(.domain, "modulo zero") }
        return BigInteger.result { r in withPointer { n in m.withPointer { d in __gmpz_mod(r, n, d) } } }
    }

    /// Whether `divisor` divides `self` exactly. Zero divides only zero.
    public func isDivisible(by divisor: BigInteger) -> Bool {
        withPointer { n in divisor.withPointer { d in __gmpz_divisible_p(n, d) != 0 } }
    }

    /// The greatest common divisor, always non-negative; gcd(0, 0) = 0.
    public static func gcd(_ a: BigInteger, _ b: BigInteger) -> BigInteger {
        result { r in a.withPointer { x in b.withPointer { y in __gmpz_gcd(r, x, y) } } }
    }

    /// `self` raised to `exponent`.
    /// - Throws: `too_large` when the result would exceed `bounds.maxPowerBits` bits (2^(2^64) is refused before
    ///   any work is done).
    public func power(_ exponent: BigInteger, bounds: Bounds = .standard) throws(VerifierError) -> BigInteger {
        guard !exponent.isNegative else {
            throw VerifierError(.domain, "negative exponent \(exponent) does not give an integer")
        }
        let base = magnitude
        // Results that are 0 or ±1 whatever the exponent.
        if exponent.isZero { return 1 }
        if base.isZero { return 0 }
        if base == 1 { return isNegative && !exponent.isEven ? -1 : 1 }
        // |self|^e has at least (bits − 1) × e + 1 bits; refuse before any work when that passes the bound.
        let minimumBits = exponent.intValue.map { Double(base.bitWidth - 1) * Double($0) } ?? .infinity
        guard let e = exponent.intValue, minimumBits < Double(bounds.maxPowerBits) else {
            throw VerifierError(
                .tooLarge,
                "\(abbreviated(description))^\(abbreviated(exponent.description)) has more than "
                    + "\(Int(Double(bounds.maxPowerBits) * 0.30103)) digits, the limit for exact powers")
        }
        return BigInteger.result { r in withPointer { __gmpz_pow_ui(r, $0, UInt(e)) } }
    }
}

extension BigInteger {
    /// `self / divisor` for a divisor known to divide `self` exactly and be nonzero (a broken invariant traps).
    package func dividedExactly(by divisor: BigInteger) -> BigInteger {
        precondition(!divisor.isZero, "exact division by zero")
        return BigInteger.result { r in withPointer { n in divisor.withPointer { d in __gmpz_divexact(r, n, d) } } }
    }
}

extension BigInteger {
    /// `self^exponent mod modulus`, the least non-negative residue; for rechecking Miller–Rabin witnesses.
    /// - Throws: `domain` for a zero modulus or a negative exponent.
    public func power(_ exponent: BigInteger, modulo modulus: BigInteger) throws(VerifierError) -> BigInteger {
        guard !modulus.isZero else { throw VerifierError(.domain, "modulo zero") }
        guard !exponent.isNegative else { throw VerifierError(.domain, "negative exponent in a modular power") }
        return BigInteger.result { r in
            withPointer { b in exponent.withPointer { e in modulus.withPointer { m in __gmpz_powm(r, b, e, m) } } }
        }
    }
}
