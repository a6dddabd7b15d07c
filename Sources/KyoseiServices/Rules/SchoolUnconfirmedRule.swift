import GRDB
import KyoseiDomain

/// A compulsory-age child in the register whose schooling nobody can vouch for: no enrollment in
/// the latest term's roster and no standing home-visit finding, or a visit that could not
/// confirm it (MEXT's class 5: the work goes on). One case per child and school year; a roster
/// or a visit that finds where the child is makes the cause go away.
struct SchoolUnconfirmedRule: CaseRule {
    let name = "SCHOOL_UNCONFIRMED"
    let caseType = CaseType.schoolUnconfirmed

    func evaluate(asOf: LocalDate, settings: Settings, in db: Database, _ found: (RuleFinding) throws -> Void) throws {
        let census = SchoolingCensus(asOf: asOf)
        for child in try census.children(in: db)
        where [.unconfirmed, .couldNotConfirm].contains(child.mextClass) && child.registerState == .registered {
            try found(RuleFinding(
                residentID: child.residentID, cause: "unconfirmed:\(census.year)",
                title: "Schooling unconfirmed (expected grade \(child.expectedGrade))",
                detail: child.mextClass == .couldNotConfirm
                    ? "A home visit could not confirm this child's schooling (MEXT class 5); visit again and record what you find with `kyosei school confirm`."
                    : "No school roster of the latest term lists this child as enrolled and no home visit is recorded; "
                    + "confirm with `kyosei school confirm`.",
                priority: .high, dueDate: asOf.adding(days: 30),
                district: child.district.flatMap { try? DistrictCode($0) }))
        }
    }
}
