import GRDB
import KyoseiDomain

extension EmploymentFindingKind: DatabaseValueConvertible {}
extension Designation: DatabaseValueConvertible {}
extension StudentStanding: DatabaseValueConvertible {}
