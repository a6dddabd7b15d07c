import KyoseiDomain
import KyoseiServices
import KyoseiStore

extension APIHandler {
    func showInsuranceFacts(_ input: Operations.ShowInsuranceFacts.Input) async throws -> Operations.ShowInsuranceFacts.Output {
        let ref = try ResidentRef(input.path.ref)
        let facts = try await work { context, staff in try InsuranceFactService(context: context).facts(ref, by: staff) }
        return .ok(.init(body: .json(.init(facts))))
    }

    func recordInsuranceFacts(_ input: Operations.RecordInsuranceFacts.Input) async throws -> Operations.RecordInsuranceFacts.Output {
        let ref = try ResidentRef(input.path.ref)
        guard case .json(let body) = input.body else { throw ServiceError.usage("Recording facts needs a JSON body.") }
        guard body.designation != nil || body.publicAssistance != nil || body.studentStanding != nil else {
            throw ServiceError.usage("Say what changes: designation, public assistance or student standing.")
        }
        // NONE clears a designation; PRESUMED goes back to presuming student standing from the status.
        let designation: Designation?? = try body.designation.map { $0 == .none ? nil : try Designation(code: $0.rawValue) }
        let student: StudentStanding?? = try body.studentStanding.map { $0 == .presumed ? nil : try StudentStanding(code: $0.rawValue) }
        let facts = try await work { context, staff in
            let service = InsuranceFactService(context: context)
            _ = try service.record(ref, designation: designation, publicAssistance: body.publicAssistance, student: student,
                                   reason: body.reason, by: staff)
            return try service.facts(ref, by: staff)
        }
        return .ok(.init(body: .json(.init(facts))))
    }

    func addCoverageCertificate(_ input: Operations.AddCoverageCertificate.Input) async throws -> Operations.AddCoverageCertificate.Output {
        let ref = try ResidentRef(input.path.ref)
        guard case .json(let body) = input.body else { throw ServiceError.usage("A certificate needs a JSON body.") }
        let country = try Nationality(body.country)
        let from = try LocalDate(body.from, field: "from"), until = try LocalDate(body.until, field: "until")
        let facts = try await work { context, staff in
            let service = InsuranceFactService(context: context)
            _ = try service.addCertificate(ref, country: country, from: from, until: until, reason: body.reason, by: staff)
            return try service.facts(ref, by: staff)
        }
        return .ok(.init(body: .json(.init(facts))))
    }

    func withdrawCoverageCertificate(
        _ input: Operations.WithdrawCoverageCertificate.Input
    ) async throws -> Operations.WithdrawCoverageCertificate.Output {
        let ref = try ResidentRef(input.path.ref)
        guard case .json(let body) = input.body else { throw ServiceError.usage("A withdrawal needs a JSON body with the reason.") }
        let facts = try await work { context, staff in
            let service = InsuranceFactService(context: context)
            _ = try service.withdrawCertificate(ref, id: input.path.id, reason: body.reason, by: staff)
            return try service.facts(ref, by: staff)
        }
        return .ok(.init(body: .json(.init(facts))))
    }

    func setEmployerHeadcount(_ input: Operations.SetEmployerHeadcount.Input) async throws -> Operations.SetEmployerHeadcount.Output {
        let id = input.path.id
        guard case .json(let body) = input.body else { throw ServiceError.usage("A headcount needs a JSON body.") }
        let employer = try await work { context, staff in
            try InsuranceFactService(context: context).setInsuredHeadcount(employer: id, body.headcount, reason: body.reason, by: staff)
        }
        return .ok(.init(body: .json(.init(employerId: employer.employerID, name: employer.name, insuredHeadcount: employer.insuredHeadcount))))
    }
}

extension Components.Schemas.InsuranceFacts {
    init(_ f: PersonInsuranceFacts) {
        self.init(
            resident: .init(f.resident), designation: f.fact?.designation?.rawValue, publicAssistance: f.fact?.publicAssistance ?? false,
            studentStanding: f.fact?.studentStanding?.rawValue, updatedAt: f.fact?.updatedAt, updatedBy: f.fact?.updatedBy,
            certificates: f.certificates.map {
                .init(id: $0.id!, country: $0.country.rawValue, from: $0.validFrom.description, until: $0.validUntil.description,
                      recordedBy: $0.recordedBy, withdrawnAt: $0.withdrawnAt, withdrawnBy: $0.withdrawnBy, withdrawnReason: $0.withdrawnReason)
            })
    }
}
