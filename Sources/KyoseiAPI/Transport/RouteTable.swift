import HTTPTypes

/// The API's operations by method and path template (`/v1/cases/{id}`), for the two things a
/// router alone does not say: which registered path a request's path is, and so whether a
/// method it does not take deserves 405 (with the methods it does take) rather than 404.
struct RouteTable<Handler: Sendable>: Sendable {
    private struct Route: Sendable {
        let method: HTTPRequest.Method
        let components: [Substring]
        let handler: Handler
    }

    private var routes: [Route] = []

    mutating func add(_ method: HTTPRequest.Method, _ template: String, _ handler: Handler) {
        routes.append(Route(method: method, components: template.split(separator: "/"), handler: handler))
    }

    enum Match {
        case found(Handler, parameters: [String: Substring])
        case methodNotAllowed(allowed: [HTTPRequest.Method])
        case notFound
    }

    func match(_ method: HTTPRequest.Method, _ path: String) -> Match {
        let components = path.split(separator: "/")
        var allowed: [HTTPRequest.Method] = []
        for route in routes where route.components.count == components.count {
            var parameters: [String: Substring] = [:]
            var matched = true
            for (pattern, value) in zip(route.components, components) {
                if pattern.hasPrefix("{") && pattern.hasSuffix("}") {
                    parameters[String(pattern.dropFirst().dropLast())] = value
                } else if pattern != value {
                    matched = false
                    break
                }
            }
            guard matched else { continue }
            if route.method == method { return .found(route.handler, parameters: parameters) }
            allowed.append(route.method)
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }
}

extension Problem {
    static func notFound(_ method: HTTPRequest.Method, _ path: String) -> Problem {
        Problem(.notFound, status: .notFound, detail: "No operation \(method) \(path).")
    }

    static func methodNotAllowed(_ method: HTTPRequest.Method, _ path: String, allowed: [HTTPRequest.Method]) -> Problem {
        Problem(.usage, status: .methodNotAllowed,
                detail: "\(path) takes \(allowed.map(\.rawValue).joined(separator: ", ")), not \(method).")
    }
}
