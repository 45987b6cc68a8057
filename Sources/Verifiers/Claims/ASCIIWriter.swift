/// Writes literals and decimal integers into a buffer the caller sized, for texts built in one pass.
struct ASCIIWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    @inline(__always)
    mutating func write(_ s: StaticString) {
        let p = s.utf8Start
        for k in 0..<s.utf8CodeUnitCount { buffer[count + k] = p[k] }
        count += s.utf8CodeUnitCount
    }

    /// `String(value)`'s digits.
    mutating func write(_ value: Int) { write(value.magnitude, negative: value < 0) }

    /// The digits of `magnitude`, after a minus sign when `negative`.
    mutating func write(_ magnitude: UInt, negative: Bool) {
        if negative {
            buffer[count] = UInt8(ascii: "-")
            count += 1
        }
        var length = 1
        var v = magnitude / 10
        while v > 0 {
            length += 1
            v /= 10
        }
        v = magnitude
        for k in stride(from: count + length - 1, through: count, by: -1) {
            buffer[k] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: v % 10)
            v /= 10
        }
        count += length
    }
}
