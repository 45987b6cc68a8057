// swift-tools-version: 6.1
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, so find out what the project's folder is called.
let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

// `make fuzz`: one libFuzzer target per door through which outside bytes reach mathcheck, each a program whose
// main hands libFuzzer its input callback (LLVMFuzzerRunDriver). Built only with `-sanitize=fuzzer,address`, so
// the fuzz targets live in their own package and the project's `swift build` never sees them.
func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["CFuzzDriver"] + products.map { .product(name: $0, package: project) },
        swiftSettings: [.swiftLanguageMode(.v6)]
    )
}

let package = Package(
    name: "mathcheck-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        fuzzTarget("fuzz-records", ["Audit"]),
        fuzzTarget("fuzz-json", ["JSON"]),
        fuzzTarget("fuzz-claims", ["Claims"]),
        fuzzTarget("fuzz-expressions", ["Verifiers"]),
        fuzzTarget("fuzz-tools", ["ToolCalls", "JSON", "Verifiers"]),
    ]
)
