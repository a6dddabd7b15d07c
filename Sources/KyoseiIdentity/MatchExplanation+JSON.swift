/// The text a review keeps of its explanation, the same bytes `JSONEncoder` with sorted keys
/// writes (`MatchExplanationJSONTests` holds the two together), so the review desk decodes it
/// with `JSONDecoder`. Written by hand: a roster at a million residents raises about 50,000
/// reviews, and the encoder took 25-45 µs for each, a tenth of the import's writing thread.
extension MatchExplanation {
    public func json() throws -> String {
        var json = JSONText()
        json.open()
        if let best {
            json.key("best")
            try best.write(to: &json)
        }
        json.key("parameters")
        json.string(parameters)
        if let runnerUp {
            json.key("runnerUp")
            try runnerUp.write(to: &json)
        }
        json.close()
        return String(decoding: json.bytes, as: UTF8.self)
    }
}

extension CandidateComparison {
    /// Members in sorted order, as the encoder sorts them.
    fileprivate func write(to json: inout JSONText) throws {
        json.open()
        json.key("birthDateWeight")
        try json.number(birthDateWeight)
        json.key("cardWeight")
        try json.number(cardWeight)
        json.key("nameWeight")
        try json.number(nameWeight)
        json.key("names")
        json.open(array: true)
        for part in names {
            json.element()
            try part.write(to: &json)
        }
        json.close(array: true)
        json.key("nationalityWeight")
        try json.number(nationalityWeight)
        json.key("residentID")
        json.integer(Int(residentID))
        json.key("sexWeight")
        try json.number(sexWeight)
        json.key("vector")
        json.open()
        json.key("birthDate")
        json.integer(vector.birthDate.rawValue)
        json.key("card")
        json.integer(vector.card.rawValue)
        json.key("name")
        json.integer(vector.name.rawValue)
        json.key("nationality")
        json.integer(vector.nationality.rawValue)
        json.key("sex")
        json.integer(vector.sex.rawValue)
        json.close()
        json.close()
    }
}

extension PartWeight {
    fileprivate func write(to json: inout JSONText) throws {
        json.open()
        if let query {
            json.key("query")
            json.string(query)
        }
        if let resident {
            json.key("resident")
            json.string(resident)
        }
        json.key("similarity")
        try json.number(similarity)
        json.key("weight")
        try json.number(weight)
        json.close()
    }
}

/// JSON as `JSONEncoder` spells it: a number by its shortest round-trip form without a
/// trailing `.0`, a string with `"`, `\`, `/` and control characters escaped, no spaces.
private struct JSONText {
    private(set) var bytes: [UInt8] = []
    /// Whether the object or array open last has no member yet (no comma before the next).
    private var first = true

    init() { bytes.reserveCapacity(1024) }

    /// An object, or with `array` an array.
    mutating func open(array: Bool = false) {
        bytes.append(UInt8(ascii: array ? "[" : "{"))
        first = true
    }

    mutating func close(array: Bool = false) {
        bytes.append(UInt8(ascii: array ? "]" : "}"))
        first = false
    }

    /// Before each element of an array.
    mutating func element() {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
    }

    mutating func key(_ name: String) {
        element()
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
        first = false
    }

    mutating func number(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
        first = false
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case ..<0x20:
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0xF)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        first = false
    }

    private static let hex = Array("0123456789abcdef".utf8)
}
