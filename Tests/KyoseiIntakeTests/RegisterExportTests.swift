import Foundation
import KyoseiDomain
import KyoseiIntake
import Testing

/// A register export as the nightly job meets it: the CSV and its manifest, in every encoding,
/// and every way the pair can fail to agree.
@Suite struct RegisterExportTests {
    typealias Fixture = RegisterFixture

    func records(_ count: Int) -> [[String: String]] {
        (0..<count).map { i in
            Fixture.record(["person_id": String(12_345_678_900 + i), "name_kanji": i % 2 == 0 ? "銀座①" : "ｷﾞﾝｻﾞ"])
        }
    }

    @Test(arguments: [RegisterFixture.Encoding.utf8, .utf8WithBOM, .cp932])
    func anExportIsReadInAnyEncoding(encoding: RegisterFixture.Encoding) throws {
        let folder = try TemporaryFolder()
        let path = try Fixture.writeExport(in: folder, records: records(3), encoding: encoding)
        let reader = try IntakeReader(path: path, kind: RegisterKind(manifest: RegisterManifest.load(forCSV: path)))
        #expect(reader.scan.encoding == (encoding == .cp932 ? .cp932 : .utf8))
        let rows = try readAll(reader).compactMap(Fixture.row)
        #expect(rows.map(\.personID.rawValue) == ["12345678900", "12345678901", "12345678902"])
        #expect(rows.map(\.nameKanji) == ["銀座①", "ｷﾞﾝｻﾞ", "銀座①"])
        #expect(reader.recordCount == 3)
    }

    @Test func rowsAndRejectsComeInFileOrderWithTheirLines() throws {
        let folder = try TemporaryFolder()
        var all = records(3)
        all[1]["sex"] = "X"
        all[1]["address"] = "二行の\n住所"
        let path = try Fixture.writeExport(in: folder, records: all, lineEnding: "\n")
        let items = try readAll(IntakeReader(path: path, kind: RegisterKind(manifest: RegisterManifest.load(forCSV: path))))
        guard items.count == 3, case .row(_, 2) = items[0], case .reject(let reject) = items[1], case .row(_, 5) = items[2] else {
            Issue.record("unexpected items \(items)")
            return
        }
        #expect(reject.line == 3)
        #expect(reject.reasons == ["sex X: must be 1 (male), 2 (female), 9 (not stated) or 0 (unknown)"])
        #expect(reject.recordText.contains("\"二行の\n住所\""))
    }

