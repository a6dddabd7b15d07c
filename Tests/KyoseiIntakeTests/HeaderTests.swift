import Foundation
import KyoseiIntake
import Testing

/// The header must name exactly the kind's columns, in any order; a header that does not is
/// refused with everything wrong with it.
@Suite struct HeaderTests {
    typealias Fixture = RegisterFixture

    func open(_ text: String, delta: Bool = false) throws -> IntakeError? {
        let folder = try TemporaryFolder()
        let path = try folder.write("REG-221309-000012.csv", text: text)
        let sha = try FileScan.scan(path: path).sha256
        let manifest = try RegisterManifest(
            municipalityCode: Fixture.municipality, kind: delta ? .delta : .snapshot, sequence: 12, asOf: Fixture.asOf,
            rowCount: 0, sha256: sha)
        return #expect(throws: IntakeError.self) { try IntakeReader(path: path, kind: RegisterKind(manifest: manifest)) }
    }

    @Test func columnsMayComeInAnyOrder() throws {
        let folder = try TemporaryFolder()
        let header = Array(Fixture.header().reversed())
        let path = try Fixture.writeExport(in: folder, records: [Fixture.record()], header: header)
        let reader = try IntakeReader(path: path, kind: RegisterKind(manifest: RegisterManifest.load(forCSV: path)))
        #expect(reader.header == header)
        let items = try readAll(reader)
        #expect(items.count == 1)
        #expect(items.first.flatMap(Fixture.row)?.nameLatin == "SILVA JOAO")
    }

    @Test func unknownDuplicatedAndMissingColumnsAreAllNamed() throws {
        var header = Fixture.header().filter { $0 != "sex" && $0 != "address" }
        header += ["Sex", "person_id"]
        let error = try open(CSVWriter.record(header) + "\r\n")
        #expect(error?.description == """
            REG-221309-000012.csv line 1: the header is not a register snapshot header: unknown column "Sex"; \
            column "person_id" appears more than once; missing columns "sex", "address"
            """)
    }

    @Test func aSnapshotHasNoEventColumns() throws {
        let error = try open(CSVWriter.record(Fixture.header(delta: true)) + "\n")
        #expect(error?.reason == "the header is not a register snapshot header: columns \"event\", \"event_date\" do not belong in a register snapshot")
    }

    @Test func aDeltaNeedsItsEventColumns() throws {
        let error = try open(CSVWriter.record(Fixture.header()) + "\n", delta: true)
        #expect(error?.reason == "the header is not a register delta header: missing columns \"event\", \"event_date\"")
    }

    @Test func anEmptyFileHasNoHeader() throws {
        let error = try open("")
        #expect(error?.description == "REG-221309-000012.csv: is empty: it has no header row")
    }
}
