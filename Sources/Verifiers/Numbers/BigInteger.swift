internal import CGMP

/// An arbitrary-precision integer with value semantics, backed by a GMP `mpz_t`.
///
/// Copies share storage until one of them is mutated (copy-on-write), so a mutation never changes a copy.
/// Equality and hashing use the value, never the storage address. Use this type for numbers that are stored,
/// compared or encoded; verifiers use ``MPZ`` for scratch work.
public struct BigInteger: Sendable {
    var storage: Storage

    /// The reference type that owns the `mpz_t`. It is immutable once shared: every mutation goes through
    /// ``BigInteger/mutate(_:)``, which copies first when the storage is not uniquely referenced. That is why
    /// `@unchecked Sendable` is sound. Reads take `&raw` only to hand GMP a pointer, and a value may be read twice in
    /// one call (a == a), so dynamic exclusivity checks are turned off for it; writes happen only on unique storage.
    final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var raw = __mpz_struct()

        init() { __gmpz_init(&raw) }
        init(copying other: Storage) { __gmpz_init_set(&raw, &other.raw) }
        deinit { __gmpz_clear(&raw) }
    }

    init(storage: Storage) { self.storage = storage }

    /// Creates a BigInteger holding `value`.
    public init(_ value: Int) {
        storage = Storage()
        __gmpz_set_si(&storage.raw, value)
    }

    /// Creates a BigInteger holding `value`.
    public init(_ value: UInt64) {
        storage = Storage()
        __gmpz_set_ui(&storage.raw, UInt(value))
    }

    init(copying value: borrowing MPZ) {
        storage = Storage()
        value.withPointer { __gmpz_set(&storage.raw, $0) }
    }

    /// Reads the value without copying it.
    func withPointer<R>(_ body: (UnsafePointer<__mpz_struct>) throws -> R) rethrows -> R {
        try withUnsafePointer(to: &storage.raw, body)
    }

    /// Mutates the value in place, copying the storage first if it is shared.
    mutating func mutate<R>(_ body: (UnsafeMutablePointer<__mpz_struct>) throws -> R) rethrows -> R {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        return try withUnsafeMutablePointer(to: &storage.raw, body)
    }

    /// Builds a new value from an operation that writes its result into a fresh `mpz_t`.
    static func result(_ body: (UnsafeMutablePointer<__mpz_struct>) throws -> Void) rethrows -> BigInteger {
        let out = Storage()
        try withUnsafeMutablePointer(to: &out.raw, body)
        return BigInteger(storage: out)
    }

    // MARK: - Properties

    /// -1, 0 or 1.
    public var signum: Int { withPointer { Int(cgmp_mpz_sgn($0)) } }
    public var isZero: Bool { signum == 0 }
    public var isNegative: Bool { signum < 0 }
    public var isEven: Bool { withPointer { cgmp_mpz_odd_p($0) == 0 } }
    /// The number of bits of |self| (0 for zero).
    public var bitWidth: Int { isZero ? 0 : withPointer { Int(__gmpz_sizeinbase($0, 2)) } }
    /// The value as an Int, when it fits.
    public var intValue: Int? { withPointer { __gmpz_fits_slong_p($0) != 0 ? Int(__gmpz_get_si($0)) : nil } }
    /// The value as a UInt64, when it is non-negative and fits.
    public var uint64Value: UInt64? {
        withPointer { cgmp_mpz_sgn($0) >= 0 && __gmpz_fits_ulong_p($0) != 0 ? UInt64(__gmpz_get_ui($0)) : nil }
    }
    /// The absolute value.
    public var magnitude: BigInteger {
        signum >= 0 ? self : BigInteger.result { r in withPointer { __gmpz_abs(r, $0) } }
    }
}

// MARK: - Equatable, Comparable, Hashable

extension BigInteger: Comparable, Hashable {
    public static func == (lhs: BigInteger, rhs: BigInteger) -> Bool {
        lhs.withPointer { a in rhs.withPointer { b in __gmpz_cmp(a, b) == 0 } }
    }

    public static func < (lhs: BigInteger, rhs: BigInteger) -> Bool {
        lhs.withPointer { a in rhs.withPointer { b in __gmpz_cmp(a, b) < 0 } }
    }

    /// Hashes the sign and the limbs: equal values hash alike whatever their storage.
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
