/// What every partner-file import reports about one file, whatever else it counts: an inbox run
/// sorts, archives and summarises files of any kind by these alone.
public protocol ImportOutcome: Sendable, Codable {
    var file: String { get }
    var outcome: RosterImportOutcome.Result { get }
    var reason: String? { get }
    init(file: String, outcome: RosterImportOutcome.Result, reason: String?)
}

extension RosterImportOutcome: ImportOutcome {}
extension EmploymentImportOutcome: ImportOutcome {}
