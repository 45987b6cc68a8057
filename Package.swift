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
        .library(name: "Claims", targets: ["Claims"]),
        .library(name: "JSON", targets: ["JSON"]),
        .library(name: "ToolCalls", targets: ["ToolCalls"]),
        .library(name: "Audit", targets: ["Audit"]),
        .library(name: "GradingService", targets: ["GradingService"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        // The HTTP grading service: Hummingbird 2 on SwiftNIO (without its swift-configuration trait), graceful
        // shutdown by ServiceLifecycle, and the Prometheus text format for /metrics.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
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
        // Math only: exact numbers, primality, factorization, evaluation, judging a stated value. No text, no JSON.
        .target(name: "Verifiers", dependencies: ["CGMP"], swiftSettings: swiftSettings),
        // Text → claims → verdicts: the tokenizer and vocabulary, the question, the scanner, the checker.
        .target(name: "Claims", dependencies: ["Verifiers"], swiftSettings: swiftSettings),
        // JSON values, the parser, the byte buffer and the record field scanner, on one grammar.
        .target(name: "JSON", swiftSettings: swiftSettings),
        // Calculator tools, their executor, the MCP server and the fine-tuning data.
        .target(
            name: "ToolCalls",
            dependencies: [
                "Verifiers", "Claims", "JSON",
                .product(name: "MCP", package: "swift-sdk"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Records, the run loop, checking against labels and references, reports. Not the tools.
        .target(name: "Audit", dependencies: ["Verifiers", "Claims", "JSON"], swiftSettings: swiftSettings),
        // The HTTP grading service (`mathcheck serve --http`): OpenRLHF's /get_reward, /v1/audit and /v1/check over
        // the same record runners as the command line, /healthz and /metrics. Not the tools.
        .target(
            name: "GradingService",
            dependencies: [
                "Audit", "Claims", "JSON", "Verifiers",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "mathcheck",
            dependencies: [
                "Audit", "ToolCalls", "GradingService", "Claims", "JSON", "Verifiers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Tests
        .testTarget(name: "VerifiersTests", dependencies: ["Verifiers"], swiftSettings: swiftSettings),
        .testTarget(name: "ClaimsTests", dependencies: ["Claims", "Verifiers"], swiftSettings: swiftSettings),
        .testTarget(name: "JSONTests", dependencies: ["JSON"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ToolCallsTests", dependencies: ["ToolCalls", "Claims", "JSON", "Verifiers"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "AuditTests", dependencies: ["Audit", "Claims", "JSON", "Verifiers"], swiftSettings: swiftSettings),
        .testTarget(name: "EndToEndTests", dependencies: ["mathcheck", "JSON"], swiftSettings: swiftSettings),
    ]
)
