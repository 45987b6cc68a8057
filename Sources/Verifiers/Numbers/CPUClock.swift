#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The CPU time the calling thread has used, for per-record budgets.
///
/// Thread CPU time, not wall time: a budget then means the same work on a busy machine or with any number of
/// parallel jobs, so whether a record runs out of budget depends on the record, not on what else is running.
enum CPUClock {
    /// The calling thread's CPU time.
    static func now() -> Duration {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
    }

    /// A duration in seconds with up to six decimals, trailing zeros dropped ("1", "0.25", "0.0001").
    static func seconds(_ d: Duration) -> String {
        let (s, attoseconds) = d.components
        let micros = Int(attoseconds / 1_000_000_000_000)
        guard micros > 0 else { return "\(s)" }
        var fraction = String(micros)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(s).\(fraction)"
    }
}
