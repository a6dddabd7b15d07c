import KyoseiDomain
import KyoseiServices
import KyoseiStore

extension APIHandler {
    func listStaff(_ input: Operations.ListStaff.Input) async throws -> Operations.ListStaff.Output {
        let records = try await work { context, staff in try StaffService(context: context).list(by: staff) }
        return .ok(.init(body: .json(records.map(Components.Schemas.StaffMember.init))))
    }

    func addStaff(_ input: Operations.AddStaff.Input) async throws -> Operations.AddStaff.Output {
        guard case .json(let body) = input.body else { throw ServiceError.usage("Adding staff needs a JSON body.") }
        let role = try Role(code: body.role.rawValue)
        let record = try await work { context, staff in
            try StaffService(context: context).add(
                login: body.login, displayName: body.displayName, role: role, team: body.team, by: staff)
        }
        return .ok(.init(body: .json(.init(record))))
    }

    func updateStaff(_ input: Operations.UpdateStaff.Input) async throws -> Operations.UpdateStaff.Output {
        guard case .json(let body) = input.body else { throw ServiceError.usage("Changing staff needs a JSON body.") }
        guard body.role != nil || body.active != nil else { throw ServiceError.usage("Say what changes: role or active.") }
        let login = input.path.login
        let role = try body.role.map { try Role(code: $0.rawValue) }
        let record = try await work { context, staff in
            let service = StaffService(context: context)
            var record: StaffRecord?
            if let role { record = try service.setRole(login: login, role: role, by: staff) }
            if let active = body.active { record = try service.setActive(login: login, active: active, by: staff) }
            return record!
        }
        return .ok(.init(body: .json(.init(record))))
    }
}

extension Components.Schemas.StaffMember {
    init(_ r: StaffRecord) {
        self.init(login: r.login, displayName: r.displayName, role: r.role.rawValue, team: r.team, active: r.active,
                  founder: r.isFounder)
    }
}
