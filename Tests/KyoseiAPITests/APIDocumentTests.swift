import Crypto
import Foundation
import KyoseiAPI
import Testing

/// The generated code is committed (building the generator would add minutes to every clean
/// build), so these tests stand in for the generator plugin: the code must have been made from
/// the document as committed, and the document from its parts as committed.
@Suite struct APIDocumentTests {
    static let apiFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/KyoseiAPI")

    @Test func theGeneratedCodeWasMadeFromTheCommittedDocument() throws {
        let document = try Data(contentsOf: Self.apiFolder.appendingPathComponent("openapi.yaml"))
        let config = try Data(contentsOf: Self.apiFolder.appendingPathComponent("openapi-generator-config.yaml"))
        let digest = SHA256.hash(data: document + config).map { String(format: "%02x", $0) }.joined()
        #expect(digest == GeneratedFrom.documentSHA256, "run Scripts/generate-api.sh after editing Sources/KyoseiAPI/OpenAPI/*.yaml")
    }

    @Test func theDocumentIsWhatItsAreaFilesMake() throws {
        let script = Self.apiFolder.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts/openapi-bundle.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--check"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(message)")
    }

    /// Only list parameters may repeat; the middleware that refuses other repeats must know them all.
    @Test func theRepeatableParametersAreTheDocumentsLists() throws {
        let document = try String(contentsOf: Self.apiFolder.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        let lines = document.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lists: Set<String> = []
        for (index, line) in lines.enumerated() where line.trimmingCharacters(in: .whitespaces) == "explode: true" {
            let name = lines[..<index].last { $0.contains("name: ") }?.components(separatedBy: "name: ").last
            lists.insert(try #require(name).trimmingCharacters(in: .whitespaces))
        }
        #expect(!lists.isEmpty)
        #expect(lists == QueryParameterMiddleware.lists)
    }

    @Test func theBinaryServesTheCommittedDocument() throws {
        let committed = try String(contentsOf: Self.apiFolder.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        #expect(APIDocument.text == committed)
        #expect(APIDocument.text.contains("openapi: 3.1.0"))
    }
}
