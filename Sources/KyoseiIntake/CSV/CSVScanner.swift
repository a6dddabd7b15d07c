/// Where one field's bytes are in the reader's buffer; `escaped` when it holds doubled quotes
/// that must be made single.
struct FieldSpan {
    var start: Int
    var end: Int
    var escaped: Bool
}

/// The byte-level RFC 4180 state machine, kept apart from buffering so it can work on one
/// contiguous buffer with no state carried between calls: given the start of a record it
/// finds the record's end, or says it needs more input. A record split across chunks is
/// scanned again from its start once more bytes arrive, which costs little because records
/// are short and `CSVReader` caps their length.
enum CSVScanner {
    static let quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D

    enum Result {
        /// A record whose text ends at `end` (before its line ending); the next one starts at
        /// `next`; `innerLines` line feeds were inside quoted fields.
        case record(end: Int, next: Int, innerLines: Int)
        case blankLine(next: Int)
        case endOfInput
        /// The record runs past the buffer; `openQuote` is where an open quoted field began.
        case needMore(openQuote: Int?)
        case failure(index: Int, reason: String)
    }

    static let unterminated = "unterminated quoted field (the quote that opens here is never closed)"
    static let quoteInUnquoted = "quote inside an unquoted field (a field holding quotes must be quoted whole, each quote doubled)"
    static let afterClosingQuote = "unexpected character after a closing quote (expected a comma or the end of the line)"
    static let bareCarriageReturn = "carriage return not followed by a line feed"

    /// Scans one record starting at `start`. `final` says no more input will come.
    static func scan(_ p: UnsafeBufferPointer<UInt8>, from start: Int, final: Bool, into spans: inout [FieldSpan]) -> Result {
        let n = p.count
        spans.removeAll(keepingCapacity: true)
        if start == n { return final ? .endOfInput : .needMore(openQuote: nil) }
        switch p[start] {
        case lineFeed: return .blankLine(next: start + 1)
        case carriageReturn:
            return lineEnd(p, at: start, final: final) { _, next in .blankLine(next: next) }
        default: break
        }
        var i = start
        var innerLines = 0
        while true {
            if i < n, p[i] == quote {
                let open = i
                var j = i + 1
                var escaped = false
                while true {
                    while j < n {
                        let c = p[j]
                        if c <= quote, c == quote || c == lineFeed { break }
                        j += 1
                    }
                    if j == n { return final ? .failure(index: open, reason: unterminated) : .needMore(openQuote: open) }
                    if p[j] == lineFeed {
                        innerLines += 1
                        j += 1
                        continue
                    }
                    if j + 1 < n {
                        if p[j + 1] == quote {
                            escaped = true
                            j += 2
                            continue
                        }
                    } else if !final {
                        // A quote that ends the buffer may be the first of a doubled pair.
                        return .needMore(openQuote: open)
                    }
                    break
                }
                spans.append(FieldSpan(start: open + 1, end: j, escaped: escaped))
                i = j + 1
                if i == n {
                    return final ? .record(end: i, next: i, innerLines: innerLines) : .needMore(openQuote: nil)
                }
                switch p[i] {
                case comma:
                    i += 1
                    continue
                case lineFeed:
                    return .record(end: i, next: i + 1, innerLines: innerLines)
                case carriageReturn:
                    return lineEnd(p, at: i, final: final) { end, next in .record(end: end, next: next, innerLines: innerLines) }
                default:
                    return .failure(index: i, reason: afterClosingQuote)
                }
            }
            var j = i
            while j < n {
                let c = p[j]
                // Every delimiter is at most 0x2C, so most bytes cost one comparison.
                if c <= comma, c == comma || c == lineFeed || c == carriageReturn || c == quote { break }
                j += 1
            }
            if j == n {
                guard final else { return .needMore(openQuote: nil) }
                spans.append(FieldSpan(start: i, end: j, escaped: false))
                return .record(end: j, next: j, innerLines: innerLines)
            }
            switch p[j] {
            case comma:
                spans.append(FieldSpan(start: i, end: j, escaped: false))
                i = j + 1
            case lineFeed:
                spans.append(FieldSpan(start: i, end: j, escaped: false))
                return .record(end: j, next: j + 1, innerLines: innerLines)
            case carriageReturn:
                spans.append(FieldSpan(start: i, end: j, escaped: false))
                return lineEnd(p, at: j, final: final) { end, next in .record(end: end, next: next, innerLines: innerLines) }
            default:
                return .failure(index: j, reason: quoteInUnquoted)
            }
        }
    }

    /// A carriage return must be the first half of CRLF.
    private static func lineEnd(
        _ p: UnsafeBufferPointer<UInt8>, at index: Int, final: Bool, _ ended: (_ end: Int, _ next: Int) -> Result
    ) -> Result {
        if index + 1 < p.count {
            return p[index + 1] == lineFeed ? ended(index, index + 2) : .failure(index: index, reason: bareCarriageReturn)
        }
        return final ? .failure(index: index, reason: bareCarriageReturn) : .needMore(openQuote: nil)
    }
}
