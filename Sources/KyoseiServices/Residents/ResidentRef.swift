import KyoseiDomain

/// How staff name one person: Kyosei's own `K<id>`, the register's 11-digit person id, or a
/// residence card number. Anything else is a search, not a reference.
public enum ResidentRef: Sendable, Equatable, CustomStringConvertible {
    case kyosei(Int64)
    case person(PersonID)
    case card(ResidenceCardNumber)

    public init(_ text: String) throws {
        let trimmed = text.trimmedOfSpaces
        if trimmed.first == "K" || trimmed.first == "k", let id = Int64(trimmed.dropFirst()), id > 0 {
            self = .kyosei(id)
        } else if let person = try? PersonID(trimmed) {
            self = .person(person)
        } else if let card = try? ResidenceCardNumber(trimmed.uppercased()) {
            self = .card(card)
        } else {
            throw ValidationError(
                field: "resident", value: text,
                reason: "give K<number>, an 11-digit person id or a residence card number (use `resident find` to search by name)")
        }
    }

    public var description: String {
        switch self {
        case .kyosei(let id): "K\(id)"
        case .person(let p): p.rawValue
        case .card(let c): c.rawValue
        }
    }
}

extension String {
    /// The text without leading and trailing spaces (ideographic spaces too), for pasted ids.
    var trimmedOfSpaces: String {
        let spaces: Set<Character> = [" ", "\t", "\n", "\r", "\u{3000}"]
        return String(drop { spaces.contains($0) }.reversed().drop { spaces.contains($0) }.reversed())
    }
}
