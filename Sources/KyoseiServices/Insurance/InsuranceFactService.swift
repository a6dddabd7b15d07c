import Foundation
import GRDB
import KyoseiDomain
import KyoseiStore

/// The facts the insurance rules need that no partner file carries, as staff record them: a
/// person's designation under Designated Activities, public assistance and student standing;
/// certificates of coverage; an employer's insured headcount. Every change names the member of
/// staff and their reason, is audited, and keeps its old and new value in the history.
public struct InsuranceFactService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// What staff recorded for one person: nil fields are not known.
    public func facts(_ ref: ResidentRef, by staff: StaffMember) throws -> PersonInsuranceFacts {
        try context.performRead(.residentRead, by: staff, action: .insuranceFactShow, entity: .insuranceFact) { db, audit in
            let resident = try ResidentWrites.fetch(ref, in: db)
            audit.residentIDs = [resident.id!]
            return PersonInsuranceFacts(
                resident: resident, fact: try InsuranceFactRecord.fetchOne(db, key: resident.id!),
                certificates: try CoverageCertificateRecord.filter(Column("resident_id") == resident.id!)
                    .order(Column("valid_from")).fetchAll(db))
        }
    }

    /// Changes the person's recorded facts: each argument that is not nil replaces its field
    /// (`.some(nil)` clears a designation or a recorded student standing).
    public func record(_ ref: ResidentRef, designation: Designation?? = nil, publicAssistance: Bool? = nil,
                       student: StudentStanding?? = nil, reason: String, by staff: StaffMember) throws -> InsuranceFactRecord {
        let reason = try Self.reason(reason)
        return try context.perform(.residentWrite, by: staff, action: .insuranceFactRecord, entity: .insuranceFact) { db, audit in
            let resident = try ResidentWrites.fetch(ref, in: db)
            let id = resident.id!
            let timestamp = context.clock.timestamp()
            let old = try InsuranceFactRecord.fetchOne(db, key: id)
            var new = old ?? InsuranceFactRecord(residentID: id, updatedAt: timestamp, updatedBy: staff.login)
            if let designation { new.designation = designation }
            if let publicAssistance { new.publicAssistance = publicAssistance }
            if let student { new.studentStanding = student }
            new.updatedAt = timestamp
            new.updatedBy = staff.login
            let changes: [(field: String, old: String?, new: String?)] = [
                ("designation", old?.designation?.rawValue, new.designation?.rawValue),
                ("public_assistance", (old?.publicAssistance ?? false) ? "Y" : "N", new.publicAssistance ? "Y" : "N"),
                ("student_standing", old?.studentStanding?.rawValue, new.studentStanding?.rawValue),
            ].filter { $0.old != $0.new }
            guard !changes.isEmpty else { return new }
            try new.save(db)
            try HistoryWriter.record(residentID: id, entity: .insuranceFact, entityID: resident.reference, changes: changes,
                                     by: staff.login, at: timestamp, source: ChangeSource(.staffEdit, reason: reason), in: db)
            audit.residentIDs = [id]
            audit.detail = changes.map(\.field).joined(separator: ",")
            return new
        }
    }

    /// Records a certificate of coverage the person holds as a seconded worker, checked against
    /// the city's agreement table (a country with no agreement, a day before it came into force).
    public func addCertificate(_ ref: ResidentRef, country: Nationality, from: LocalDate, until: LocalDate, reason: String,
                               by staff: StaffMember) throws -> CoverageCertificateRecord {
        let reason = try Self.reason(reason)
        let certificate: CertificateOfCoverage
        do {
            certificate = try CertificateOfCoverage(country: country, from: from, until: until, under: context.settings.law.agreements)
        } catch let error as ValidationError {
            throw ServiceError.invalid(error)
        }
        return try context.perform(.residentWrite, by: staff, action: .coverageCertificateAdd, entity: .coverageCertificate) { db, audit in
            let resident = try ResidentWrites.fetch(ref, in: db)
            let timestamp = context.clock.timestamp()
            var record = CoverageCertificateRecord(residentID: resident.id!, certificate: certificate, recordedAt: timestamp,
                                                   recordedBy: staff.login)
            try record.insert(db)
            try HistoryWriter.record(
                residentID: resident.id!, entity: .coverageCertificate, entityID: String(record.id!),
                changes: [("certificate", nil, "\(certificate.country) \(certificate.from)..\(certificate.until)")],
                by: staff.login, at: timestamp, source: ChangeSource(.staffEdit, reason: reason), in: db)
            audit.residentIDs = [resident.id!]
            audit.detail = "certificate=\(record.id!) country=\(certificate.country)"
            return record
        }
    }

    /// Takes back a certificate recorded by mistake or cancelled by the pension office. It is
    /// kept, marked withdrawn, so what the rules read before stays explainable; from now on the
    /// person is under the obligations it exempted.
    public func withdrawCertificate(_ ref: ResidentRef, id: Int64, reason: String,
                                    by staff: StaffMember) throws -> CoverageCertificateRecord {
        let reason = try Self.reason(reason)
        return try context.perform(.residentWrite, by: staff, action: .coverageCertificateWithdraw, entity: .coverageCertificate) { db, audit in
            let resident = try ResidentWrites.fetch(ref, in: db)
            guard var record = try CoverageCertificateRecord.fetchOne(db, key: id), record.residentID == resident.id! else {
                throw ServiceError.notFound("\(resident.reference) has no certificate \(id).")
            }
            if let withdrawnAt = record.withdrawnAt {
                throw ServiceError.conflict("Certificate \(id) was already withdrawn at \(withdrawnAt) by \(record.withdrawnBy ?? "").")
            }
            let timestamp = context.clock.timestamp()
            record.withdrawnAt = timestamp
            record.withdrawnBy = staff.login
            record.withdrawnReason = reason
            try record.update(db)
            try HistoryWriter.record(
                residentID: resident.id!, entity: .coverageCertificate, entityID: String(id),
                changes: [("certificate", "\(record.country) \(record.validFrom)..\(record.validUntil)", nil)],
                by: staff.login, at: timestamp, source: ChangeSource(.staffEdit, reason: reason), in: db)
            audit.residentIDs = [resident.id!]
            audit.detail = "certificate=\(id) withdrawn"
            return record
        }
    }

    /// Records an employer's insured headcount (nil: no longer known).
    public func setInsuredHeadcount(employer id: String, _ headcount: Int?, reason: String, by staff: StaffMember) throws -> EmployerRecord {
        let reason = try Self.reason(reason)
        if let headcount, headcount < 0 {
            throw ServiceError.invalid(ValidationError(field: "insured headcount", value: String(headcount), reason: "cannot be negative"))
        }
        return try context.perform(.residentWrite, by: staff, action: .employerHeadcount, entity: .employer) { db, audit in
            guard var employer = try EmployerRecord.fetchOne(db, key: id) else { throw ServiceError.notFound("No employer \(id).") }
            let old = employer.insuredHeadcount
            guard old != headcount else { return employer }
            employer.insuredHeadcount = headcount
            try employer.update(db)
            try HistoryWriter.record(
                residentID: nil, entity: .employer, entityID: id,
                changes: [("insured_headcount", old.map(String.init), headcount.map(String.init))],
                by: staff.login, at: context.clock.timestamp(), source: ChangeSource(.staffEdit, reason: reason), in: db)
            audit.detail = "employer=\(id) insured_headcount=\(headcount.map(String.init) ?? "unknown")"
            return employer
        }
    }

    private static func reason(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw ServiceError.invalid(ValidationError(field: "reason", value: text, reason: "must say where the fact comes from"))
        }
        return trimmed
    }
}

/// A person's recorded insurance facts.
public struct PersonInsuranceFacts: Sendable {
    public let resident: ResidentRecord
    public let fact: InsuranceFactRecord?
    public let certificates: [CoverageCertificateRecord]
}
