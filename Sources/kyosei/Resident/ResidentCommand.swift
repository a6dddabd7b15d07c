import ArgumentParser
import KyoseiDomain

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

/// An optional CLI string as one of an API enum's lower-case values (`--scheme pension`), any case.
func choice<T: RawRepresentable & CaseIterable>(_ text: String?, field: String) throws -> T? where T.RawValue == String {
    try parsed(text) { text in
        guard let value = T(rawValue: text.lowercased()) else {
            throw ValidationError(field: field, value: text,
                                  reason: "must be " + T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }
}

/// For `update`: absent leaves a field alone, an empty string clears it.
func change<T>(_ text: String?, _ make: (String) throws -> T) throws -> T?? {
    guard let text else { return nil }
    return .some(text.isEmpty ? nil : try make(text))
}
