import KyoseiDomain

extension ServiceContext {
    /// A backup, a restore or a health check runs outside the one write transaction `perform`
    /// opens, so that staff keep writing meanwhile. The permission is checked first all the
    /// same, and a refusal is audited exactly as `perform` audits it.
    func require(_ permission: Permission, by staff: StaffMember, action: AuditAction, entity: EntityKind) throws {
        guard !staff.may(permission) else { return }
        try perform(permission, by: staff, action: action, entity: entity) { _, _ in }
    }

    /// The clock's instant as a compact UTC stamp for file names: `20261123T020000Z`.
    var fileStamp: String {
        let text = clock.timestamp()
        return String(text.prefix(19)).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "") + "Z"
    }
}
