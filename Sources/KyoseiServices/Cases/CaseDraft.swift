import KyoseiDomain

/// A case staff open by hand.
public struct CaseDraft: Sendable {
    public var resident: ResidentRef
    public var type: CaseType
    public var priority: CasePriority
    public var title: String
    public var note: String?
    public var dueDate: LocalDate?
    public var team: String?
    public var assignToSelf: Bool

    public init(resident: ResidentRef, type: CaseType, priority: CasePriority = .normal, title: String, note: String? = nil,
                dueDate: LocalDate? = nil, team: String? = nil, assignToSelf: Bool = false) {
        self.resident = resident
        self.type = type
        self.priority = priority
        self.title = title
        self.note = note
        self.dueDate = dueDate
        self.team = team
        self.assignToSelf = assignToSelf
    }
}
