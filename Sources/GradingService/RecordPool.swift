import Audit
import Foundation

/// The record runners one thread owns: an auditor, and a checker made on first use. Neither may be shared between
/// threads (their scratch buffers and caches are one thread's), so each pool thread keeps its own.
struct Runners {
    var auditor: RecordAuditor
    private var checker: CheckWorker?
    private let budget: Duration?

    init(budget: Duration?) {
        self.budget = budget
        auditor = RecordAuditor(budget: budget)
    }

    /// Calls `body` with the thread's checker, made on first use.
    mutating func withChecker<R>(_ body: (inout CheckWorker) -> R) -> R {
        // Moved out and back, so the checker's buffers stay uniquely referenced (no copy on write).
        var worker = checker ?? CheckWorker(budget: budget)
        checker = nil
        defer { checker = worker }
        return body(&worker)
    }
}

/// A fixed set of threads, one per core by default, that run jobs over records: the requests' CPU work happens
/// here, off Swift's cooperative pool and NIO's event loops, so a request that takes a record's whole budget holds
/// one pool thread and never the threads that accept, read and answer the other connections.
///
/// Jobs run in the order they were submitted. A request's records are cut into jobs of a few records each
/// (``RecordPool/chunks(_:)``), so a large request is spread over every thread and smaller requests that arrive
/// meanwhile are interleaved with it rather than waiting behind all of it.
final class RecordPool: @unchecked Sendable {
    // The queue and the closed flag are guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [@Sendable (inout Runners) -> Void] = []
    private var head = 0
    private var closed = false
    private var running = 0
    let threads: Int

    /// Starts `threads` threads whose runners have the CPU `budget` per record.
    init(threads: Int, budget: Duration?) {
        self.threads = max(1, threads)
        for index in 0..<self.threads {
            let thread = Thread { [self] in
                var runners = Runners(budget: budget)
                while let job = take() { job(&runners) }
                condition.lock()
                running -= 1
                condition.broadcast()
                condition.unlock()
            }
            thread.name = "mathcheck-records-\(index)"
            thread.stackSize = 16 << 20
            running += 1
            thread.start()
        }
    }

    private func take() -> (@Sendable (inout Runners) -> Void)? {
        condition.lock()
        defer { condition.unlock() }
        while head == queue.count && !closed { condition.wait() }
        guard head < queue.count else { return nil }
        let job = queue[head]
        head += 1
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        }
        return job
    }

    private func submit(_ jobs: [@Sendable (inout Runners) -> Void]) {
        condition.lock()
        precondition(!closed, "a job submitted to a closed record pool")
        queue.append(contentsOf: jobs)
        condition.broadcast()
        condition.unlock()
    }

    /// How many records one job takes from a request of `count`: the request spread over every thread, at most
    /// 16 records a job.
    func chunkSize(_ count: Int) -> Int {
        max(1, min(16, (count + threads - 1) / threads))
    }

    /// The ranges of a request's records, one per job.
    func chunks(_ count: Int) -> [Range<Int>] {
        let size = chunkSize(count)
        return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }

    /// Runs `work` once per chunk of `count` records on the pool's threads and returns the results in chunk order.
    func run<Result: Sendable>(
        count: Int, _ work: @escaping @Sendable (Range<Int>, inout Runners) -> Result
    ) async -> [Result] {
        let ranges = chunks(count)
        guard !ranges.isEmpty else { return [] }
        let results = ResultSlots<Result>(count: ranges.count)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            results.continuation = continuation
            submit(
                ranges.enumerated().map { index, range in
                    { runners in results.store(work(range, &runners), at: index) }
                })
        }
        return results.values()
    }

    /// Stops the threads once the jobs already submitted are done, and waits for them.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }
}

/// The results of one request's jobs, filled from the pool's threads; the last one stored resumes the request.
private final class ResultSlots<Result: Sendable>: @unchecked Sendable {
    // Guarded by `lock`; `continuation` is set before any job is submitted.
    private let lock = NSLock()
    private var slots: [Result?]
    private var missing: Int
    var continuation: CheckedContinuation<Void, Never>?

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
        missing = count
    }

    func store(_ value: Result, at index: Int) {
        lock.lock()
        slots[index] = value
        missing -= 1
        let done = missing == 0
        lock.unlock()
        if done { continuation?.resume() }
    }

    func values() -> [Result] {
        lock.lock()
        defer { lock.unlock() }
        let values = slots.compactMap { $0 }
        precondition(values.count == slots.count, "a request resumed before all its jobs were done")
        return values
    }
}
