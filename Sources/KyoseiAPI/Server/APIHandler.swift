import KyoseiDomain
import KyoseiServices

/// The API's operations over the services: each decodes its input into domain values, calls
/// one service for the member of staff `CallerMiddleware` identified, on the database threads,
/// and maps the answer to the document's types. One extension per area, beside its part of
/// the document.
struct APIHandler: APIProtocol {
    let context: ServiceContext
    let threads: DatabaseThreads

    /// A limit within the bounds the document gives it, which the generated code leaves unchecked.
    static func limit(_ value: Int?, default fallback: Int, within range: ClosedRange<Int> = 1...100_000) throws -> Int {
        let limit = value ?? fallback
        guard range.contains(limit) else {
            throw ServiceError.invalid(ValidationError(
                field: "limit", value: String(limit), reason: "must be between \(range.lowerBound) and \(range.upperBound)"))
        }
        return limit
    }

    /// Runs a service call for the caller on the database threads.
    func work<T: Sendable>(_ call: @escaping @Sendable (ServiceContext, StaffMember) throws -> T) async throws -> T {
        let staff = try Caller.current()
        let context = context
        return try await threads.run { try call(context, staff) }
    }
}
