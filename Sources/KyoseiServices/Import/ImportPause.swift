import Foundation

/// The crash campaign's hook: with `KYOSEI_TEST_PAUSE_IN_IMPORT=PATH` in the environment of the
/// process that owns the data, an import that has applied every row creates PATH and waits
/// there, inside its still-open write transaction, for up to a minute. A `kill -9` then lands
/// at the worst moment on purpose instead of by chance. It changes no outcome and no policy:
/// the import goes on as before once the wait is over.
enum ImportPause {
    static func insideTransaction(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let path = environment["KYOSEI_TEST_PAUSE_IN_IMPORT"], !path.isEmpty else { return }
        FileManager.default.createFile(atPath: path, contents: Data("\(getpid())\n".utf8))
        Thread.sleep(forTimeInterval: 60)
    }
}
