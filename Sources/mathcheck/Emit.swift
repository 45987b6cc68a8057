import ArgumentParser
import Audit
import Foundation
import JSON
import Claims
import ToolCalls

/// `mathcheck emit FILE… --format F`: fine-tuning rows from audited records.
struct Emit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write fine-tuning data from JSONL records: verified calculator answers, wrong answers as rejected.",
        discussion: """
            Each record whose prompt asks whether N is prime, for N's factorization, whether N is divisible by d or \
            for the value of an expression gets a verified answer: the calculator's call and result, then a final \
            answer written from the result and audited correct. Wrong original answers become the rejected side \
            (openai-dpo, trl-dpo) or undesirable completions (trl-kto). trl-prm instead cuts each record's own \
            response into steps (--steps) and labels each step false when it holds a wrong claim (or, with \
            --after-error, every step from the first wrong one on); records with no checked step are skipped. Rows \
            go to standard output or --output; the summary (written, skipped and why, the KTO ratio, the steps) to \
            standard error.
            """
    )

    @Argument(help: "JSONL record files; '-' reads standard input.")
    var files: [String] = ["-"]

    @OptionGroup var rows: TrainingRowOptions

    @Flag(help: "openai-sft: keep a wrong answer in the conversation with weight 0, before the corrected turn.")
    var keepWrong = false

    @Option(help: "trl-prm: how a response is cut into steps: auto (the default), lines or sentences.")
    var steps: StepMode?

    @Flag(help: "trl-prm: label every step from the first wrong one on false (default: each step by its own verdict).")
    var afterError = false

    func validate() throws {
        if keepWrong && rows.format != .openaiSFT { throw ValidationError("--keep-wrong applies to --format openai-sft") }
        if (steps != nil || afterError) && rows.format != .trlPRM {
            throw ValidationError("--steps and --after-error apply to --format trl-prm")
        }
        if rows.format == .trlPRM && (rows.style != .tool || rows.system != nil) {
            throw ValidationError("--style and --system do not apply to --format trl-prm (its rows are the records' own answers)")
        }
    }

    func run() throws {
        var emitter = Emitter(
            format: rows.format, style: rows.style, system: rows.system, keepWrong: keepWrong, steps: steps ?? .auto,
            labels: afterError ? .afterError : .ownVerdict)
        let sink = try TrainingOutput(path: rows.output)
        for file in files {
            let records: RecordLines
            do { records = try RecordLines(path: file) } catch { throw ValidationError(error.message) }
            records.forEach { number, record in
                switch record {
                case .success(let record):
                    for row in emitter.rows(prompt: record.prompt, response: record.response) { sink.buffer.write(row) }
                case .failure(.oversized(let length)):
                    emitter.invalid("the line is over the length limit")
                    warn("\(file):\(number): the line is \(length) bytes long, over the limit")
                case .failure(.invalidJSON(let error)):
                    emitter.invalid("invalid JSON")
                    warn("\(file):\(number): invalid JSON: \(error)")
                case .failure(.notARecord(let error)):
                    emitter.invalid("not a record")
                    warn("\(file):\(number): \(error)")
                }
            }
        }
        sink.buffer.flush()
        warn(emitter.summary.report(format: rows.format, inputName: "records"))
    }
}

/// Where rows go: standard output, or a file created (or truncated) at `path`.
struct TrainingOutput {
    let buffer: OutputBuffer
    private let handle: FileHandle?

    init(path: String?) throws {
        guard let path, path != "-" else {
            buffer = OutputBuffer()
            handle = nil
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw ValidationError("cannot write \(path)") }
        self.handle = handle
        buffer = OutputBuffer(fd: handle.fileDescriptor)
    }
}

/// Writes a line to standard error.
func warn(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
