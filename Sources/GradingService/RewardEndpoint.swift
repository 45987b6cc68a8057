import Audit
import Claims
import JSON

/// `POST /get_reward`: OpenRLHF's remote reward model.
///
/// OpenRLHF posts `{"query": [...], "prompts": [...], "labels": [...]}` (`remote_rm_fn_ray`): each query is the
/// prompt with the response after it; `prompts` and `labels` (the `--label_key` column: the reference answers)
/// are optional and, when given, as long as `query`. The reply is `{"rewards": [...], "scores": [...],
/// "extra_logs": {...}}`, one number per query in each list, which is what OpenRLHF concatenates and splits per
/// sample: `rewards` for the advantages, `scores` (0–1) for dynamic filtering, and each `extra_logs` list logged
/// per sample. `verdicts` says what each number came from.
///
/// The scores are the Python package's binary score (`mathcheck.score_batch`, the `openrlhf_reward` hook): the
/// response is the query after its prompt; with a non-empty label it is checked against that reference as
/// `mathcheck check` does (1 when its answer matches, 0 when it differs), without one audited (1 when the record is
/// correct, 0 when it is wrong). A response that could not be judged (no claims, unverified, no answer found, a
/// reference that cannot be compared) gets `--unjudged-reward` (default 0), since a reward list holds numbers only.
struct RewardRequest: Sendable {
    /// The records to judge, as JSONL lines `{"prompt":…,"response":…[,"reference":…]}`.
    var batch: RecordBatch
    /// Whether each record is checked against a reference (else audited).
    var checked: [Bool]

    init(body: [UInt8], maxRecords: Int) throws(ServiceError) {
        let parsed: Result<JSONValue, JSONError> = body.withUnsafeBufferPointer { p in
            do throws(JSONError) { return .success(try JSONParser.parse(p)) } catch { return .failure(error) }
        }
        let value: JSONValue
        switch parsed {
        case .success(let v): value = v
        case .failure(let error):
            throw ServiceError(
                .malformedJSON, "invalid JSON: \(error.message) at byte \(error.offset + 1) of the body")
        }
        guard case .object = value else {
            throw ServiceError(.wrongType, "the body must be a JSON object with \"query\", not \(value.typeName)")
        }
        guard let queryValue = value["query"] else { throw ServiceError(.badRequest, "the body has no \"query\"") }
        let queries = try Self.strings(queryValue, field: "query", nullable: false)
        guard queries.count <= maxRecords else {
            throw ServiceError(.tooManyRecords, "more than \(maxRecords) queries in one request (--max-records)")
        }
        var prompts: [String?] = Array(repeating: nil, count: queries.count)
        if let promptValue = value["prompts"], promptValue != .null {
            prompts = try Self.strings(promptValue, field: "prompts", nullable: true)
            guard prompts.count == queries.count else {
                throw ServiceError(.badRequest, "\(queries.count) queries but \(prompts.count) prompts")
            }
        }
        var labels: [JSONValue?] = Array(repeating: nil, count: queries.count)
        if let labelValue = value["labels"], labelValue != .null {
            guard case .array(let items) = labelValue else {
                throw ServiceError(.wrongType, "\"labels\" must be an array, not \(labelValue.typeName)")
            }
            guard items.count == queries.count else {
                throw ServiceError(.badRequest, "\(queries.count) queries but \(items.count) labels")
            }
            labels = items.map(Self.reference)
        }
        var storage: [UInt8] = []
        storage.reserveCapacity(body.count + queries.count * 40)
        var spans: [Range<Int>] = []
        spans.reserveCapacity(queries.count)
        checked = []
        checked.reserveCapacity(queries.count)
        for i in queries.indices {
            let start = storage.count
            Self.writeRecord(query: queries[i] ?? "", prompt: prompts[i], reference: labels[i], into: &storage)
            spans.append(start..<storage.count)
            checked.append(labels[i] != nil)
        }
        batch = RecordBatch(shape: .jsonLines, storage: storage, spans: spans)
    }

