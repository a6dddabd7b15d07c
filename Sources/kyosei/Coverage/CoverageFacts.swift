import ArgumentParser
import KyoseiAPI
import KyoseiDomain
import KyoseiServices

/// `coverage facts`: what staff recorded for the insurance rules, and changing it. The partner
/// files carry none of it, so a rule that needs a fact reads it from here.
struct CoverageFacts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts", abstract: "Show or record a person's designation, public assistance and student standing.",
        discussion: """
            With no change, shows what is recorded (and the certificates of coverage). A change needs \
            --reason, is audited and kept in the person's history. --designation none clears a \
            designation; --student presumed goes back to presuming from the status of residence \
            (a STUDENT studies full-time).
            Example:
              kyosei coverage facts K12
              kyosei coverage facts K12 --designation long-stay-tourism --reason "designation paper seen at the counter"
              kyosei coverage facts K15 --public-assistance yes --reason "welfare office list 2026-11"
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "K<number>, person id or card number.") var person: String
    @Option(help: "working-holiday, medical-stay, medical-stay-companion, long-stay-tourism, long-stay-tourism-companion, expo-2027-participant, other or none.")
    var designation: String?
    @Option(help: "yes or no: the household receives public assistance.") var publicAssistance: String?
    @Option(help: "not-student, full-time, other-student or presumed.") var student: String?
    @Option(help: "Where the fact comes from (needed for a change).") var reason: String?

    func run() async throws {
        let ref = try ResidentRef(person).description
        typealias Body = Operations.RecordInsuranceFacts.Input.Body.JsonPayload
        let designation = try parsed(designation) { text in
            try Body.DesignationPayload(rawValue: text.uppercased().replacingOccurrences(of: "-", with: "_")).orThrow(
                ValidationError(field: "designation", value: text, reason: "must be one of " + Body.DesignationPayload.allCases.map {
                    $0.rawValue.lowercased().replacingOccurrences(of: "_", with: "-")
                }.joined(separator: ", ")))
        }
        let assistance = try parsed(publicAssistance) { text -> Bool in
            switch text.lowercased() {
            case "yes", "y": return true
            case "no", "n": return false
            default: throw ValidationError(field: "public assistance", value: text, reason: "must be yes or no")
            }
        }
        let student = try parsed(student) { text in
            try Body.StudentStandingPayload(rawValue: text.uppercased().replacingOccurrences(of: "-", with: "_")).orThrow(
                ValidationError(field: "student", value: text, reason: "must be not-student, full-time, other-student or presumed"))
        }
        let changes = designation != nil || assistance != nil || student != nil
        if changes && (reason ?? "").isEmpty { throw ServiceError.usage("A change needs --reason: where the fact comes from.") }
        let facts = try await APIConnection.call(global) { api in
            guard changes else { return try await api.showInsuranceFacts(path: .init(ref: ref)).ok.body.json }
            return try await api.recordInsuranceFacts(
                path: .init(ref: ref),
                body: .json(.init(designation: designation, publicAssistance: assistance, studentStanding: student, reason: reason!))).ok.body.json
        }
        try Self.print(facts, json: output.json)
    }

    static func print(_ facts: Components.Schemas.InsuranceFacts, json: Bool) throws {
        if json {
            try Output.json(facts)
            return
        }
        Output.fields([
            ("Person", "\(facts.resident.reference) \(facts.resident.nameLatin)"),
            ("Designation", facts.designation ?? "none recorded"),
            ("Public assistance", facts.publicAssistance ? "yes" : "no"),
            ("Student standing", facts.studentStanding ?? "presumed from the status"),
            ("Recorded", facts.updatedBy.map { "by \($0) at \(facts.updatedAt ?? "")" } ?? ""),
        ])
        if !facts.certificates.isEmpty {
            Swift.print("")
            Output.table(["ID", "CERTIFICATE", "FROM", "UNTIL", "RECORDED BY", "WITHDRAWN"], facts.certificates.map { c in
                [String(c.id), c.country, c.from, c.until, c.recordedBy, c.withdrawnAt.map { "\($0) by \(c.withdrawnBy ?? "")" } ?? ""]
            })
        }
    }
}

extension Optional {
    /// The value, or `error` thrown: for parsing an option into a code.
    func orThrow(_ error: @autoclosure () -> any Error) throws -> Wrapped {
        guard let self else { throw error() }
        return self
    }
}
