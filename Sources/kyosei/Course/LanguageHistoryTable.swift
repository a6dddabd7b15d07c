import KyoseiServices

/// Seats with their attendance and levels, as staff read them: one course's people, or one
/// person's courses.
enum LanguageHistoryTable {
    static func print(_ results: [CourseResult], courseColumns: Bool) {
        let head = (courseColumns ? ["Course", "Kind", "Level", "Term"] : ["Person"])
            + ["State", "Asked", "Seated", "Attended", "Completed", "Placement", "Exit"]
        Output.table(head, results.map { r in
            (courseColumns ? ["\(r.courseID)", r.kind.rawValue, r.level.rawValue, "\(r.startsOn) to \(r.endsOn)"] : [r.person])
                + [r.state, "\(r.requestedOn)", r.seatedOn.map(\.description) ?? "-", "\(r.attended)/\(r.sessions)",
                   r.completed ? "yes" : "no", r.placement?.rawValue ?? "-", r.exit?.rawValue ?? "-"]
        })
    }
}
