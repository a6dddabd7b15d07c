/// For one group (a nationality, a status, an employer size): the notifications of a period.
/// The services count; the report never sees a person.
public struct EmploymentCounts: Sendable, Equatable, Codable {
    public var hires: Int
    public var separations: Int
    /// Notifications filed after their deadline, hires and separations alike.
    public var late: Int
    /// Hires in employment insurance.
    public var insuredHires: Int
    /// Hires of dispatch (temp-agency) workers.
    public var dispatchedHires: Int

    public init(hires: Int = 0, separations: Int = 0, late: Int = 0, insuredHires: Int = 0, dispatchedHires: Int = 0) {
        self.hires = hires
        self.separations = separations
        self.late = late
        self.insuredHires = insuredHires
        self.dispatchedHires = dispatchedHires
    }

    public var notifications: Int { hires + separations }

    public static func + (a: EmploymentCounts, b: EmploymentCounts) -> EmploymentCounts {
        EmploymentCounts(hires: a.hires + b.hires, separations: a.separations + b.separations, late: a.late + b.late,
                         insuredHires: a.insuredHires + b.insuredHires, dispatchedHires: a.dispatchedHires + b.dispatchedHires)
    }
}
