/// One part of a resident's name as the index keeps it: the numbers of its phonetic key and,
/// for a surname that carries particles, of the joined spelling, for a name the pronouncing
/// table knows, of its sound, and of the set of its other readings (`KeyTable.alternateSets`).
struct StoredPart: Sendable {
    static let none = UInt32.max

    let key: UInt32
    let joined: UInt32
    let spoken: UInt32
    var alternates: UInt32 = 0
}
