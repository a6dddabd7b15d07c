/// Why a registered resident is not under the city's National Health Insurance although they
/// live in it. A person excluded is not in a coverage gap for lack of NHI; the service asks these
/// predicates before raising a health COVERAGE_GAP.
///
/// Sources: National Health Insurance Act art. 6 (exclusions), item 9 (households receiving
/// public assistance under the Public Assistance Act) and item 11 with the Enforcement
/// Regulations art. 1 (foreign nationals under Designated Activities for a medical stay and
/// those looking after them — item 2; for long-stay sightseeing and recreation and the
/// accompanying spouse — item 3); Enforcement Regulations supplementary provisions for the
/// GREEN×EXPO 2027 participants, until 2028-03-31. For the city's review: the item numbers and
/// the expo provision (an ordinance amendment announced for December 2025) were not checked
/// against the official text.
public enum NHIExclusion: String, DomainCode {
    public static let fieldName = "NHI exclusion"
    case publicAssistance = "PUBLIC_ASSISTANCE"
    case medicalStay = "MEDICAL_STAY"
    case longStayTourism = "LONG_STAY_TOURISM"
    case expo2027 = "EXPO_2027"

    public var source: String {
        switch self {
        case .publicAssistance: "National Health Insurance Act art. 6(ix)"
        case .medicalStay: "National Health Insurance Act art. 6(xi); Enforcement Regulations art. 1(ii)"
        case .longStayTourism: "National Health Insurance Act art. 6(xi); Enforcement Regulations art. 1(iii)"
        case .expo2027: "National Health Insurance Act art. 6(xi); Enforcement Regulations supplementary provisions (GREEN×EXPO 2027)"
        }
    }

    /// The last day the exclusion exists, for the time-limited ones.
    public var effectiveUntil: LocalDate? {
        self == .expo2027 ? try! LocalDate(year: 2028, month: 3, day: 31) : nil
    }

    /// The exclusion that applies on `date` to a person with `status` (and `designation` when
    /// it is Designated Activities) whose household receives public assistance or not; nil when
    /// the person is under NHI (unless in another scheme). Public assistance is checked first:
    /// it is the city's own record and needs no designation.
    public static func applying(
        status: StatusOfResidence?, designation: Designation?, publicAssistance: Bool, on date: LocalDate
    ) -> NHIExclusion? {
        if publicAssistance { return .publicAssistance }
        guard status == .designated, let designation else { return nil }
        let found: NHIExclusion? = switch designation {
        case .medicalStay, .medicalStayCompanion: .medicalStay
        case .longStayTourism, .longStayTourismCompanion: .longStayTourism
        case .expo2027Participant: .expo2027
        case .workingHoliday, .other: nil
        }
        if let found, let until = found.effectiveUntil, date > until { return nil }
        return found
    }

    /// A plain sentence for staff.
    public var reason: String {
        switch self {
        case .publicAssistance: "The household receives public assistance (seikatsu hogo): medical aid replaces NHI."
        case .medicalStay: "Designated Activities for a medical stay (or looking after the patient) is outside NHI."
        case .longStayTourism: "Designated Activities for long-stay sightseeing and recreation (or the accompanying spouse) is outside NHI."
        case .expo2027: "A GREEN×EXPO 2027 participant (or family) under Designated Activities is outside NHI until 2028-03-31."
        }
    }
}
