import GRDB
import KyoseiDomain
import KyoseiStore

/// What staff recorded for the insurance rules (designations, public assistance, student
/// standing, certificates of coverage), read whole for a night's evaluation: these are a few
/// records per thousand residents, unlike the enrollments, which are streamed.
struct InsuranceFacts {
    private var facts: [Int64: InsuranceFactRecord] = [:]
    private var certificates: [Int64: [CertificateOfCoverage]] = [:]
    private let agreements: AgreementTable

    init(in db: Database, agreements: AgreementTable) throws {
        self.agreements = agreements
        for fact in try InsuranceFactRecord.fetchAll(db) { facts[fact.residentID] = fact }
        for row in try CoverageCertificateRecord.fetchAll(db) {
            if let certificate = row.certificate(under: agreements) { certificates[row.residentID, default: []].append(certificate) }
        }
    }

    func designation(_ id: Int64) -> Designation? { facts[id]?.designation }
    func publicAssistance(_ id: Int64) -> Bool { facts[id]?.publicAssistance ?? false }

    /// As recorded, else presumed from the status of residence.
    func student(_ id: Int64, status: StatusOfResidence?) -> StudentStanding {
        facts[id]?.studentStanding ?? .presumed(for: status)
    }

    /// The agreement exemption from `branch` on `date`, if a recorded certificate gives one. A
    /// certificate of coverage is issued only to a seconded worker, so holding one is the secondment.
    func agreementExemption(_ id: Int64, _ branch: InsuranceScheme.Branch, on date: LocalDate) -> Applicability? {
        (certificates[id] ?? []).lazy
            .map { AgreementExemption.exempts(branch, seconded: true, certificate: $0, on: date, agreements: agreements) }
            .first { $0.applies }
    }
}
