/// The world regions (UN M49 sub-regions) the Alliance's figures are told by: its 2012 survey
/// asked Latin-American residents, and the cities' largest groups come from East, Southeast and
/// South Asia. Every other nationality counts under `other`.
public enum WorldRegion: String, Sendable, CaseIterable, CustomStringConvertible {
    case latinAmerica = "Latin America"
    case eastAsia = "East Asia"
    case southeastAsia = "Southeast Asia"
    case southAsia = "South Asia"
    case other = "other"

    public init(_ nationality: Nationality) {
        self.init(code: nationality.rawValue)
    }

    /// For a report's nationality label, which is a code that was valid when it was counted.
    public init(code: String) {
        self = Self.members.first { $0.value.contains(code) }?.key ?? .other
    }

    public var description: String { rawValue }

    /// UN M49: Latin America and the Caribbean; Eastern, South-eastern and Southern Asia.
    private static let members: [WorldRegion: Set<String>] = [
        .latinAmerica: Set("""
            AG AI AR AW BB BL BO BQ BR BS BV BZ CL CO CR CU CW DM DO EC FK GD GF GP GS GT GY HN HT JM KN KY LC MF MQ MS MX
            NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI
            """.split(whereSeparator: \.isWhitespace).map(String.init)),
        .eastAsia: ["CN", "HK", "JP", "KP", "KR", "MN", "MO", "TW"],
        .southeastAsia: ["BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "TL", "VN"],
        .southAsia: ["AF", "BD", "BT", "IN", "IR", "LK", "MV", "NP", "PK"],
    ]
}
