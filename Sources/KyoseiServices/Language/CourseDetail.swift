import KyoseiDomain

/// One course with its schedule, who holds a seat and who waits, in waitlist order.
public struct CourseDetail: Sendable, Equatable, Encodable {
    public var course: Course
    public var schedule: [CourseSession]
    /// Person keys (see `PersonKey`) in order of seating.
    public var enrolled: [String]
    /// Person keys in the order seats will be offered.
    public var waitlist: [String]

    enum CodingKeys: String, CodingKey { case schedule, enrolled, waitlist }

    /// The course's own fields and the lists side by side in one JSON object.
    public func encode(to encoder: any Encoder) throws {
        try course.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schedule, forKey: .schedule)
        try container.encode(enrolled, forKey: .enrolled)
        try container.encode(waitlist, forKey: .waitlist)
    }
}
