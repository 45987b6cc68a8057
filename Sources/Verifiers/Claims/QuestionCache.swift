/// The questions an auditor has read, looked up by the prompt's UTF-8 bytes.
///
/// Corpora ask each prompt of several models, often a thousand prompts apart, so reading a prompt's question once
/// saves tokenizing it again. A lookup makes no String: the previous prompt is compared first (samples of one prompt
/// often come together), then the bytes are hashed once (SipHash through `Hasher`, seeded per process, so crafted
/// prompts cannot force collisions) into an open-addressing table and compared byte for byte. The questions are a
/// pure function of the prompt, so the cache changes no output; it is emptied when it holds `limit` prompts, which
/// keeps memory flat.
struct QuestionCache {
    private struct Entry {
        var hash: Int
        var prompt: [UInt8]
        var question: Question
    }

    let limit: Int
    private var entries: [Entry] = []
    /// Indices into `entries`, -1 for an empty slot; at least twice `limit` slots, a power of two.
    private var slots: [Int32]
    private var last = -1

    init(limit: Int) {
        precondition(limit > 0 && limit < Int(Int32.max) / 4, "a question cache holds 1 to 2^29 prompts")
        self.limit = limit
        var size = 16
        while size < 2 * limit { size *= 2 }
        slots = Array(repeating: -1, count: size)
    }

    /// The question `prompt` asks, read with `tokens` as scratch when it was not seen before.
    mutating func question(_ prompt: UnsafeBufferPointer<UInt8>, tokens: inout [Token]) -> Question {
        if last >= 0 && Self.equal(entries[last].prompt, prompt) { return entries[last].question }
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(prompt))
        let hash = hasher.finalize()
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if entries[index].hash == hash && Self.equal(entries[index].prompt, prompt) {
                last = index
                return entries[index].question
            }
            slot = (slot + 1) & mask
        }
        tokens.removeAll(keepingCapacity: true)
        Tokenizer.tokenize(prompt, into: &tokens)
        let question = Question(TokenStream(bytes: prompt, tokens: tokens))
        if entries.count >= limit {
            entries.removeAll(keepingCapacity: true)
            for i in slots.indices { slots[i] = -1 }
            slot = hash & mask
        }
        slots[slot] = Int32(entries.count)
        last = entries.count
        entries.append(Entry(hash: hash, prompt: Array(prompt), question: question))
        return question
    }

    /// Byte equality, eight bytes at a time.
    private static func equal(_ stored: [UInt8], _ prompt: UnsafeBufferPointer<UInt8>) -> Bool {
        guard stored.count == prompt.count else { return false }
        return stored.withUnsafeBytes { a in
            let b = UnsafeRawBufferPointer(prompt)
            var i = 0
            while i + 8 <= a.count {
                if a.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    != b.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                {
                    return false
                }
                i += 8
            }
            while i < a.count {
                if a[i] != b[i] { return false }
                i += 1
            }
            return true
        }
    }
}
