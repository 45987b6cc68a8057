import Foundation

/// Fixture paths, found from this file (never bundled, never fetched).
enum CorpusFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// The shared real corpora live beside the project (`../shared/corpora/real/`).
    static func shared(_ name: String) -> URL {
        root.deletingLastPathComponent().appendingPathComponent("shared/corpora/real").appendingPathComponent(name)
    }

    static func lines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init).filter { !$0.isEmpty }
    }
}
