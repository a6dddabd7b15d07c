import GRDB
import KyoseiDomain

extension EmploymentFindingKind: DatabaseValueConvertible {}
