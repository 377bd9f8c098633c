import CrossreadCore
import CrossreadPostgres
import CrossreadTestSupport
import Testing

/// The shared `DocumentStore` and `CorpusStore` checks, each against a database of its own.
@Suite struct PostgresConformanceTests {
    @Test(arguments: DocumentStoreConformance.checks)
    func conforms(_ check: DocumentStoreConformance.Check) async throws {
        try await withLibrary { library in
            let problems = try await check.run(on: library)
            #expect(problems.isEmpty, "\(check.name):\n\(problems.joined(separator: "\n"))")
        }
    }

    @Test(arguments: CorpusStoreConformance.checks)
    func corpusStoreConforms(_ check: CorpusStoreConformance.Check) async throws {
        try await withLibrary { library in
            let problems = try await check.run(on: library)
            #expect(problems.isEmpty, "\(check.name):\n\(problems.joined(separator: "\n"))")
        }
    }

    /// Runs `body` on a library in a fresh database (skipping without a server), closing it after.
    func withLibrary(_ body: (PostgresLibrary) async throws -> Void) async throws {
        guard let server = TestServer.location() else { return }
        try await TestServer.withFreshDatabase(server) { location in
            let library = try await PostgresLibrary(location: location)
            do {
                try await body(library)
            } catch {
                await library.close()
                throw error
            }
            await library.close()
        }
    }
}
