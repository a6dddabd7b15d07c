/// Nationality as an ISO 3166-1 alpha-2 code; `XX` is stateless or unknown. Checked against the
/// list of assigned codes so a typo such as `RB` for Brazil cannot split a nationality's figures.
public struct Nationality: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public static let stateless = Nationality(unchecked: "XX")

    public init(_ text: String) throws {
        let known = text.withUTF8Bytes { b in
            b.count == 2 && b[0].isASCIIUpperCaseLetter && b[1].isASCIIUpperCaseLetter
                && Self.table[Int(b[0] &- 0x41) * 26 + Int(b[1] &- 0x41)]
        }
        guard known else {
            throw ValidationError(
                field: "nationality", value: text,
                reason: "must be an ISO 3166-1 alpha-2 code in upper case (XX for stateless or unknown)")
        }
        rawValue = text
    }

    private init(unchecked: String) { rawValue = unchecked }

    public var description: String { rawValue }

    public static func < (a: Nationality, b: Nationality) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    /// The `assigned` codes by letter pair (AA is 0, AB 1, …), looked up without hashing the
    /// text: a register file asks once a row.
    private static let table: [Bool] = {
        var table = [Bool](repeating: false, count: 26 * 26)
        for code in assigned.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let b = Array(code.utf8)
            table[Int(b[0] - 0x41) * 26 + Int(b[1] - 0x41)] = true
        }
        return table
    }()

    /// The codes ISO 3166-1 assigns, and XX.
    private static let assigned = """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
    BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
    EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
    HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
    LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
    NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
    SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
    TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XX
    """
}
