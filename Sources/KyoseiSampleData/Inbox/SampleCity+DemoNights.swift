import Foundation
import KyoseiDomain

extension SampleCity {
    /// How many nights `writeDemoNight` has files for.
    public static let demoNights = 4

    /// Fills `<inbox>/<kind>/` with night `number`'s files (1…`demoNights`), as the partners
    /// would send them over a few nights (night *n* on `asOf` + *n*):
    /// 1. the register's first snapshot, and the city's NHI ledger, a health insurance society's,
    ///    the pension service's and Hello Work's employment-insurance rosters;
    /// 2. two register deltas, the board of education's term roster, the month's employment reports
    ///    (the scenarios, and hires of a workforce of about 30% of working-age residents);
    /// 3. a delta with one bad row of every kind, and a transfer that broke off (refused);
    /// 4. the broken-off delta sent again whole, and a new snapshot with moves, renewals and
    ///    departures (and the walk-ins who have since registered).
    public func writeDemoNight(_ number: Int, inbox: URL) throws -> DemoNight {
        let date = asOf.adding(days: number)
        func folder(_ kind: String) throws -> URL {
            let url = inbox.appendingPathComponent(kind)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        }
        var files: [URL] = []
        let story: String
        switch number {
        case 1:
            story = "the register's first snapshot and four insurance rosters"
            files.append(try writeSnapshot(to: folder("register"), sequence: 1).csvURL)
            for (scheme, source, share) in [(InsuranceScheme.nhi, "CITY", 0.55), (.ehi, "KENPO", 0.2), (.np, "PENSION", 0.3),
                                            (.ei, "HELLOWORK", 0.25)] {
                files.append(try writeInsuranceRoster(to: folder("insurance"), scheme: scheme, source: source, date: date,
                                                      share: share, seed: UInt64(scheme.rawValue.count)).csvURL)
            }
        case 2:
            story = "two register deltas, the term's school roster and the month's employment reports"
            files += try writeDeltas(to: folder("register"), count: 2, firstSequence: 2).map(\.csvURL)
            let year = SchoolYear(containing: date)
            files.append(try writeSchoolRoster(to: folder("school"), year: year, term: SchoolYear.term(of: date) ?? .t2).csvURL)
            files.append(try writeEmploymentFile(to: folder("employment"), date: date, workforce: 0.3).csvURL)
        case 3:
            story = "a delta with bad rows, and a transfer that broke off"
            files.append(try writeDelta(number: 3, to: folder("register"), sequence: 4,
                                        options: RegisterFileOptions(rowFaults: RowFault.allCases)).csvURL)
            files.append(try writeFaultyFile(.truncated, to: folder("register"), snapshotSequence: 1, appliedDeltas: 3).csvURL)
        case 4:
            story = "the broken-off delta sent again whole, and a new snapshot"
            files.append(try writeDelta(number: 4, to: folder("register"), sequence: 5).csvURL)
            files.append(try writeChangedSnapshot(to: folder("register"), sequence: 6, asOf: date).csvURL)
        default:
            throw ValidationError(field: "night", value: String(number), reason: "must be 1 to \(Self.demoNights)")
        }
        return DemoNight(number: number, date: date, story: story,
                         files: files.map { "\($0.deletingLastPathComponent().lastPathComponent)/\($0.lastPathComponent)" })
    }
}
