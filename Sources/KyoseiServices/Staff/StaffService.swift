import GRDB
import KyoseiDomain
import KyoseiStore

/// Staff are OS logins mapped to roles. Only an administrator manages them; every change is audited.
public struct StaffService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    public func add(login: String, displayName: String?, role: Role, team: String?, by staff: StaffMember) throws -> StaffRecord {
        try Self.validateLogin(login)
        return try context.perform(.staffManage, by: staff, action: "staff.add", entity: "staff") { db, audit in
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
        try context.perform(.staffManage, by: staff, action: "staff.list", entity: "staff") { db, _ in
            try StaffRecord.all().orderedByLogin().fetchAll(db)
        }
    }

    public func setRole(login: String, role: Role, by staff: StaffMember) throws -> StaffRecord {
        try context.perform(.staffManage, by: staff, action: "staff.set-role", entity: "staff") { db, audit in
            var record = try Self.fetch(login, in: db)
            audit.detail = "login=\(login) role=\(record.role)->\(role)"
            record.role = role
            try record.update(db)
            return record
        }
    }

    public func setActive(login: String, active: Bool, by staff: StaffMember) throws -> StaffRecord {
        try context.perform(.staffManage, by: staff, action: active ? "staff.enable" : "staff.disable", entity: "staff") { db, audit in
            var record = try Self.fetch(login, in: db)
            if !active && record.isFounder {
                throw ServiceError.conflict("\(login) ran `init` and is the first administrator; add another administrator before disabling this one.")
            }
            record.active = active
            try record.update(db)
            audit.detail = "login=\(login)"
            return record
        }
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
