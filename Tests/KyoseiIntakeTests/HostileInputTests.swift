import Foundation
import KyoseiIntake
import PropertyBased
import Testing

/// Bytes an attacker chooses: what a refusal may quote, what a field may hold, where a file ends.
@Suite struct HostileInputTests {
    func attendance(_ text: String) throws -> (items: [IntakeItem<AttendanceRow>]?, error: IntakeError?) {
        let folder = try TemporaryFolder()
        let path = try folder.write("attendance.csv", text: text)
        do {
            let reader = try IntakeReader(path: path, kind: AttendanceKind())
            var items: [IntakeItem<AttendanceRow>] = []
            while let item = try reader.next() { items.append(item) }
            return (items, nil)
        } catch {
            return (nil, error)
        }
    }

    /// 100,000 unknown columns: the refusal names five, each cut short, and counts the rest.
    @Test func aHugeHeaderIsRefusedInAFewLines() throws {
        let header = ([String(repeating: "x", count: 300)] + (1..<100_000).map { "c\($0)" }).joined(separator: ",")
        let error = try #require(try attendance(header + "\n1,K1,Y\n").error)
        #expect(error.description.count < 2_000, "\(error.description.count) characters")
        #expect(error.description.contains("and 99995 more"))
        #expect(error.description.contains("…"))
    }

    /// A control byte in a header cell is shown escaped, never raw.
    @Test func aHeaderCellIsQuotedEscaped() throws {
        let error = try #require(try attendance("session,per\u{1B}[2Json,present\n").error)
        #expect(error.description.contains("per\\u{1B}[2Json"))
        #expect(!error.description.contains("\u{1B}"))
    }

    /// A NUL (or another control character) in a field makes the row a reject, not a value cut short.
    @Test func aControlCharacterInAFieldIsAReject() throws {
        let items = try #require(try attendance("session,person,present\n1,K1\u{0}2,Y\n2,K12,Y\n").items)
        guard case .reject(let reject)? = items.first else { Issue.record("the NUL row was not rejected: \(items)"); return }
        #expect(reject.reasons.contains { $0.contains("U+0000") })
        if case .row = items.last {} else { Issue.record("the clean row after it was not read") }
    }

    /// The control characters are found in a field's UTF-8 bytes: for any mix of ASCII, tabs,
    /// C0 controls, DEL, C1 controls and letters of two, three and four bytes, the row is
    /// refused for a control character exactly when one of U+0000–U+001F (but tab) or U+007F is
    /// in it, and the reason names the first.
    @Test func theFirstForbiddenControlCharacterIsNamed() async throws {
        let pieces: [Unicode.Scalar] = ["a", "7", "\t", "\u{0}", "\u{1}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "é", "ア", "\u{2028}", "😀"]
        await propertyCheck(input: Gen.element(of: pieces).map { $0! }.array(of: 0...6)) { scalars in
            let text = String(String.UnicodeScalarView(scalars))
            let items = try #require(try attendance("session,person,present\n1,K1\(text),Y\n").items)
            let reasons: [String]
            switch items.first {
            case .reject(let reject)?: reasons = reject.reasons
            default: reasons = []
            }
            let named = reasons.filter { $0.contains("control character") }
            if let first = scalars.first(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) {
                let hex = String(first.value, radix: 16, uppercase: true)
                #expect(named == ["person: holds the control character U+\(String(repeating: "0", count: 4 - hex.count) + hex), which no field may hold"])
            } else {
                #expect(named.isEmpty)
            }
        }
    }

    /// A file whose last record is cut short is refused whole; the same short record in the
    /// middle is one reject.
    @Test func aCutOffLastRecordRefusesTheFile() throws {
        let cut = try attendance("session,person,present\n1,K1,Y\n2,K2")
        #expect(cut.error?.description.contains("truncated in transfer") == true, "\(String(describing: cut.error))")
        let middle = try attendance("session,person,present\n1,K1\n2,K2,Y\n")
        #expect(middle.error == nil)
        #expect(middle.items?.count == 2)
    }
}
