/// Where JSON is written: a byte array, or a ``ByteBuffer`` on hot paths.
///
/// The serializer is generic over it and specialized for each, so `[UInt8]` callers keep their API and the audit's
/// output line is written through a pointer.
public protocol ByteSink: ~Copyable {
    mutating func append(_ byte: UInt8)
    mutating func append(bytes: UnsafeBufferPointer<UInt8>)
    /// Makes room for `count` more bytes (a hint: appends stay safe without it).
    mutating func reserve(_ count: Int)
}

extension ByteSink where Self: ~Copyable {
    /// Appends a literal's bytes (a copy of static memory, not a walk over a String's UTF-8 view).
    @inlinable @inline(__always)
    public mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { append(bytes: $0) }
    }

    /// Appends an integer in decimal, as `String(n)` writes it.
    @inlinable
    public mutating func append(decimal n: Int) {
        if n < 0 { append(UInt8(ascii: "-")) }
        var v = n.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // scratch for up to 24 digits
        withUnsafeMutableBytes(of: &digits) { scratch in
            var k = scratch.count
            repeat {
                k -= 1
                scratch[k] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            } while v > 0
            let written = UnsafeRawBufferPointer(rebasing: scratch[k...])
            written.withMemoryRebound(to: UInt8.self) { append(bytes: $0) }
        }
    }
}

extension Array: ByteSink where Element == UInt8 {
    @inlinable @inline(__always)
    public mutating func append(bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }

    /// Arrays grow geometrically on their own; reserving per write would defeat that.
    @inlinable @inline(__always)
    public mutating func reserve(_ count: Int) {}
}

/// A growable byte buffer written through a pointer: an append is a capacity check, a store and an increment, where
/// an array's append also checks uniqueness and goes through its generic growth path.
///
/// Move-only, so it owns its memory alone and frees it once.
public struct ByteBuffer: ~Copyable, ByteSink {
    // Usable from inlinable code: the audit's writer lives in another module and must inline the appends.
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var written = 0

    /// The number of bytes written.
    public var count: Int { written }

    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inlinable @inline(__always)
    public mutating func reserve(_ n: Int) {
        if n > capacity - written { grow(written + n) }
    }

    @usableFromInline
    mutating func grow(_ needed: Int) {
        let larger = max(needed, 2 * capacity)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: written)
        base.deallocate()
        base = moved
        capacity = larger
    }

    @inlinable @inline(__always)
    public mutating func append(_ byte: UInt8) {
        reserve(1)
        base[written] = byte
        written += 1
    }

    @inlinable @inline(__always)
    public mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let n = bytes.count
        reserve(n)
        let target = base + written
        if n <= 16 {
            // Most appends are short (keys, numbers, words): a loop beats a call to memcpy.
            for k in 0..<n { target[k] = source[k] }
        } else {
            target.initialize(from: source, count: n)
        }
        written += n
    }

    /// Empties the buffer and keeps its memory.
    public mutating func removeAll() { written = 0 }

    /// The bytes written so far.
    @inlinable
    public func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(start: base, count: written))
    }
}
