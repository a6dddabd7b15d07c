import ArgumentParser
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

    static func render(_ records: [StaffRecord], json: Bool) throws {
        if json {
            try Output.json(records.map {
                ["login": $0.login, "display_name": $0.displayName, "role": $0.role.rawValue, "team": $0.team ?? "",
                 "active": $0.active ? "yes" : "no", "founder": $0.isFounder ? "yes" : "no"]
            })
        } else {
            Output.table(["LOGIN", "NAME", "ROLE", "TEAM", "ACTIVE"], records.map {
                [$0.login + ($0.isFounder ? " *" : ""), $0.displayName, $0.role.rawValue, $0.team ?? "", $0.active ? "yes" : "no"]
            })
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
        let role = try Role(code: role)
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let record = try StaffService(context: context).add(login: login, displayName: name, role: role, team: team, by: staff)
        try StaffCommand.render([record], json: output.json)
    }
}

struct StaffList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List staff (* marks who ran init).", discussion: "Example:\n  kyosei staff list --json")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        try StaffCommand.render(try StaffService(context: context).list(by: staff), json: output.json)
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
        let role = try Role(code: role)
        let (context, staff) = try await CommandEnvironment.load(global).session()
        try StaffCommand.render([try StaffService(context: context).setRole(login: login, role: role, by: staff)], json: output.json)
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
        let (context, staff) = try await CommandEnvironment.load(global).session()
        try StaffCommand.render([try StaffService(context: context).setActive(login: login, active: false, by: staff)], json: output.json)
    }
}

struct StaffEnable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable", abstract: "Let a disabled login back in.", discussion: "Example:\n  kyosei staff enable tanaka")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The OS login.") var login: String

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        try StaffCommand.render([try StaffService(context: context).setActive(login: login, active: true, by: staff)], json: output.json)
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
