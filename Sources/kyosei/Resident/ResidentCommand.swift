import ArgumentParser

struct ResidentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resident",
        abstract: "Register, find, show and update residents.",
        subcommands: [ResidentAdd.self, ResidentShow.self, ResidentFind.self, ResidentList.self, ResidentUpdate.self,
                      ResidentHistory.self]
    )
}

/// Turns an optional CLI string into a validated value, so bad input fails before any call.
func parsed<T>(_ text: String?, _ make: (String) throws -> T) throws -> T? {
    guard let text, !text.isEmpty else { return nil }
    return try make(text)
}

/// For `update`: absent leaves a field alone, an empty string clears it.
func change<T>(_ text: String?, _ make: (String) throws -> T) throws -> T?? {
    guard let text else { return nil }
    return .some(text.isEmpty ? nil : try make(text))
}
