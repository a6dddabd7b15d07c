import Foundation
import KyoseiServices

/// The morning summary as staff read it in the nightly log (and `kyosei demo` prints it after
/// each night): what changed, what was refused, the new cases by type and team, each file's line.
enum MorningSummary {
    static func print(_ s: NightSummary) {
        Swift.print("MORNING SUMMARY" + (s.newCases.map { " (cases opened since \($0.since))" } ?? ""))
        for (step, error) in s.failed.sorted(by: { $0.key < $1.key }) {
            Swift.print(Output.alert("The \(step) step failed: \(error)"))
        }
        Swift.print("\nWhat changed:")
        let c = s.changes
        func n(_ kind: String, _ key: String) -> Int { c[kind]?[key] ?? 0 }
        Output.table(["INBOX", "FILES", "ROWS", "REJECTED", "WHAT THEY DID"], [
            ["register", String(n("register", "files")), String(n("register", "rows")), String(n("register", "rejected")),
             "\(n("register", "added")) added, \(n("register", "changed")) changed, \(n("register", "left")) left the register, "
                + "\(n("register", "walk_ins_linked")) walk-ins linked, \(n("register", "identity_reviews")) identity reviews"],
            ["insurance", String(n("insurance", "files")), String(n("insurance", "rows")), String(n("insurance", "rejected")),
             "\(n("insurance", "matched")) matched, \(n("insurance", "known")) known, \(n("insurance", "review")) to review, "
                + "\(n("insurance", "unmatched")) not residents, \(n("insurance", "ended")) enrollments ended"],
            ["school", String(n("school", "files")), String(n("school", "rows")), String(n("school", "rejected")),
             "\(n("school", "matched")) matched, \(n("school", "known")) known, \(n("school", "review")) to review, "
                + "\(n("school", "unmatched")) not residents"],
            ["employment", String(n("employment", "files")), String(n("employment", "rows")), String(n("employment", "rejected")),
             "\(n("employment", "linked")) linked, \(n("employment", "review")) to review, \(n("employment", "unlinked")) unknown cards, "
                + "\(n("employment", "duplicates")) already on record, \(n("employment", "episodes_opened")) episodes opened, "
                + "\(n("employment", "episodes_closed")) closed"],
        ])
        let refused = s.refused
        Swift.print("\nRefused or held (\(refused.count); each stays in its inbox):")
        for file in refused {
            Swift.print("  \(Output.alert("\(file.kind)/\(file.file)")) \(file.outcome == .held ? "HELD" : "REFUSED"): \(file.reason)")
        }

        if let new = s.newCases {
            Swift.print("\nNew cases: \(new.total)")
            if new.total > 0 {
                let teams = new.byTeam.keys.sorted()
                var cells: [String: Int] = [:]
                for cell in new.byTypeAndTeam { cells["\(cell.type)|\(cell.team)"] = cell.count }
                Output.table(["TYPE"] + teams.map { $0.uppercased() } + ["TOTAL"], new.byType.keys.sorted().map { type in
                    [type] + teams.map { String(cells["\(type)|\($0)"] ?? 0) } + [String(new.byType[type] ?? 0)]
                } + [["TOTAL"] + teams.map { String(new.byTeam[$0] ?? 0) } + [String(new.total)]])
            }
        }

        Swift.print("\nEach file:")
        let lines = s.register.map(SyncCommand.line) + s.insurance.map(ImportInsurance.line) + s.school.map(ImportSchool.line)
            + s.employment.map(ImportEmployment.line)
        Swift.print(lines.isEmpty ? "  none waiting" : lines.map { "  " + $0 }.joined(separator: "\n"))
        Swift.print("\nRules: " + s.rules.map { "\($0.rule) +\($0.raised)" + ($0.autoResolved > 0 ? " -\($0.autoResolved)" : "") }
            .joined(separator: ", "))
        Swift.print("Time: " + ["register", "insurance", "school", "employment", "rules", "new cases"].compactMap { step in
            s.seconds[step].map { "\(step) \(String(format: "%.1f", $0)) s" }
        }.joined(separator: ", "))
    }
}
