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
package enum CPUClock {
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
    package static func seconds(_ d: Duration) -> String {
        let (s, attoseconds) = d.components
        let micros = Int(attoseconds / 1_000_000_000_000)
        guard micros > 0 else { return "\(s)" }
        var fraction = String(micros)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(s).\(fraction)"
    }
}

/// A reading of the thread CPU clock and the wall clock taken together, which the budgets of the answers after it
/// start from: reading the thread CPU clock is a system call (~10× the cost of the wall clock, which is read in user
/// space), too dear to make for every answer of a corpus.
package struct CPUBaseline {
    private(set) var cpu: Duration = .zero
    private(set) var wall: Duration = .zero
    private var taken = false

    package init() {}

    /// How old a baseline may be, in wall time, when an answer starts: the most a budget may overrun by its start.
    static let maxAge: Duration = .milliseconds(10)

    /// The baseline for an answer starting at wall time `now`: this one while it is at most ``maxAge`` old, else a
    /// new reading.
    mutating func refresh(at now: Duration) {
        guard !taken || now - wall > Self.maxAge else { return }
        cpu = CPUClock.now()
        wall = CPUClock.wallNow()
        taken = true
    }
}

/// A CPU-time budget for one answer, cheap to ask about claim by claim.
///
/// A thread's CPU time cannot grow faster than wall time. So while less than the budget has passed on the wall clock
/// (read in user space), the budget cannot have run out, and the thread CPU clock (a system call) is read only after
/// that. Nor is the CPU clock read when the answer starts: its CPU time then is at most the baseline's plus the wall
/// time since the baseline (at most ``CPUBaseline/maxAge``), and the budget counts from that bound. It may so run
/// over by up to ``CPUBaseline/maxAge``, never run out early.
package struct CPUBudget {
    /// The most CPU time the thread can have used when the answer started.
    private let cpuStartBound: Duration
    private let wallStart: Duration
    let limit: Duration

    package init(_ limit: Duration, baseline: inout CPUBaseline) {
        self.limit = limit
        wallStart = CPUClock.wallNow()
        baseline.refresh(at: wallStart)
        cpuStartBound = baseline.cpu + max(wallStart - baseline.wall, .zero)
    }

    /// Whether more than `limit` of CPU time has been used since the budget started.
    package func isExhausted() -> Bool {
        if CPUClock.wallNow() - wallStart <= limit { return false }
        return CPUClock.now() - cpuStartBound > limit
    }
}
