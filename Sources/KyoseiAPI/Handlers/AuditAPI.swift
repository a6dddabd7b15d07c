import Foundation
import KyoseiDomain
import KyoseiServices

extension APIHandler {
    func auditLog(_ input: Operations.AuditLog.Input) async throws -> Operations.AuditLog.Output {
        let q = input.query
        if let login = q.staff { try StaffService.validateLogin(login) }
        let filter = AuditFilter(
            person: try q.person.map(ResidentRef.init), staff: q.staff,
            since: try q.since.map { try LocalDate($0, field: "since") }, limit: try Self.limit(q.limit, default: 200))
        let entries = try await work { context, staff in try AuditService(context: context).log(filter, by: staff) }
        return .ok(.init(body: .json(entries.map {
            .init(seq: $0.seq, at: $0.at, staff: $0.staffLogin, action: $0.action, entity: $0.entity, records: $0.recordIDs,
                  detail: $0.detail, hash: $0.hash)
        })))
    }

    /// A broken chain is an answer, not a failure of the call: it comes back with `intact`
    /// false and the first broken entry, and the CLI exits 3 on it. A head that is no longer
    /// held, or a signature that does not match, is refused as data (exit 3) by the service.
    func verifyAudit(_ input: Operations.VerifyAudit.Input) async throws -> Operations.VerifyAudit.Output {
        guard case .json(let body) = input.body else { throw ServiceError.usage("A verification needs a JSON body.") }
        let anchor = try body.expectHead.map(AuditAnchor.init)
        if (body.signature == nil) != (body.publicKey == nil) || (body.signature != nil && anchor == nil) {
            throw ServiceError.usage("signature and public_key go together, with expect_head.")
        }
        let publicKey = body.publicKey.map { Data($0.utf8) }
        let result = try await work { context, staff in
            try anchor.map {
                try AuditAnchorService(context: context).verify($0, signature: body.signature, publicKey: publicKey, by: staff)
            } ?? AuditService(context: context).verify(by: staff)
        }
        return .ok(.init(body: .json(.init(
            intact: result.isIntact, entries: result.entries, head: result.head, firstBroken: result.firstBrokenSeq,
            problem: result.problem, spooled: result.spooled))))
    }
}
