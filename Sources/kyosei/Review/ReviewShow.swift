import ArgumentParser
import Foundation
import KyoseiAPI
import KyoseiDomain

struct ReviewShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One review: the incoming person beside each candidate, field by field, with the weights.",
        discussion: """
            Each candidate's fields carry the level they agree at and the weight (log2 of the likelihood \
            ratio) the resolver gave them; the total is their sum. The candidates' other links say what \
            else already points at them.
            Example:
              kyosei review show R12
              kyosei review show R12 --json
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The review (R<number>).") var id: String

    func run() async throws {
        let review = try ReviewID(id).description
        let detail = try await APIConnection.call(global) { api in try await api.showReview(path: .init(id: review)).ok.body.json }
        if output.json {
            try Output.json(detail)
            return
        }
        let r = detail.review
        Output.fields([
            ("Review", "\(r.id) (\(r.source.rawValue))"), ("State", r.state.rawValue + (r.decision.map { " \($0.rawValue)" } ?? "")),
            ("Reason", r.reason), ("From", r.sourceRef), ("Raised", r.createdAt),
            ("Decided", r.decidedBy.map { "\($0) at \(r.decidedAt ?? "") \(r.decisionNote ?? "")" } ?? ""),
            ("Weights", detail.parameters ?? "compared now, set by hand"),
        ])
        let people = [detail.incoming] + detail.candidates.map(\.person)
        print("")
        Output.table(["FIELD", "INCOMING"] + detail.candidates.map(\.person.label), [
            ["label"] + people.map(\.label),
            ["name (Latin)"] + people.map { $0.nameLatin ?? "" },
            ["name (kana)"] + people.map { $0.nameKana ?? "" },
            ["birth date"] + people.map(\.birthDate),
            ["sex"] + people.map(\.sex),
            ["nationality"] + people.map { $0.nationality ?? "" },
            ["card"] + people.map { $0.cardNumber ?? "" },
        ])
        for candidate in detail.candidates {
            print("\n\(candidate.person.label): total \(candidate.total.map(Self.weight) ?? "not compared")")
            if !candidate.fields.isEmpty {
                Output.table(["FIELD", "LEVEL", "WEIGHT", "PARTS"], candidate.fields.map {
                    [$0.field.rawValue, $0.level, Self.weight($0.weight), $0.parts ?? ""]
                })
            }
            print("  other links: " + (candidate.otherLinks.isEmpty ? "none" : candidate.otherLinks.joined(separator: "; ")))
        }
    }

    private static func weight(_ x: Double) -> String { (x >= 0 ? "+" : "") + String(format: "%.1f", x) }
}
