import KyoseiDomain

/// An insurer's roster (`formats.md` §2). A roster is the insurer's full list for one scheme,
/// named in the file name, so a row of another scheme is a reject rather than an enrollment.
public struct InsuranceRosterKind: FileKind {
    public typealias Column = InsuranceColumn
    /// The scheme the file name gives.
    public let scheme: InsuranceScheme

    public init(scheme: InsuranceScheme) {
        self.scheme = scheme
    }

    public var name: String { "\(scheme) insurance roster" }

    public func row(from r: inout RowReader<InsuranceColumn>) -> InsuranceRow? {
        let rowScheme = r.parse(.scheme) { try InsuranceScheme(code: $0) }
        if let rowScheme, rowScheme != scheme {
            r.reject(.scheme, reason: "scheme \(rowScheme): this is a roster of \(scheme)")
        }
        let insurerNumber = r.parse(.insurerNumber) { try FieldFormat.digits($0, lengths: [6, 8]) }
        let memberType = r.parse(.memberType) { try InsuranceMemberType(code: $0) }
        let nameKana = r.parse(.nameKana, FieldFormat.katakanaName)
        let birthDate = r.parse(.birthDate) { try LocalDate($0) }
        let sex = r.parse(.sex) { try Sex(code: $0) }
        let card = r.parse(.residenceCardNumber) { try ResidenceCardNumber($0) }
        let from = r.parse(.enrolledFrom) { try LocalDate($0) }
        let until = r.parse(.enrolledUntil) { try LocalDate($0) }
        let exempt = r.parse(.agreementExempt, FieldFormat.yesNo)
        if let from, let until, until < from {
            r.reject(.enrolledUntil, .enrolledFrom, reason: "enrolled_until \(until): is before enrolled_from \(from)")
        }
        if let from, let birthDate, from < birthDate {
            r.reject(.enrolledFrom, .birthDate, reason: "enrolled_from \(from): is before birth_date \(birthDate)")
        }
        guard !r.hasProblems, let rowScheme, let insurerNumber, let memberType, let nameKana, let birthDate, let sex, let from
        else { return nil }
        return InsuranceRow(
            scheme: rowScheme, insurerNumber: insurerNumber, memberNumber: r[.memberNumber], memberType: memberType,
            nameKana: nameKana, birthDate: birthDate, sex: sex, cardNumber: card,
            enrolledFrom: from, enrolledUntil: until, agreementExempt: exempt ?? false)
    }
}
