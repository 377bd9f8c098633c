import CrossreadCore
import PostgresNIO

/// Turns what postgres-nio throws into a `.store` error naming the redacted URL and the
/// operation, in words for the usual causes (wrong password, no server, missing database). A
/// `PSQLError`'s own description is deliberately vague, so the server's message is read from it.
enum PostgresFailure {
    static func storeError(_ error: any Error, location: PostgresLocation, operation: String) -> CrossreadError {
        if let error = error as? CrossreadError { return error }
        return CrossreadError(source: location.redacted, stage: .store,
                              reason: "could not \(operation): " + describe(error, location: location))
    }

    static func describe(_ error: any Error, location: PostgresLocation) -> String {
        guard let error = error as? PSQLError else { return describeConnection(error, location: location) }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? "the server refused the request"
            switch state {
            case "28P01", "28000":
                return "\(message) (check the user and password in the URL)"
            case "3D000":
                return "\(message) (create it first, e.g. `createdb \(location.database)`)"
            case "53300":
                return "\(message) (the server has no free connection slot)"
            default:
                var text = "\(message) (SQLSTATE \(state))"
                if let detail = error.serverInfo?[.detail] { text += ": \(detail)" }
                if let query = error.query?.sql {
                    let oneLine = query.split(whereSeparator: \.isNewline)
                        .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                    text += " (SQL: \(oneLine.count > 160 ? oneLine.prefix(160) + "…" : oneLine))"
                }
                return text
            }
        case .connectionError:
            return describeConnection(error.underlying ?? error, location: location)
        case .authMechanismRequiresPassword:
            return "the server asks for a password and the URL gives none"
        case .sslUnsupported:
            return "the server does not offer TLS (sslmode=require in the URL); use sslmode=prefer or disable"
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            if let underlying = error.underlying { return describeConnection(underlying, location: location) }
            return "\(location.host):\(location.port) closed the connection before answering (is PostgreSQL listening there?)"
        case .poolClosed:
            return "the library was already closed"
        default:
            return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
        }
    }

    private static func describeConnection(_ error: any Error, location: PostgresLocation) -> String {
        let text = String(describing: error)
        let place = "\(location.host):\(location.port)"
        if text.contains("connectTimeout") || text.contains("timeout") {
            return "no answer from \(place) in time (is the server running, and the host and port right?)"
        }
        if text.localizedCaseInsensitiveContains("refused") {
            return "connection refused by \(place) (is PostgreSQL running there?)"
        }
        if text.localizedCaseInsensitiveContains("resolve") || text.contains("UnknownHost") {
            return "cannot resolve the host \(location.host)"
        }
        if text.localizedCaseInsensitiveContains("unreachable") {
            return "no route to \(place) (network unreachable)"
        }
        return "cannot connect to \(place): \(text)"
    }
}
