// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Kyosei",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kyosei", targets: ["kyosei"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // Pure domain: values, codes and rules. Foundation only, no I/O.
        .target(name: "KyoseiDomain"),
        // Name normalisation and phonetic keys shared by search and matching.
        .target(name: "KyoseiIdentity", dependencies: ["KyoseiDomain"]),
        // The one file pipeline: integrity, decoding, CSV, rows to typed values or rejects.
        .target(
            name: "KyoseiIntake",
            dependencies: ["KyoseiDomain", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // SQLite through GRDB: the migrator over Schema/*.sql and the record types.
        .target(
            name: "KyoseiStore",
            dependencies: [
                "KyoseiDomain", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own C API, for the one bulk path that binds values without GRDB.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            plugins: ["EmbedFilesPlugin"]
        ),
        // The city's work: every call names staff, checks permission, audits, one transaction.
        .target(
            name: "KyoseiServices",
            dependencies: [
                "KyoseiDomain", "KyoseiIdentity", "KyoseiStore", "KyoseiIntake", "KyoseiReports",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            plugins: ["EmbedFilesPlugin"]
        ),
        // Aggregate reports that leave the city: one table model, one suppression step, renderers.
        .target(name: "KyoseiReports", dependencies: ["KyoseiDomain", "KyoseiIntake"]),
        // A synthetic Alliance city in the spec's file formats, for the demo, tests and benchmarks.
        .target(
            name: "KyoseiSampleData",
            dependencies: ["KyoseiDomain", "KyoseiIntake", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The API: its OpenAPI document (one file per area under OpenAPI/, joined into openapi.yaml),
        // the code generated from it (committed; Scripts/generate-api.sh), the handlers over the
        // services, who is calling from the transport, and `kyosei serve` on a Unix socket.
        .target(
            name: "KyoseiAPI",
            dependencies: [
                "KyoseiDomain", "KyoseiStore", "KyoseiServices", "KyoseiReports",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["OpenAPI", "openapi.yaml", "openapi-generator-config.yaml"],
            plugins: ["EmbedFilesPlugin"]
        ),
        .executableTarget(
            name: "kyosei",
            dependencies: [
                "KyoseiDomain", "KyoseiStore", "KyoseiServices", "KyoseiReports", "KyoseiSampleData", "KyoseiAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .executableTarget(
            name: "kyosei-bench",
            dependencies: [
                "KyoseiDomain", "KyoseiIdentity", "KyoseiStore", "KyoseiServices", "KyoseiSampleData", "KyoseiReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // Build-time tool: turns Schema/*.sql and Config/*.json into Swift string constants so the
        // binary carries its migrations and defaults and runs from any folder.
        .executableTarget(name: "EmbedFiles", path: "Sources/EmbedFiles"),
        .plugin(
            name: "EmbedFilesPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedFiles"],
            path: "Sources/EmbedFilesPlugin"
        ),
        // What the test targets share: where they write their files.
        .target(name: "KyoseiTestSupport", path: "Tests/KyoseiTestSupport"),
        .testTarget(
            name: "KyoseiDomainTests",
            dependencies: ["KyoseiDomain", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "KyoseiIdentityTests",
            dependencies: ["KyoseiIdentity", "KyoseiSampleData", "KyoseiDomain", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "KyoseiIntakeTests",
            dependencies: ["KyoseiIntake", "KyoseiSampleData", "KyoseiTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "KyoseiStoreTests",
            dependencies: ["KyoseiStore", "KyoseiDomain", "KyoseiTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "KyoseiServicesTests",
            dependencies: [
                "KyoseiServices", "KyoseiReports", "KyoseiSampleData", "KyoseiTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "KyoseiReportsTests",
            dependencies: ["KyoseiReports", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "KyoseiAPITests",
            dependencies: [
                "KyoseiAPI", "KyoseiServices", "KyoseiDomain", "KyoseiTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["KyoseiSampleData", "KyoseiTestSupport"]
        ),
    ]
)
