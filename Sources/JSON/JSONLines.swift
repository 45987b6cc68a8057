/// The rules of a JSONL file that every reader of one shares.
public enum JSONLines {
    /// Whether a line holds nothing but spaces, tabs and carriage returns: no JSON value at all.
    ///
    /// Readers that write one output line per input line (`audit`, `check`) report such a line as invalid, so
    /// that nothing is dropped silently; readers that write rows rather than lines (`emit`, `validate`) skip it, as
    /// JSONL tools do with a trailing blank line.
    @inlinable
    public static func isBlank(_ line: some Collection<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
