/// One line of input, as a worker sees it.
public struct InputLine {
    /// Index of the input in the run's list.
    public var input: Int
    /// 1-based line number within the input.
    public var number: Int
    /// The line's bytes without its newline; nil for a line over the reader's limit.
    public var bytes: UnsafeBufferPointer<UInt8>?
    /// The line's length in bytes (also for an over-long line).
    public var length: Int

    public init(input: Int, number: Int, bytes: UnsafeBufferPointer<UInt8>?, length: Int) {
        self.input = input
        self.number = number
        self.bytes = bytes
        self.length = length
    }
}

/// Turns input lines into outcomes; a pipeline runs one worker per thread, so a worker keeps its scratch buffers.
public protocol LineWorker: SendableMetatype {
    associatedtype Outcome: Sendable
    /// Handles one line, appending its JSONL output (without the newline) to `out` when `writeLine` is set.
    mutating func process(_ line: InputLine, writeLine: Bool, into out: inout [UInt8]) -> Outcome
}
