import Foundation

/// Runs a worker over every line of a list of inputs, on any number of threads, and hands the outcomes and output
/// lines back in input order.
///
/// Lines are read on the calling thread into batches; with several jobs, worker threads take batches from a queue
/// and the caller consumes finished batches strictly in order. At most a few batches per job are in flight, so
/// memory stays flat whatever the size of the input, and the output is byte-identical whatever the number of jobs:
/// each line's output depends only on the line.
public final class Pipeline<Worker: LineWorker> {
    public var jobs: Int
    public var shard: Shard?
    /// Whether workers write each line's JSONL output.
    public var writeLines: Bool
    /// A batch ends after this many lines or bytes.
    public var batchLines = 256
    public var batchBytes = 1 << 20

    public init(jobs: Int = 1, shard: Shard? = nil, writeLines: Bool = true) {
        self.jobs = max(1, jobs)
        self.shard = shard
        self.writeLines = writeLines
    }

    /// Runs `makeWorker()` workers over `inputs` ("-" is standard input). `consume` gets each handled line's
    /// outcome and output bytes, in input order; `progress` gets the input bytes consumed after each batch.
    /// Throws when an input cannot be opened (before anything of it is read).
    public func run(
        inputs: [String], makeWorker: @escaping @Sendable () -> Worker,
        consume: (Worker.Outcome, UnsafeBufferPointer<UInt8>) -> Void,
        progress: ((Int) -> Void)? = nil
    ) throws(RecordError) {
        var source = BatchSource(inputs: inputs, shard: shard, lines: batchLines, bytes: batchBytes)
        if jobs == 1 {
            var worker = makeWorker()
            let batch = Batch<Worker.Outcome>()
            while try source.fill(batch) {
                batch.process(&worker, writeLines: writeLines)
                batch.emit(consume)
                progress?(batch.consumedBytes)
            }
            return
        }
        // jobs − 1 helper threads; the calling thread reads, writes, and works on batches while it waits, so
        // exactly `jobs` threads compute and none of them competes with an idle coordinator for a core.
        let helpers = jobs - 1
        let queue = WorkQueue<Worker.Outcome>(threads: helpers)
        let writeLines = self.writeLines
        for _ in 0..<helpers {
            let thread = Thread {
                var worker = makeWorker()
                while let batch = queue.take() {
                    batch.process(&worker, writeLines: writeLines)
                    queue.finish(batch)
                }
                queue.exited()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        defer { queue.close() }
        var own = makeWorker()
        var inFlight: [Batch<Worker.Outcome>] = []
        var spare: [Batch<Worker.Outcome>] = []
        let window = jobs * 3
        var done = false
        while true {
            while !done && inFlight.count < window {
                let batch = spare.popLast() ?? Batch()
                if try source.fill(batch) {
                    queue.put(batch)
                    inFlight.append(batch)
                } else {
                    done = true
                    spare.append(batch)
                }
            }
            guard !inFlight.isEmpty else { break }
            let first = inFlight.removeFirst()
            while let batch = queue.takeUnless(finished: first) {
                batch.process(&own, writeLines: writeLines)
                queue.finish(batch)
            }
            first.emit(consume)
            progress?(first.consumedBytes)
            spare.append(first)
        }
    }
}

/// Reads lines from the inputs in turn into batches, skipping other shards' lines.
struct BatchSource {
    let inputs: [String]
    let shard: Shard?
    let lines: Int
    let bytes: Int
    private var current = -1
    private var reader: LineReader?
    private var lineNumber = 0
    private var globalIndex = 0

    init(inputs: [String], shard: Shard?, lines: Int, bytes: Int) {
        self.inputs = inputs
        self.shard = shard
        self.lines = lines
        self.bytes = bytes
    }

    /// Refills `batch`; false when every input is exhausted.
    mutating func fill<Outcome>(_ batch: Batch<Outcome>) throws(RecordError) -> Bool {
        batch.reset()
        while batch.count < lines && batch.bytes.count < bytes && batch.consumedBytes < 4 * bytes {
            if reader == nil {
                current += 1
                guard current < inputs.count else { break }
                reader = try LineReader(path: inputs[current])
                lineNumber = 0
            }
            guard let reader else { break }
            let input = current
            let more = reader.next { line, length in
                lineNumber += 1
                batch.consumedBytes += length + 1
                defer { globalIndex += 1 }
                if let shard, globalIndex % shard.count != shard.index { return }
                batch.add(input: input, number: lineNumber, line: line, length: length)
            }
            if !more { self.reader = nil }
        }
        return batch.count > 0 || batch.consumedBytes > 0
    }
}

/// A run of consecutive lines, their outcomes and their output.
final class Batch<Outcome: Sendable>: @unchecked Sendable {
    private struct Entry {
        var input: Int
        var number: Int
        var start: Int
        var length: Int
        var oversized: Bool
    }

    private var entries: [Entry] = []
    private(set) var bytes: [UInt8] = []
    private var output: [UInt8] = []
    private var ends: [Int] = []
    private var outcomes: [Outcome] = []
    /// Input bytes read for this batch, other shards' lines included.
    var consumedBytes = 0

    var count: Int { entries.count }

    func reset() {
        entries.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        output.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        outcomes.removeAll(keepingCapacity: true)
        consumedBytes = 0
    }

    func add(input: Int, number: Int, line: UnsafeBufferPointer<UInt8>?, length: Int) {
        let start = bytes.count
        if let line { bytes.append(contentsOf: line) }
        entries.append(Entry(input: input, number: number, start: start, length: length, oversized: line == nil))
    }

    func process<Worker: LineWorker>(_ worker: inout Worker, writeLines: Bool) where Worker.Outcome == Outcome {
        bytes.withUnsafeBufferPointer { all in
            for entry in entries {
                let line =
                    entry.oversized ? nil : UnsafeBufferPointer(rebasing: all[entry.start..<entry.start + entry.length])
                let outcome = worker.process(
                    InputLine(input: entry.input, number: entry.number, bytes: line, length: entry.length),
                    writeLine: writeLines, into: &output)
                outcomes.append(outcome)
                ends.append(output.count)
            }
        }
    }

    func emit(_ consume: (Outcome, UnsafeBufferPointer<UInt8>) -> Void) {
        output.withUnsafeBufferPointer { out in
            var start = 0
            for (outcome, end) in zip(outcomes, ends) {
                consume(outcome, UnsafeBufferPointer(rebasing: out[start..<end]))
                start = end
            }
        }
    }
}

/// Batches waiting for a worker, and the signal that one is finished.
final class WorkQueue<Outcome: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [Batch<Outcome>] = []
    private var head = 0
    private var finished = Set<ObjectIdentifier>()
    private var closed = false
    private var alive: Int

    init(threads: Int) { alive = threads }

    func put(_ batch: Batch<Outcome>) {
        condition.lock()
        pending.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch to process, or nil once the queue is closed.
    func take() -> Batch<Outcome>? {
        condition.lock()
        defer { condition.unlock() }
        while head == pending.count && !closed { condition.wait() }
        return popPending()
    }

    /// The oldest pending batch, if any (the lock must be held).
    private func popPending() -> Batch<Outcome>? {
        guard head < pending.count else { return nil }
        let batch = pending[head]
        head += 1
        if head == pending.count {
            pending.removeAll(keepingCapacity: true)
            head = 0
        }
        return batch
    }

    func finish(_ batch: Batch<Outcome>) {
        condition.lock()
        finished.insert(ObjectIdentifier(batch))
        condition.broadcast()
        condition.unlock()
    }

    /// Until `awaited` is finished: a pending batch for the caller to process, or nil once `awaited` is done
    /// (and no longer tracked).
    func takeUnless(finished awaited: Batch<Outcome>) -> Batch<Outcome>? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if finished.remove(ObjectIdentifier(awaited)) != nil { return nil }
            if let batch = popPending() { return batch }
            condition.wait()
        }
    }

    func exited() {
        condition.lock()
        alive -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Stops the workers and waits until every one has left.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while alive > 0 { condition.wait() }
        condition.unlock()
    }
}
