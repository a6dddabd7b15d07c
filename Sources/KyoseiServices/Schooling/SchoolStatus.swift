/// A person's schooling: their classification if they are of compulsory age, every roster row
/// linked to them, and the latest staff confirmation with its note.
public struct SchoolStatus: Sendable, Encodable {
    public var reference: String
    public var nameLatin: String
    public var child: ChildSchooling?
    public var terms: [SchoolTermEntry]
    public var lastConfirmation: String?

    enum CodingKeys: String, CodingKey {
        case reference = "resident"
        case nameLatin = "name_latin"
        case child, terms
        case lastConfirmation = "last_confirmation"
    }
}
