/// Word-at-a-time scans over UTF-8 bytes, for the answer-only path (a response is read once to find its answer).
extension UnsafeBufferPointer<UInt8> {
    /// The number of Unicode scalars that start in these UTF-8 bytes: the bytes that are not continuation bytes
    /// (`10xxxxxx`). Eight bytes at a time: all-ASCII words are only or-ed together, and when some byte is 0x80 or
    /// up the continuation bytes are counted (a byte is one when its top bit is set and the next one down is not).
    func unicodeScalarCount() -> Int {
        let raw = UnsafeRawBufferPointer(self)
        let tops: UInt64 = 0x8080_8080_8080_8080
        var continuations = 0
        var i = 0
        while i &+ 8 <= count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if w & tops != 0 { continuations &+= (w & ~(w << 1) & tops).nonzeroBitCount }
            i &+= 8
        }
        while i < count {
            if self[i] & 0xC0 == 0x80 { continuations &+= 1 }
            i &+= 1
        }
        return count - continuations
    }

    /// The index of the first byte of 0x80 or up (the first that is not ASCII), or `count` when there is none;
    /// sixteen bytes at a time.
    func firstNonASCIIIndex() -> Int {
        let raw = UnsafeRawBufferPointer(self)
        let tops: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i &+ 16 <= count {
            let a = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let b = raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)
            if (a | b) & tops != 0 { break }
            i &+= 16
        }
        while i < count && self[i] < 0x80 { i &+= 1 }
        return i
    }

    /// The index of the last `byte` in self[..<end], or nil; eight bytes at a time.
    ///
    /// A word's bytes equal to `byte` are marked exactly (no false marks, unlike the cheaper zero-byte test) by
    /// ¬(((x & 0x7F…) + 0x7F…) | x | 0x7F…) with x the word XOR the repeated byte (Hacker's Delight §6-1).
    func lastIndex(of byte: UInt8, before end: Int) -> Int? {
        let raw = UnsafeRawBufferPointer(self)
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let pattern = UInt64(byte) &* 0x0101_0101_0101_0101
        var i = end
        while i >= 8 {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i &- 8, as: UInt64.self)) ^ pattern
            let marks = ~(((x & low) &+ low) | x | low)
            if marks != 0 { return i &- 1 &- marks.leadingZeroBitCount / 8 }
            i &-= 8
        }
        while i > 0 {
            i &-= 1
            if self[i] == byte { return i }
        }
        return nil
    }
}
