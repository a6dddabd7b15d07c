import KyoseiDomain

/// For one group and one school level: the register's head-count of compulsory-age children and
/// how many children fall in each MEXT class. The services count; the report never sees a child.
public struct SchoolingCounts: Sendable, Equatable, Codable {
    /// Children in the register (registered or abroad); children who moved out during the
    /// school year are classified DEPARTED but are no longer in it.
    public var headCount = 0
    public var classes: [MextClass: Int] = [:]
    /// Children classified DEPARTED who are still in the head-count (abroad, or confirmed as
    /// leaving): never published, but suppression must know the head-count is every other class
    /// plus these, or a difference beside a departed count of 0 gives the unconfirmed back.
    public var departedInRegister = 0

    public init(headCount: Int = 0, classes: [MextClass: Int] = [:], departedInRegister: Int = 0) {
        self.headCount = headCount
        self.classes = classes
        self.departedInRegister = departedInRegister
    }

    public subscript(_ c: MextClass) -> Int { classes[c] ?? 0 }

    /// MEXT's difference against the register: the head-count less every child in a class
    /// (enrolled, foreign school, not enrolled, departed, visited and could not confirm).
    public var difference: Int {
        headCount - self[.enrolledCompulsory] - self[.foreignSchool] - self[.notEnrolled] - self[.departed] - self[.couldNotConfirm]
    }

    public static func + (a: SchoolingCounts, b: SchoolingCounts) -> SchoolingCounts {
        SchoolingCounts(headCount: a.headCount + b.headCount, classes: a.classes.merging(b.classes, uniquingKeysWith: +),
                        departedInRegister: a.departedInRegister + b.departedInRegister)
    }
}
