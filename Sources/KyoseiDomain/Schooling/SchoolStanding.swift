/// What is known about one compulsory-age child on a date, gathered by the service so the MEXT
/// classification stays a pure function that tests can state case by case.
public struct SchoolStanding: Sendable, Equatable {
    /// One roster row of the child in the latest term any roster was received for.
    public struct TermRow: Sendable, Equatable {
        public var schoolType: SchoolType
        public var enrolled: Bool

        public init(schoolType: SchoolType, enrolled: Bool) {
            self.schoolType = schoolType
            self.enrolled = enrolled
        }
    }

    /// Moved out of the city or abroad during the school year.
    public var departed: Bool
    /// The child's rows in the latest term; empty when no roster of that term lists them.
    public var latestTermRows: [TermRow]
    /// A staff confirmation that no later roster has overridden.
    public var confirmation: HomeVisitOutcome?

    public init(departed: Bool, latestTermRows: [TermRow], confirmation: HomeVisitOutcome?) {
        self.departed = departed
        self.latestTermRows = latestTermRows
        self.confirmation = confirmation
    }

    /// The child's MEXT class. A departure is a register fact and wins; a standing staff
    /// confirmation comes next (the service drops it once a later roster lists the child); then
    /// the latest term's roster, where only an `ENROLLED` row counts: withdrawn or transferred with
    /// nothing after it is as unconfirmed as a child no roster lists.
    public var mextClass: MextClass {
        if departed { return .departed }
        if let confirmation { return confirmation.mextClass }
        let enrolled = latestTermRows.filter(\.enrolled)
        if enrolled.contains(where: { $0.schoolType.isCompulsoryEducation }) { return .enrolledCompulsory }
        if !enrolled.isEmpty { return .foreignSchool }
        return .unconfirmed
    }
}
