import KyoseiDomain

/// What a queue shows. By default: the active cases the member may see, most urgent first.
public struct CaseFilter: Sendable, CustomStringConvertible {
    public var mine = false
    public var team: String?
    public var type: CaseType?
    public var states: [CaseState]? = [.open, .inProgress, .waiting]
    public var overdue = false
    public var person: ResidentRef?
    public var district: DistrictCode?
    public var limit = 200

    public init() {}

    public var description: String {
        [mine ? "mine" : nil, team.map { "team=\($0)" }, type.map { "type=\($0)" },
         states.map { "state=" + $0.map(\.rawValue).joined(separator: "|") }, overdue ? "overdue" : nil,
         person.map { "person=\($0)" }, district.map { "district=\($0)" }, "limit=\(limit)"]
            .compactMap { $0 }.joined(separator: " ")
    }
}
