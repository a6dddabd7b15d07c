import KyoseiServices

extension APIHandler {
    func getOpenAPIDocument(_ input: Operations.GetOpenAPIDocument.Input) async throws -> Operations.GetOpenAPIDocument.Output {
        _ = try Caller.current()
        return .ok(.init(body: .yaml(.init(APIDocument.text))))
    }

    func whoAmI(_ input: Operations.WhoAmI.Input) async throws -> Operations.WhoAmI.Output {
        let staff = try Caller.current()
        return .ok(.init(body: .json(.init(
            login: staff.login, displayName: staff.login, role: staff.role.rawValue, team: staff.team, active: true,
            founder: staff.isFounder))))
    }

    func showConfig(_ input: Operations.ShowConfig.Input) async throws -> Operations.ShowConfig.Output {
        let shown = try await work { context, staff in try ConfigService(context: context).settings(by: staff) }
        return .ok(.init(body: .json(.init(
            database: shown.database, settings: shown.settings.map { .init(key: $0.key, value: $0.value) }))))
    }
}

/// The document the API was generated from, as this binary carries it.
public enum APIDocument {
    public static var text: String { EmbeddedDocument.files.first { $0.name == "openapi.yaml" }?.text ?? "" }
}
