import Audit
import Foundation
import JSON
import Testing

/// The audit of the real CHAMP corpus, read as the command reads it, against the fragment rules of `FragmentTests`.
@Suite("CHAMP fragments")
struct ChampFragmentTests {
    /// The wrong claims of every CHAMP answer: none may have the shape of a fragment.
    @Test(
        "CHAMP: no wrong claim is a fragment of a formula",
        .enabled(if: FileManager.default.fileExists(atPath: CorpusFiles.shared("champ_number_theory.jsonl").path)))
    func champ() throws {
        var runner = RecordAuditor()
        var fragments: [String] = []
        var wrong = 0
        for (index, line) in try CorpusFiles.lines(CorpusFiles.shared("champ_number_theory.jsonl")).enumerated() {
            var bytes = Array(line.utf8)
            let output = bytes.withUnsafeMutableBufferPointer { raw in
                runner.audit(line: UnsafeBufferPointer(raw), length: raw.count, number: index + 1)
            }
            guard case .string(let response)? = try JSONParser.parse(line)["response"] else { continue }
            let scalars = Array(response.unicodeScalars)
            for claim in output["claims"]?.arrayValue ?? [] where claim["verdict"]?.stringValue == "wrong" {
                wrong += 1
                guard let text = claim["text"]?.stringValue, let span = claim["span"]?.arrayValue,
                    case .number(let first)? = span.first, let start = Int(first)
                else { continue }
                let before = String(String.UnicodeScalarView(scalars[max(0, start - 6)..<start]))
                let lone = text.split(separator: "=").allSatisfy { side in
                    side.trimmingCharacters(in: .whitespaces).allSatisfy(\.isNumber)
                }
                if lone || "+*/^".contains(text.first ?? " ") || before.hasSuffix("mod ")
                    || before.hasSuffix("% ") || (before.last.map { $0.isLetter || $0 == ")" } ?? false)
                {
                    fragments.append("line \(index + 1): \(text)")
                }
            }
        }
        #expect(fragments.isEmpty, "\(fragments)")
        #expect(wrong > 100, "the corpus's real mistakes are still found")
    }
}
