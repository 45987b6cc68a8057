import Foundation

/// Times a closure: runs it in batches until a batch takes at least `minimum` seconds, five times, and reports the
/// median rate. Every figure in a table is measured in the same process run as its baseline.
struct Harness {
    var minimum: Double = 0.25

    /// Operations per second of `body`, which performs `count` operations per call.
    func rate(count: Int = 1, _ body: () -> Void) -> Double {
        var batch = 1
        while true {
            let t = time { for _ in 0..<batch { body() } }
            if t >= minimum / 5 || batch >= 1 << 24 { break }
            batch *= 2
        }
        var rates: [Double] = []
        for _ in 0..<5 {
            let t = time { for _ in 0..<batch { body() } }
            rates.append(Double(batch * count) / t)
        }
        return rates.sorted()[2]
    }

    /// Operations per second of `a` and of `b`, measured in alternating batches (nine of each) and taking each
    /// one's best batch, so that interference from the rest of a shared machine hits both sides alike.
    func compare(_ a: () -> Void, _ b: () -> Void) -> (Double, Double) {
        var batch = 1
        while time({ for _ in 0..<batch { a() } }) < minimum / 10 && batch < 1 << 24 { batch *= 2 }
        var bestA = Double.infinity
        var bestB = Double.infinity
        for _ in 0..<9 {
            bestA = min(bestA, time { for _ in 0..<batch { a() } })
            bestB = min(bestB, time { for _ in 0..<batch { b() } })
        }
        return (Double(batch) / bestA, Double(batch) / bestB)
    }

    /// Seconds for one call of `body` (median of five).
    func seconds(_ body: () -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<5 { times.append(time(body)) }
        return times.sorted()[2]
    }

    func time(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

/// Results of baseline calls go here so that the optimizer cannot drop calls to pure C functions.
nonisolated(unsafe) var sink = 0

/// Prints a Markdown table.
func table(_ title: String, _ header: [String], _ rows: [[String]]) {
    print("\n### \(title)\n")
    print("| " + header.joined(separator: " | ") + " |")
    print("|" + header.map { _ in "---" }.joined(separator: "|") + "|")
    for row in rows { print("| " + row.joined(separator: " | ") + " |") }
}

func formatRate(_ r: Double) -> String {
    if r >= 1e6 { return String(format: "%.2fM", r / 1e6) }
    if r >= 1e3 { return String(format: "%.1fk", r / 1e3) }
    return String(format: "%.1f", r)
}

func formatSeconds(_ s: Double) -> String {
    s >= 1 ? String(format: "%.2f s", s) : s >= 1e-3 ? String(format: "%.1f ms", s * 1e3) : String(format: "%.1f µs", s * 1e6)
}

/// SplitMix64: deterministic inputs for every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
