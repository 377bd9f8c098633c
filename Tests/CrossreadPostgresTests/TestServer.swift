import CrossreadCore
import CrossreadPostgres
import Foundation

/// The PostgreSQL server the tests use, from `CROSSREAD_TEST_POSTGRES`; each test gets a database
/// of its own, dropped after it. Without the variable the tests skip, saying how to run them.
enum TestServer {
    static let variable = "CROSSREAD_TEST_POSTGRES"

    /// The server's location, or nil (after printing one line) when the tests should skip.
    static func location() -> PostgresLocation? {
        guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else {
            print("PostgreSQL tests skipped: set \(variable)=postgres://... (.ci/run starts a server)")
            return nil
        }
        do {
            return try PostgresLocation(url: url)
        } catch {
            print("PostgreSQL tests skipped: \(variable) is not a usable URL (\(error))")
            return nil
        }
    }

    /// Runs `body` with a fresh, empty database on the server, dropped afterwards.
    static func withFreshDatabase(_ server: PostgresLocation,
                                  _ body: (PostgresLocation) async throws -> Void) async throws {
        let name = "crossread_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        let location = try await PostgresDatabases.create(String(name), on: server)
        do {
            try await body(location)
        } catch {
            try? await PostgresDatabases.drop(String(name), on: server)
            throw error
        }
        try await PostgresDatabases.drop(String(name), on: server)
    }
}
