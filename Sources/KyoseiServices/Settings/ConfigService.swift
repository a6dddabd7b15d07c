import KyoseiDomain

/// The settings in force, as the server holds them: what `config show` prints, whoever asks
/// and however they reach it, since the server's settings (not the caller's) decide policy.
public struct ConfigService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Every setting by key, in the configuration file's order, and the database in use.
    public func settings(by staff: StaffMember) throws -> (database: String, settings: [(key: String, value: String)]) {
        let s = context.settings
        let pairs: [(key: String, value: String)] = [
            ("municipality.code", s.municipalityCode.rawValue),
            ("database.busy_timeout_ms", String(s.busyTimeoutMilliseconds)),
            ("rules.stay_expiry_window_days", String(s.stayExpiryWindowDays)),
            ("reports.suppression_minimum", String(s.suppressionMinimum)),
            ("inbox.directory", s.inboxDirectory),
            ("inbox.archive", s.archiveDirectory),
            ("insurance.pension_age_from", String(s.pensionAgeFrom)),
            ("insurance.pension_age_until", String(s.pensionAgeUntil)),
            ("insurance.late_elderly_age", String(s.lateElderlyAge)),
            ("insurance.employment_weekly_hours", String(s.employmentInsuranceWeeklyHours)),
            ("insurance.employment_expected_days", String(s.employmentInsuranceExpectedDays)),
            ("files.staff_group", s.staffGroup),
            ("backup.directory", s.backupDirectory),
            ("backup.generations", String(s.backupGenerations)),
            ("audit.signing_key_file", s.auditSigningKeyFile),
            ("language.completion_percent", String(s.languageCompletionPercent)),
            ("language.newcomer_window_days", String(s.languageNewcomerWindowDays)),
            ("language.waitlist_priority", s.languageWaitlistPriority.map(\.rawValue).joined(separator: ",")),
            ("server.socket", s.serverSocket),
            ("server.socket_group", s.serverSocketGroup),
            ("server.max_body_bytes", String(s.serverMaxBodyBytes)),
            ("server.threads", String(s.serverThreads)),
            ("server.idle_timeout_seconds", String(s.serverIdleTimeoutSeconds)),
        ]
        return try context.performRead(.configRead, by: staff, action: "config.show", entity: "settings") { _, _ in
            (context.database.path, pairs)
        }
    }
}
