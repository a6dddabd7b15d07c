import GRDB
import KyoseiDomain
import KyoseiIdentity

/// The one identity resolver: every source that names people (register walk-ins, insurance and
/// school rosters, employment notifications) asks it who an incoming person is, with its own
/// policy (`IdentityPolicy`), and gets one kind of answer (`Resolution`): a link, a question
/// for a person (written by `IdentityReviewWriter`), or nobody. Whatever the policy, a card
/// number that differs from the resident's never links on its own.
struct IdentityResolver {
    let policy: IdentityPolicy
    /// Every resident, indexed for the scored policy; nil for the others, which look up the database.
    private var index: IdentityIndex?
    /// The weights the scored policy decides with, once learned from the file (`learn`).
    private(set) var parameters: MatchParameters?

    private init(policy: IdentityPolicy, index: IdentityIndex?) {
        self.policy = policy
        self.index = index
    }

    static let strict = IdentityResolver(policy: .strict, index: nil)
    static let cardFirst = IdentityResolver(policy: .cardFirst, index: nil)

    static func scored(_ index: IdentityIndex) -> IdentityResolver { IdentityResolver(policy: .scored, index: index) }

    /// The resolver a policy uses, with the scored policy's index loaded from the residents.
    static func loading(_ policy: IdentityPolicy, in db: Database) throws -> IdentityResolver {
        switch policy {
        case .strict: strict
        case .cardFirst: cardFirst
        case .scored: scored(try ResidentIdentityIndex.load(in: db).0)
        }
    }

    /// Estimates the scored policy's weights from the people of this file (hand-set weights
    /// where the file is too small to say); the other policies weigh nothing.
    mutating func learn(from people: [IncomingPerson]) {
        parameters = index.map { $0.estimate(people.map(\.query)) } ?? .handSet
    }

    /// Lets the scored policy's index go once a file's people are all resolved (nothing may be
    /// resolved after): at a million residents it is the largest part of an import's memory,
    /// and held through the file's audit and commit it put their allocations on top of it.
    mutating func letGoOfResidents() { index = nil }

    func resolve(_ person: IncomingPerson, in db: Database) throws -> Resolution {
        switch policy {
        case .strict: try IdentityLink.find(for: person, in: db)
        case .cardFirst: try CardHolder.resolve(person, in: db)
        case .scored: Resolution(index!.match(person.query, using: parameters ?? .handSet))
        }
    }

    /// The scored policy for many people at once, on every core, answers in their order; nil for
    /// the other policies, which look each person up in the database. It needs no connection,
    /// so an import can resolve a batch on other threads while its own writes the one before.
    /// `explaining`: the caller will explain every resolution (a match report).
    func scoreAll(_ people: [IncomingPerson], explaining: Bool = false) -> [Resolution]? {
        guard policy == .scored, let index else { return nil }
        return index.matchAll(people.map(\.query), using: parameters ?? .handSet, explaining: explaining).map(Resolution.init)
    }
}
