import KyoseiDomain

/// Field shapes the formats share that have no domain type of their own. Each parser throws the
/// domain's `ValidationError`, so its reason reads like every other field's.
enum FieldFormat {
    /// The residence-card name: upper-case Latin, family name first, as one string.
    static func upperCaseLatinName(_ text: String) throws -> String {
        let allowed = text.utf8.allSatisfy { b in
            (0x41...0x5A).contains(b) || b == 0x20 || b == 0x2D || b == 0x27 || b == 0x2E || b == 0x2C
        }
        guard allowed, let first = text.utf8.first, (0x41...0x5A).contains(first) else {
            throw ValidationError(
                field: "name", value: text,
                reason: "must be upper-case Latin letters (A-Z, spaces, hyphens, apostrophes), family name first")
        }
        return text
    }

    /// A katakana name, full- or half-width, parts separated by spaces or `・`.
    static func katakanaName(_ text: String) throws -> String {
        var letters = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30A1...0x30FA, 0x31F0...0x31FF, 0xFF66...0xFF9D: letters += 1
            case 0x30FB...0x30FE, 0x3099...0x309C, 0xFF65, 0xFF9E, 0xFF9F, 0x20, 0x3000: break
            default:
                throw ValidationError(
                    field: "name", value: text,
                    reason: "must be katakana (full- or half-width), parts separated by a space or ・")
            }
        }
        guard letters > 0 else {
            throw ValidationError(field: "name", value: text, reason: "must hold at least one katakana letter")
        }
        return text
    }

    static func yesNo(_ text: String) throws -> Bool {
        switch text {
        case "Y": return true
        case "N": return false
        default: throw ValidationError(field: "flag", value: text, reason: "must be Y or N")
        }
    }

    /// A count of days: a whole number, zero or more.
    static func count(_ text: String) throws -> Int {
        guard text.isASCIIDigits, text.utf8.count <= 6, let value = Int(text) else {
            throw ValidationError(field: "count", value: text, reason: "must be a whole number, 0 or more")
        }
        return value
    }

    /// Digits only, of one of the given lengths.
    static func digits(_ text: String, lengths: Set<Int>) throws -> String {
        guard text.isASCIIDigits, lengths.contains(text.utf8.count) else {
            let list = lengths.sorted().map(String.init).joined(separator: " or ")
            throw ValidationError(field: "number", value: text, reason: "must be \(list) digits")
        }
        return text
    }
}
