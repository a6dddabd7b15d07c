import KyoseiStore

/// A case in a queue, with the name of the person it is for.
public struct CaseSummary: Sendable {
    public let record: CaseRecord
    public let personName: String?
}

/// Everything `case show` prints: the case, the person, its history, what raised it, and the
/// person's other cases.
public struct CaseDetail: Sendable {
    public let record: CaseRecord
    public let resident: ResidentRecord?
    public let events: [CaseEventRecord]
    public let links: [CaseLinkRecord]
    public let otherCases: [CaseRecord]
}
