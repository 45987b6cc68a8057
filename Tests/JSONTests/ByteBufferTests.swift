import Testing

@testable import JSON

/// ``ByteBuffer`` copies short runs with word moves and numbers are written two digits at a time; both must write
/// exactly the bytes an array's plain append and `String(n)` give.
@Suite("Byte sinks")
struct ByteBufferTests {
    /// Distinct bytes, so that a byte copied to the wrong place shows.
    static func bytes(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) } }

    @Test("appends of every length, after every misalignment, hold the bytes appended")
    func appendsOfEveryLength() {
        for lead in 0..<8 {
            for length in 0...140 {
                var buffer = ByteBuffer(capacity: 1)
                var expected: [UInt8] = []
                for _ in 0..<lead { buffer.append(0x2E) }
                expected += [UInt8](repeating: 0x2E, count: lead)
                let run = Self.bytes(length)
                run.withUnsafeBufferPointer { buffer.append(bytes: $0) }
                run.withUnsafeBufferPointer { buffer.append(quoted: $0) }
                expected += run + [0x22] + run + [0x22]
                #expect(buffer.withBytes { Array($0) } == expected, "lead \(lead), length \(length)")
                var array = [UInt8](repeating: 0x2E, count: lead)
                run.withUnsafeBufferPointer { array.append(bytes: $0) }
                run.withUnsafeBufferPointer { array.append(quoted: $0) }
                #expect(array == expected, "lead \(lead), length \(length)")
            }
        }
    }

    /// 0, ±1, and each power of ten with its neighbours (where the digit count changes), up to the extremes.
    static let numbers: [Int] = {
        var numbers = [0, 1, -1, 42, -42, 1_234_567, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var power = 1
        for _ in 1...18 {
            power *= 10
            numbers += [power - 1, power, power + 1, -(power - 1), -power, -(power + 1)]
        }
        return numbers + Array(0...1_000) + Array(-1_000...(-1))
    }()

    @Test("integers are written as String(n) writes them, into either sink")
    func decimals() {
        for n in Self.numbers {
            var array: [UInt8] = [0x2E]
            array.append(decimal: n)
            #expect(String(decoding: array, as: UTF8.self) == "." + String(n))
            var buffer = ByteBuffer(capacity: 1)
            buffer.append(0x2E)
            buffer.append(decimal: n)
            #expect(buffer.withBytes { String(decoding: $0, as: UTF8.self) } == "." + String(n))
        }
    }
}
