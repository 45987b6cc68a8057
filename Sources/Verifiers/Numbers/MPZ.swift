internal import CGMP

/// A GMP integer owned by value: initialised on creation, cleared exactly once in `deinit`.
///
/// This is the hot-path form: it never copies implicitly, so in-place operations cost a few nanoseconds and no
/// reference counting. Verifiers keep these as reusable scratch values; anything stored, compared or encoded is a
/// ``BigInteger``.
struct MPZ: ~Copyable {
    var raw: __mpz_struct

    init() {
        raw = __mpz_struct()
        __gmpz_init(&raw)
    }

    init(_ value: Int) {
        raw = __mpz_struct()
        __gmpz_init_set_si(&raw, value)
    }

    init(copying other: borrowing MPZ) {
        raw = __mpz_struct()
        withUnsafePointer(to: other.raw) { __gmpz_init_set(&raw, $0) }
    }

    deinit {
        var r = raw
        __gmpz_clear(&r)
    }

    /// Runs `body` with a read-only pointer to the value.
    func withPointer<R>(_ body: (UnsafePointer<__mpz_struct>) throws -> R) rethrows -> R {
        try withUnsafePointer(to: raw, body)
    }

    /// Runs `body` with a mutable pointer to the value. Pass the one pointer for every operand that is `self`:
    /// passing `&raw` twice in one call is an exclusivity violation.
    mutating func withMutablePointer<R>(_ body: (UnsafeMutablePointer<__mpz_struct>) throws -> R) rethrows -> R {
        try withUnsafeMutablePointer(to: &raw, body)
    }
}
