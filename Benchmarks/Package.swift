// swift-tools-version: 6.1
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, so find out what the project's folder is called.
let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

// `make bench`: the benchmarks live in their own package so that the project's tests never time anything.
let package = Package(
    name: "mathcheck-benchmarks",
    dependencies: [.package(path: "..")],
    targets: [
        // Raw GMP and MPFR, the baselines every mathcheck figure is compared with in the same run.
        .systemLibrary(name: "CBaseline", pkgConfig: "mpfr"),
        .executableTarget(
            name: "mathcheck-bench",
            dependencies: [
                "CBaseline",
                .product(name: "Verifiers", package: project),
                .product(name: "Claims", package: project),
                .product(name: "JSON", package: project),
                .product(name: "ToolCalls", package: project),
                .product(name: "Audit", package: project),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
