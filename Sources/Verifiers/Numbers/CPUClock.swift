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

    /// The monotonic wall clock: read in user space (vDSO), unlike the thread CPU clock, which is a system call.
    static func wallNow() -> Duration {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
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

/// A CPU-time budget for one answer, cheap to ask about claim by claim.
///
/// A thread's CPU time cannot grow faster than wall time, so while less than the budget has passed on the wall
/// clock (read in user space) the budget cannot have run out, and the thread CPU clock (a system call, ~10× the cost)
/// is read only after that. The answer is the same as reading the CPU clock every time.
struct CPUBudget {
    private let cpuStart: Duration
    private let wallStart: Duration
    let limit: Duration

    init(_ limit: Duration) {
        self.limit = limit
        cpuStart = CPUClock.now()
        wallStart = CPUClock.wallNow()
    }

    /// Whether more than `limit` of CPU time has been used since the budget started.
    func isExhausted() -> Bool {
        if CPUClock.wallNow() - wallStart <= limit { return false }
        return CPUClock.now() - cpuStart > limit
    }
}
