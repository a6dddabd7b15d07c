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
            ("inbox.max_ended_enrollments_percent", String(s.maxEndedEnrollmentsPercent)),
            ("inbox.max_left_register_percent", String(s.maxLeftRegisterPercent)),
        ] + LegalThresholdSettings.shown(s.law) + [
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
        ] + Self.law

        return try context.performRead(.configRead, by: staff, action: .configShow, entity: .settings) { _, _ in
            (context.database.path, pairs)
        }
    }

    /// The rules statute fixes, which the city does not configure (the ages, the NHI
    /// exclusions), each with its days and its source, so the city's review can go through every
    /// one (`law.` keys); the dated thresholds and the agreement table are settings above.
    static var law: [(key: String, value: String)] {
        let ages = [("national_pension", AgeRule.nationalPension), ("employees_pension", AgeRule.employeesPension),
                    ("employees_health", AgeRule.employeesHealth), ("late_elderly", AgeRule.lateElderly)].map { name, rule in
            ("law.age.\(name)", "\(rule.fromAge.map { "from \($0)" } ?? "from birth") \(rule.untilAge.map { "until \($0)" } ?? "for life"), reached on the \(rule.crossing == .birthday ? "birthday" : "day before the birthday") | \(rule.source)\(rule.forCityReview ? " | review" : "")")
        }
        return ages + NHIExclusion.allCases.map { ("law.nhi_exclusion.\($0.rawValue)", "\($0.effectiveUntil.map { "until \($0) " } ?? "")| \($0.source) | review") }
    }
}
