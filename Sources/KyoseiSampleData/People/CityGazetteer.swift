import KyoseiDomain

/// Where the sample city is: prefecture, city and ward names and the postal-code prefix for
/// the Alliance cities the demo is likely to be run as; any other municipality code gets a
/// plausible fictional city in the same shape.
struct CityGazetteer: Sendable {
    let prefecture: String
    let city: String
    /// The ward of each district (D01…D12), empty where the city has no wards.
    let wards: [String]
    /// First two digits of the city's postal codes.
    let postalPrefix: String

    static func of(_ municipality: MunicipalityCode) -> CityGazetteer {
        switch municipality.rawValue {
        case "221309":
            CityGazetteer(prefecture: "静岡県", city: "浜松市",
                          wards: Array(repeating: "中央区", count: 8) + ["浜名区", "浜名区", "天竜区", "中央区"],
                          postalPrefix: "43")
        case "232114": CityGazetteer(prefecture: "愛知県", city: "豊田市", wards: noWards, postalPrefix: "47")
        case "102059": CityGazetteer(prefecture: "群馬県", city: "太田市", wards: noWards, postalPrefix: "37")
        case "252034": CityGazetteer(prefecture: "滋賀県", city: "長浜市", wards: noWards, postalPrefix: "52")
        case "212041": CityGazetteer(prefecture: "岐阜県", city: "美濃加茂市", wards: noWards, postalPrefix: "50")
        default: CityGazetteer(prefecture: "静岡県", city: "共生市", wards: noWards, postalPrefix: "43")
        }
    }

    private static let noWards = Array(repeating: "", count: 12)
}
