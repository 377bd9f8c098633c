import CrossreadCore
@testable import CrossreadPostgres
import CrossreadTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Opening a library: migrations exactly once under concurrency, clear errors when the server
/// cannot be used, and a library that is closed says so.
@Suite struct PostgresLibraryTests {
    static let migrationNames = ["Create documents", "Create search index", "Add annotations", "Add corpus analysis", "Add fetch time", "Add search impacts", "Add library entities"]

    @Test func librariesOpenedAtOnceMigrateExactlyOnce() async throws {
        guard let server = TestServer.location() else { return }
        try await TestServer.withFreshDatabase(server) { location in
            // Each open runs the migrations unless another did; without the lock, the losers would
            // fail on "relation already exists".
            let libraries = try await withThrowingTaskGroup(of: PostgresLibrary.self) { group in
                for _ in 0..<4 { group.addTask { try await PostgresLibrary(location: location, maximumConnections: 2) } }
                return try await group.reduce(into: [PostgresLibrary]()) { $0.append($1) }
            }
            for library in libraries {
                let applied = try await library.appliedMigrations()
                #expect(applied == Self.migrationNames, "\(applied)")
            }
            // Every library works on the one schema.
            let document = DocumentStoreConformance.document("shared", title: "Shared", paragraphs: ["One schema."])
            _ = try await libraries[0].add(document)
            for library in libraries { #expect(try await library.count() == 1) }
            for library in libraries { await library.close() }
            // Opening again finds nothing to do.
            let again = try await PostgresLibrary(location: location)
            #expect(try await again.appliedMigrations() == Self.migrationNames)
            await again.close()
        }
    }

    @Test func aWrongPasswordIsRefusedClearly() async throws {
        guard var location = TestServer.location() else { return }
        location.password = "certainly-not-the-password"
        let started = ContinuousClock.now
        do {
            let library = try await PostgresLibrary(location: location)
            await library.close()
            Issue.record("a wrong password was accepted")
        } catch {
            #expect(error.stage == .store)
            #expect(error.reason.contains("password authentication failed"), "\(error)")
            #expect(!"\(error)".contains("certainly-not-the-password"), "the error echoes the password: \(error)")
            #expect(error.source == location.redacted)
        }
        // A hang would be the pool's minute of retries; the bound leaves room for a busy machine (the
        // suite runs beside CPU-bound quality gates on two cores: 23 s was seen there).
        #expect(ContinuousClock.now - started < .seconds(40))
    }

    @Test func anUnreachableServerFailsFast() async throws {
        guard let server = TestServer.location() else { return }
        // A port nothing listens on (the server's own port plus one is free on a private cluster
        // only by chance, so look for one), and an address no PostgreSQL answers on.
        var refused = server
        refused.port = try freePort()
        var started = ContinuousClock.now
        do {
            let library = try await PostgresLibrary(location: refused, connectTimeout: .seconds(2))
            await library.close()
            Issue.record("a closed port was accepted")
        } catch {
            #expect(error.stage == .store && error.reason.contains("refused"), "\(error)")
        }
        // A hang would be the pool's minute of retries; the bounds leave room for a busy machine (the
        // suite runs beside CPU-bound quality gates on two cores: 23 s was seen there).
        #expect(ContinuousClock.now - started < .seconds(40), "connecting to a closed port did not give up in time")
        var silent = server
        silent.host = "10.255.255.1"
        started = ContinuousClock.now
        do {
            let library = try await PostgresLibrary(location: silent, connectTimeout: .seconds(1))
            await library.close()
            Issue.record("an unroutable address was accepted")
        } catch {
            #expect(error.stage == .store && error.source == silent.redacted, "\(error)")
        }
        #expect(ContinuousClock.now - started < .seconds(40), "connecting to a silent address did not give up in time")
    }

    @Test func aMissingDatabaseIsNamed() async throws {
        guard var location = TestServer.location() else { return }
        location.database = "crossread_no_such_database"
        do {
            let library = try await PostgresLibrary(location: location)
            await library.close()
            Issue.record("a missing database was accepted")
        } catch {
            #expect(error.reason.contains("does not exist"), "\(error)")
        }
    }

    @Test func tablesCrossreadDidNotCreateAreLeftAlone() async throws {
        guard let server = TestServer.location() else { return }
        try await TestServer.withFreshDatabase(server) { location in
            // A database with a `document` table but no migration record is someone else's.
            try await PostgresDatabases.execute("CREATE TABLE document (x integer)", on: location)
            do {
                let library = try await PostgresLibrary(location: location)
                await library.close()
                Issue.record("a foreign document table was accepted")
            } catch {
                #expect((error as? CrossreadError)?.reason.contains("did not create") == true, "\(error)")
            }
        }
    }

    @Test func aClosedLibraryRefusesWork() async throws {
        guard let server = TestServer.location() else { return }
        try await TestServer.withFreshDatabase(server) { location in
            let library = try await PostgresLibrary(location: location)
            await library.close()
            await library.close()
            await #expect(throws: CrossreadError.self) { _ = try await library.count() }
        }
    }

    /// A TCP port on loopback that nothing listens on right now.
    private func freePort() throws -> Int {
        for port in 54_990...55_090 {
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(socket) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            if connected != 0 { return port }
        }
        throw CrossreadError(stage: .store, reason: "no free port found")
    }

    /// Two libraries on one database (two processes, two pools) annotating at once: one merged entity,
    /// every document and mention counted once.
    @Test func twoLibrariesAnnotatingAtOnceKeepEveryCount() async throws {
        guard let server = TestServer.location() else { return }
        try await TestServer.withFreshDatabase(server) { location in
            let first = try await PostgresLibrary(location: location, maximumConnections: 4)
            let second = try await PostgresLibrary(location: location, maximumConnections: 4)
            let documents = (0..<24).map { DocumentStoreConformance.document("two-writers-\($0)", paragraphs: ["Vargas spoke \($0)."]) }
            for document in documents { _ = try await first.add(document) }
            let spellings = [("person:elena-vargas", "Elena Vargas"), ("person:vargas", "Vargas"), ("person:elena-vargás", "Elena Vargás")]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, document) in documents.enumerated() {
                    let library = index.isMultiple(of: 2) ? first : second
                    let (id, name) = spellings[index % spellings.count]
                    let person = Entity(id: id, name: name, type: .person)
                    group.addTask {
                        try await library.saveAnnotations(Annotations(mentions: Array(repeating: EntityMention(range: 0..<6, type: .person, entity: id), count: 2),
                                                                      entities: [person]), forDocument: document.id)
                    }
                }
                try await group.waitForAll()
            }
            let people = try await second.libraryEntities(LibraryEntityQuery(type: .person))
            #expect(people.entities.count == 1 && people.total == 1, "\(people.entities.map { ($0.entity.id, $0.documents) })")
            #expect(people.entities.first?.documents == 24 && people.entities.first?.mentions == 48, "\(String(describing: people.entities.first))")
            await first.close()
            await second.close()
        }
    }

    /// A database an older Crossread wrote (no merged entities, no migration record for them) gets
    /// them from its documents when opened, the same as a library that kept them all along.
    @Test func theLibraryEntitiesMigrationBackfillsAnOlderLibrary() async throws {
        guard let server = TestServer.location() else { return }
        try await TestServer.withFreshDatabase(server) { location in
            let library = try await PostgresLibrary(location: location, maximumConnections: 2)
            try await LibraryEntityConformance.fillForBackfill(library)
            let kept = try await LibraryEntityConformance.state(library)
            #expect(kept.entities.count == 5 && kept.overview.documents == 4, "\(kept)")
            try await library.forgetLibraryEntities()
            await library.close()
            let reopened = try await PostgresLibrary(location: location, maximumConnections: 2)
            let backfilled = try await LibraryEntityConformance.state(reopened)
            #expect(backfilled == kept, "kept: \(kept)\nbackfilled: \(backfilled)")
            await reopened.close()
        }
    }
}
