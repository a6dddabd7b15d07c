/// Hours as a report writes them, for reasons staff read: `28`, `27.5`, `19.75`.
public enum HoursText {
    public static func of(_ hours: Double) -> String {
        let hundredths = Int((hours * 100).rounded())
        let whole = hundredths / 100, fraction = hundredths % 100
        if fraction == 0 { return "\(whole)" }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
