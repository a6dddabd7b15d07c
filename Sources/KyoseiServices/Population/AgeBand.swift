/// The age bands every report cuts by, so coverage and population tables line up row for row.
enum AgeBand {
    static func label(age: Int) -> String {
        switch age {
        case ..<15: "00-14"
        case 15..<20: "15-19"
        case 20..<40: "20-39"
        case 40..<60: "40-59"
        case 60..<75: "60-74"
        default: "75+"
        }
    }
}
