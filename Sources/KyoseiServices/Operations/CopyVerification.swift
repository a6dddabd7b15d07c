import Foundation
import GRDB
import KyoseiDomain
import KyoseiStore

/// Whether a database file may stand in for the live database: SQLite finds it sound, this
/// binary knows every migration it has, it belongs to this municipality and its audit chain
/// holds. Run on every backup before it is reported done and on every file before a restore.
public struct CopyVerification: Sendable, Equatable, Encodable {
    public let auditEntries: Int
    public let auditHead: String?
    public let problems: [String]
    public var isSound: Bool { problems.isEmpty }

    enum CodingKeys: String, CodingKey {
        case problems
        case auditEntries = "audit_entries"
        case auditHead = "audit_head"
    }

    static func examine(_ path: String, municipality: MunicipalityCode) -> CopyVerification {
        guard FileManager.default.fileExists(atPath: path) else {
            return CopyVerification(auditEntries: 0, auditHead: nil, problems: ["\(path) does not exist"])
        }
        do {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { db in try examine(db, municipality: municipality) }
        } catch {
            return CopyVerification(auditEntries: 0, auditHead: nil, problems: ["it is not a readable SQLite database (\(error))"])
        }
    }

    private static func examine(_ db: Database, municipality: MunicipalityCode) throws -> CopyVerification {
        var integrity: [String] = []
        try db.checkIntegrity { integrity.append($0) }
        guard integrity == ["ok"] else {
            return CopyVerification(auditEntries: 0, auditHead: nil,
                                    problems: ["SQLite's integrity check failed: " + integrity.prefix(3).joined(separator: "; ")])
        }
        guard try db.tableExists("grdb_migrations"), try db.tableExists("meta") else {
            return CopyVerification(auditEntries: 0, auditHead: nil, problems: ["it is not a Kyosei database"])
        }
        var problems: [String] = []
        let applied = try MetaRecord.appliedMigrations(in: db)
        let unknown = Set(applied).subtracting(AppDatabase.knownMigrations).sorted()
        if !unknown.isEmpty {
            problems.append("it was written by a newer Kyosei (migrations \(unknown.joined(separator: ", ")) are unknown to this one)")
        }
        let code = try MetaRecord.value(MetaRecord.municipalityCodeKey, in: db)
        if code != municipality.rawValue {
            problems.append("it belongs to municipality \(code ?? "(none)"), not \(municipality)")
        }
        let chain = try AuditService.walk(db)
        if let problem = chain.problem {
            problems.append("its audit log is broken: \(problem)")
        }
        return CopyVerification(auditEntries: chain.entries, auditHead: chain.head, problems: problems)
    }
}
