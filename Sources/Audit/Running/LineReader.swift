#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file (or standard input) line by line in fixed-size chunks, so memory stays flat whatever the size.
///
/// A line is handed out without its "\n" (and without a "\r" before it). The last line need not end in "\n".
/// Lines longer than `maxLineBytes` are reported with their length, not their content.
public final class LineReader {
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEOF = false
    public let maxLineBytes: Int

    /// An over-long line: its length so far is known, its content was skipped.
    public struct Oversized: Error {
        public var bytes: Int
    }

    /// Opens `path`, or standard input for "-".
    public init(path: String, maxLineBytes: Int = 64 << 20) throws(RecordError) {
        if path == "-" {
            fd = 0
            ownsDescriptor = false
        } else {
            fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw RecordError("cannot open \(path): \(String(cString: strerror(errno)))") }
            ownsDescriptor = true
        }
        buffer = [UInt8](repeating: 0, count: 1 << 20)
        self.maxLineBytes = maxLineBytes
    }

    deinit { if ownsDescriptor { close(fd) } }

    /// The index of the first "\n" in buffer[start..<end], found with memchr (the C library's vectorized search)
    /// rather than byte by byte.
    private func newlineIndex() -> Int? {
        guard end > start else { return nil }
        return buffer.withUnsafeBufferPointer { p -> Int? in
            guard let base = p.baseAddress, let hit = memchr(base + start, 0x0A, end - start) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        }
    }

    /// Calls `body` with the next line's bytes; returns false at the end of input. An over-long line is skipped
    /// and `body` gets `nil` with its length.
    public func next(_ body: (UnsafeBufferPointer<UInt8>?, Int) -> Void) -> Bool {
        var skipped = 0
        while true {
            // Look for a newline in what is buffered.
            if let newline = newlineIndex() {
                var lineEnd = newline
                if lineEnd > start && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                if skipped > 0 {
                    body(nil, skipped + newline - start)
                } else {
                    buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<lineEnd]), lineEnd - start) }
                }
                start = newline + 1
                return true
            }
            if atEOF {
                guard end > start || skipped > 0 else { return false }
                if skipped > 0 {
                    body(nil, skipped + end - start)
                } else {
                    var lineEnd = end
                    if buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                    buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<lineEnd]), lineEnd - start) }
                }
                start = end
                return true
            }
            // Make room: move the partial line to the front, grow up to the limit, or start skipping.
            if start > 0 {
                buffer.withUnsafeMutableBufferPointer { p in
                    _ = memmove(p.baseAddress!, p.baseAddress! + start, end - start)
                }
                end -= start
                start = 0
            }
            if end == buffer.count {
                if buffer.count < maxLineBytes {
                    buffer.append(contentsOf: [UInt8](repeating: 0, count: min(buffer.count, maxLineBytes - buffer.count)))
                } else {
                    skipped += end
                    end = 0
                }
            }
            let count = buffer.withUnsafeMutableBufferPointer { p in read(fd, p.baseAddress! + end, p.count - end) }
            if count <= 0 {
                atEOF = true
            } else {
                end += count
            }
        }
    }
}
