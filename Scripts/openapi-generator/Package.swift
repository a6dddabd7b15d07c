// swift-tools-version: 6.1
// Builds swift-openapi-generator's command-line tool for Scripts/generate-api.sh. Kept out of the
// main package so that an ordinary build and CI never compile the generator: the generated
// code is committed, and a test checks that it was made from the committed document.
import PackageDescription

let package = Package(
    name: "KyoseiOpenAPIGenerator",
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
    ],
    targets: []
)
