import Foundation
import KyoseiDomain
import KyoseiIntake

/// Applies every partner file waiting in one inbox folder, in the order the files must be
/// applied, and moves each applied file to the archive. A refused file stays where it is with its
/// reason in the outcomes; a file that fails for any other reason is reported the same way, and
/// the files after it are still applied.
public struct InboxImportService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Insurance rosters by date: a roster is its source's full list, so an older one applied
    /// after a newer one would end enrollments that still run (and is refused).
    public func insurance(directory: String, archive: String?, by staff: StaffMember) throws -> [RosterImportOutcome] {
        let service = InsuranceImportService(context: context)
        return try applyAll(directory: directory, archive: archive, by: staff, order: { name in
            if case .insurance(_, _, let date) = name { date.description } else { nil }
        }, apply: { try service.apply(path: $0, by: staff) })
    }

    /// School rosters by school year and term: a term sent again replaces that term's rows.
    public func school(directory: String, archive: String?, by staff: StaffMember) throws -> [RosterImportOutcome] {
        let service = SchoolImportService(context: context)
        return try applyAll(directory: directory, archive: archive, by: staff, order: { name in
            if case .school(let year, let term) = name { "\(year)-\(term)" } else { nil }
        }, apply: { try service.apply(path: $0, by: staff) })
    }

    /// Employment reports by date: a separation closes the episode an earlier hire opened.
    public func employment(directory: String, archive: String?, by staff: StaffMember) throws -> [EmploymentImportOutcome] {
        let service = EmploymentImportService(context: context)
        return try applyAll(directory: directory, archive: archive, by: staff, order: { name in
            if case .employment(let date) = name { date.description } else { nil }
        }, apply: { try service.apply(csvPath: $0, by: staff) })
    }

    /// `order` gives a file of this kind its sort key (nil for a name of another kind); those
    /// files go last and are handed to the import too, which refuses them with their reason, so
    /// a misplaced file is reported rather than left unseen.
    private func applyAll<Outcome: ImportOutcome>(
        directory: String, archive: String?, by staff: StaffMember, order: (IntakeFileName) -> String?,
        apply: (String) throws -> Outcome
    ) throws -> [Outcome] {
        guard FileManager.default.fileExists(atPath: directory) else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".csv") }
        let keyed = names.map { name in ((try? IntakeFileName(name)).flatMap(order), name) }
        let sorted = keyed.sorted { a, b in
            switch (a.0, b.0) {
            case let (x?, y?): (x, a.1) < (y, b.1)
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a.1 < b.1
            }
        }
        var outcomes: [Outcome] = []
        for (_, name) in sorted {
            let path = (directory as NSString).appendingPathComponent(name)
            let outcome: Outcome
            do {
                outcome = try apply(path)
            } catch let error as ServiceError where error.exitCode == 2 {
                // A permission refusal holds for every file alike.
                throw error
            } catch {
                context.logger.error("file failed", metadata: ["file": "\(name)", "error": "\(error)"])
                outcome = Outcome(file: name, outcome: .refused, reason: "could not be applied: \(error)")
            }
            outcomes.append(outcome)
            if let archive, outcome.outcome != .refused {
                try InboxArchive.move([path], to: archive)
            }
        }
        return outcomes
    }
}