    @Test func aManifestIsValidatedWhole() throws {
        let json = #"{"municipality_code": "221300", "kind": "weekly", "sequence": 0, "as_of": "2026-05-01", "row_count": -1, "sha256": "abc"}"#
        let error = #expect(throws: IntakeError.self) { try RegisterManifest.decode(Data(json.utf8), fileName: "m.json") }
        #expect(error?.description == """
            m.json: is not a valid manifest: municipality code 221300: check digit should be 9; kind "weekly": must be \
            snapshot or delta; sequence 0: must be a whole number above 0; as_of "2026-05-01": must be an ISO 8601 \
            timestamp such as 2026-05-01T02:00:00+09:00; row_count -1: must be a whole number, 0 or more; sha256 "abc": \
            must be 64 hexadecimal digits
            """)
    }

    @Test func aManifestNamesWhatIsMissingOrMistyped() throws {
        let json = #"{"municipality_code": 221309, "kind": "delta", "sequence": "12", "as_of": "2026-05-01T03:00:00Z"}"#
        let error = #expect(throws: IntakeError.self) { try RegisterManifest.decode(Data(json.utf8), fileName: "m.json") }
        #expect(error?.reason == """
            is not a valid manifest: municipality_code 221309: must be a string of 6 digits; sequence "12": must be a \
            whole number above 0; row_count is missing; sha256 is missing
            """)
        #expect(throws: IntakeError.self) { try RegisterManifest.decode(Data("[1]".utf8), fileName: "m.json") }
    }

    @Test func timestampsAreISO8601() {
        for good in ["2026-05-01T03:00:00+09:00", "2026-05-01T03:00:00Z", "2026-05-01T03:00:00", "2026-05-01T03:00:00.123-05:00"] {
            #expect(RegisterManifestProbe.accepts(good), "\(good)")
        }
        for bad in ["2026-05-01", "2026-05-01 03:00:00", "2026-02-30T03:00:00Z", "2026-05-01T24:00:00Z", "2026-05-01T03:00:00+0900"] {
            #expect(!RegisterManifestProbe.accepts(bad), "\(bad)")
        }
    }

    @Test func aManifestSurvivesItsOwnJSON() throws {
        let manifest = Fixture.manifest(delta: true)
        #expect(try RegisterManifest.decode(manifest.jsonData(), fileName: "m.json") == manifest)
        #expect(manifest.asOfDate == (try LocalDate("2026-05-01")))
    }

    @Test func aMissingManifestRefusesTheFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("REG-221309-000012.csv", text: "x\n")
        let error = #expect(throws: IntakeError.self) { try RegisterManifest.load(forCSV: path) }
        #expect(error?.description == "REG-221309-000012.manifest.json: cannot be opened: No such file or directory")
    }

    @Test func aHashMismatchRefusesTheFile() throws {
        let folder = try TemporaryFolder()
        let path = try Fixture.writeExport(in: folder, records: records(2)) { $0.sha256 = String(repeating: "9f8e", count: 16) }
        let actual = try FileScan.scan(path: path).sha256
        let error = #expect(throws: IntakeError.self) {
            try IntakeReader(path: path, kind: RegisterKind(manifest: RegisterManifest.load(forCSV: path)))
        }
        #expect(error?.description == "REG-221309-000012.csv: sha256 does not match the manifest (file \(actual.prefix(8))…, manifest 9f8e9f8e…)")
    }

    @Test func theFileNameMustAgreeWithTheManifest() throws {
        let folder = try TemporaryFolder()
        let wrongSequence = try Fixture.writeExport(in: folder, records: records(1), sequence: 12) { $0.sequence = 13 }
        let error = #expect(throws: IntakeError.self) {
            try IntakeReader(path: wrongSequence, kind: RegisterKind(manifest: RegisterManifest.load(forCSV: wrongSequence)))
        }
        #expect(error?.reason == "the file name says sequence 12, the manifest says 13")
        let wrongCity = try Fixture.writeExport(in: folder, records: records(1), sequence: 14) {
            $0.municipality = try! MunicipalityCode("232114")
        }
        let cityError = #expect(throws: IntakeError.self) {
            try IntakeReader(path: wrongCity, kind: RegisterKind(manifest: RegisterManifest.load(forCSV: wrongCity)))
        }
        #expect(cityError?.reason == "the file name says municipality 221309, the manifest says 232114")
        let renamed = folder.path("export.csv")
        try FileManager.default.copyItem(atPath: wrongCity, toPath: renamed)
        let nameError = #expect(throws: IntakeError.self) {
            try IntakeReader(path: renamed, kind: RegisterKind(manifest: Fixture.manifest()))
        }
        #expect(nameError?.reason.hasPrefix("is not named like a Kyosei file") == true)
    }

    @Test func aShortFileIsRefusedAfterItsLastRow() throws {
        let folder = try TemporaryFolder()
        let path = try Fixture.writeExport(in: folder, records: records(2)) { $0.rowCount = 3 }
        let reader = try IntakeReader(path: path, kind: RegisterKind(manifest: RegisterManifest.load(forCSV: path)))
        #expect(try reader.next() != nil)
        #expect(try reader.next() != nil)
        let error = #expect(throws: IntakeError.self) { try reader.next() }
        #expect(error?.description == "REG-221309-000012.csv: has 2 data rows, the manifest says 3")
        #expect(reader.recordCount == 2)
    }

    @Test func brokenQuotingRefusesTheWholeExport() throws {
        let folder = try TemporaryFolder()
        let text = Fixture.csv(records(1)) + "12345678999,\"221309\n"
        let path = try folder.write("REG-221309-000012.csv", text: text)
        let manifest = try RegisterManifest(
            municipalityCode: Fixture.municipality, kind: .snapshot, sequence: 12, asOf: Fixture.asOf, rowCount: 2,
            sha256: FileScan.scan(path: path).sha256)
        let reader = try IntakeReader(path: path, kind: RegisterKind(manifest: manifest))
        #expect(try reader.next() != nil)
        let error = #expect(throws: IntakeError.self) { try reader.next() }
        #expect(error?.description == "REG-221309-000012.csv line 3, column 13: unterminated quoted field (the quote that opens here is never closed)")
    }

    @Test func smallChunksReadTheSameRows() throws {
        let folder = try TemporaryFolder()
        let path = try Fixture.writeExport(in: folder, records: records(4), encoding: .cp932)
        let kind = RegisterKind(manifest: try RegisterManifest.load(forCSV: path))
        let whole = try readAll(IntakeReader(path: path, kind: kind))
        for chunkSize in [1, 2, 5, 64] {
            #expect(try readAll(IntakeReader(path: path, kind: kind, options: IntakeOptions(chunkSize: chunkSize))) == whole)
        }
    }
}

/// Timestamps are checked through the public initialiser, which refuses a bad one.
enum RegisterManifestProbe {
    static func accepts(_ asOf: String) -> Bool {
        (try? RegisterManifest(
            municipalityCode: RegisterFixture.municipality, kind: .snapshot, sequence: 1, asOf: asOf, rowCount: 0,
            sha256: String(repeating: "a", count: 64))) != nil
    }
}
