import KyoseiReports

extension CaseStats {
    /// The figures as they may go to staff who do not work cases (analysts): through the one
    /// suppression step, as a report leaves the city. Types, teams and assignees each add up to
    /// the open cases, so each cut is withheld as one table with that total; a week stands
    /// alone, as do the overdue cases; the median age of fewer cases than the minimum is
    /// withheld with them. A count of 3 cases of one type in one team is a few people's story.
    func withheld(minimum: Int) -> CaseStats {
        var out = self
        let cuts = [openByType, openByTeam, openByAssignee].map { Self.withheld($0, total: open, minimum: minimum) }
        (out.openByType, out.openByTeam, out.openByAssignee) = (cuts[0].groups, cuts[1].groups, cuts[2].groups)
        out.open = cuts.allSatisfy { $0.total != nil } ? open : nil
        out.overdue = Self.withheld(["overdue": overdue], total: overdue, minimum: minimum).total
        if out.open == nil || (open ?? 0) < minimum { out.medianAgeDays = nil }
        out.openedPerWeek = openedPerWeek.mapValues { Self.withheld(["week": $0], total: $0, minimum: minimum).total }
        out.resolvedPerWeek = resolvedPerWeek.mapValues { Self.withheld(["week": $0], total: $0, minimum: minimum).total }
        return out
    }

    /// One cut of the open cases as a one-column table, withheld by `Suppression`.
    private static func withheld(_ groups: [String: Int?], total: Int?, minimum: Int) -> (groups: [String: Int?], total: Int?) {
        let labels = groups.keys.sorted()
        let hidden = Suppression.withheld(
            rows: labels.map { [groups[$0]!] }, totals: [total], columns: [ReportColumn("cases", .count(0), block: 0)],
            minimum: minimum)
        let kept = Dictionary(uniqueKeysWithValues: labels.indices.map { i in
            (labels[i], hidden.rows[i].isEmpty ? groups[labels[i]]! : nil)
        })
        return (kept, hidden.total.isEmpty ? total : nil)
    }
}
