import GRDB
import KyoseiDomain
import KyoseiStore

/// Staff are OS logins mapped to roles. Only an administrator manages them; every change is audited.
public struct StaffService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    public func add(login: String, displayName: String?, role: Role, team: String?, by staff: StaffMember) throws -> StaffRecord {
        try Self.validateLogin(login)
        return try context.perform(.staffManage, by: staff, action: .staffAdd, entity: .staff) { db, audit in
            guard try StaffRecord.fetchOne(db, key: login) == nil else {
                throw ServiceError.conflict("\(login) is already staff; use `kyosei staff set-role` to change the role.")
            }
            let record = StaffRecord(
                login: login, displayName: displayName ?? login, role: role, team: team,
                createdAt: context.clock.timestamp(), createdBy: staff.login)
            try record.insert(db)
            audit.detail = "login=\(login) role=\(role)"
            return record
        }
    }

    public func list(by staff: StaffMember) throws -> [StaffRecord] {
        try context.perform(.staffManage, by: staff, action: .staffList, entity: .staff) { db, _ in
            try StaffRecord.all().orderedByLogin().fetchAll(db)
        }
    }

    /// Changes a role. The founder given another role stops being the founder, so the new role
    /// is what the login may do from then on (the founder's flag would otherwise override it).
    public func setRole(login: String, role: Role, by staff: StaffMember) throws -> StaffRecord {
        try context.perform(.staffManage, by: staff, action: .staffSetRole, entity: .staff) { db, audit in
            var record = try Self.fetch(login, in: db)
            audit.detail = "login=\(login) role=\(record.role)->\(role)"
            if role != .admin {
                try Self.refuseRemovingLastAdministrator(record, in: db, doing: "giving \(login) the role \(role)")
                if record.isFounder { audit.detail += " founder=no" }
                record.isFounder = false
            }
            record.role = role
            try record.update(db)
            return record
        }
    }

    public func setActive(login: String, active: Bool, by staff: StaffMember) throws -> StaffRecord {
        try context.perform(.staffManage, by: staff, action: active ? .staffEnable : .staffDisable, entity: .staff) { db, audit in
            var record = try Self.fetch(login, in: db)
            audit.detail = "login=\(login)"
            if !active { try Self.refuseRemovingLastAdministrator(record, in: db, doing: "disabling \(login)") }
            record.active = active
            try record.update(db)
            return record
        }
    }

    /// Only an administrator manages staff, so a change that leaves no active administrator (the
    /// founder counts as one) would leave nobody who could ever undo it.
    private static func refuseRemovingLastAdministrator(_ record: StaffRecord, in db: Database, doing change: String) throws {
        guard record.active, record.role == .admin || record.isFounder else { return }
        let others = try StaffRecord
            .filter(Column("active") == true && (Column("role") == Role.admin.rawValue || Column("is_founder") == true))
            .filter(Column("login") != record.login)
            .fetchCount(db)
        guard others == 0 else { return }
        throw ServiceError.conflict("Refused \(change): \(record.login) is the only active administrator\(record.isFounder ? " (it ran `init`)" : ""); add another administrator first.")
    }

    private static func fetch(_ login: String, in db: Database) throws -> StaffRecord {
        guard let record = try StaffRecord.fetchOne(db, key: login) else {
            throw ServiceError.notFound("\(login) is not staff.")
        }
        return record
    }

    public static func validateLogin(_ login: String) throws {
        let ok = !login.isEmpty && login.count <= 64 && login.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
        }
        guard ok else {
            throw ServiceError.invalid(ValidationError(field: "login", value: login, reason: "must be an OS login name (letters, digits, '.', '_' or '-')"))
        }
    }
}
