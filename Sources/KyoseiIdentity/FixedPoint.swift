/// Weights and scores as decimal text with a fixed number of places, the text
/// `String(format: "%.2f")` gives (but where a value lies within an ulp of a tie between two
/// last digits) at a small part of the cost: a match report writes a dozen a row, and
/// Foundation's formatter took a tenth of the time of a whole roster import.
public enum FixedPoint {
    /// `x` to `places` (0 to 4) decimal places.
    public static func text(_ x: Double, places: Int) -> String {
        guard x.isFinite, abs(x) < 1e12, (0...4).contains(places) else { return String(format: "%.\(places)f", x) }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        var digits = String(Int64((abs(x) * scale).rounded(.toNearestOrEven)))
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places + 1 - digits.count) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return x.sign == .minus ? "-" + digits : digits
    }

    /// `x` to `places` decimal places with its sign, `+` included.
    public static func signed(_ x: Double, places: Int) -> String {
        x >= 0 ? "+" + text(x, places: places) : text(x, places: places)
    }
}
