/// The designation of a Designated Activities (特定活動) status that Kyosei's rules read:
/// the Minister of Justice's Public Notice on Designated Activities (特定活動告示) numbers each
/// activity, and the number is printed on the designation paper in the passport. The partner
/// files do not carry it; staff record it (or a later optional column). Only the designations
/// a rule depends on are named; every other one is `other`.
public enum Designation: String, DomainCode {
    public static let fieldName = "designation"
    /// Notice item 5: working holiday. Outside employment insurance (Hello Work's handling
    /// rules for the Employment Insurance Act treat working-holiday makers as not insured).
    case workingHoliday = "WORKING_HOLIDAY"
    /// Notice item 25: staying to receive medical treatment in hospital and around it.
    case medicalStay = "MEDICAL_STAY"
    /// Notice item 26: looking after a person on a medical stay.
    case medicalStayCompanion = "MEDICAL_STAY_COMPANION"
    /// Notice item 40: long stay (up to a year) for sightseeing and recreation by a wealthy
    /// visitor.
    case longStayTourism = "LONG_STAY_TOURISM"
    /// Notice item 41: the spouse accompanying a long-stay tourist.
    case longStayTourismCompanion = "LONG_STAY_TOURISM_COMPANION"
    /// A participant in the 2027 International Horticultural Expo (GREEN×EXPO 2027), or their
    /// spouse or child, staying under Designated Activities.
    case expo2027Participant = "EXPO_2027_PARTICIPANT"
    /// Any other designation.
    case other = "OTHER"

    /// The item of the Public Notice, where the designation is one item. For the city's review:
    /// the item numbers were taken from secondary sources.
    public var noticeItem: Int? {
        switch self {
        case .workingHoliday: 5
        case .medicalStay: 25
        case .medicalStayCompanion: 26
        case .longStayTourism: 40
        case .longStayTourismCompanion: 41
        case .expo2027Participant, .other: nil
        }
    }
}
