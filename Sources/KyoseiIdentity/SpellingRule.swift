/// One rewrite of a Latin spelling toward how Japanese hears it, written compactly as
/// `PATTERN>REPLACEMENT` with context marks: `^` at the start of the word, `$` at its end, a
/// trailing `+` when a vowel follows, `-` when a consonant or the end follows, `~` when E, I
/// or Y follows, and a leading `*` when a vowel comes before.
struct SpellingRule: Sendable {
    let pattern: [UInt8]
    let replacement: [UInt8]
    let atStart: Bool
    let atEnd: Bool
    let afterVowel: Bool
    let follow: Follow

    enum Follow: Sendable {
        case any, vowel, consonantOrEnd, frontVowel
    }

    init(_ text: String) {
        let sides = text.split(separator: ">", omittingEmptySubsequences: false)
        var left = Substring(sides[0])
        atStart = left.hasPrefix("^")
        if atStart { left.removeFirst() }
        afterVowel = left.hasPrefix("*")
        if afterVowel { left.removeFirst() }
        var follow = Follow.any
        var atEnd = false
        switch left.last {
        case "$": atEnd = true; left.removeLast()
        case "+": follow = .vowel; left.removeLast()
        case "-": follow = .consonantOrEnd; left.removeLast()
        case "~": follow = .frontVowel; left.removeLast()
        default: break
        }
        self.atEnd = atEnd
        self.follow = follow
        pattern = Array(left.utf8)
        replacement = Array(sides[1].utf8)
    }

    func matches(_ word: [UInt8], at i: Int) -> Bool {
        if atStart, i != 0 { return false }
        let end = i + pattern.count
        guard end <= word.count else { return false }
        for k in 0..<pattern.count where word[i + k] != pattern[k] { return false }
        if afterVowel, i == 0 || !PhoneticKey.isVowel(word[i - 1]) { return false }
        if atEnd, end != word.count { return false }
        let next: UInt8? = end < word.count ? word[end] : nil
        switch follow {
        case .any: return true
        case .vowel: return next.map(PhoneticKey.isVowel) ?? false
        case .consonantOrEnd: return next.map { !PhoneticKey.isVowel($0) } ?? true
        case .frontVowel: return next == 0x45 || next == 0x49 || next == 0x59
        }
    }
}
