import Foundation
import KyoseiDomain
import KyoseiIntake
import Testing

/// The read-ahead gives what the reader gives, in the same order, across its batches: the same
/// rows and rejects with their record texts, and a refusal only after every item before it.
@Suite struct ReadAheadTests {
    let kind = EmploymentReportKind()

    /// `count` records, every seventh one with a bad date, across several batches.
    func file(_ folder: TemporaryFolder, count: Int, cutOff: Bool = false) throws -> String {
        let header = kind.columns.map(\.name)
        var text = CSVWriter.record(header) + "\r\n"
        for n in 0..<count {
            let record: [String: String] = [
                "report_type": "HIRE", "report_date": n % 7 == 0 ? "2026-02-30" : "2026-05-10", "employer_id": "1180301018771",
                "establishment_name": "浜松精機㈱ 第\(n)工場", "establishment_address": "静岡県浜松市中央区砂山町1-1",
                "residence_card_number": "AB12345678CD", "name_latin": "NGUYEN THI LAN", "birth_date": "1998-07-07", "sex": "2",
                "nationality": "VN", "status_of_residence": "SSW_1", "stay_expiry_date": "2027-01-31",
                "other_activity_permission": "N", "event_date": "2026-05-01", "employment_insurance": "Y", "weekly_hours": "37.5",
                "dispatched": "N", "occupation": "",
            ]
            text += CSVWriter.record(header.map { record[$0] ?? "" }) + "\r\n"
        }
        if cutOff { text += "HIRE,2026-05-10\r\n" }
        return try folder.write("employment.csv", text: text)
    }

    func plain(_ path: String) throws -> (items: [(IntakeItem<EmploymentReportRow>, String)], failure: IntakeError?) {
        let reader = try IntakeReader(path: path, kind: kind)
        var items: [(IntakeItem<EmploymentReportRow>, String)] = []
        do throws(IntakeError) {
            while let item = try reader.next() { items.append((item, reader.lastRecordText.description)) }
        } catch {
            return (items, error)
        }
        return (items, nil)
    }

    func ahead(_ path: String) throws -> (items: [(IntakeItem<EmploymentReportRow>, String)], failure: IntakeError?) {
        let reader = try IntakeReader(path: path, kind: kind)
        let records = IntakeReadAhead(reader)
        var items: [(IntakeItem<EmploymentReportRow>, String)] = []
        do throws(IntakeError) {
            while let next = try records.next() { items.append((next.item, next.recordText.description)) }
        } catch {
            return (items, error)
        }
        #expect(reader.recordCount == items.count)
        return (items, nil)
    }

    @Test func itGivesTheReadersItemsInOrder() throws {
        let folder = try TemporaryFolder()
        let path = try file(folder, count: 3_000)
        let expected = try plain(path)
        let got = try ahead(path)
        #expect(got.failure == nil)
        #expect(got.items.count == 3_000)
        #expect(got.items.map(\.0) == expected.items.map(\.0))
        #expect(got.items.map(\.1) == expected.items.map(\.1))
        #expect(got.items.contains { if case .reject = $0.0 { true } else { false } })
    }

    @Test func aRefusalComesAfterEveryItemBeforeIt() throws {
        let folder = try TemporaryFolder()
        let path = try file(folder, count: 2_100, cutOff: true)
        let expected = try plain(path)
        let got = try ahead(path)
        #expect(expected.failure != nil)
        #expect(got.failure == expected.failure)
        #expect(got.items.map(\.0) == expected.items.map(\.0))
    }

    @Test func droppedBeforeTheEndItStopsReading() throws {
        let folder = try TemporaryFolder()
        let path = try file(folder, count: 20_000)
        let reader = try IntakeReader(path: path, kind: kind)
        var records: IntakeReadAhead<EmploymentReportKind>? = IntakeReadAhead(reader)
        #expect(try records?.next() != nil)
        records = nil
        // The thread has let go of the reader: it is the caller's again, part way through.
        #expect(reader.recordCount < 20_000)
        #expect(try reader.next() != nil)
    }
}
