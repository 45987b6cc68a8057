/// The questions an auditor has read, looked up by the prompt's UTF-8 bytes.
///
/// Corpora ask each prompt of several models, often a thousand prompts apart, so reading a prompt's question once
/// saves tokenizing it again. A lookup makes no String: the previous prompt is compared first (samples of one prompt
/// often come together), then the bytes are hashed once (``hash(_:seed:)``, eight bytes at a time, keyed by a seed
/// drawn per cache) into an open-addressing table and compared byte for byte. The questions are a pure function of
/// the prompt, so the cache changes no output; it is emptied when it holds `limit` prompts, which keeps memory flat.
///
/// The hash only spreads prompts over the table: a hit is decided by comparing the bytes, so a collision can cost
/// time, never a wrong question. Prompts crafted to collide would make a lookup walk at most the `limit` entries the
/// table holds (it is never more than half full), and the random seed keeps them from being crafted in advance.
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
    /// The key of ``hash(_:seed:)``, drawn from the process's random hashing seed.
    private let seed: UInt64

    init(limit: Int) {
        precondition(limit > 0 && limit < Int(Int32.max) / 4, "a question cache holds 1 to 2^29 prompts")
        self.limit = limit
        var size = 16
        while size < 2 * limit { size *= 2 }
        slots = Array(repeating: -1, count: size)
        var hasher = Hasher()
        hasher.combine(limit)
        seed = UInt64(truncatingIfNeeded: hasher.finalize())
    }

    /// The question `prompt` asks, read with `tokens` as scratch when it was not seen before.
    mutating func question(_ prompt: UnsafeBufferPointer<UInt8>, tokens: inout [Token]) -> Question {
        if last >= 0 && Self.equal(entries[last].prompt, prompt) { return entries[last].question }
        let hash = Self.hash(prompt, seed: seed)
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

    /// A 64-bit hash of `bytes` keyed by `seed`, eight bytes at a time: each word is mixed into the state with a
    /// full-width multiply folded to 64 bits (the high half xor the low half, the mixing step of wyhash,
    /// https://github.com/wangyi-fudan/wyhash), and the length is part of the first state. A fraction of the cost of
    /// SipHash through `Hasher`, whose guarantee against crafted collisions a table that compares the bytes on every
    /// hit does not need (see the type's comment).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> Int {
        @inline(__always) func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
            let (high, low) = a.multipliedFullWidth(by: b)
            return high ^ low
        }
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        let raw = UnsafeRawBufferPointer(bytes)
        var state = fold(seed ^ UInt64(truncatingIfNeeded: raw.count), multiplier)
        var i = 0
        while i + 8 <= raw.count {
            state = fold(state ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), multiplier)
            i += 8
        }
        // The last one to seven bytes, first byte lowest.
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < raw.count {
            tail |= UInt64(raw[i]) &<< shift
            shift += 8
            i += 1
        }
        return Int(truncatingIfNeeded: fold(state ^ tail, 0xBF58_476D_1CE4_E5B9 ^ seed))
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
