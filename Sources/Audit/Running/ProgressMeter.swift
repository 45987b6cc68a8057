#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-line progress display on standard error: records, records per second, wrong so far, and the percentage
/// and time left when the input size is known. Redrawn at most five times a second.
public final class ProgressMeter {
    private let totalBytes: Int?
    private let start = ContinuousClock.now
    private var lastDraw = ContinuousClock.now
    private var bytes = 0
    private var drawn = false

    /// A meter when standard error is a terminal; nil otherwise (progress is silent in pipelines and logs).
    public static func forTerminal(inputs: [String]) -> ProgressMeter? {
        guard isatty(2) == 1 else { return nil }
        var total = 0
        for path in inputs {
            var info = stat()
            let ok = path == "-" ? fstat(0, &info) == 0 : stat(path, &info) == 0
            guard ok, (info.st_mode & S_IFMT) == S_IFREG else { return ProgressMeter(totalBytes: nil) }
            total += Int(info.st_size)
        }
        return ProgressMeter(totalBytes: total)
    }

    public init(totalBytes: Int?) { self.totalBytes = totalBytes }

    /// Counts `consumed` input bytes; redraws with `records` done and `flagged` of them ("12 wrong").
    func advance(bytes consumed: Int, records: Int, flagged: String) {
        bytes += consumed
        let now = ContinuousClock.now
        guard now - lastDraw >= .milliseconds(200) else { return }
        lastDraw = now
        draw(records: records, flagged: flagged, at: now)
    }

    private func draw(records: Int, flagged: String, at now: ContinuousClock.Instant) {
        let elapsed = Self.seconds(now - start)
        let rate = elapsed > 0 ? Double(records) / elapsed : 0
        var text = "\(records) records · \(Int(rate))/s · \(flagged)"
        if let totalBytes, totalBytes > 0 {
            let fraction = min(1, Double(bytes) / Double(totalBytes))
            text += " · \(Int(fraction * 100))%"
            if fraction > 0 {
                let left = Int(elapsed / fraction - elapsed)
                text += " · ETA \(left / 60):" + (left % 60 < 10 ? "0" : "") + "\(left % 60)"
            }
        }
        write("\r\u{1B}[K" + text)
        drawn = true
    }

    func finish() {
        if drawn { write("\r\u{1B}[K") }
    }

    private func write(_ text: String) {
        var text = text
        text.withUTF8 { p in _ = Glibc.write(2, p.baseAddress, p.count) }
    }

    private static func seconds(_ d: Duration) -> Double {
        let (s, atto) = d.components
        return Double(s) + Double(atto) / 1e18
    }
}
