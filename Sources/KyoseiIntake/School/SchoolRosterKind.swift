import KyoseiDomain

/// The board of education's roster for one term (`formats.md` §4). The file name gives the
/// term, so a row of another term is a reject rather than attendance counted in the wrong term.
public struct SchoolRosterKind: FileKind {
    public typealias Column = SchoolColumn
    public let term: SchoolTerm

    public init(term: SchoolTerm) {
        self.term = term
    }

    public var name: String { "school roster" }

    public func row(from r: inout RowReader<SchoolColumn>) -> SchoolRosterRow? {
        let schoolType = r.parse(.schoolType) { try SchoolType(code: $0) }
        let nameKana = r.parse(.nameKana, FieldFormat.katakanaName)
        if r.isEmpty(.nameLatin), r.isEmpty(.nameKana) {
            r.reject(.nameLatin, .nameKana, reason: "name_latin, name_kana: at least one of them is required")
        }
        let birthDate = r.parse(.birthDate) { try LocalDate($0) }
        let sex = r.parse(.sex) { try Sex(code: $0) }
        let card = r.parse(.residenceCardNumber) { try ResidenceCardNumber($0) }
        let grade = r.parse(.grade, Self.grade)
        let rowTerm = r.parse(.term) { try SchoolTerm(code: $0) }
        if let rowTerm, rowTerm != term {
            r.reject(.term, reason: "term \(rowTerm): this is the roster of \(term)")
        }
        let daysInTerm = r.parse(.daysInTerm, FieldFormat.count)
        let daysAbsent = r.parse(.daysAbsent, FieldFormat.count)
        if let daysInTerm, let daysAbsent, daysAbsent > daysInTerm {
            r.reject(.daysAbsent, .daysInTerm, reason: "days_absent \(daysAbsent): is more than days_in_term \(daysInTerm)")
        }
        let support = r.parse(.japaneseSupport, FieldFormat.yesNo)
        let status = r.parse(.status) { try SchoolEnrolmentStatus(code: $0) }
        guard !r.hasProblems, let schoolType, let birthDate, let sex, let grade, let rowTerm, let daysInTerm, let daysAbsent,
              let support, let status
        else { return nil }
        return SchoolRosterRow(
            schoolCode: r[.schoolCode], schoolName: r[.schoolName], schoolType: schoolType, studentNumber: r[.studentNumber],
            nameLatin: r.text(.nameLatin), nameKana: nameKana, birthDate: birthDate, sex: sex, cardNumber: card,
            grade: grade, term: rowTerm, daysInTerm: daysInTerm, daysAbsent: daysAbsent, japaneseSupport: support, status: status)
    }

    static func grade(_ text: String) throws -> Int {
        guard text.utf8.count == 1, let grade = Int(text), (1...9).contains(grade) else {
            throw ValidationError(field: "grade", value: text, reason: "must be 1 to 9 (7 to 9 are junior-high years 1 to 3)")
        }
        return grade
    }
}
