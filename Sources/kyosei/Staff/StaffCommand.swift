import ArgumentParser
import KyoseiAPI
import KyoseiDomain
import KyoseiServices
import KyoseiStore

struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Manage staff: OS logins and their roles (administrators only).",
        discussion: """
            Roles: clerk, caseworker, supervisor, analyst, admin, system (the nightly job). \
            `kyosei staff permissions` prints the permission matrix.
            """,
        subcommands: [StaffAdd.self, StaffList.self, StaffSetRole.self, StaffDisable.self, StaffEnable.self,
                      StaffPermissions.self]
    )

    static func render(_ records: [Components.Schemas.StaffMember], json: Bool) throws {
        if json {
            try Output.json(records)
        } else {
            Output.table(["LOGIN", "NAME", "ROLE", "TEAM", "ACTIVE"], records.map {
                [$0.login + ($0.founder ? " *" : ""), $0.displayName, $0.role, $0.team ?? "", $0.active ? "yes" : "no"]
            })
        }
    }

    /// The API's code for a role, checked here so a typo fails before any call.
    static func role(_ text: String) throws -> Components.Schemas.Role {
        guard let role = Components.Schemas.Role(rawValue: try Role(code: text).rawValue) else {
            throw ServiceError.usage("\(text) is not a role.")
        }
        return role
    }

    static func update(_ global: GlobalOptions, _ login: String, _ change: Components.Schemas.StaffChange) async throws
        -> Components.Schemas.StaffMember {
        try await APIConnection.call(global) { api in
            try await api.updateStaff(path: .init(login: login), body: .json(change)).ok.body.json
        }
    }
}

struct StaffAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Give an OS login a role.",
        discussion: "Example:\n  kyosei staff add tanaka --role caseworker --name \"Tanaka Yui\" --team east")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The OS login.") var login: String
    @Option(help: "clerk, caseworker, supervisor, analyst, admin or system.") var role: String
    @Option(help: "Display name.") var name: String?
    @Option(help: "Team (for case queues).") var team: String?

    func run() async throws {
        let role = try StaffCommand.role(role)
        let record = try await APIConnection.call(global) { api in
            try await api.addStaff(body: .json(.init(login: login, role: role, displayName: name, team: team))).ok.body.json
        }
        try StaffCommand.render([record], json: output.json)
    }
}

struct StaffList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List staff (* marks who ran init).", discussion: "Example:\n  kyosei staff list --json")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let records = try await APIConnection.call(global) { api in try await api.listStaff().ok.body.json }
        try StaffCommand.render(records, json: output.json)
    }
}

struct StaffSetRole: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-role", abstract: "Change a member of staff's role.",
        discussion: "Example:\n  kyosei staff set-role tanaka supervisor")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The OS login.") var login: String
    @Argument(help: "The new role.") var role: String

    func run() async throws {
        let change = Components.Schemas.StaffChange(role: try StaffCommand.role(role))
        try StaffCommand.render([try await StaffCommand.update(global, login, change)], json: output.json)
    }
}

struct StaffDisable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Stop a login from using Kyosei (their history stays).",
        discussion: "Example:\n  kyosei staff disable tanaka")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The OS login.") var login: String

    func run() async throws {
        try StaffCommand.render([try await StaffCommand.update(global, login, .init(active: false))], json: output.json)
    }
}

struct StaffEnable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable", abstract: "Let a disabled login back in.", discussion: "Example:\n  kyosei staff enable tanaka")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The OS login.") var login: String

    func run() async throws {
        try StaffCommand.render([try await StaffCommand.update(global, login, .init(active: true))], json: output.json)
    }
}

struct StaffPermissions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "permissions", abstract: "Print the permission matrix.", discussion: "Example:\n  kyosei staff permissions --json")
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let roles = Role.allCases
        if output.json {
            try Output.json(Dictionary(uniqueKeysWithValues: roles.map { role in
                (role.rawValue, Permission.allCases.filter { PermissionMatrix.allows(role, $0) }.map(\.rawValue))
            }))
        } else {
            Output.table(["PERMISSION"] + roles.map(\.rawValue), Permission.allCases.map { p in
                [p.rawValue] + roles.map { PermissionMatrix.allows($0, p) ? "yes" : "-" }
            })
        }
    }
}
