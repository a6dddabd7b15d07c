import Foundation
import GRDB
import KyoseiDomain
import KyoseiStore

/// The health of a city's Kyosei in one call, for an operator or a monitor: the schema, what
/// SQLite and the audit chain say of the data, and whether the nightly work is keeping up.
public struct DoctorService: Sendable {
    let context: ServiceContext

    /// A file the nightly job should have taken by now: it was refused, or the job did not run.
    static let inboxGraceSeconds: TimeInterval = 24 * 3600

    public init(context: ServiceContext) { self.context = context }

    public func examine(by staff: StaffMember) throws -> HealthReport {
        try context.require(.backup, by: staff, action: .doctor, entity: .database)
        let writer = context.database.writer
        var checks = [schema(), guarded("integrity") { try writer.unsafeRead { db in try integrity(db) } }]
        // Each check reads on its own, so a page SQLite cannot read spoils only the checks that need it.
        checks += [
            guarded("foreign keys") { try writer.read { db in try foreignKeys(db) } },
            guarded("audit chain") { try writer.read { db in try auditChain(db) } },
            guarded("audit spool") { try auditSpool() },
        ]
        checks += IntakeFileRecord.Kind.allKinds.map { kind in
            guarded("last \(kind.rawValue.lowercased()) file") { try writer.read { db in try lastFile(kind, db) } }
        }
        checks += [guarded("rejects") { try writer.read { db in try rejects(db) } }]
        checks += [wal(), inbox()]
        let report = HealthReport(checks: checks)
        try context.perform(.backup, by: staff, action: .doctor, entity: .database) { _, audit in
            audit.detail = report.isHealthy ? "healthy" : "problems: " + report.problems.map(\.name).joined(separator: ", ")
        }
        return report
    }

    /// A check that cannot even run (a page SQLite cannot read) is itself a problem.
    private func guarded(_ name: String, _ check: () throws -> HealthCheck) -> HealthCheck {
        do {
            return try check()
        } catch {
            return HealthCheck(name, .problem, "could not be checked: \(error)")
        }
    }

    private func schema() -> HealthCheck {
        guarded("schema") {
            let applied = try context.database.writer.read { db in try MetaRecord.appliedMigrations(in: db) }
            let known = AppDatabase.knownMigrations
            let unknown = Set(applied).subtracting(known).sorted()
            let missing = Set(known).subtracting(applied).sorted()
            if !unknown.isEmpty {
                return HealthCheck("schema", .problem, "migrations \(unknown.joined(separator: ", ")) come from a newer Kyosei")
            }
            if !missing.isEmpty {
                return HealthCheck("schema", .problem, "migrations \(missing.joined(separator: ", ")) are not applied")
            }
            return HealthCheck("schema", .ok, "\(applied.count) of \(known.count) migrations applied (latest \(known.last ?? "none"))")
        }
    }

    /// Run outside a transaction: on a damaged file SQLite reports what it found and then fails,
    /// and the findings must not be lost to the failed end of a read transaction.
    private func integrity(_ db: Database) throws -> HealthCheck {
        var messages: [String] = []
        do {
            try db.checkIntegrity { messages.append($0) }
        } catch {
            messages.append("\(error)")
        }
        guard messages == ["ok"] else {
            let findings = messages.flatMap { $0.split(separator: "\n") }.filter { !$0.hasPrefix("***") }
            return HealthCheck("integrity", .problem, "SQLite's integrity check failed: " + findings.prefix(3).joined(separator: "; "))
        }
        return HealthCheck("integrity", .ok, "ok")
    }

    private func foreignKeys(_ db: Database) throws -> HealthCheck {
        let rows = try Array(db.foreignKeyViolations())
        guard let first = rows.first else { return HealthCheck("foreign keys", .ok, "every reference holds") }
        return HealthCheck("foreign keys", .problem, "\(rows.count) rows refer to missing records (first: a \(first.originTable) row refers to a missing \(first.destinationTable))")
    }

    private func auditChain(_ db: Database) throws -> HealthCheck {
        let chain = try AuditService.walk(db)
        if let problem = chain.problem {
            return HealthCheck("audit chain", .problem, "broken: \(problem)")
        }
        return HealthCheck("audit chain", .ok, "intact, \(chain.entries) entries, head \(chain.head ?? "(empty)")")
    }

    /// Information only: reads recorded while a sync held the write lock, folded at the next write.
    private func auditSpool() throws -> HealthCheck {
        let waiting = try context.database.auditSpool.pendingCount()
        return HealthCheck("audit spool", .ok, waiting == 0 ? "empty" : "\(waiting) entries wait to join the chain at the next write")
    }

    private func lastFile(_ kind: IntakeFileRecord.Kind, _ db: Database) throws -> HealthCheck {
        let name = "last \(kind.rawValue.lowercased()) file"
        let last = try IntakeFileRecord.all().filter(kind: kind).order(Column("id").desc).fetchOne(db)
        guard let last else { return HealthCheck(name, .ok, "none applied yet") }
        let sequence = last.sequence.map { " (sequence \($0))" } ?? ""
        let age = (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(last.appliedAt)).map { " (\(Self.age(since: $0, now: context.clock.now)) ago)" } ?? ""
        return HealthCheck(name, .ok, "\(last.fileName)\(sequence) applied \(last.appliedAt)\(age)")
    }

    private func rejects(_ db: Database) throws -> HealthCheck {
        let open = try RejectRecord.all().filter(state: .open).fetchCount(db)
        guard open > 0 else { return HealthCheck("rejects", .ok, "none waiting") }
        return HealthCheck("rejects", .warning, "\(open) rejected rows wait for staff (kyosei rejects list)")
    }

    private func wal() -> HealthCheck {
        let path = context.database.path + "-wal"
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return HealthCheck("wal", .ok, "\(bytes / 1024) KiB")
    }

    /// Files under `<inbox>/<kind>/`; one that has waited more than a day is a problem.
    private func inbox() -> HealthCheck {
        let root = URL(fileURLWithPath: context.settings.inboxDirectory)
        let manager = FileManager.default
        guard let kinds = try? manager.contentsOfDirectory(at: root, includingPropertiesForKeys: nil, options: .skipsHiddenFiles) else {
            return HealthCheck("inbox", .ok, "no inbox folder at \(root.path)")
        }
        var waiting: [(String, Date)] = []
        for folder in kinds {
            let files = (try? manager.contentsOfDirectory(
                at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .isRegularFileKey], options: .skipsHiddenFiles)) ?? []
            for file in files where file.pathExtension.lowercased() == "csv" {
                let values = try? file.resourceValues(forKeys: [.contentModificationDateKey, .isRegularFileKey])
                guard values?.isRegularFile == true else { continue }
                waiting.append((folder.lastPathComponent + "/" + file.lastPathComponent, values?.contentModificationDate ?? .distantPast))
            }
        }
        let now = context.clock.now
        let stale = waiting.filter { now.timeIntervalSince($0.1) > Self.inboxGraceSeconds }.map(\.0).sorted()
        if !stale.isEmpty {
            return HealthCheck("inbox", .problem,
                "\(stale.count) files have waited more than a day in \(root.path) (refused, or the nightly job did not run): \(stale.prefix(5).joined(separator: ", "))")
        }
        return HealthCheck("inbox", .ok, waiting.isEmpty ? "empty" : "\(waiting.count) files waiting for tonight")
    }

    static func age(since date: Date, now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        if seconds >= 86_400 { return "\(seconds / 86_400) days" }
        if seconds >= 3600 { return "\(seconds / 3600) hours" }
        return "\(seconds / 60) minutes"
    }
}
