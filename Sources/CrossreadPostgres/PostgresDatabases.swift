import CrossreadCore
import Logging
import PostgresNIO

/// Creating and dropping whole databases on a server, for tests, benchmarks and scripts that
/// want a fresh, empty library next to the one a URL names. Needs a role with CREATEDB.
public enum PostgresDatabases {
    /// Creates database `name` (lowercase letters, digits and `_`), owned by the URL's user, and
    /// returns the location of it.
    public static func create(_ name: String, on server: PostgresLocation,
                              connectTimeout: Duration = .seconds(5)) async throws(CrossreadError) -> PostgresLocation {
        try validate(name, server)
        try await run("CREATE DATABASE \(name)", on: server, operation: "create database \(name)", timeout: connectTimeout)
        var location = server
        location.database = name
        return location
    }

    /// Drops database `name`, closing whatever sessions still use it. Nothing happens when it is absent.
    public static func drop(_ name: String, on server: PostgresLocation,
                            connectTimeout: Duration = .seconds(5)) async throws(CrossreadError) {
        try validate(name, server)
        guard name != server.database else {
            throw CrossreadError(source: server.redacted, stage: .store,
                                 reason: "refusing to drop the database the URL itself names")
        }
        // FORCE cannot end a session of another role without pg_signal_backend (SQLSTATE 42501): an
        // autovacuum worker the server started on the database's small, busy tables (library counts)
        // holds it for a moment, so the drop is tried again a few times.
        var attempt = 0
        while true {
            do {
                try await run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: server, operation: "drop database \(name)",
                              timeout: connectTimeout)
                return
            } catch {
                attempt += 1
                guard attempt < 8, error.reason.contains("42501") else { throw error }
                try? await Task.sleep(for: .milliseconds(250 * attempt))
            }
        }
    }

    /// Runs one SQL statement in the database `location` names, outside any library (for scripts
    /// and tests that prepare a database).
    public static func execute(_ sql: String, on location: PostgresLocation,
                               connectTimeout: Duration = .seconds(5)) async throws(CrossreadError) {
        try await run(sql, on: location, operation: "run \(sql.prefix(60))", timeout: connectTimeout)
    }

    private static func validate(_ name: String, _ server: PostgresLocation) throws(CrossreadError) {
        let ok = !name.isEmpty && name.utf8.count <= 63 && name.utf8.first.map { (0x61...0x7A).contains($0) } == true
            && name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
        guard ok else {
            throw CrossreadError(source: server.redacted, stage: .store,
                                 reason: "database name \"\(name)\" must be lowercase letters, digits and _, up to 63 bytes")
        }
    }

    private static func run(_ sql: String, on server: PostgresLocation, operation: String,
                            timeout: Duration) async throws(CrossreadError) {
        let logger = Logger(label: "crossread.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        do {
            let connection = try await PostgresLibrary.connect(server, timeout: timeout, logger: logger)
            do {
                try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
        } catch {
            throw PostgresFailure.storeError(error, location: server, operation: operation)
        }
    }
}
