import Foundation
import GRDB
import KyoseiDomain
@testable import KyoseiServices
import KyoseiStore
import Testing

@Suite struct RegisterSyncTests {
    let city: TestCity
    var sync: FileImport { FileImport(context: city.context) }

    init() throws { city = try TestCity() }

    func state(_ personID: Int) throws -> RegisterState? {
        try city.context.database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT register_state FROM resident WHERE person_id = ?",
                                arguments: [String(format: "%011d", personID)]).flatMap(RegisterState.init(rawValue:))
        }
    }

    func count(_ sql: String) throws -> Int {
        try city.context.database.writer.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    /// Every table a sync writes, so a refused file can be shown to have changed none of them.
    func fingerprint() throws -> [Int] {
        try ["resident", "history", "household", "intake_file", "intake_reject", "identity_review"].map {
            try count("SELECT count(*) FROM \($0)")
        }
    }

    @Test func aSnapshotCreatesResidentsWithHistoryNamingTheFile() throws {
        let path = try RegisterExport.write(to: city.folder, sequence: 1, rows: [
            RegisterExport.person(1, name: "DA SILVA JOAO", ["address": "浜松市中区元城町103-2, 2F\n(裏口)"]),
            RegisterExport.person(2, name: "NGUYEN THI LAN", sex: "2", nationality: "VN"),
        ])
        let outcome = try sync.apply(path, as: .register, by: city.founder)
        #expect(outcome.outcome == .applied)
        #expect(outcome.register?.created == 2)
        #expect(outcome.register?.events == ["SNAPSHOT": 2])
        #expect(outcome.register?.states == ["REGISTERED": 2])
        let joao = try city.residents.show(.person(try PersonID("00000000001")), by: city.founder).resident
        #expect(joao.address == "浜松市中区元城町103-2, 2F\n(裏口)")
        let history = try city.residents.history(.person(try PersonID("00000000001")), by: city.founder).1
        #expect(history.first?.source == .registerSync)
        #expect(history.first?.sourceRef == "REG-221309-000001.csv seq 1 line 2")
    }

    @Test func aPersonListedTwiceInASnapshotIsRejectedOnce() throws {
        let outcome = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 1, rows: [
            RegisterExport.person(1, name: "SILVA ANA"), RegisterExport.person(1, name: "SILVA ANA MARIA"),
        ]), as: .register, by: city.founder)
        #expect(outcome.applied == 1)
        #expect(outcome.rejected == 1)
        let reject = try #require(try RejectService(context: city.context).list(by: city.founder).first)
        #expect(reject.line == 3)
        #expect(reject.reasons == ["person_id 00000000001: is listed more than once in this snapshot"])
        #expect(reject.recordText.contains("SILVA ANA MARIA"))
        #expect(try city.residents.show(.person(try PersonID("00000000001")), by: city.founder).resident.nameLatin == "SILVA ANA")
    }

    @Test func cp932FilesAreReadLikeUTF8() throws {
        let path = try RegisterExport.write(to: city.folder, sequence: 1, rows: [
            RegisterExport.person(1, name: "KIM MINJUN", nationality: "KR", ["name_kanji": "金敏俊", "name_kana": "ｷﾑ ﾐﾝｼﾞｭﾝ",
                                                                           "address": "浜松市中区①丁目"]),
        ], encoding: "CP932")
        #expect(try sync.apply(path, as: .register, by: city.founder).applied == 1)
        let kim = try city.residents.find("金敏", by: city.founder)
        #expect(kim.first?.resident.nameKana == "ｷﾑ ﾐﾝｼﾞｭﾝ")
        #expect(kim.first?.resident.address == "浜松市中区①丁目")
        #expect(try city.residents.find("ミンジュン", by: city.founder).count == 1)
    }

    @Test func theSameFileTwiceChangesNothingTheSecondTime() throws {
        let path = try RegisterExport.write(to: city.folder, sequence: 1, rows: [RegisterExport.person(1, name: "SILVA ANA")])
        _ = try sync.apply(path, as: .register, by: city.founder)
        let before = try fingerprint()
        let again = try sync.apply(path, as: .register, by: city.founder)
        #expect(again.outcome == .alreadyApplied)
        #expect(again.reason?.contains("already applied") == true)
        #expect(try fingerprint() == before)
    }

    @Test func integrityRefusalsChangeNothing() throws {
        let base = try RegisterExport.write(to: city.folder, sequence: 1, rows: [RegisterExport.person(1, name: "SILVA ANA")])
        _ = try sync.apply(base, as: .register, by: city.founder)
        let before = try fingerprint()
        let rows = [RegisterExport.person(2, name: "TRAN AN", nationality: "VN", ["event": "MOVE_IN", "event_date": "2026-11-20"])]
        let cases: [(String, () throws -> String)] = [
            ("sha256 does not match", { try RegisterExport.write(to: city.folder, sequence: 2, kind: "delta", rows: rows,
                                                                  manifestOverrides: ["sha256": String(repeating: "a", count: 64)]) }),
            ("data rows, the manifest says 5", { try RegisterExport.write(to: city.folder, sequence: 2, kind: "delta", rows: rows,
                                                                          manifestOverrides: ["row_count": 5]) }),
            ("sequence 2 is missing", { try RegisterExport.write(to: city.folder, sequence: 3, kind: "delta", rows: rows) }),
            ("municipality 232114", { try RegisterExport.write(to: city.folder, sequence: 2, kind: "delta", rows: rows,
                                                                manifestOverrides: ["municipality_code": "232114"]) }),
            ("sha256 does not match", { try RegisterExport.write(to: city.folder, sequence: 2, kind: "delta", rows: rows,
                                                                  bytesTransform: { Array($0.dropLast(40)) }) }),
            ("with a different hash", { try RegisterExport.write(to: city.folder, sequence: 1, rows: [RegisterExport.person(1, name: "SILVA ANA MARIA")]) }),
        ]
        for (expected, make) in cases {
            let path = try make()
            let outcome = try sync.apply(path, as: .register, by: city.founder)
            #expect(outcome.outcome == .refused, "\(expected)")
            #expect(outcome.reason?.contains(expected) == true, "expected '\(expected)' in \(outcome.reason ?? "nil")")
            #expect(try fingerprint() == before, "\(expected) changed the database")
        }
    }

    @Test func aSnapshotResetsTheBaselineAndOlderExportsAreRefused() throws {
        _ = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 1, rows: [RegisterExport.person(1, name: "SILVA ANA")]), as: .register, by: city.founder)
        let jump = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 5, rows: [RegisterExport.person(1, name: "SILVA ANA")]), as: .register, by: city.founder)
        #expect(jump.outcome == .applied)
        #expect(jump.register?.unchanged == 1)
        let stale = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 3, kind: "delta", rows: [
            RegisterExport.person(2, name: "TRAN AN", nationality: "VN", ["event": "MOVE_IN", "event_date": "2026-11-20"]),
        ]), as: .register, by: city.founder)
        #expect(stale.outcome == .refused)
        #expect(stale.reason?.contains("sequence 3 is older than the last applied export (5)") == true)
        let next = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 6, kind: "delta", rows: [
            RegisterExport.person(2, name: "TRAN AN", nationality: "VN", ["event": "MOVE_IN", "event_date": "2026-11-20"]),
        ]), as: .register, by: city.founder)
        #expect(next.outcome == .applied)
    }

    @Test func aDeltaNeedsABaseline() throws {
        let path = try RegisterExport.write(to: city.folder, sequence: 1, kind: "delta", rows: [
            RegisterExport.person(1, name: "SILVA ANA", ["event": "MOVE_IN", "event_date": "2026-11-20"]),
        ])
        let outcome = try sync.apply(path, as: .register, by: city.founder)
        #expect(outcome.outcome == .refused)
        #expect(outcome.reason?.contains("no snapshot") == true)
    }

    @Test func everyEventMovesTheRegisterStateAsTheSpecSays() throws {
        let ids = Array(1...14)
        _ = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 1, rows: ids.map {
            RegisterExport.person($0, name: "PERSON NUMBER\($0 == 1 ? "" : " X")", born: String(format: "1980-01-%02d", $0))
        }), as: .register, by: city.founder)
        let events = RegisterEvent.allCases
        let delta = zip(ids, events).map { id, event in
            RegisterExport.person(id, name: "PERSON NUMBER\(id == 1 ? "" : " X")", born: String(format: "1980-01-%02d", id),
                                  ["event": event.rawValue, "event_date": "2026-11-21"])
        }
        let outcome = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 2, kind: "delta", rows: delta), as: .register, by: city.founder)
        #expect(outcome.applied == events.count)
        for (id, event) in zip(ids, events) {
            #expect(try state(id) == RegisterState.after(event), "\(event)")
        }
        // ABROAD stays ABROAD when a snapshot lists the person; RETURN brings them back.
        let abroad = ids[events.firstIndex(of: .departureReentry)!]
        _ = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 3, rows: ids.map {
            RegisterExport.person($0, name: "PERSON NUMBER\($0 == 1 ? "" : " X")", born: String(format: "1980-01-%02d", $0))
        }), as: .register, by: city.founder)
        #expect(try state(abroad) == .abroad)
        #expect(try state(ids[events.firstIndex(of: .moveOut)!]) == .registered)
        _ = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 4, kind: "delta", rows: [
            RegisterExport.person(abroad, name: "PERSON NUMBER X", born: String(format: "1980-01-%02d", abroad),
                                  ["event": "RETURN", "event_date": "2026-11-22"]),
        ]), as: .register, by: city.founder)
        #expect(try state(abroad) == .registered)
    }

    /// A delta is applied as sets, but a person it names twice still changes twice, in file order.
    @Test func aDeltaNamingSomeoneTwiceAppliesTheirRowsInFileOrder() throws {
        _ = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 1, rows: [
            RegisterExport.person(1, name: "SILVA ANA"), RegisterExport.person(2, name: "TRAN AN", nationality: "VN"),
        ]), as: .register, by: city.founder)
        let outcome = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 2, kind: "delta", rows: [
            RegisterExport.person(1, name: "SILVA ANA", ["event": "ADDRESS_CHANGE", "event_date": "2026-11-20", "address": "浜松市中区1"]),
            RegisterExport.person(3, name: "KIM JI", nationality: "KR", ["event": "MOVE_IN", "event_date": "2026-11-20"]),
            RegisterExport.person(2, name: "TRAN AN", nationality: "VN", ["event": "CORRECTION", "event_date": "2026-11-20"]),
            RegisterExport.person(1, name: "SILVA ANA", ["event": "MOVE_OUT", "event_date": "2026-11-21", "address": "浜松市中区1"]),
            RegisterExport.person(3, name: "KIM JIWOO", nationality: "KR", ["event": "NAME_CHANGE", "event_date": "2026-11-21"]),
        ]), as: .register, by: city.founder)
        #expect(outcome.applied == 5)
        #expect(outcome.register?.events == ["ADDRESS_CHANGE": 1, "MOVE_IN": 1, "CORRECTION": 1, "MOVE_OUT": 1, "NAME_CHANGE": 1])
        #expect(outcome.register?.created == 1)
        #expect(outcome.register?.changed == 3)
        #expect(outcome.register?.unchanged == 1)
        #expect(outcome.register?.states == ["REGISTERED": 4, "MOVED_OUT": 1])
        let ana = try city.residents.history(.person(try PersonID("00000000001")), by: city.founder)
        #expect(ana.0.registerState == .movedOut)
        #expect(ana.1.dropFirst().map { [$0.field, $0.newValue ?? "", $0.reason ?? "", $0.sourceRef ?? ""] } == [
            ["address", "浜松市中区1", "ADDRESS_CHANGE", "REG-221309-000002.csv seq 2 line 2"],
            ["register_state", "MOVED_OUT", "MOVE_OUT", "REG-221309-000002.csv seq 2 line 5"],
        ])
        let kim = try city.residents.history(.person(try PersonID("00000000003")), by: city.founder)
        #expect(kim.0.nameLatin == "KIM JIWOO")
        #expect(kim.1.map { [$0.field, $0.reason ?? ""] } == [["(created)", "MOVE_IN"], ["name_latin", "NAME_CHANGE"]])
        #expect(try city.residents.find("JIWOO", by: city.founder).first?.resident.nameLatin == "KIM JIWOO")
    }

    @Test func aSnapshotMarksTheMissingAsLeftAndDeletesNobody() throws {
        _ = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 1, rows: [
            RegisterExport.person(1, name: "SILVA ANA"), RegisterExport.person(2, name: "TRAN AN", nationality: "VN"),
            RegisterExport.person(3, name: "KIM JI", nationality: "KR"),
        ]), as: .register, by: city.founder)
        // One of three omitted is above the plausibility guard's share; accepted as an operator would.
        let outcome = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 2, rows: [
            RegisterExport.person(1, name: "SILVA ANA"),
            RegisterExport.person(3, name: "KIM JI", nationality: "KR", ["birth_date": "1985-02-30"]),
        ]), as: .register, acceptLargeChange: true, by: city.founder)
        #expect(outcome.register?.leftRegister == 1)
        #expect(outcome.rejected == 1)
        #expect(try state(2) == .leftRegister)
        #expect(try state(3) == .registered, "a rejected row still says the person is in the register")
        #expect(try count("SELECT count(*) FROM resident") == 3)
        let attention = try AttentionService(context: city.context).report(since: nil, by: city.founder)
        #expect(attention.leftRegister.map(\.nameLatin) == ["TRAN AN"])
        #expect(attention.openRejects == 1)
    }

    @Test func rejectsAreKeptAndAppliedOnceCorrected() throws {
        let outcome = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 1, rows: [
            RegisterExport.person(1, name: "SILVA ANA"),
            RegisterExport.person(2, name: "TRAN AN", nationality: "VN", ["birth_date": "1990-02-30", "status_of_residence": "TEMP_VISITOR"]),
            RegisterExport.person(3, name: "KIM JI", nationality: "KR", ["municipality_code": "232114"]),
        ]), as: .register, by: city.founder)
        #expect(outcome.applied == 1)
        #expect(outcome.rejected == 2)
        let rejects = RejectService(context: city.context)
        let open = try rejects.list(by: city.founder)
        #expect(open.map(\.line) == [3, 4])
        #expect(open[0].columns.contains("birth_date") && open[0].columns.contains("status_of_residence"))
        #expect(open[0].reasons.count == 2)
        #expect(open[0].recordText.hasPrefix("00000000002,221309,"))

        #expect(throws: ServiceError.self) {
            try rejects.fix(open[0].id, changes: ["birth_date": "1990-02-28"], text: nil, note: nil, by: city.founder)
        }
        let fixed = try rejects.fix(open[0].id, changes: ["birth_date": "1990-02-28", "status_of_residence": "LONG_TERM"],
                                    text: nil, note: "checked the card", by: city.founder)
        #expect(fixed.state == "APPLIED")
        #expect(try state(2) == .registered)
        let history = try city.residents.history(.person(try PersonID("00000000002")), by: city.founder).1
        #expect(history.first?.source == .correction)
        #expect(history.first?.sourceRef?.hasPrefix("reject \(open[0].id)") == true)

        let dismissed = try rejects.dismiss(open[1].id, note: "belongs to Toyota", by: city.founder)
        #expect(dismissed.state == "DISMISSED")
        #expect(try rejects.list(by: city.founder).isEmpty)
        #expect(try state(3) == nil)
    }

    @Test func aWalkInIsLinkedByCardOrByUnambiguousIdentity() throws {
        let byCard = try city.add("LAN NGUYEN", born: "1998-11-15", sex: .female, nationality: "VN", card: "AB00000002CD")
        let byName = try city.add("SILVA ANA", born: "1990-03-03", sex: .female)
        let outcome = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 1, rows: [
            RegisterExport.person(2, name: "NGUYEN THI LAN", born: "1998-11-15", sex: "2", nationality: "VN", card: "AB00000002CD"),
            RegisterExport.person(3, name: "SILVA ANA", born: "1990-03-03", sex: "2", card: "ZZ00000003ZZ"),
        ]), as: .register, by: city.founder)
        #expect(outcome.register?.linked == 2)
        #expect(outcome.register?.created == 0)
        #expect(try city.residents.show(.kyosei(byCard.id), by: city.founder).resident.personID?.rawValue == "00000000002")
        let ana = try city.residents.show(.kyosei(byName.id), by: city.founder).resident
        #expect(ana.registerState == .registered)
        #expect(ana.residenceCardNumber?.rawValue == "ZZ00000003ZZ")
    }

    @Test func anAmbiguousIdentityRaisesAReviewAndMergesNothing() throws {
        let first = try city.add("SANTOS MARIA", born: "2001-07-07", sex: .female)
        let second = try city.add("SANTOS MARIA", born: "2001-07-07", sex: .female)
        let outcome = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 1, rows: [
            RegisterExport.person(5, name: "SANTOS MARIA", born: "2001-07-07", sex: "2"),
        ]), as: .register, by: city.founder)
        #expect(outcome.register?.linked == 0)
        #expect(outcome.register?.created == 1)
        #expect(outcome.register?.identityReviews == 1)
        for walkIn in [first, second] {
            let record = try city.residents.show(.kyosei(walkIn.id), by: city.founder).resident
            #expect(record.personID == nil)
            #expect(record.registerState == .unregisteredServed)
        }
        let review = try #require(try AttentionService(context: city.context).report(since: nil, by: city.founder).identityReviews.first)
        #expect(review.candidateIDs == "\(first.reference),\(second.reference)")
    }

    @Test func aWalkInWhoCouldBeEitherTwinIsNeverLinked() throws {
        let walkIn = try city.add("NGUYEN VAN NAM", born: "1996-07-14", nationality: "VN")
        let outcome = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 1, rows: [
            RegisterExport.person(7, name: "NGUYEN VAN NAM", born: "1996-07-14", nationality: "VN"),
            RegisterExport.person(8, name: "SILVA ANA"),
            RegisterExport.person(9, name: "NGUYEN VAN NAM", born: "1996-07-14", nationality: "VN"),
        ]), as: .register, by: city.founder)
        #expect(outcome.register?.linked == 0)
        #expect(outcome.register?.created == 3)
        #expect(outcome.register?.identityReviews == 2)
        #expect(try city.residents.show(.kyosei(walkIn.id), by: city.founder).resident.personID == nil)
        // A later register person who matches the same walk-in is not linked either.
        let later = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 2, kind: "delta", rows: [
            RegisterExport.person(10, name: "NAM NGUYEN VAN", born: "1996-07-14", nationality: "VN",
                                  ["event": "MOVE_IN", "event_date": "2026-11-20"]),
        ]), as: .register, by: city.founder)
        #expect(later.register?.linked == 0)
        #expect(later.register?.identityReviews == 1)
    }

    @Test func aConflictingCardIsReviewedNotLinked() throws {
        let walkIn = try city.add("SANTOS MARIA", born: "2001-07-07", sex: .female, card: "CD11111111EF")
        let outcome = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 1, rows: [
            RegisterExport.person(5, name: "SANTOS MARIA", born: "2001-07-07", sex: "2", card: "GH22222222IJ"),
        ]), as: .register, by: city.founder)
        #expect(outcome.register?.linked == 0)
        #expect(outcome.register?.identityReviews == 1)
        #expect(try city.residents.show(.kyosei(walkIn.id), by: city.founder).resident.personID == nil)
    }

    @Test func aDryRunKeepsNothingButIsAudited() throws {
        let path = try RegisterExport.write(to: city.folder, sequence: 1, rows: [RegisterExport.person(1, name: "SILVA ANA")])
        let before = try fingerprint()
        let outcome = try sync.apply(path, as: .register, dryRun: true, by: city.founder)
        #expect(outcome.outcome == .checked)
        #expect(outcome.register?.created == 1)
        #expect(try fingerprint() == before)
        #expect(try city.audit.log(AuditFilter(), by: city.founder).contains { $0.action == "sync.register.dry-run" })
        #expect(try sync.apply(path, as: .register, by: city.founder).outcome == .applied)
    }

    @Test func aSecondSyncAtOnceIsRefusedPlainly() throws {
        let path = try RegisterExport.write(to: city.folder, sequence: 1, rows: [RegisterExport.person(1, name: "SILVA ANA")])
        try {
            let held = try ImportLock(databasePath: city.path)
            #expect(throws: ServiceError.self) { try sync.apply(path, as: .register, by: city.founder) }
            withExtendedLifetime(held) {}
        }()
        let outcome = try sync.apply(path, as: .register, by: city.founder)
        #expect(outcome.outcome == .applied, "\(outcome)")
    }

    @Test func theInboxAppliesInOrderAndLeavesRefusedFiles() throws {
        let inbox = city.folder.appendingPathComponent("inbox")
        let archive = city.folder.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try RegisterExport.write(to: inbox, sequence: 2, kind: "delta", rows: [
            RegisterExport.person(2, name: "TRAN AN", nationality: "VN", ["event": "MOVE_IN", "event_date": "2026-11-20"]),
        ])
        try RegisterExport.write(to: inbox, sequence: 1, rows: [RegisterExport.person(1, name: "SILVA ANA")])
        try RegisterExport.write(to: inbox, sequence: 4, kind: "delta", rows: [
            RegisterExport.person(3, name: "KIM JI", nationality: "KR", ["event": "MOVE_IN", "event_date": "2026-11-21"]),
        ])
        let outcomes = try sync.applyInbox(inbox.path, of: .register, archive: archive.path, by: city.founder)
        #expect(outcomes.map(\.register?.sequence) == [1, 2, 4])
        #expect(outcomes.map(\.outcome) == [.applied, .applied, .refused])
        #expect(outcomes[2].reason?.contains("sequence 3 is missing") == true)
        let left = try FileManager.default.contentsOfDirectory(atPath: inbox.path).sorted()
        #expect(left == ["REG-221309-000004.csv", "REG-221309-000004.manifest.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: archive.path).count == 4)
    }
}
