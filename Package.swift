// swift-tools-version: 6.1
import PackageDescription

/// Settings every target shares: Swift 6 language mode, and C imports kept internal unless a file says otherwise.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "mathcheck",
    products: [
        // MARK: - Public API
        .executable(name: "mathcheck", targets: ["mathcheck"]),
        .library(name: "Verifiers", targets: ["Verifiers"]),
        .library(name: "ToolCalls", targets: ["ToolCalls"]),
        .library(name: "Audit", targets: ["Audit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // MARK: - Implementation details
        // GMP (integers), MPFR (correctly rounded reals) and FLINT (primality proofs, factoring) from Debian's
        // libgmp-dev, libmpfr-dev and libflint-dev. Only the number wrappers in Verifiers import it.
        .systemLibrary(
            name: "CGMP",
            pkgConfig: "mpfr",
            providers: [.apt(["libgmp-dev", "libmpfr-dev", "libflint-dev"])]
        ),
        .target(name: "Verifiers", dependencies: ["CGMP"], swiftSettings: swiftSettings),
        .target(
            name: "ToolCalls",
            dependencies: [
                "Verifiers", .product(name: "MCP", package: "swift-sdk"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "Audit", dependencies: ["ToolCalls"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "mathcheck",
            dependencies: [
                "Audit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Tests
        .testTarget(name: "VerifiersTests", dependencies: ["Verifiers"], swiftSettings: swiftSettings),
        .testTarget(name: "ToolCallsTests", dependencies: ["ToolCalls"], swiftSettings: swiftSettings),
        .testTarget(name: "AuditTests", dependencies: ["Audit"], swiftSettings: swiftSettings),
        .testTarget(name: "EndToEndTests", dependencies: ["mathcheck"], swiftSettings: swiftSettings),
    ]
)
