/// One part of a resident's name as the index keeps it: the numbers of its phonetic key and,
/// for a surname that carries particles, of the joined spelling.
struct StoredPart: Sendable {
    static let none = UInt32.max

    let key: UInt32
    let joined: UInt32
}
