import GRDB
import KyoseiStore

/// An employer and what its notifications add up to: the city's outreach list. Workers are
/// counted by residence card, once each, whatever number of notifications name them.
public struct EmployerSummary: Sendable, Codable, Equatable {
    public let employerID: String
    public let kind: String
    public let name: String
    public let notifications: Int
    public let workers: Int
    public let hiredWorkers: Int
    public let dispatchedWorkers: Int
    /// Hired workers reported as not in employment insurance, whatever their hours.
    public let uninsuredWorkers: Int
    /// Hired workers at or above the insurance threshold and not in it (`EI_MISSING`).
    public let eiMissingWorkers: Int
    public let lateReports: Int
    /// Workers whose job there puts them in EHI/EPI on the day asked and whom no EHI or EPI
    /// roster shows (`EMPLOYER_INSURANCE_MISSING`); for an agency, its dispatched workers.
    public internal(set) var employerInsuranceMissingWorkers = 0

    public var dispatchedShare: Double { workers == 0 ? 0 : Double(dispatchedWorkers) / Double(workers) }
    public var uninsuredShare: Double { hiredWorkers == 0 ? 0 : Double(uninsuredWorkers) / Double(hiredWorkers) }
    public var eiMissingShare: Double { hiredWorkers == 0 ? 0 : Double(eiMissingWorkers) / Double(hiredWorkers) }

    static func fetchAll(in db: Database, employerID: String? = nil) throws -> [EmployerSummary] {
        try EmployerRecord.tallies(employerID: employerID, in: db).map { tally in
            EmployerSummary(
                employerID: tally.employerID, kind: tally.kind, name: tally.name, notifications: tally.notifications,
                workers: tally.workers, hiredWorkers: tally.hired, dispatchedWorkers: tally.dispatched,
                uninsuredWorkers: tally.uninsured, eiMissingWorkers: tally.eiMissing, lateReports: tally.late)
        }
    }
}
