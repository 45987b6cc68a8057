/// Writes literals and decimal integers into a buffer the caller sized, for texts built in one pass.
///
/// The caller sizes the buffer for the longest text it writes; each write checks that it fits once, then copies
/// without a check per byte.
package struct ASCIIWriter {
    package let buffer: UnsafeMutableBufferPointer<UInt8>
    package private(set) var count = 0

    package init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    /// Runs `write` on a writer over `buffer` and returns how many bytes it wrote.
    @inlinable @inline(__always)
    package static func write(into buffer: UnsafeMutableBufferPointer<UInt8>, _ write: (inout ASCIIWriter) -> Void) -> Int {
        var out = ASCIIWriter(buffer)
        write(&out)
        return out.count
    }

    /// The text `write` writes, made in place in a String of `capacity` bytes (at least what it writes).
    @inlinable @inline(__always)
    package static func text(capacity: Int, _ write: (inout ASCIIWriter) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { Self.write(into: $0, write) }
    }

    /// The start of the unwritten part, after checking that `length` more bytes fit.
    @usableFromInline @inline(__always)
    func room(_ length: Int) -> UnsafeMutablePointer<UInt8> {
        precondition(length <= buffer.count - count, "ASCIIWriter: the buffer is too small")
        return buffer.baseAddress.unsafelyUnwrapped + count  // non-nil: a buffer with room has a base address
    }

    @inlinable @inline(__always)
    package mutating func write(_ s: StaticString) {
        let length = s.utf8CodeUnitCount
        room(length).update(from: s.utf8Start, count: length)
        count += length
    }

    @inlinable @inline(__always)
    package mutating func write(_ byte: UInt8) {
        room(1).pointee = byte
        count += 1
    }

    /// `String(value)`'s digits.
    @inlinable @inline(__always)
    package mutating func write(_ value: Int) { write(value.magnitude, negative: value < 0) }

    /// The digits of `magnitude`, after a minus sign when `negative`. Inlined: a finding's text is mostly numbers,
    /// a few digits each, where a call costs about as much as the digits.
    @inlinable @inline(__always)
    package mutating func write(_ magnitude: UInt, negative: Bool) {
        if negative { write(UInt8(ascii: "-")) }
        let length = Self.digitCount(magnitude)
        let start = room(length)
        var v = magnitude
        var k = length
        // Two digits per division by 100, from the last: p = v mod 100 holds tens p / 10 and ones p − 10 × (p / 10).
        // An odd count leaves one digit, v < 10, for the first place.
        while k >= 2 {
            let p = v % 100
            v /= 100
            let tens = p / 10
            k -= 2
            start[k] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: tens)
            start[k + 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: p &- tens &* 10)
        }
        if k == 1 { start[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v) }
        count += length
    }

    /// The number of decimal digits of `value` (1 for zero).
    @inlinable @inline(__always)
    package static func digitCount(_ value: UInt) -> Int {
        var length = 1
        var bound: UInt = 10
        while value >= bound {
            length += 1
            // 10^19 is the last power of ten below 2^64: every value has at most 20 digits.
            if length == 20 { break }
            bound &*= 10
        }
        return length
    }
}
