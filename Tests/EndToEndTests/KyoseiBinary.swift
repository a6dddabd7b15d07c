import Foundation
import KyoseiTestSupport

/// Runs the real `kyosei` executable that `swift build` put beside the test bundle, in a
/// temporary folder of its own, with a fixed clock so dates in the output are stable.
struct KyoseiBinary {
    let folder: URL
    var environment: [String: String]

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["KYOSEI_BIN"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("kyosei")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/kyosei")
    }

    init() throws {
        folder = try TestFolder.make("kyosei-e2e")
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("KYOSEI_") }
        env["KYOSEI_DB"] = folder.appendingPathComponent("kyosei.sqlite").path
        env["KYOSEI_NOW"] = "2026-11-23T02:00:00Z"
        environment = env
    }

    var databasePath: String { environment["KYOSEI_DB"]! }

    @discardableResult
    func run(_ arguments: String...) throws -> Result { try run(arguments) }

    func run(_ arguments: [String]) throws -> Result {
        try run(executable: Self.executable, arguments, environment: environment)
    }

    /// Runs another program (a script under `Scripts/`) in the same folder and environment.
    func run(executable: URL, _ arguments: [String], environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = folder
        return try Self.capture(process)
    }

    /// Runs `process` to its end and returns its exit status and what it printed.
    static func capture(_ process: Process) throws -> Result {
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    func sqlite(_ sql: String) throws {
        _ = try sqliteValue(sql)
    }

    /// Runs SQL with the `sqlite3` tool, as someone with file access (not Kyosei) would.
    func sqliteValue(_ sql: String) throws -> String {
        try sqliteValue(at: databasePath, sql)
    }

    func sqliteValue(at path: String, _ sql: String) throws -> String {
        let result = try run(executable: URL(fileURLWithPath: "/usr/bin/sqlite3"), [path, sql], environment: environment)
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
