import Foundation
import JSON
import ToolCalls

/// Fine-tuning data: examples per second for generate, emit and validate, each against bare JSON work on the same
/// examples (serializing the rows generate writes, parsing the records emit reads and serializing its rows, parsing
/// the rows validate reads), measured in the same run.
enum TrainingBenchmarks {
    static func run(_ harness: Harness) {
        // generate: 300 openai-sft examples of every kind.
        let count = 300
        var generated: [JSONValue] = []
        let generate = harness.seconds {
            var generator = Generator(format: .openaiSFT, seed: 1)
            generated.removeAll(keepingCapacity: true)
            generator.run(count: count) { generated.append($0) }
        }
        let serialize = harness.seconds {
            var out: [UInt8] = []
            out.reserveCapacity(1 << 20)
            for row in generated { row.write(into: &out) }
            sink &+= out.count
        }

        // emit: the first 1000 LLMDrift records as openai-sft.
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/corpora/real/llmdrift_prime.jsonl").path
        var rows: [String] = []
        var emitRow: [String] = []
        var recordCount = 0
        var emitTime = 0.0
        var emitBaseline = 0.0
        if let data = FileManager.default.contents(atPath: path) {
            let lines = data.split(separator: UInt8(ascii: "\n")).prefix(1000).map {
                String(decoding: $0, as: UTF8.self)
            }
            recordCount = lines.count
            emitTime = harness.seconds {
                var emitter = Emitter(format: .openaiSFT)
                var out: [UInt8] = []
                out.reserveCapacity(1 << 20)
                for line in lines {
                    guard let record = try? JSONParser.parse(line), let prompt = record["prompt"]?.stringValue,
                        let response = record["response"]?.stringValue
                    else { continue }
                    for row in emitter.rows(prompt: prompt, response: response) { row.write(into: &out) }
                }
                sink &+= out.count
            }
            var emitter = Emitter(format: .openaiSFT)
            for line in lines {
                guard let record = try? JSONParser.parse(line), let prompt = record["prompt"]?.stringValue,
                    let response = record["response"]?.stringValue
                else { continue }
                emitRow += emitter.rows(prompt: prompt, response: response).map(\.serialized)
            }
            let parsedRows = emitRow.compactMap { try? JSONParser.parse($0) }
            emitBaseline = harness.seconds {
                var out: [UInt8] = []
                out.reserveCapacity(1 << 20)
                for line in lines where (try? JSONParser.parse(line)) != nil { sink &+= 1 }
                for row in parsedRows { row.write(into: &out) }
                sink &+= out.count
            }
            rows = emitRow
        } else {
            print("\n(emit is measured on \(path), which is missing)")
        }

        // validate: the emitted rows (or the generated ones when the corpus is missing).
        if rows.isEmpty { rows = generated.map(\.serialized) }
        let validate = harness.seconds {
            var validator = TrainingValidator(format: .openaiSFT)
            for (i, row) in rows.enumerated() {
                var text = row
                text.withUTF8 { validator.check(line: $0, length: $0.count, number: i + 1) }
            }
            sink &+= validator.validRows
        }
        let parse = harness.seconds {
            for row in rows {
                var text = row
                text.withUTF8 { if (try? JSONParser.parse($0)) != nil { sink &+= 1 } }
            }
        }

        var figures: [[String]] = [
            [
                "generate (\(count) openai-sft examples, all kinds)", formatRate(Double(count) / generate),
                formatRate(Double(count) / serialize), String(format: "%.0f×", generate / serialize),
                "serializing the rows",
            ]
        ]
        if recordCount > 0 {
            figures.append([
                "emit (\(recordCount) LLMDrift records → openai-sft)", formatRate(Double(emitRow.count) / emitTime),
                formatRate(Double(emitRow.count) / emitBaseline), String(format: "%.0f×", emitTime / emitBaseline),
                "parsing the records, serializing the rows",
            ])
        }
        figures.append([
            "validate (\(rows.count) openai-sft rows)", formatRate(Double(rows.count) / validate),
            formatRate(Double(rows.count) / parse), String(format: "%.0f×", validate / parse), "parsing the rows",
        ])
        table(
            "fine-tuning data: examples per second",
            ["command", "mathcheck examples/s", "baseline examples/s", "time vs baseline", "baseline"], figures)
    }
}
