import ArgumentParser

struct PersonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: "Views of one person across the city's services.",
        subcommands: [PersonLanguage.self])
}
