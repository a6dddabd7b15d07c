/// Weights and scores as decimal text with a fixed number of places, the text
/// `String(format: "%.2f")` gives (but where a value lies within an ulp of a tie between two
/// last digits) at a small part of the cost: a match report writes a dozen a row, and
/// Foundation's formatter took a tenth of the time of a whole roster import.
public enum FixedPoint {
    /// `x` to `places` (0 to 4) decimal places.
    public static func text(_ x: Double, places: Int) -> String {
        var text = ""
        append(x, places: places, to: &text)
        return text
    }

    /// `x` to `places` decimal places with its sign, `+` included.
    public static func signed(_ x: Double, places: Int) -> String {
        var text = ""
        append(x, places: places, signed: true, to: &text)
        return text
    }

    /// `text` (or `signed`) added to the end of `out`: a report line is built in one string.
    public static func append(_ x: Double, places: Int, signed: Bool = false, to out: inout String) {
        write(x, places: places, signed: signed) { out += String(decoding: $0, as: UTF8.self) }
    }

    /// `text` (or `signed`) added to the end of `out` as UTF-8, for a line built as bytes.
    public static func append(_ x: Double, places: Int, signed: Bool = false, to out: inout [UInt8]) {
        write(x, places: places, signed: signed) { out.append(contentsOf: $0) }
    }

    /// Hands the text to `body` in one piece, from the stack (or from Foundation past its range).
    private static func write(_ x: Double, places: Int, signed: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard x.isFinite, abs(x) < 1e12, (0...4).contains(places) else {
            var text = (signed && x >= 0 ? "+" : "") + String(format: "%.\(places)f", x)
            return text.withUTF8(body)
        }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        var n = UInt64((abs(x) * scale).rounded(.toNearestOrEven))
        // The digits from the last, at least one before the point, then the sign, on the stack: a
        // weight's text is a few bytes, where the two arrays this took each time were a quarter of
        // explaining a row for the match report.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var start = buffer.count
            var written = 0
            repeat {
                if written == places, places > 0 {
                    start -= 1
                    buffer[start] = UInt8(ascii: ".")
                }
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                written += 1
            } while n > 0 || written <= places
            if x.sign == .minus {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            // Before a minus too, for -0.0, as `signed`'s test of `x >= 0` has it.
            if signed, x >= 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "+")
            }
            body(UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }
}
