import ArgumentParser
import KyoseiAPI

struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The identity review desk: people a file named whom Kyosei could not recognise alone.",
        discussion: """
            Every source that names people (register walk-ins, insurance and school rosters, employment \
            notifications) sends what its resolver could not decide here, as R<number>: the same id the \
            match report, `sync attention` and the IDENTITY_REVIEW case print. Clerks may list and show; \
            caseworkers, supervisors and administrators decide. A decision updates the source's link (the \
            next file keeps it), resolves the case and is audited.
            Exit codes: 0 done, 1 usage, validation, not found or already decided, 2 refused (permission), 4 internal.
            """,
        subcommands: [ReviewList.self, ReviewShow.self, ReviewLink.self, ReviewReject.self])

    /// One line for a review as the API answered with it.
    static func line(_ r: Components.Schemas.Review) -> [String] {
        [r.id, r.source.rawValue, r.state.rawValue + (r.decision.map { " \($0.rawValue)" } ?? ""), r.resident,
         r.candidates.joined(separator: ","), r.reason, r.sourceRef]
    }

    static func printed(_ r: Components.Schemas.Review, json: Bool) throws {
        if json {
            try Output.json(r)
        } else {
            let what = r.decision?.rawValue == "LINKED" ? "linked to \(r.linkedResident ?? "?")" : "rejected (none of \(r.candidates.joined(separator: ",")))"
            print("Review \(r.id) (\(r.source.rawValue)) decided: \(what).")
        }
    }
}
