import KyoseiDomain
import KyoseiServices
import KyoseiStore

extension APIHandler {
    func listCases(_ input: Operations.ListCases.Input) async throws -> Operations.ListCases.Output {
        let q = input.query
        var filter = CaseFilter()
        filter.mine = q.mine ?? false
        filter.team = q.team
        filter.type = try q._type.map(CaseType.init)
        if let states = q.state, !states.isEmpty {
            filter.states = states.contains(.all) ? nil : try states.map { try CaseState(code: $0.rawValue) }
        }
        filter.overdue = q.overdue ?? false
        filter.person = try q.person.map(ResidentRef.init)
        filter.district = try q.district.map(DistrictCode.init)
        filter.limit = try Self.limit(q.limit, default: 200)
        let chosen = filter
        let (cases, today) = try await work { context, staff in
            (try CaseService(context: context).list(chosen, by: staff), context.clock.today)
        }
        return .ok(.init(body: .json(cases.map { Components.Schemas.Case($0.record, personName: $0.personName, today: today) })))
    }

    func showCase(_ input: Operations.ShowCase.Input) async throws -> Operations.ShowCase.Output {
        let id = input.path.id
        let (detail, today) = try await work { context, staff in
            (try CaseService(context: context).show(id, by: staff), context.clock.today)
        }
        return .ok(.init(body: .json(.init(
            _case: .init(detail.record, personName: detail.resident?.nameLatin, today: today),
            person: detail.resident.map(Components.Schemas.Resident.init),
            history: detail.events.map {
                .init(at: $0.at, by: $0.by, kind: $0.kind.rawValue, from: $0.fromValue, to: $0.toValue, note: $0.note)
            },
            links: detail.links.map { .init(entity: $0.entity, entityId: $0.entityID) },
            otherCases: detail.otherCases.map { .init($0, personName: nil, today: today) }))))
    }

    func takeCase(_ input: Operations.TakeCase.Input) async throws -> Operations.TakeCase.Output {
        let id = input.path.id
        return .ok(.init(body: .json(try await caseAfter { service, staff in try service.assign(id, to: staff.login, by: staff) })))
    }

    func noteCase(_ input: Operations.NoteCase.Input) async throws -> Operations.NoteCase.Output {
        let id = input.path.id
        guard case .json(let body) = input.body else { throw ServiceError.usage("A note needs a JSON body.") }
        return .ok(.init(body: .json(try await caseAfter { service, staff in try service.note(id, text: body.text, by: staff) })))
    }

    func moveCase(_ input: Operations.MoveCase.Input) async throws -> Operations.MoveCase.Output {
        let id = input.path.id
        guard case .json(let body) = input.body else { throw ServiceError.usage("A move needs a JSON body.") }
        let target = try CaseState(code: body.to.rawValue)
        return .ok(.init(body: .json(try await caseAfter { service, staff in
            try service.move(id, to: target, note: body.note, by: staff)
        })))
    }

    /// Runs one move on a case and answers with the case as it then is.
    private func caseAfter(_ change: @escaping @Sendable (CaseService, StaffMember) throws -> CaseRecord) async throws
        -> Components.Schemas.Case {
        let (record, today) = try await work { context, staff in
            (try change(CaseService(context: context), staff), context.clock.today)
        }
        return .init(record, personName: nil, today: today)
    }
}

extension Components.Schemas.Case {
    init(_ r: CaseRecord, personName: String?, today: LocalDate) {
        self.init(
            id: r.id ?? 0, _type: r.caseType.rawValue, residentId: r.residentID, resident: r.residentID.map { "K\($0)" },
            personName: personName, state: r.state.rawValue, priority: r.priority.label, assignee: r.assignee, team: r.team,
            dueDate: r.dueDate?.description, overdue: r.isOverdue(on: today), title: r.title, cause: r.cause, rule: r.rule,
            outcome: r.outcome?.rawValue, openedAt: r.openedAt, openedBy: r.openedBy, updatedAt: r.updatedAt,
            causeGoneAt: r.causeGoneAt)
    }
}
