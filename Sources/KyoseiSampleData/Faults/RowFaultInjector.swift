import KyoseiDomain

/// Puts the requested bad rows into a file as it is written: spread evenly over the rows,
/// each on the next row of a mid- to long-term resident with a card and a stay that expires (the
/// rows where every fault is exactly one problem: a TEMP_VISITOR put on a Permanent Resident's
/// row would also lack its expiry date), never on the households identity tests rely on.
struct RowFaultInjector {
    private var pending: [(target: Int, fault: RowFault)]
    private let asOf: LocalDate
    private let otherMunicipality: String

    init(_ faults: [RowFault], expectedRows: Int, asOf: LocalDate, municipality: MunicipalityCode) {
        let applicable = faults.filter { fault in
            guard fault == .esdBeforeValidity, let from = StatusOfResidence.esd.validFrom else { return true }
            return asOf < from
        }
        pending = applicable.enumerated().map { index, fault in
            ((index + 1) * expectedRows / (applicable.count + 1), fault)
        }
        self.asOf = asOf
        otherMunicipality = municipality.rawValue == "232114" ? "221309" : "232114"
    }

    /// Turns this row into the next pending fault if it is its turn and the row can carry it.
    mutating func apply(to fields: inout [String], resident: SampleResident, record: Int) -> RowFault? {
        guard let next = pending.first, record >= next.target,
              resident.category == .midLongTerm, resident.cardNumber != nil, resident.stayExpiry != nil,
              !HouseholdShape.reserved.contains(resident.householdIndex)
        else { return nil }
        pending.removeFirst()
        corrupt(&fields, resident: resident, with: next.fault)
        return next.fault
    }

    private func corrupt(_ fields: inout [String], resident: SampleResident, with fault: RowFault) {
        func set(_ column: String, _ value: String) { fields[RegisterColumns.index(column)] = value }
        let invalidDate = "\(resident.birthDate.year)-02-30"
        let card = resident.cardNumber?.rawValue ?? "AB12345678CD"
        let badCard = String(card.prefix(4)) + "O" + String(card.dropFirst(5))
        switch fault {
        case .invalidDate: set("birth_date", invalidDate)
        case .badCardNumber: set("residence_card_number", badCard)
        case .temporaryVisitor: set("status_of_residence", "TEMP_VISITOR")
        case .missingCardNumber: set("residence_card_number", "")
        case .unknownNationality: set("nationality", "RB")
        case .foreignMunicipality: set("municipality_code", otherMunicipality)
        case .esdBeforeValidity:
            set("status_of_residence", "ESD")
            set("period_of_stay", "P1Y")
            set("stay_expiry_date", asOf.adding(days: 200).description)
        case .severalProblems:
            set("birth_date", invalidDate)
            set("residence_card_number", badCard)
            set("nationality", "RB")
            set("status_of_residence", "TEMP_VISITOR")
        }
    }
}
