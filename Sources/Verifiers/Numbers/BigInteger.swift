internal import CGMP

/// An arbitrary-precision integer with value semantics, backed by a GMP `mpz_t`.
///
/// Copies share storage until one of them is mutated (copy-on-write), so a mutation never changes a copy.
/// Equality and hashing use the value, never the storage address. Use this type for numbers that are stored,
/// compared or encoded; verifiers use ``MPZ`` for scratch work.
///
/// Values made from an `Int` (or parsed from at most 18 digits) are kept inline as a machine word and lent to GMP as
/// a read-only `mpz_t` on the stack (what GMP's `mpz_roinit_n` makes): the numbers of claims are nearly all small,
/// and each one would otherwise cost two allocations (the storage object and its limb) and their reference counting.
/// Results of GMP operations are kept in storage. Both forms of one value compare, hash and print alike.
public struct BigInteger: Sendable {
    enum Representation {
        /// A value held inline.
        case word(Int)
        /// A value owned by a GMP `mpz_t`.
        case mpz(Storage)
    }

    var representation: Representation

    /// The reference type that owns the `mpz_t`. It is immutable once shared: every mutation goes through
    /// ``BigInteger/mutate(_:)``, which copies first when the storage is not uniquely referenced. That is why
    /// `@unchecked Sendable` is sound. Reads take `&raw` only to hand GMP a pointer, and a value may be read twice in
    /// one call (a == a), so dynamic exclusivity checks are turned off for it; writes happen only on unique storage.
    final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var raw = __mpz_struct()

        init() { __gmpz_init(&raw) }
        init(copying other: Storage) { __gmpz_init_set(&raw, &other.raw) }
        init(word: Int) { __gmpz_init_set_si(&raw, word) }
        deinit { __gmpz_clear(&raw) }
    }

    init(storage: Storage) { representation = .mpz(storage) }

    /// Creates a BigInteger holding `value`.
    public init(_ value: Int) {
        representation = .word(value)
    }

    /// Creates a BigInteger holding `value`.
    public init(_ value: UInt64) {
        if value <= UInt64(Int.max) {
            representation = .word(Int(value))
        } else {
            let storage = Storage()
            __gmpz_set_ui(&storage.raw, UInt(value))
            representation = .mpz(storage)
        }
    }

    init(copying value: borrowing MPZ) {
        let storage = Storage()
        value.withPointer { __gmpz_set(&storage.raw, $0) }
        representation = .mpz(storage)
    }

    /// Reads the value without copying it. A word is lent as a read-only `mpz_t` whose one limb is on the stack.
    func withPointer<R>(_ body: (UnsafePointer<__mpz_struct>) throws -> R) rethrows -> R {
        switch representation {
        case .word(let value):
            var limb = value.magnitude
            return try withUnsafeMutablePointer(to: &limb) { limbPointer in
                // _mp_alloc 0 marks the value read-only, as mpz_roinit_n does; GMP never writes to an input.
                var z = __mpz_struct(_mp_alloc: 0, _mp_size: Int32(value.signum()), _mp_d: limbPointer)
                return try withUnsafePointer(to: &z, body)
            }
        case .mpz(let storage):
            return try withUnsafePointer(to: &storage.raw, body)
        }
    }

    /// Mutates the value in place, copying the storage first if it is shared (a word moves into storage first).
    mutating func mutate<R>(_ body: (UnsafeMutablePointer<__mpz_struct>) throws -> R) rethrows -> R {
        var storage: Storage
        switch representation {
        case .word(let value):
            storage = Storage(word: value)
        case .mpz(let shared):
            storage = shared
            representation = .word(0)  // drop this value's reference, so that the check below sees only the others
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        }
        representation = .mpz(storage)
        return try withUnsafeMutablePointer(to: &storage.raw, body)
    }

    /// Builds a new value from an operation that writes its result into a fresh `mpz_t`.
    static func result(_ body: (UnsafeMutablePointer<__mpz_struct>) throws -> Void) rethrows -> BigInteger {
        let out = Storage()
        try withUnsafeMutablePointer(to: &out.raw, body)
        return BigInteger(storage: out)
    }

    /// The value as a word, when it is held as one.
    var word: Int? {
        if case .word(let value) = representation { return value }
        return nil
    }

    // MARK: - Properties

    /// -1, 0 or 1.
    public var signum: Int { word?.signum() ?? withPointer { Int(cgmp_mpz_sgn($0)) } }
    public var isZero: Bool { signum == 0 }
    public var isNegative: Bool { signum < 0 }
    public var isEven: Bool { word.map { $0 & 1 == 0 } ?? withPointer { cgmp_mpz_odd_p($0) == 0 } }
    /// The number of bits of |self| (0 for zero).
    public var bitWidth: Int {
        if let w = word { return UInt.bitWidth - w.magnitude.leadingZeroBitCount }
        return isZero ? 0 : withPointer { Int(__gmpz_sizeinbase($0, 2)) }
    }
    /// The value as an Int, when it fits.
    public var intValue: Int? {
        word ?? withPointer { __gmpz_fits_slong_p($0) != 0 ? Int(__gmpz_get_si($0)) : nil }
    }
    /// The value as a UInt64, when it is non-negative and fits.
    public var uint64Value: UInt64? {
        if let w = word { return w >= 0 ? UInt64(w) : nil }
        return withPointer { cgmp_mpz_sgn($0) >= 0 && __gmpz_fits_ulong_p($0) != 0 ? UInt64(__gmpz_get_ui($0)) : nil }
    }
    /// The absolute value.
    public var magnitude: BigInteger {
        if let w = word, w != Int.min { return BigInteger(abs(w)) }
        return signum >= 0 ? self : BigInteger.result { r in withPointer { __gmpz_abs(r, $0) } }
    }
}

// MARK: - Equatable, Comparable, Hashable

extension BigInteger: Comparable, Hashable {
    public static func == (lhs: BigInteger, rhs: BigInteger) -> Bool {
        if let a = lhs.word, let b = rhs.word { return a == b }
        return lhs.withPointer { a in rhs.withPointer { b in __gmpz_cmp(a, b) == 0 } }
    }

    public static func < (lhs: BigInteger, rhs: BigInteger) -> Bool {
        if let a = lhs.word, let b = rhs.word { return a < b }
        return lhs.withPointer { a in rhs.withPointer { b in __gmpz_cmp(a, b) < 0 } }
    }

    /// Hashes the sign and the limbs: equal values hash alike whatever their storage (a word is lent as the
    /// one-limb `mpz_t` GMP itself would hold).
    public func hash(into hasher: inout Hasher) {
        withPointer { p in
            let size = Int(p.pointee._mp_size)
            hasher.combine(size)
            guard let limbs = p.pointee._mp_d else { return }
            for i in 0..<abs(size) { hasher.combine(limbs[i]) }
        }
    }
}

extension BigInteger: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}
