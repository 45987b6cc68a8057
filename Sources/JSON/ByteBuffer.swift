/// Where JSON is written: a byte array, or a ``ByteBuffer`` on hot paths.
///
/// The serializer is generic over it and specialized for each, so `[UInt8]` callers keep their API and the audit's
/// output line is written through a pointer.
public protocol ByteSink: ~Copyable {
    mutating func append(_ byte: UInt8)
    mutating func append(bytes: UnsafeBufferPointer<UInt8>)
    /// Makes room for `count` more bytes (a hint: appends stay safe without it).
    mutating func reserve(_ count: Int)
    /// Appends `count` bytes that `initialize` writes, all of them, to the memory it is given: one capacity check for
    /// a run of bytes whose length is known before they are made (a quoted string, a number's digits).
    mutating func append(count: Int, initializingWith initialize: (UnsafeMutablePointer<UInt8>) -> Void)
    /// Appends the bytes `initialize` writes to the start of the `maxCount` bytes it is given, returning how many
    /// (at most `maxCount`): one capacity check for a text whose longest form is known before it is made.
    mutating func append(atMost maxCount: Int, initializingWith initialize: (UnsafeMutableBufferPointer<UInt8>) -> Int)
    /// Appends a quote, `bytes` as they are, and a quote: a JSON string whose bytes need no escape.
    mutating func append(quoted bytes: UnsafeBufferPointer<UInt8>)
    /// The number of bytes written so far.
    var count: Int { get }
    /// Appends a copy of bytes already written: those at `range` of what was written (its end at most ``count``).
    mutating func appendCopy(of range: Range<Int>)
}

extension ByteSink where Self: ~Copyable {
    /// Appends a literal's bytes (a copy of static memory, not a walk over a String's UTF-8 view).
    @inlinable @inline(__always)
    public mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { append(bytes: $0) }
    }

    /// Appends an integer in decimal, as `String(n)` writes it.
    ///
    /// The digits are counted first, then written from the last one back in one run, two per division: the
    /// remainder mod 100 picks its two ASCII digits from ``decimalDigitPairs`` (a division by a constant is a multiply
    /// and a shift), so a span offset below 10,000 takes at most two.
    @inlinable @inline(__always)
    public mutating func append(decimal n: Int) {
        var v = n.magnitude
        if n >= 0 && v < 10 {
            append(UInt8(truncatingIfNeeded: v) &+ UInt8(ascii: "0"))
            return
        }
        // 10^19 < UInt64.max < 10^20: the bound stops before it would overflow.
        var digits = 1
        var bound: UInt = 10
        while v >= bound && digits < 20 {
            digits += 1
            bound &*= 10
        }
        let sign = n < 0 ? 1 : 0
        append(count: sign + digits) { start in
            let pairs = UnsafeRawPointer(decimalDigitPairs.utf8Start)
            let raw = UnsafeMutableRawPointer(start)
            if sign == 1 { start[0] = UInt8(ascii: "-") }
            var k = sign + digits
            while v >= 100 {
                let pair = Int(truncatingIfNeeded: v % 100)
                v /= 100
                k -= 2
                raw.storeBytes(
                    of: pairs.loadUnaligned(fromByteOffset: 2 * pair, as: UInt16.self), toByteOffset: k,
                    as: UInt16.self)
            }
            if v >= 10 {
                raw.storeBytes(
                    of: pairs.loadUnaligned(fromByteOffset: 2 * Int(v), as: UInt16.self), toByteOffset: k - 2,
                    as: UInt16.self)
            } else {
                start[k - 1] = UInt8(truncatingIfNeeded: v) &+ UInt8(ascii: "0")
            }
        }
    }
}

/// "00", "01", …, "99" run together: the two ASCII digits of `p` (0 ≤ p < 100) are the bytes at `2p` and `2p + 1`.
@inlinable
var decimalDigitPairs: StaticString {
    """
    0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899
    """
}

extension Array: ByteSink where Element == UInt8 {
    @inlinable @inline(__always)
    public mutating func append(bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }

    /// Arrays grow geometrically on their own; reserving per write would defeat that.
    @inlinable @inline(__always)
    public mutating func reserve(_ count: Int) {}

