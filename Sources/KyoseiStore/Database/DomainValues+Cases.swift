import GRDB
import KyoseiDomain

extension CaseType: DatabaseValueConvertible, TextStoredValue {
    init(storedText: String) throws { try self.init(storedText) }
    var storedText: String { rawValue }
}

extension CaseState: DatabaseValueConvertible {}
extension CaseOutcome: DatabaseValueConvertible {}
extension CasePriority: DatabaseValueConvertible {}
