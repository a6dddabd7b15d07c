import ArgumentParser

struct SchoolCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "school",
        abstract: "Compulsory-age children's schooling: MEXT classes, a child's rosters, home-visit confirmations.",
        subcommands: [SchoolList.self, SchoolStatusCommand.self, SchoolConfirm.self])
}
