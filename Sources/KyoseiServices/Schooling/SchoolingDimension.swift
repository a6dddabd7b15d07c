/// What the schooling report is cut by.
public enum SchoolingDimension: String, Sendable, CaseIterable {
    case nationality, district, grade

    func label(for child: ChildSchooling) -> String {
        switch self {
        case .nationality: child.nationality
        case .district: child.district ?? "(none)"
        case .grade: "grade \(child.expectedGrade)"
        }
    }
}
