import Foundation
import GRDB
import HTTPTypes
import KyoseiAPI
import KyoseiDomain
import KyoseiServices
import KyoseiTestSupport
import Logging
import OpenAPIRuntime

#if canImport(Glibc)
import Glibc
#endif

/// A city database in a temporary folder with the API in front of it, reached in-process as
/// the CLI reaches it when its user owns the database: the same handlers and middlewares as
/// the server's, with this process's uid as the caller.
struct APICity {
    let folder: URL
    let context: ServiceContext
    let transport = InProcessTransport()
    let client: Client
    let threads = DatabaseThreads(count: 4)

    static let municipality = try! MunicipalityCode("221309")
    static var ownLogin: String { ServiceContext.login(uid: geteuid())! }

    /// `founder` defaults to this process's login, who is then the caller of every request.
    init(founder: String = APICity.ownLogin, settings: Settings = Settings(municipalityCode: APICity.municipality)) throws {
        folder = try TestFolder.make("kyosei-api")
        context = try Startup.initialize(
            databasePath: folder.appendingPathComponent("kyosei.sqlite").path, settings: settings, founder: founder,
            displayName: nil, clock: .fixed(Date(timeIntervalSince1970: 1_795_000_000)), logger: Logger(label: "test"))
        try APIRoutes.register(on: transport, context: context, threads: threads, logger: Logger(label: "test"))
        client = Client(serverURL: URL(string: "http://localhost/v1")!, transport: transport)
    }

    var founder: StaffMember {
        get throws {
            try context.staffMember(login: try context.database.writer.read { db in
                try String.fetchOne(db, sql: "SELECT login FROM staff WHERE is_founder = 1")!
            })
        }
    }

    /// A request as any client could send it, bytes and all, answered by the API.
    func send(_ method: HTTPRequest.Method, _ path: String, json: String? = nil) async throws -> (status: Int, body: String) {
        var fields = HTTPFields()
        if json != nil { fields[.contentType] = "application/json" }
        let request = HTTPRequest(method: method, scheme: nil, authority: nil, path: path, headerFields: fields)
        let (response, body) = try await transport.send(
            request, body: json.map { HTTPBody($0) }, baseURL: URL(string: "http://localhost/v1")!, operationID: "test")
        var text = ""
        if let body { text = try await String(collecting: body, upTo: 1 << 20) }
        return (response.status.code, text)
    }

    func problem(_ body: String) throws -> Problem {
        try JSONDecoder().decode(Problem.self, from: Data(body.utf8))
    }
}
