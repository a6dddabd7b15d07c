import Foundation
import KyoseiTestSupport

/// A fresh folder per test, so tests write real files and run in parallel without meeting.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = try TestFolder.make("kyosei-intake")
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @discardableResult
    func write(_ name: String, text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }
}