    /// Grows by `count` zeros, then lets `initialize` write over them.
    @inlinable
    public mutating func append(count: Int, initializingWith initialize: (UnsafeMutablePointer<UInt8>) -> Void) {
        guard count > 0 else { return }
        let start = self.count
        append(contentsOf: repeatElement(0, count: count))
        withUnsafeMutableBufferPointer { bytes in
            if let base = bytes.baseAddress { initialize(base + start) }
        }
    }

    /// Grows by `maxCount` zeros, lets `initialize` write over them, then drops the bytes it did not write.
    @inlinable
    public mutating func append(
        atMost maxCount: Int, initializingWith initialize: (UnsafeMutableBufferPointer<UInt8>) -> Int
    ) {
        guard maxCount > 0 else { return }
        let start = count
        append(contentsOf: repeatElement(0, count: maxCount))
        let written = withUnsafeMutableBufferPointer { bytes in
            initialize(UnsafeMutableBufferPointer(rebasing: bytes[start...]))
        }
        precondition(written >= 0 && written <= maxCount, "append(atMost:): more bytes written than room was given")
        removeLast(maxCount - written)
    }

    @inlinable
    public mutating func append(quoted bytes: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        append(contentsOf: bytes)
        append(UInt8(ascii: "\""))
    }

    @inlinable
    public mutating func appendCopy(of range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "appendCopy: the range is not written yet")
        // The copy goes after `count`, so it never overlaps its source.
        let distance = count - range.lowerBound
        append(count: range.count) { target in target.update(from: target - distance, count: range.count) }
    }
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
        copyBytes(source, to: base + written, count: n)
        written += n
    }

    @inlinable @inline(__always)
    public mutating func append(count: Int, initializingWith initialize: (UnsafeMutablePointer<UInt8>) -> Void) {
        reserve(count)
        initialize(base + written)
        written += count
    }

    @inlinable @inline(__always)
    public mutating func append(
        atMost maxCount: Int, initializingWith initialize: (UnsafeMutableBufferPointer<UInt8>) -> Int
    ) {
        reserve(maxCount)
        let n = initialize(UnsafeMutableBufferPointer(start: base + written, count: maxCount))
        precondition(n >= 0 && n <= maxCount, "append(atMost:): more bytes written than room was given")
        written += n
    }

    @inlinable @inline(__always)
    public mutating func append(quoted bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        reserve(n + 2)
        let target = base + written
        target[0] = UInt8(ascii: "\"")
        if let source = bytes.baseAddress { copyBytes(source, to: target + 1, count: n) }
        target[n + 1] = UInt8(ascii: "\"")
        written += n + 2
    }

    @inlinable @inline(__always)
    public mutating func appendCopy(of range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= written, "appendCopy: the range is not written yet")
        let n = range.count
        reserve(n)
        // The copy goes after what is written, so it never overlaps its source.
        copyBytes(base + range.lowerBound, to: base + written, count: n)
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

/// Copies `count` bytes between memory that does not overlap: most appends are short (keys, numbers, words,
/// claim texts), and for up to 64 bytes a few word moves beat a call to memcpy.
///
/// Every byte is covered: words at 0, 8, … below `count − 8` and one more ending at `count` (it may overlap the
/// one before, rewriting the same bytes); for 4…7 bytes, four at 0 and four ending at `count`; for 1…3, the
/// bytes at 0, `count / 2` and `count − 1`.
@inlinable @inline(__always)
func copyBytes(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count n: Int) {
    let from = UnsafeRawPointer(source)
    let to = UnsafeMutableRawPointer(target)
    if n >= 8 {
        guard n <= 64 else {
            to.copyMemory(from: from, byteCount: n)
            return
        }
        var k = 0
        while k < n - 8 {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: k, as: UInt64.self), toByteOffset: k, as: UInt64.self)
            k += 8
        }
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self), toByteOffset: n - 8,
            as: UInt64.self)
    } else if n >= 4 {
        let head = from.loadUnaligned(as: UInt32.self)
        let tail = from.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
        to.storeBytes(of: head, as: UInt32.self)
        to.storeBytes(of: tail, toByteOffset: n - 4, as: UInt32.self)
    } else if n > 0 {
        target[0] = source[0]
        target[n >> 1] = source[n >> 1]
        target[n - 1] = source[n - 1]
    }
}
