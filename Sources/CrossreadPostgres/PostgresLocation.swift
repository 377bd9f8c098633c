import CrossreadCore
import Foundation

/// A PostgreSQL server and database, read from a `postgres://user:password@host:port/database` URL
/// (with an optional `?sslmode=disable|prefer|require|verify-full`, as libpq reads it).
public struct PostgresLocation: Sendable, Equatable {
    /// Whether to encrypt the connection, and whether to check the server's certificate.
    public enum SSLMode: String, Sendable, CaseIterable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it, without checking its certificate (libpq's default).
        case prefer
        /// TLS or no connection, without checking the certificate.
        case require
        /// TLS with the certificate checked against the system's trust roots and the host name.
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var sslMode: SSLMode
    /// The URL without its password, for messages.
    public var redacted: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// Parses `url`; throws a `.configuration` error naming what is wrong (never echoing a password).
    public init(url: String) throws(CrossreadError) {
        func failure(_ reason: String) -> CrossreadError {
            CrossreadError(source: "--postgres", stage: .configuration, reason: reason)
        }
        guard let components = URLComponents(string: url),
              let scheme = components.scheme, scheme == "postgres" || scheme == "postgresql" else {
            throw failure("expected a URL like postgres://user:password@127.0.0.1:5432/crossread")
        }
        guard let host = components.host, !host.isEmpty else { throw failure("the URL names no host") }
        guard let user = components.user, !user.isEmpty else { throw failure("the URL names no user") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { throw failure("the URL names no database") }
        if let port = components.port, !(1...65535).contains(port) { throw failure("port \(port) is out of range") }
        var sslMode = SSLMode.prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else {
                throw failure("unknown URL parameter \"\(item.name)\" (only sslmode is read)")
            }
            guard let mode = item.value.flatMap(SSLMode.init(rawValue:)) else {
                throw failure("sslmode must be one of " + SSLMode.allCases.map(\.rawValue).joined(separator: ", "))
            }
            sslMode = mode
        }
        self.sslMode = sslMode
        self.host = host
        self.port = components.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.removingPercentEncoding ?? database
    }
}
