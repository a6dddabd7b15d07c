/// Every setting Kyosei reads, as one typed value loaded once (from `Config/`, a configuration
/// file and the environment) and passed down. Defaults here mirror `Config/kyosei.json`.
public struct Settings: Sendable, Equatable {
    /// The city this database belongs to; files for another municipality are refused.
    public var municipalityCode: MunicipalityCode
    /// The database path from configuration (`--db` and `KYOSEI_DB` take precedence).
    public var databasePath: String?
    /// Milliseconds a writer waits for another before giving up.
    public var busyTimeoutMilliseconds: Int
    /// Stays expiring within this many days are flagged for staff.
    public var stayExpiryWindowDays: Int
    /// Smallest count that may be published in an aggregate; never below `Settings.leastSuppressionMinimum`.
    public var suppressionMinimum: Int
    /// Folders the nightly job reads and archives.
    public var inboxDirectory: String
    public var archiveDirectory: String
    /// A file that would change more than this share of what it covers is held until an
    /// operator accepts it: a roster ending its source's enrollments, a snapshot taking
    /// residents off the register. A cut-off or empty file looks exactly like that.
    public var maxEndedEnrollmentsPercent: Int
    public var maxLeftRegisterPercent: Int
    /// The dated thresholds of the insurance, work and case rules: the enacted schedules by
    /// default, which a city's review may correct step by step. The ages of the obligations are
    /// the law's (`AgeRule`), not settings.
    public var law: LegalThresholds
    /// The team a case goes to when its person's district has none of its own.
    public var caseDefaultTeam: String
    /// District code → team, for the queues.
    public var districtTeams: [String: String]
    /// Rules whose cases are resolved by themselves when the cause goes away.
    public var autoResolveRules: Set<String>
    /// The OS group that may also read files holding personal data (0640); empty: owner only (0600).
    public var staffGroup: String
    /// Where the nightly job writes backups, and how many it keeps.
    public var backupDirectory: String
    public var backupGenerations: Int
    /// The Ed25519 private key that signs the audit head; empty: heads are not signed.
    public var auditSigningKeyFile: String
    /// Share of a course's sessions (whole percent) a person must attend to complete it.
    public var languageCompletionPercent: Int
    /// A person who moved in within this many days is a newcomer (orientation referral, waitlist group).
    public var languageNewcomerWindowDays: Int
    /// Waitlist priority groups, first first; everyone else waits behind them in order of request.
    public var languageWaitlistPriority: [WaitlistGroup]
    /// The server's Unix socket; empty: `<database>.sock`.
    public var serverSocket: String
    /// The OS group whose members may connect to the socket; empty: the service account only.
    public var serverSocketGroup: String
    /// The largest request body the server reads.
    public var serverMaxBodyBytes: Int
    /// Threads for the database work of requests (blocking calls stay off Swift's shared pool).
    public var serverThreads: Int
    /// Seconds a connection may sit idle (a slow or stalled client) before the server closes it.
    public var serverIdleTimeoutSeconds: Int

    /// The built-in floor of the suppression minimum: a city may raise it, never lower it.
    public static let leastSuppressionMinimum = 5

    public init(
        municipalityCode: MunicipalityCode,
        databasePath: String? = nil,
        busyTimeoutMilliseconds: Int = 5000,
        stayExpiryWindowDays: Int = 60,
        suppressionMinimum: Int = 5,
        inboxDirectory: String = "inbox",
        archiveDirectory: String = "archive",
        maxEndedEnrollmentsPercent: Int = 10,
        maxLeftRegisterPercent: Int = 5,
        law: LegalThresholds = .enacted,
        caseDefaultTeam: String = "counter",
        districtTeams: [String: String] = [:],
        autoResolveRules: Set<String> = [
            "STAY_EXPIRING", "LEFT_REGISTER", "IDENTITY_REVIEW", "COVERAGE_GAP", "SCHOOL_UNCONFIRMED", "LONG_TERM_ABSENCE",
            "LANGUAGE_REFERRAL", "EMPLOYER_INSURANCE_MISSING",
        ],
        staffGroup: String = "",
        backupDirectory: String = "backups",
        backupGenerations: Int = 7,
        auditSigningKeyFile: String = "",
        languageCompletionPercent: Int = 80,
        languageNewcomerWindowDays: Int = 180,
        languageWaitlistPriority: [WaitlistGroup] = [.newcomer, .gradeOneNextApril],
        serverSocket: String = "",
        serverSocketGroup: String = "",
        serverMaxBodyBytes: Int = 1_048_576,
        serverThreads: Int = 16,
        serverIdleTimeoutSeconds: Int = 30
    ) {
        self.municipalityCode = municipalityCode
        self.databasePath = databasePath
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        self.stayExpiryWindowDays = stayExpiryWindowDays
        self.suppressionMinimum = suppressionMinimum
        self.inboxDirectory = inboxDirectory
        self.archiveDirectory = archiveDirectory
        self.maxEndedEnrollmentsPercent = maxEndedEnrollmentsPercent
        self.maxLeftRegisterPercent = maxLeftRegisterPercent
        self.law = law
        self.caseDefaultTeam = caseDefaultTeam
        self.districtTeams = districtTeams
        self.autoResolveRules = autoResolveRules
        self.staffGroup = staffGroup
        self.backupDirectory = backupDirectory
        self.backupGenerations = backupGenerations
        self.auditSigningKeyFile = auditSigningKeyFile
        self.languageCompletionPercent = languageCompletionPercent
        self.languageNewcomerWindowDays = languageNewcomerWindowDays
        self.languageWaitlistPriority = languageWaitlistPriority
        self.serverSocket = serverSocket
        self.serverSocketGroup = serverSocketGroup
        self.serverMaxBodyBytes = serverMaxBodyBytes
        self.serverThreads = serverThreads
        self.serverIdleTimeoutSeconds = serverIdleTimeoutSeconds
    }

    /// The team whose queue a person's cases go to.
    public func team(forDistrict district: DistrictCode?) -> String {
        district.flatMap { districtTeams[$0.rawValue] } ?? caseDefaultTeam
    }
}
