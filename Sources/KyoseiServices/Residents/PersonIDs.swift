/// Person ids by Kyosei id for the match report. Kyosei ids are dense row ids and an 11-digit
/// person id fits Swift's inline small string, so an array costs 16 bytes a resident where a
/// dictionary costs several times that per entry.
struct PersonIDs {
    private var ids: [String?] = []

    mutating func set(_ personID: String, for id: Int64) {
        let index = Int(id)
        if index >= ids.count { ids.append(contentsOf: repeatElement(nil, count: index - ids.count + 1)) }
        ids[index] = personID
    }

    subscript(id: Int64) -> String? { Int(id) < ids.count && id >= 0 ? ids[Int(id)] : nil }
}
