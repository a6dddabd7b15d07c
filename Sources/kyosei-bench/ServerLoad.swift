import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore

/// Staff reading through `kyosei serve`, as many at once as a city's counters: Debian's `wrk`
/// cannot reach a Unix socket, so the load comes from here. Run by `Scripts/bench-server.sh`.
/// Every request is timed to its last body byte, since a reply is not served until the caller
/// has all of it; the run stops by itself at its deadline or its request budget, whichever is
/// first, so a stalled server cannot hang a benchmark.
struct ServerLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Concurrent `resident find`, `resident show` and `case list` over the server's Unix socket: throughput, latency percentiles, every error.")

    @Option(help: "The server's socket.") var socket: String
    @Option(help: "Clients, each with a connection of its own, sending one request after another.") var clients = 32
    @Option(help: "Stop sending after this many seconds.") var seconds = 30.0
    @Option(help: "Stop sending after this many requests in all.") var requests = 1_000_000
    @Option(help: "Stop sending once this file exists (the end of what the load runs beside).") var stopFile: String?
    @Option(help: "A file of surnames to find, one a line.") var names: String
    @Option(help: "A file of resident ids (the number of a K number), one a line.") var ids: String
    @Option(help: "The `limit` of each find.") var findLimit = 20
    @Option(help: "The `limit` of each case list.") var caseLimit = 200
    @Option(help: "Seconds one request may take before it counts as an error.") var timeout: Int64 = 30
    @Option(help: "A name for this run in the summary and the JSON.") var label = "load"
    @Option(help: "Write the figures as JSON to this file.") var json: String?

    func validate() throws {
        guard clients > 0, seconds > 0, requests > 0, timeout > 0 else {
            throw ValidationError("--clients, --seconds, --requests and --timeout must be positive.")
        }
    }

    func run() async throws {
        let surnames = try Self.lines(of: names)
        let residentIDs = try Self.lines(of: ids)
        guard !surnames.isEmpty, !residentIDs.isEmpty else { throw ValidationError("--names and --ids must not be empty.") }

        // One pool of `clients` connections: with the soft limit at the client count, no client
        // waits for another's connection, which would show as the server's latency.
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: clients)
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(timeout))
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)

        let plan = Plan(socket: socket, surnames: surnames, residentIDs: residentIDs, findLimit: findLimit,
                        caseLimit: caseLimit, timeout: .seconds(timeout), stopFile: stopFile)
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start.advanced(by: .milliseconds(Int64(seconds * 1000)))
        let budget = requests / clients
        let extra = requests % clients
        var samples: [Sample] = []
        await withTaskGroup(of: [Sample].self) { group in
            for client in 0..<clients {
                let count = budget + (client < extra ? 1 : 0)
                group.addTask { await plan.loop(client: client, count: count, until: deadline, with: http, clock: clock) }
            }
            for await part in group { samples += part }
        }
        let elapsed = Self.seconds(clock.now - start)
        try await http.shutdown()

        let report = Report(label: label, socket: socket, clients: clients, seconds: elapsed, samples: samples)
        print(report.summary)
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            try encoder.encode(report).write(to: URL(fileURLWithPath: json))
        }
    }

    static func lines(of path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// The three everyday reads, named as the CLI names them.
enum Operation: String, Codable, CaseIterable, Sendable {
    case residentFind = "resident find"
    case residentShow = "resident show"
    case caseList = "case list"
}

/// One request's outcome; `error` is nil only for a 2xx reply read to its end.
struct Sample: Sendable {
    let operation: Operation
    let milliseconds: Double
    let error: String?
}

/// What every client asks for; each client starts at its own place in the lists so that the
/// clients do not all ask the same thing at the same moment (which SQLite's cache would flatter).
struct Plan: Sendable {
    let socket: String
    let surnames: [String]
    let residentIDs: [String]
    let findLimit: Int
    let caseLimit: Int
    let timeout: TimeAmount
    let stopFile: String?

    func loop(client: Int, count: Int, until deadline: ContinuousClock.Instant, with http: HTTPClient,
              clock: ContinuousClock) async -> [Sample] {
        var samples: [Sample] = []
        samples.reserveCapacity(min(count, 100_000))
        var i = 0
        while i < count, clock.now < deadline, !stopped {
            let operation = Operation.allCases[(i + client) % Operation.allCases.count]
            let uri: String
            switch operation {
            case .residentFind:
                let name = surnames[(i + client * 37) % surnames.count]
                uri = "/v1/residents/search?q=\(Self.queryEscaped(name))&limit=\(findLimit)"
            case .residentShow:
                uri = "/v1/residents/K\(residentIDs[(i + client * 41) % residentIDs.count])"
            case .caseList:
                uri = "/v1/cases?limit=\(caseLimit)"
            }
            let start = clock.now
            let error = await request(uri, with: http)
            let milliseconds = ServerLoad.seconds(clock.now - start) * 1000
            samples.append(Sample(operation: operation, milliseconds: milliseconds, error: error.map { "\(operation.rawValue) \(uri): \($0)" }))
            i += 1
        }
        return samples
    }

    private var stopped: Bool {
        stopFile.map { FileManager.default.fileExists(atPath: $0) } ?? false
    }

    /// Nil when the server answered 2xx and the whole body arrived; else what went wrong, with
    /// the start of the body (a problem-details document says why).
    private func request(_ uri: String, with http: HTTPClient) async -> String? {
        guard let url = URL(httpURLWithSocketPath: socket, uri: uri) else { return "cannot make a URL" }
        do {
            let response = try await http.execute(HTTPClientRequest(url: url.absoluteString), timeout: timeout)
            let body = try await response.body.collect(upTo: 64 << 20)
            guard (200..<300).contains(response.status.code) else {
                return "HTTP \(response.status.code): \(String(buffer: body).prefix(300))"
            }
            return nil
        } catch {
            return "transport: \(error)"
        }
    }

    static func queryEscaped(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&+=?#")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// The figures of one run, overall and per operation, as JSON and as lines for a person.
struct Report: Encodable {
    struct Latency: Encodable {
        let requests: Int
        let errors: Int
        let p50Ms: Double
        let p99Ms: Double
        let maxMs: Double

        /// Percentiles by nearest rank over every request, failed ones included: an error that
        /// took 30 s is the latency a member of staff saw.
        init(_ samples: [Sample]) {
            let sorted = samples.map(\.milliseconds).sorted()
            func rank(_ p: Double) -> Double {
                sorted.isEmpty ? 0 : sorted[max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
            }
            requests = samples.count
            errors = samples.filter { $0.error != nil }.count
            p50Ms = rank(0.50)
            p99Ms = rank(0.99)
            maxMs = sorted.last ?? 0
        }
    }

    let label: String
    let socket: String
    let clients: Int
    let seconds: Double
    let requests: Int
    let succeeded: Int
    let succeededByOperation: [String: Int]
    let throughputPerSecond: Double
    let overall: Latency
    let operations: [String: Latency]
    let errors: [String]

    init(label: String, socket: String, clients: Int, seconds: Double, samples: [Sample]) {
        self.label = label
        self.socket = socket
        self.clients = clients
        self.seconds = seconds
        requests = samples.count
        succeeded = samples.filter { $0.error == nil }.count
        throughputPerSecond = seconds > 0 ? Double(samples.count) / seconds : 0
        overall = Latency(samples)
        var operations: [String: Latency] = [:]
        var succeededByOperation: [String: Int] = [:]
        for operation in Operation.allCases {
            let mine = samples.filter { $0.operation == operation }
            operations[operation.rawValue] = Latency(mine)
            succeededByOperation[operation.rawValue] = mine.filter { $0.error == nil }.count
        }
        self.operations = operations
        self.succeededByOperation = succeededByOperation
        errors = samples.compactMap(\.error)
    }

    var summary: String {
        func line(_ name: String, _ latency: Latency) -> String {
            "  " + name.padding(toLength: 14, withPad: " ", startingAt: 0)
                + String(format: " %7d requests  %4d errors   p50 %7.1f ms   p99 %7.1f ms   max %7.1f ms",
                         latency.requests, latency.errors, latency.p50Ms, latency.p99Ms, latency.maxMs)
        }
        var lines = [String(format: "%@: %d clients, %d requests in %.1f s, %.0f req/s, %d errors",
                            label as NSString, clients, requests, seconds, throughputPerSecond, errors.count)]
        lines.append(line("all", overall))
        for operation in Operation.allCases { lines.append(line(operation.rawValue, operations[operation.rawValue]!)) }
        // Every error is accounted for: identical messages once, with how many times they came.
        var counts: [String: Int] = [:]
        var order: [String] = []
        for error in errors {
            if counts[error] == nil { order.append(error) }
            counts[error, default: 0] += 1
        }
        for error in order { lines.append("  error \(counts[error]!)x: \(error)") }
        return lines.joined(separator: "\n")
    }
}
