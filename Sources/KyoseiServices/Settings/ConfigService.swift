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
        ] + Self.steps("insurance.employment_weekly_hours", s.employmentInsuranceWeeklyHours.steps.map {
            ThresholdRow(s.employmentInsuranceWeeklyHours, $0, value: HoursText.of($0.value))
        }) + Self.steps("insurance.employer_size", s.employerSizeThreshold.steps.map {
            ThresholdRow(s.employerSizeThreshold, $0, value: $0.value.map(String.init) ?? "none")
        }) + Self.steps("insurance.short_time_monthly_wage", s.shortTimeMonthlyWage.steps.map {
            ThresholdRow(s.shortTimeMonthlyWage, $0, value: $0.value.map(String.init) ?? "none")
        }) + [
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

        return try context.performRead(.configRead, by: staff, action: "config.show", entity: "settings") { _, _ in
            (context.database.path, pairs)
        }
    }

    /// The rules the law sets that the city does not configure, each with its days and its
    /// source, so the city's review can go through every one (`law.` keys).
    static var law: [(key: String, value: String)] {
        let configured: Set = ["employment_insurance.weekly_hours", "employer_insurance.employer_size",
                               "employer_insurance.short_time_monthly_wage"]
        let thresholds = Dictionary(grouping: InsuranceThresholds.review.filter { !configured.contains($0.name) }, by: \.name)
            .sorted { $0.key < $1.key }.flatMap { steps("law." + $0.key, $0.value) }
        let ages = [("national_pension", AgeRule.nationalPension), ("employees_pension", AgeRule.employeesPension),
                    ("employees_health", AgeRule.employeesHealth), ("late_elderly", AgeRule.lateElderly)].map { name, rule in
            ("law.age.\(name)", "\(rule.fromAge.map { "from \($0)" } ?? "from birth") \(rule.untilAge.map { "until \($0)" } ?? "for life"), reached on the \(rule.crossing == .birthday ? "birthday" : "day before the birthday") | \(rule.source)\(rule.forCityReview ? " | review" : "")")
        }
        let revocation = CoverageGapPriority.permanentResidenceRevocation
        return thresholds + ages + steps("law.cases.permanent_residence_revocation", revocation.steps.map { ThresholdRow(revocation, $0, value: "yes") })
            + NHIExclusion.allCases.map { ("law.nhi_exclusion.\($0.rawValue)", "\($0.effectiveUntil.map { "until \($0) " } ?? "")| \($0.source) | review") }
            + SocialSecurityAgreements.all.map {
                ("law.agreement.\($0.country.rawValue)", "from \($0.inForce): \($0.branches.map(\.rawValue).sorted().joined(separator: "+")) | \($0.source)\($0.forCityReview ? " | review" : "")")
            }
    }

    /// Dated steps as the configuration writes them (`VALUE from … until … | SOURCE | review`),
    /// one setting each: `key[1]`, `key[2]` … in date order.
    static func steps(_ key: String, _ rows: [ThresholdRow]) -> [(key: String, value: String)] {
        rows.enumerated().map { index, row in
            ("\(key)[\(index + 1)]",
             [row.value, row.from.map { "from \($0)" }, row.until.map { "until \($0)" }].compactMap { $0 }.joined(separator: " ")
                + " | \(row.source)" + (row.forCityReview ? " | review" : ""))
        }
    }
}
