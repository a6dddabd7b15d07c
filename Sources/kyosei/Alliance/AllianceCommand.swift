import ArgumentParser

struct AllianceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alliance", abstract: "The Alliance office's side: adding cities' aggregate files together.",
        subcommands: [AllianceMerge.self])
}
