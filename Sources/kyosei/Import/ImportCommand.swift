import ArgumentParser

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Apply a file from a partner: employment reports.",
        discussion: """
            A file is refused whole (exit 3) when it cannot be read as the format says; nothing of
            it is applied. Rows with bad values are set aside as rejects (`kyosei rejects list`) and
            the good rows are applied. The same file applied twice changes nothing the second time.
            """,
        subcommands: [ImportEmployment.self]
    )
}
