import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writing results: aligned columns (bold header on a terminal, plain when piped) or JSON.
enum Output {
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    static func table(_ header: [String], _ rows: [[String]]) {
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(displayWidth).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { cell, width in
                cell + String(repeating: " ", count: max(0, width - displayWidth(cell)))
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let head = line(header)
        print(isTerminal ? "\u{1B}[1m\(head)\u{1B}[0m" : head)
        rows.forEach { print(line($0)) }
    }

    /// Label/value pairs for one record.
    static func fields(_ pairs: [(String, String)]) {
        let width = pairs.map { $0.0.count }.max() ?? 0
        for (label, value) in pairs where !value.isEmpty {
            let padded = label + ":" + String(repeating: " ", count: width - label.count + 1)
            print((isTerminal ? "\u{1B}[1m\(padded)\u{1B}[0m" : padded) + value)
        }
    }

    /// Red on a terminal, plain when piped.
    static func alert(_ text: String) -> String { isTerminal ? "\u{1B}[31m\(text)\u{1B}[0m" : text }

    static func json(_ value: some Encodable) throws {
        print(String(decoding: try jsonData(value), as: UTF8.self))
    }

    static func jsonData(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// East Asian wide characters take two columns in a terminal; counting them as one would
    /// misalign every row that holds a katakana or kanji name.
    static func displayWidth(_ text: String) -> Int {
        var inEscape = false
        return text.unicodeScalars.reduce(0) { width, scalar in
            if scalar == "\u{1B}" { inEscape = true }
            if inEscape {
                if scalar == "m" { inEscape = false }
                return width
            }
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v)
            return width + (wide ? 2 : 1)
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
