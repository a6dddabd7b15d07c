import KyoseiDomain

/// Which kind of partner file a path holds, with what that kind needs to be applied.
public enum ImportSource: Sendable, Equatable {
    /// A national register export (`REG-<municipality>-<sequence>.csv` and its manifest).
    case register
    /// An insurance roster; `asOf` overrides the date in its name, `matchReport` is where the
    /// per-row match CSV goes.
    case insurance(asOf: LocalDate? = nil, matchReport: String? = nil)
    case school
    case employment
    /// A language-course provider's attendance file for one course.
    case attendance(course: Int64)
}

/// The kinds of partner file that arrive in an inbox folder of their own.
public enum InboxKind: String, Sendable, CaseIterable {
    case register, insurance, school, employment
}
