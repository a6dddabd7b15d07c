import GRDB
import KyoseiDomain

// Domain values are stored as the text the spec writes them in. Conforming them here (not in
// the pure domain target) keeps GRDB out of the domain while records hold typed values.

/// A domain value that round-trips through its canonical text.
protocol TextStoredValue: DatabaseValueConvertible {
    init(storedText: String) throws
    var storedText: String { get }
}

extension TextStoredValue {
    public var databaseValue: DatabaseValue { storedText.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Self? {
        String.fromDatabaseValue(dbValue).flatMap { try? Self(storedText: $0) }
    }
}

extension PersonID: DatabaseValueConvertible, TextStoredValue {
    init(storedText: String) throws { try self.init(storedText) }
    var storedText: String { rawValue }
}

extension HouseholdID: DatabaseValueConvertible, TextStoredValue {
    init(storedText: String) throws { try self.init(storedText) }
    var storedText: String { rawValue }
}

extension ResidenceCardNumber: DatabaseValueConvertible, TextStoredValue {
    init(storedText: String) throws { try self.init(storedText) }
    var storedText: String { rawValue }
}

extension MunicipalityCode: DatabaseValueConvertible, TextStoredValue {
    init(storedText: String) throws { try self.init(storedText) }
    var storedText: String { rawValue }
}

extension CorporateNumber: DatabaseValueConvertible, TextStoredValue {
    init(storedText: String) throws { try self.init(storedText) }
    var storedText: String { rawValue }
}

extension Nationality: DatabaseValueConvertible, TextStoredValue {
    init(storedText: String) throws { try self.init(storedText) }
    var storedText: String { rawValue }
}

extension PostalCode: DatabaseValueConvertible, TextStoredValue {
    init(storedText: String) throws { try self.init(storedText) }
    var storedText: String { rawValue }
}

extension DistrictCode: DatabaseValueConvertible, TextStoredValue {
    init(storedText: String) throws { try self.init(storedText) }
    var storedText: String { rawValue }
}

extension LocalDate: DatabaseValueConvertible, TextStoredValue {
    init(storedText: String) throws { try self.init(storedText) }
    var storedText: String { description }
}

extension PeriodOfStay: DatabaseValueConvertible, TextStoredValue {
    init(storedText: String) throws { try self.init(storedText) }
    var storedText: String { description }
}

extension RegisterState: DatabaseValueConvertible {}
extension ResidentCategory: DatabaseValueConvertible {}
extension StatusOfResidence: DatabaseValueConvertible {}
extension Sex: DatabaseValueConvertible {}
extension Relationship: DatabaseValueConvertible {}
extension Role: DatabaseValueConvertible {}
extension InsuranceScheme: DatabaseValueConvertible {}
extension InsuranceMemberType: DatabaseValueConvertible {}
extension SchoolType: DatabaseValueConvertible {}
extension RegisterEvent: DatabaseValueConvertible {}
extension ReviewSource: DatabaseValueConvertible {}
extension ReviewDecision: DatabaseValueConvertible {}
extension ReviewState: DatabaseValueConvertible {}
extension LinkOutcome: DatabaseValueConvertible {}
