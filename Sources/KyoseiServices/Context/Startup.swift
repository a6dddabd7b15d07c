import Foundation
import GRDB
import KyoseiDomain
import KyoseiStore
import Logging

/// Creating a city's database and opening it again. Kept apart from the services because it
/// is the one moment there is no member of staff yet: `initialize` makes the first one.
public enum Startup {
    /// Creates the database, records the municipality, and makes `founder` its first administrator.
    /// When the account creating it is another (the service account, which will run the server
    /// and the nightly job), that account becomes staff too, with the `system` role: enough for
    /// the night's work, not the city's administrator.
    public static func initialize(
        databasePath: String, settings: Settings, founder: String, displayName: String?,
        serviceAccount: String? = nil, clock: KyoseiClock, logger: Logger
    ) throws -> ServiceContext {
        try StaffService.validateLogin(founder)
        let serviceAccount = serviceAccount == founder ? nil : serviceAccount
        if let serviceAccount { try StaffService.validateLogin(serviceAccount) }
        if FileManager.default.fileExists(atPath: databasePath) {
            let existing = try AppDatabase.open(databasePath, settings: settings)
            if try existing.writer.read({ db in try MetaRecord.value(MetaRecord.municipalityCodeKey, in: db) }) != nil {
                throw ServiceError.usage("\(databasePath) is already a Kyosei database; `init` runs once per city.")
            }
        }
        let database = try AppDatabase.open(databasePath, settings: settings)
        let context = ServiceContext(database: database, settings: settings, clock: clock, logger: logger)
        let timestamp = clock.timestamp()
        try database.writer.write { db in
            try MetaRecord(key: MetaRecord.municipalityCodeKey, value: settings.municipalityCode.rawValue).insert(db)
            try MetaRecord(key: MetaRecord.createdAtKey, value: timestamp).insert(db)
            try StaffRecord(
                login: founder, displayName: displayName ?? founder, role: .admin, team: nil, isFounder: true,
                createdAt: timestamp, createdBy: founder).insert(db)
            if let serviceAccount {
                try StaffRecord(
                    login: serviceAccount, displayName: "Kyosei service account", role: .system, team: nil, isFounder: false,
                    createdAt: timestamp, createdBy: serviceAccount).insert(db)
            }
            try AuditWriter.append(
                AuditDraft(.initialize, .database,
                           detail: "municipality=\(settings.municipalityCode) founder=\(founder)"
                               + (serviceAccount.map { " service_account=\($0)" } ?? "")),
                by: serviceAccount ?? founder, at: timestamp, in: db, folding: database.auditSpool)
        }
        logger.info("created Kyosei database", metadata: ["path": "\(databasePath)", "founder": "\(founder)"])
        return context
    }

    /// Opens an existing database, applying any migrations this binary adds, and refuses one
    /// that a newer Kyosei migrated or that belongs to another municipality.
    public static func open(databasePath: String, settings: Settings, clock: KyoseiClock, logger: Logger) throws -> ServiceContext {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw ServiceError.usage("There is no Kyosei database at \(databasePath); run `kyosei init` first, or name one with --db.")
        }
        let database: AppDatabase
        do {
            database = try AppDatabase.open(databasePath, settings: settings)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw ServiceError.usage("\(databasePath) is not a Kyosei database (not an SQLite file).")
        }
        if try database.hasUnknownMigrations() {
            throw ServiceError.internalFailure("\(databasePath) was written by a newer Kyosei; use that version.")
        }
        let code = try database.writer.read { db in try MetaRecord.value(MetaRecord.municipalityCodeKey, in: db) }
        guard let code else {
            throw ServiceError.usage("\(databasePath) has not been initialised; run `kyosei init`.")
        }
        guard code == settings.municipalityCode.rawValue else {
            throw ServiceError.usage("\(databasePath) belongs to municipality \(code), but the configuration says \(settings.municipalityCode).")
        }
        return ServiceContext(database: database, settings: settings, clock: clock, logger: logger)
    }
}
