#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming converter between two encodings through the C library's iconv, which knows
/// CP932 (Shift_JIS with the NEC and IBM extensions Japanese government systems emit).
/// Feed it chunks; bytes of a character split across two chunks are carried to the next call.
public final class Transcoder {
    public struct Failure: Error, CustomStringConvertible {
        /// Byte offset in the input where the bad sequence starts.
        public let offset: Int
        public let message: String
        public var description: String { "\(message) at byte \(offset)" }
    }

    private let handle: iconv_t
    private var carry: [UInt8] = []
    private var consumed = 0
    private let from: String

    public init(from: String, to: String) throws(Failure) {
        let h = iconv_open(to, from)
        guard let h, h != iconv_t(bitPattern: -1) else {
            throw Failure(offset: 0, message: "this system cannot convert \(from) to \(to)")
        }
        handle = h
        self.from = from
    }

    deinit { iconv_close(handle) }

    /// Converts one chunk; with `final`, an incomplete character left at the end is an error.
    public func convert(_ chunk: some Collection<UInt8>, final: Bool = false) throws(Failure) -> [UInt8] {
        var input = carry
        input.append(contentsOf: chunk)
        carry.removeAll(keepingCapacity: true)
        // CP932 to UTF-8 grows at most threefold (a half-width katakana byte becomes 3 bytes);
        // the other direction shrinks, so one allocation is always enough.
        var output = [UInt8](repeating: 0, count: input.count * 3 + 16)
        var produced = 0
        var inputLeft = input.count
        let result: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                let r = iconv(handle, &inPtr, &inputLeft, &outPtr, &outLeft)
                produced = outBuf.count - outLeft
                return r == -1 ? errno : 0
            }
        }
        let done = input.count - inputLeft
        output.removeSubrange(produced...)
        if result == EINVAL && !final {
            carry = Array(input[done...])
        } else if result != 0 || (final && inputLeft > 0) {
            throw Failure(offset: consumed + done, message: "bytes that are not valid \(from)")
        }
        consumed += done
        return output
    }

    /// Converts a whole string's UTF-8 to `to` in one call (for writing small files and tests).
    public static func encode(_ text: String, to encoding: String) throws(Failure) -> [UInt8] {
        try Transcoder(from: "UTF-8", to: encoding).convert(Array(text.utf8), final: true)
    }
}
