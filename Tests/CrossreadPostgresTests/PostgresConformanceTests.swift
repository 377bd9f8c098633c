import CrossreadCore
import CrossreadPostgres
import CrossreadTestSupport
import Testing

/// The shared `DocumentStore` checks, each against a database of its own.
@Suite struct PostgresConformanceTests {
    @Test(arguments: DocumentStoreConformance.checks)
    func conforms(_ check: DocumentStoreConformance.Check) async throws {
        guard let server = TestServer.location() else { return }
        try await TestServer.withFreshDatabase(server) { location in
            let library = try await PostgresLibrary(location: location)
            do {
                let problems = try await check.run(on: library)
                #expect(problems.isEmpty, "\(check.name):\n\(problems.joined(separator: "\n"))")
            } catch {
                await library.close()
                throw error
            }
            await library.close()
        }
    }
}
