/// A member of staff's role. Each OS login maps to one.
public enum Role: String, DomainCode {
    public static let fieldName = "role"
    case clerk, caseworker, supervisor, analyst, admin
    /// The nightly job's own login.
    case system
}

/// Everything the service layer can be asked to do, named so the permission matrix is data
/// that can be printed, documented and tested cell by cell.
public enum Permission: String, CaseIterable, Sendable, Codable {
    case residentRead = "resident.read"
    case residentWrite = "resident.write"
    case personalExport = "export.personal"
    case aggregateReport = "report.aggregate"
    case staffManage = "staff.manage"
    case auditRead = "audit.read"
    case configRead = "config.read"
    case fileImport = "file.import"
    case rejectsRead = "rejects.read"
    case rejectsFix = "rejects.fix"
    case caseRead = "case.read"
    case caseWork = "case.work"
    case caseAssign = "case.assign"
    case rulesRun = "rules.run"
    case courseManage = "course.manage"
    case courseEnroll = "course.enroll"
    case schoolConfirm = "school.confirm"
    /// Deciding an identity review: linking a roster's person to a resident, or refusing the
    /// candidates. Clerks read reviews (`residentRead`) but a link is a caseworker's judgement.
    case identityDecide = "identity.decide"
    case backup = "backup"
}

/// The documented permission matrix. An analyst sees aggregates only; personal-data exports
/// and the audit log are for supervisors; staff management is the administrator's alone.
public enum PermissionMatrix {
    public static func allows(_ role: Role, _ permission: Permission) -> Bool {
        grants[role, default: []].contains(permission)
    }

    public static let grants: [Role: Set<Permission>] = [
        .clerk: [.residentRead, .residentWrite, .configRead, .rejectsRead, .rejectsFix, .caseRead, .caseWork,
                 .courseEnroll],
        .caseworker: [.residentRead, .residentWrite, .configRead, .caseRead, .caseWork, .courseEnroll,
                      .schoolConfirm, .identityDecide],
        .supervisor: [.residentRead, .residentWrite, .personalExport, .aggregateReport, .auditRead, .configRead,
                      .fileImport, .rejectsRead, .rejectsFix, .caseRead, .caseWork, .caseAssign, .rulesRun,
                      .courseManage, .courseEnroll, .schoolConfirm, .identityDecide],
        .analyst: [.aggregateReport, .configRead],
        .admin: Set(Permission.allCases),
        .system: [.residentRead, .residentWrite, .configRead, .fileImport, .rejectsRead, .caseRead, .caseWork,
                  .rulesRun, .aggregateReport, .backup],
    ]
}
