#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
public import JSON

/// Buffered writing to a file descriptor: lines are collected and written in large blocks.
public final class OutputBuffer {
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    /// Set when a write failed (a closed pipe, a full disk); later writes are dropped.
    public private(set) var failed = false

    /// Writes to `fd` (standard output by default).
    public init(fd: Int32 = 1) {
        self.fd = fd
        ownsDescriptor = false
        buffer.reserveCapacity(1 << 16)
    }

    /// Creates or truncates the file at `path`.
    public init(path: String) throws(RecordError) {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw RecordError("cannot write \(path): \(String(cString: strerror(errno)))") }
        ownsDescriptor = true
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        flush()
        if ownsDescriptor { close(fd) }
    }

    /// Writes `line` and a newline.
    public func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes text as is, without a newline.
    public func raw(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes bytes as they are.
    public func raw(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Lets `body` append one line's bytes, then ends the line.
    public func append(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes a JSON value as one line.
    public func write(_ value: JSONValue) {
        value.write(into: &buffer)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        var offset = 0
        while offset < buffer.count && !failed {
            let n = buffer.withUnsafeBytes { p -> Int in
                guard let base = p.baseAddress else { return 0 }
                #if canImport(Glibc)
                    return Glibc.write(fd, base + offset, p.count - offset)
                #else
                    return Darwin.write(fd, base + offset, p.count - offset)
                #endif
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { failed = true }
            offset += max(n, 0)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
