/// A bad row to put into an otherwise good register file, one per kind of reject intake must
/// catch. Each replaces the values of one real resident's row, so the rest of the row is
/// realistic and only the fault is wrong.
public enum RowFault: String, CaseIterable, Sendable, Hashable {
    /// `birth_date` is February 30th of the person's birth year.
    case invalidDate
    /// `residence_card_number` has a letter O where a digit belongs (`AB12O45678CD`).
    case badCardNumber
    /// `status_of_residence` is `TEMP_VISITOR`, which is never in the register.
    case temporaryVisitor
    /// A `MID_LONG_TERM` row with an empty `residence_card_number`.
    case missingCardNumber
    /// `nationality` is `RB`, not an ISO 3166-1 code.
    case unknownNationality
    /// `municipality_code` is another (valid) city's.
    case foreignMunicipality
    /// `status_of_residence` is `ESD` in a file as of before 2027-04-01; skipped in files as of later.
    case esdBeforeValidity
    /// Invalid birth date, bad card number, unknown nationality and TEMP_VISITOR in one row.
    case severalProblems

    /// How many separate reasons intake should give for the row.
    public var reasonCount: Int { self == .severalProblems ? 4 : 1 }
}
