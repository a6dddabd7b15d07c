/// Status of residence (`codes.md`), with its annexed table, the work class the employment
/// checks use, and the day it became valid (ESD replaces Technical Intern Training in 2027).
public enum StatusOfResidence: String, DomainCode {
    public static let fieldName = "status of residence"

    case diplomat = "DIPLOMAT", official = "OFFICIAL", professor = "PROFESSOR", artist = "ARTIST"
    case religious = "RELIGIOUS", journalist = "JOURNALIST"
    case hsp1A = "HSP_1A", hsp1B = "HSP_1B", hsp1C = "HSP_1C", hsp2 = "HSP_2"
    case businessManager = "BUSINESS_MANAGER", legalAccounting = "LEGAL_ACCOUNTING", medical = "MEDICAL"
    case researcher = "RESEARCHER", instructor = "INSTRUCTOR", engineerHumanities = "ENGINEER_HUMANITIES"
    case intraCompany = "INTRA_COMPANY", nursingCare = "NURSING_CARE", entertainer = "ENTERTAINER"
    case skilledLabor = "SKILLED_LABOR", ssw1 = "SSW_1", ssw2 = "SSW_2"
    case titp1 = "TITP_1", titp2 = "TITP_2", titp3 = "TITP_3", esd = "ESD"
    case cultural = "CULTURAL", temporaryVisitor = "TEMP_VISITOR"
    case student = "STUDENT", trainee = "TRAINEE", dependent = "DEPENDENT"
    case designated = "DESIGNATED"
    case permanent = "PERMANENT", spouseJapanese = "SPOUSE_JAPANESE", spousePermanent = "SPOUSE_PERMANENT"
    case longTerm = "LONG_TERM"

    public enum Table: String, Sendable { case i1 = "I(1)", i2 = "I(2)", i3 = "I(3)", i4 = "I(4)", i5 = "I(5)", ii = "II" }

    /// What work the status allows, for the employment-report checks.
    public enum WorkClass: String, Sendable {
        /// Annexed Table II: any work.
        case any = "ANY"
        /// Only the work of the activity (Table I(1)/(2)).
        case activity = "ACTIVITY"
        /// None without permission for another activity, then at most 28 hours a week.
        case none = "NONE"
        /// Designated Activities: depends on the designation, needs a human.
        case review = "REVIEW"
    }

    public var table: Table {
        switch self {
        case .diplomat, .official, .professor, .artist, .religious, .journalist: .i1
        case .cultural, .temporaryVisitor: .i3
        case .student, .trainee, .dependent: .i4
        case .designated: .i5
        case .permanent, .spouseJapanese, .spousePermanent, .longTerm: .ii
        default: .i2
        }
    }

    public var workClass: WorkClass {
        switch table {
        case .i1, .i2: .activity
        case .i3, .i4: .none
        case .i5: .review
        case .ii: .any
        }
    }

    public var englishName: String {
        switch self {
        case .diplomat: "Diplomat"
        case .official: "Official"
        case .professor: "Professor"
        case .artist: "Artist"
        case .religious: "Religious Activities"
        case .journalist: "Journalist"
        case .hsp1A: "Highly Skilled Professional (i)(a)"
        case .hsp1B: "Highly Skilled Professional (i)(b)"
        case .hsp1C: "Highly Skilled Professional (i)(c)"
        case .hsp2: "Highly Skilled Professional (ii)"
        case .businessManager: "Business Manager"
        case .legalAccounting: "Legal/Accounting Services"
        case .medical: "Medical Services"
        case .researcher: "Researcher"
        case .instructor: "Instructor"
        case .engineerHumanities: "Engineer/Specialist in Humanities/International Services"
        case .intraCompany: "Intra-company Transferee"
        case .nursingCare: "Nursing Care"
        case .entertainer: "Entertainer"
        case .skilledLabor: "Skilled Labor"
        case .ssw1: "Specified Skilled Worker (i)"
        case .ssw2: "Specified Skilled Worker (ii)"
        case .titp1: "Technical Intern Training (i)"
        case .titp2: "Technical Intern Training (ii)"
        case .titp3: "Technical Intern Training (iii)"
        case .esd: "Employment for Skill Development"
        case .cultural: "Cultural Activities"
        case .temporaryVisitor: "Temporary Visitor"
        case .student: "Student"
        case .trainee: "Trainee"
        case .dependent: "Dependent"
        case .designated: "Designated Activities"
        case .permanent: "Permanent Resident"
        case .spouseJapanese: "Spouse or Child of Japanese National"
        case .spousePermanent: "Spouse or Child of Permanent Resident"
        case .longTerm: "Long-Term Resident"
        }
    }

    /// The first day the status exists in law; nil for statuses that predate any record here.
    public var validFrom: LocalDate? {
        switch self {
        case .esd: try? LocalDate(year: 2027, month: 4, day: 1)
        default: nil
        }
    }

    /// A Temporary Visitor is never in the resident register.
    public var mayBeRegistered: Bool { self != .temporaryVisitor }

    /// Validates the status as it stands on a given date: a status cannot be held before it exists.
    public static func validated(_ text: String, on date: LocalDate) throws -> StatusOfResidence {
        let status = try StatusOfResidence(code: text)
        if let from = status.validFrom, date < from {
            throw ValidationError(field: fieldName, value: text, reason: "is valid only from \(from)")
        }
        return status
    }
}
