import Foundation
import GRDB
import KyoseiDomain
import KyoseiStore

/// Anchoring the audit chain outside the database: `head` gives the newest entry (signed when
/// a key is configured) for the nightly log; `verify` checks that an anchor written down
/// earlier is still in the chain, which catches the newest entries being cut off or rewritten.
public struct AuditAnchorService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Supervisors read it under `audit.read`; the nightly job, which may not read the log,
    /// under `backup`, since the head names no one.
    public func head(by staff: StaffMember) throws -> AuditHead {
        let permission: Permission = staff.may(.auditRead) ? .auditRead : .backup
        try context.foldAuditSpool()
        let chain = try context.performRead(permission, by: staff, action: .auditHead, entity: .auditLog) { db, audit in
            let chain = try AuditService.walk(db)
            audit.detail = chain.head.map { "head \($0)" } ?? (chain.problem == nil ? "empty" : "broken")
            return chain
        }
        if let problem = chain.problem {
            throw ServiceError.dataRefused("The audit log is broken: \(problem).")
        }
        guard let text = chain.head else {
            throw ServiceError.dataRefused("The audit log is empty; there is no head to anchor.")
        }
        let anchor = try AuditAnchor(text)
        let keyFile = context.settings.auditSigningKeyFile
        let signature = keyFile.isEmpty
            ? nil : try AuditSigningKey.sign(anchor, municipality: context.settings.municipalityCode, keyFile: keyFile)
        return AuditHead(head: text, entries: chain.entries, signature: signature)
    }

    /// Walks the chain and checks it still holds `anchor`; with a signature, first checks that
    /// the anchor was signed by the holder of the private key matching `publicKey` (the public
    /// key's contents, sent by the caller: the server cannot read the caller's files).
    public func verify(_ anchor: AuditAnchor, signature: String?, publicKey: Data?, by staff: StaffMember) throws -> AuditVerification {
        if let signature, let publicKey {
            let valid = try AuditSigningKey.isValid(signature, for: anchor, municipality: context.settings.municipalityCode,
                                                    publicKey: publicKey)
            guard valid else {
                throw ServiceError.dataRefused("The signature does not match head \(anchor) for this key: the head was not signed by the city's key.")
            }
        }
        try context.foldAuditSpool()
        let (walked, found) = try context.performRead(.auditRead, by: staff, action: .auditVerify, entity: .auditLog) { db, audit in
            let chain = try AuditService.walk(db)
            let found = try AuditEntryRecord.hash(at: anchor.sequence, in: db)
            audit.detail = "expect \(anchor): " + (chain.isIntact && found == anchor.hash ? "held" : "not held")
            return (chain, found)
        }
        var chain = walked
        chain.spooled = try context.database.auditSpool.pendingCount()
        guard chain.isIntact else { return chain }
        guard let found else {
            throw ServiceError.dataRefused(
                "The audit log ends at entry \(chain.entries) but entry \(anchor.sequence) was anchored: the newest entries were cut off.")
        }
        guard found == anchor.hash else {
            throw ServiceError.dataRefused("Entry \(anchor.sequence) no longer has the anchored hash: the audit log was rewritten from there.")
        }
        return chain
    }
}
