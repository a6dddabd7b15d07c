/// A strict, streaming UTF-8 check (no overlong forms, no surrogates, nothing past U+10FFFF),
/// fed chunk by chunk so a character split across two reads is judged as one. Written here
/// rather than taken from the standard library because the detection needs the byte offset of
/// the first bad sequence and must run over a file that is never held whole in memory.
struct UTF8Validator {
    /// Offset of the first byte of the first invalid sequence, once one is seen.
    private(set) var failureOffset: Int?
    private var offset = 0
    private var pending = 0
    private var sequenceStart = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF

    var isValid: Bool { failureOffset == nil }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard failureOffset == nil, let base = bytes.baseAddress else {
            offset += bytes.count
            return
        }
        let count = bytes.count
        var i = 0
        while i < count {
            if pending == 0 {
                // Most of a register file is ASCII: skip it eight bytes at a time.
                while i + 8 <= count {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    i += 8
                }
                guard i < count else { break }
                let b = base[i]
                switch b {
                case 0x00...0x7F: break
                case 0xC2...0xDF: begin(at: i, continuations: 1)
                case 0xE0: begin(at: i, continuations: 2, lower: 0xA0)
                case 0xE1...0xEC, 0xEE...0xEF: begin(at: i, continuations: 2)
                case 0xED: begin(at: i, continuations: 2, upper: 0x9F)
                case 0xF0: begin(at: i, continuations: 3, lower: 0x90)
                case 0xF1...0xF3: begin(at: i, continuations: 3)
                case 0xF4: begin(at: i, continuations: 3, upper: 0x8F)
                default:
                    failureOffset = offset + i
                    offset += count
                    return
                }
            } else {
                let b = base[i]
                guard b >= lower, b <= upper else {
                    failureOffset = sequenceStart
                    offset += count
                    return
                }
                lower = 0x80
                upper = 0xBF
                pending -= 1
            }
            i += 1
        }
        offset += count
    }

    /// Ends the input: a character still incomplete at the end of the file is invalid.
    mutating func finish() {
        if failureOffset == nil, pending > 0 { failureOffset = sequenceStart }
    }

    private mutating func begin(at index: Int, continuations: Int, lower: UInt8 = 0x80, upper: UInt8 = 0xBF) {
        pending = continuations
        sequenceStart = offset + index
        self.lower = lower
        self.upper = upper
    }
}
