import Foundation
import HTTPTypes
import KyoseiDomain
import KyoseiServices

/// The one shape every error takes on the wire (RFC 9457 problem details), with Kyosei's error
/// kind and the exit code the CLI turns it into, so a refusal reads the same from any transport
/// and any layer (routing, body limits, decoding, the services).
public struct Problem: Error, Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case usage, validation, notFound = "not_found", conflict, refused, dataRefused = "data_refused", internalFailure = "internal"

        public var exitCode: Int32 {
            switch self {
            case .usage, .validation, .notFound, .conflict: 1
            case .refused: 2
            case .dataRefused: 3
            case .internalFailure: 4
            }
        }

        var title: String {
            switch self {
            case .usage: "Usage error"
            case .validation: "Invalid value"
            case .notFound: "Not found"
            case .conflict: "Conflict"
            case .refused: "Refused"
            case .dataRefused: "Data refused"
            case .internalFailure: "Internal error"
            }
        }
    }

    public let type: String
    public let title: String
    public let status: Int
    public let detail: String
    public let kind: Kind
    public let exitCode: Int32

    enum CodingKeys: String, CodingKey {
        case type, title, status, detail, kind
        case exitCode = "exit_code"
    }

    public init(_ kind: Kind, status: HTTPResponse.Status, detail: String) {
        self.type = "https://kyosei.invalid/problems/" + kind.rawValue.replacingOccurrences(of: "_", with: "-")
        self.title = kind.title
        self.status = status.code
        self.detail = detail
        self.kind = kind
        self.exitCode = kind.exitCode
    }

    /// The problem a service error stands for.
    public init(_ error: ServiceError) {
        switch error {
        case .invalid: self.init(.validation, status: .badRequest, detail: error.description)
        case .notFound: self.init(.notFound, status: .notFound, detail: error.description)
        case .usage: self.init(.usage, status: .badRequest, detail: error.description)
        case .conflict: self.init(.conflict, status: .conflict, detail: error.description)
        case .refused: self.init(.refused, status: .forbidden, detail: error.description)
        case .dataRefused: self.init(.dataRefused, status: .unprocessableContent, detail: error.description)
        case .internalFailure: self.init(.internalFailure, status: .internalServerError, detail: error.description)
        }
    }

    /// The service error a problem stands for, so the CLI prints and exits as it always has.
    public var serviceError: ServiceError {
        switch kind {
        case .usage, .validation: .usage(detail)
        case .notFound: .notFound(detail)
        case .conflict: .conflict(detail)
        case .refused: .refused(detail)
        case .dataRefused: .dataRefused(detail)
        case .internalFailure: .internalFailure(detail)
        }
    }

    static let mediaType = "application/problem+json"

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }
}
