import ArgumentParser

/// Options every command that touches the database takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (default: KYOSEI_DB, then the configuration, then ./kyosei.sqlite).")
    var db: String?

    @Option(name: .long, help: "A configuration file (JSON) overriding the built-in defaults (default: KYOSEI_CONFIG).")
    var config: String?

    @Option(name: .long, help: ArgumentHelp(
        "The server's Unix socket (a path or http+unix URL; default: KYOSEI_SERVER, then server.socket, then <db>.sock).",
        valueName: "path|url"))
    var server: String?
}

/// For commands whose output a program may read.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false
}
