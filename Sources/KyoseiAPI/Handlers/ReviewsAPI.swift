import Foundation
import KyoseiDomain
import KyoseiIdentity
import KyoseiServices
import KyoseiStore

extension APIHandler {
    func listReviews(_ input: Operations.ListReviews.Input) async throws -> Operations.ListReviews.Output {
        let q = input.query
        let source = try q.source.map { try ReviewSource(option: $0.rawValue) }
        let decided = q.decided ?? false
        let limit = try Self.limit(q.limit, default: 500)
        let reviews = try await work { context, staff in
            try IdentityReviewDesk(context: context).list(source: source, decided: decided, limit: limit, by: staff)
        }
        return .ok(.init(body: .json(reviews.map(Components.Schemas.Review.init))))
    }

    func showReview(_ input: Operations.ShowReview.Input) async throws -> Operations.ShowReview.Output {
        let id = try ReviewID(input.path.id)
        let detail = try await work { context, staff in try IdentityReviewDesk(context: context).show(id, by: staff) }
        return .ok(.init(body: .json(.init(
            review: .init(detail.review), incoming: .init(detail.incoming),
            candidates: detail.candidates.map {
                .init(person: .init($0.person), total: $0.comparison?.total, fields: $0.comparison.map(Self.fields) ?? [],
                      otherLinks: $0.otherLinks)
            },
            parameters: detail.parameters))))
    }

    func linkReview(_ input: Operations.LinkReview.Input) async throws -> Operations.LinkReview.Output {
        let id = try ReviewID(input.path.id)
        guard case .json(let body) = input.body else { throw ServiceError.usage("A link needs a JSON body.") }
        let ref = try ResidentRef(body.resident)
        let review = try await work { context, staff in
            try IdentityReviewDesk(context: context).link(id, resident: ref, note: body.note, by: staff)
        }
        return .ok(.init(body: .json(.init(review))))
    }

    func rejectReview(_ input: Operations.RejectReview.Input) async throws -> Operations.RejectReview.Output {
        let id = try ReviewID(input.path.id)
        guard case .json(let body) = input.body else { throw ServiceError.usage("A rejection needs a JSON body.") }
        let review = try await work { context, staff in
            try IdentityReviewDesk(context: context).reject(id, note: body.note, by: staff)
        }
        return .ok(.init(body: .json(.init(review))))
    }

    func linkInsuranceMember(_ input: Operations.LinkInsuranceMember.Input) async throws -> Operations.LinkInsuranceMember.Output {
        let member = input.path.id
        guard case .json(let body) = input.body else { throw ServiceError.usage("A link needs a JSON body.") }
        let ref = try ResidentRef(body.resident)
        let review = try await work { context, staff in
            try IdentityReviewDesk(context: context).linkMember(member, resident: ref, note: body.note, by: staff)
        }
        return .ok(.init(body: .json(.init(review: review.map(Components.Schemas.Review.init)))))
    }

    /// Each field's level and weight, the name broken down by part.
    private static func fields(_ c: CandidateComparison) -> [Components.Schemas.ReviewFieldWeight] {
        func sign(_ x: Double) -> String { (x >= 0 ? "+" : "") + String(format: "%.1f", x) }
        let parts = c.names.map { "\($0.query ?? "-")~\($0.resident ?? "-") \(sign($0.weight))" }.joined(separator: ", ")
        return [
            .init(field: .name, level: "\(c.vector.name)", weight: c.nameWeight, parts: parts),
            .init(field: .birthDate, level: "\(c.vector.birthDate)", weight: c.birthDateWeight),
            .init(field: .sex, level: "\(c.vector.sex)", weight: c.sexWeight),
            .init(field: .card, level: "\(c.vector.card)", weight: c.cardWeight),
            .init(field: .nationality, level: "\(c.vector.nationality)", weight: c.nationalityWeight),
        ]
    }
}

extension Components.Schemas.Review {
    init(_ r: IdentityReviewRecord) {
        self.init(
            id: r.reviewID.map(String.init(describing:)) ?? "", source: .init(rawValue: r.source.rawValue.lowercased())!,
            state: .init(rawValue: r.state.rawValue)!, resident: "K\(r.residentID)", candidates: r.candidates.map { "K\($0)" },
            reason: r.reason, sourceRef: r.sourceRef, createdAt: r.createdAt,
            subject: r.subjectEntity.map { "\($0):\(r.subjectID ?? "")" },
            decision: r.decision.flatMap { .init(rawValue: $0.rawValue) }, linkedResident: r.linkedResidentID.map { "K\($0)" },
            decidedBy: r.decidedBy, decidedAt: r.decidedAt, decisionNote: r.decisionNote)
    }
}

extension Components.Schemas.ReviewPerson {
    init(_ p: ReviewPerson) {
        self.init(label: p.label, nameLatin: p.person.nameLatin, nameKana: p.person.nameKana, birthDate: p.person.birthDate.description,
                  sex: p.person.sex.rawValue, nationality: p.person.nationality?.rawValue, cardNumber: p.person.cardNumber?.rawValue)
    }
}
