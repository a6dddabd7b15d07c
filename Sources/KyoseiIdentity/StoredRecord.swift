/// A resident in the index, 32 bytes: the name lives in the shared part list, the card as a
/// 64-bit hash, the birth date and sex as one blocking number.
struct StoredRecord: Sendable {
    let id: Int64
    let cardHash: UInt64
    var partsStart: UInt32
    /// Its number when it was added: the index keeps residents in block order, while ties go to
    /// the resident added first.
    let listed: UInt32
    let dateSex: Int32
    let latinParts: UInt8
    let kanaParts: UInt8
    let language: SpellingLanguage
}
