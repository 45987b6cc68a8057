import Foundation

/// Reads the committed fixtures under Corpora/, found from this file's path (never bundled, never fetched).
enum CorpusFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// The JSON objects of a JSONL file, one per non-empty line.
    static func jsonLines(_ relative: String) throws -> [[String: Any]] {
        let text = try String(contentsOf: url(relative), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    static func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: url(relative).path) }
}
