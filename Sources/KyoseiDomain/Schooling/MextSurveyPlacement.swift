/// Where one child falls in MEXT's survey on its day, from what the city knows: a class, the
/// difference (on the register, nothing known), or outside the survey (not on the register, so
/// not in the head-count, whatever the city knows: a child who has moved out is not MEXT's
/// "departed", which counts only children still on the register).
public enum MextSurveyPlacement: Sendable, Equatable {
    case counted(MextSurveyClass)
    case difference
    case outsideSurvey

    /// The placement of a compulsory-age child. A register departure takes the child out of
    /// the survey; a child still on the register but abroad or confirmed leaving is class 4; a
    /// roster listing the child enrolled wins over a visit (it is the school's own record); then
    /// the visit's finding; with neither, the child is in the difference.
    public static func of(
        registerState: RegisterState, latestTermRows: [SchoolStanding.TermRow], visit: HomeVisitOutcome?
    ) -> MextSurveyPlacement {
        guard registerState.isInRegister else { return .outsideSurvey }
        if registerState == .abroad { return .counted(.departingOrMoving) }
        let enrolled = latestTermRows.filter(\.enrolled)
        if enrolled.contains(where: { $0.schoolType.isCompulsoryEducation }) { return .counted(.compulsorySchool) }
        if !enrolled.isEmpty { return .counted(.foreignSchool) }
        if let visit { return .counted(visit.surveyClass) }
        return .difference
    }
}