    /// An array of strings (and nulls when `nullable`), or the 400 naming the first element that is not one.
    private static func strings(_ value: JSONValue, field: String, nullable: Bool) throws(ServiceError) -> [String?] {
        guard case .array(let items) = value else {
            throw ServiceError(.wrongType, "\"\(field)\" must be an array of strings, not \(value.typeName)")
        }
        var out: [String?] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            switch item {
            case .string(let s): out.append(s)
            case .null where nullable: out.append(nil)
            default:
                throw ServiceError(
                    .wrongType, "\"\(field)\"[\(i)] must be a string\(nullable ? " or null" : ""), not \(item.typeName)")
            }
        }
        return out
    }

    /// A label as a reference: none for null and for a string of spaces only (as the Python hook's labels).
    private static func reference(_ label: JSONValue) -> JSONValue? {
        switch label {
        case .null: return nil
        case .string(let s) where s.allSatisfy(\.isWhitespace): return nil
        default: return label
        }
    }

    /// `{"prompt":P,"response":R}`, with `"reference":L` when there is a label; the response is the query after
    /// its prompt.
    private static func writeRecord(query: String, prompt: String?, reference: JSONValue?, into out: inout [UInt8]) {
        var query = query
        query.withUTF8 { queryBytes in
            out.append(contentsOf: #"{"#.utf8)
            if var prompt {
                prompt.withUTF8 { promptBytes in
                    out.append(contentsOf: #""prompt":"#.utf8)
                    JSONValue.writeString(utf8: promptBytes, into: &out)
                    out.append(contentsOf: #","response":"#.utf8)
                    JSONValue.writeString(utf8: responseOf(queryBytes, prompt: promptBytes), into: &out)
                }
            } else {
                out.append(contentsOf: #""response":"#.utf8)
                JSONValue.writeString(utf8: queryBytes, into: &out)
            }
        }
        if let reference {
            out.append(contentsOf: #","reference":"#.utf8)
            reference.write(into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// The response in a query: what follows the prompt when the query starts with it; else what follows the
    /// prompt's last occurrence (detokenizing may change the text before it a little); else the whole query. The
    /// same rule as the Python hook's `response_of`, on UTF-8 bytes (a match of whole UTF-8 sequences ends on a
    /// character boundary).
    static func responseOf(_ query: UnsafeBufferPointer<UInt8>, prompt: UnsafeBufferPointer<UInt8>)
        -> UnsafeBufferPointer<UInt8>
    {
        let n = prompt.count
        guard n > 0, n <= query.count else { return query }
        func matches(at start: Int) -> Bool {
            for j in 0..<n where query[start + j] != prompt[j] { return false }
            return true
        }
        if matches(at: 0) { return UnsafeBufferPointer(rebasing: query[n...]) }
        var start = query.count - n
        while start > 0 {
            if matches(at: start) { return UnsafeBufferPointer(rebasing: query[(start + n)...]) }
            start -= 1
        }
        return query
    }
}

/// One record's judgement.
struct Reward: Sendable {
    /// The binary score, nil when nothing could be judged.
    var score: Double?
    /// What it came from: the record's verdict (audited) or the answer's grade against the reference (checked);
    /// nil when the answer could not be graded.
    var verdict: String?
}

struct RewardChunk: Sendable {
    var rewards: [Reward] = []
    var verdicts: [RecordVerdict?] = []
    var tally = ClaimTally()
}

extension RewardRequest {
    /// Judges every record on the pool.
    func judge(pool: RecordPool) async -> [RewardChunk] {
        let request = self
        return await pool.run(count: batch.count) { range, runners in
            var chunk = RewardChunk()
            request.batch.storage.withUnsafeBufferPointer { all in
                var ignored: [UInt8] = []
                for index in range {
                    let span = request.batch.spans[index]
                    let line = InputLine(
                        input: 0, number: index + 1, bytes: UnsafeBufferPointer(rebasing: all[span]),
                        length: span.count)
                    if request.checked[index] {
                        let outcome = runners.withChecker { $0.process(line, writeLine: false, into: &ignored) }
                        chunk.rewards.append(
                            Reward(score: outcome.referenceScore, verdict: outcome.known?.rawValue))
                        chunk.verdicts.append(outcome.mathcheck)
                    } else {
                        let outcome = runners.auditor.process(line, writeLine: false, into: &ignored)
                        chunk.rewards.append(Reward(score: outcome.binaryScore, verdict: outcome.verdict.rawValue))
                        chunk.verdicts.append(outcome.verdict)
                        chunk.tally.add(outcome.tally)
                    }
                }
            }
            return chunk
        }
    }

    /// The reply: `rewards` and `scores` (the unjudged value where there is no score), `extra_logs` with
    /// `mathcheck_judged` (1 where there is a score, else 0), and `verdicts`.
    static func replyBody(_ chunks: [RewardChunk], unjudged: Double) -> [UInt8] {
        let rewards = chunks.flatMap(\.rewards)
        var numbers: [UInt8] = []
        numbers.append(UInt8(ascii: "["))
        for (i, reward) in rewards.enumerated() {
            if i > 0 { numbers.append(UInt8(ascii: ",")) }
            numbers.append(contentsOf: Self.number(reward.score ?? unjudged).utf8)
        }
        numbers.append(UInt8(ascii: "]"))
        var out: [UInt8] = []
        out.reserveCapacity(numbers.count * 3 + rewards.count * 12 + 64)
        out.append(contentsOf: #"{"rewards":"#.utf8)
        out.append(contentsOf: numbers)
        out.append(contentsOf: #","scores":"#.utf8)
        out.append(contentsOf: numbers)
        out.append(contentsOf: #","extra_logs":{"mathcheck_judged":["#.utf8)
        for (i, reward) in rewards.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: (reward.score == nil ? "0.0" : "1.0").utf8)
        }
        out.append(contentsOf: #"]},"verdicts":"#.utf8)
        JSONValue.array(rewards.map { $0.verdict.map(JSONValue.string) ?? .null }).write(into: &out)
        out.append(contentsOf: "}\n".utf8)
        return out
    }

    /// A reward as a JSON number: Swift's shortest round-trip form ("1.0", "0.0", "-0.5").
    private static func number(_ x: Double) -> String { x.isFinite ? "\(x)" : "0.0" }
}
