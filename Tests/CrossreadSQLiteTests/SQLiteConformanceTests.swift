import CrossreadCore
import CrossreadSQLite
import CrossreadTestSupport
import Foundation
import Testing

/// The shared `DocumentStore` and `CorpusStore` checks, against an in-memory library and a library in a file
/// (DatabasePool, WAL: the configuration users get).
@Suite struct SQLiteConformanceTests {
    enum Backing: String, CaseIterable, Sendable { case memory, file }

    @Test(arguments: DocumentStoreConformance.checks, Backing.allCases)
    func conforms(_ check: DocumentStoreConformance.Check, _ backing: Backing) async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let problems = try await check.run(on: try library(backing, in: folder))
        #expect(problems.isEmpty, "\(check.name) (\(backing)):\n\(problems.joined(separator: "\n"))")
    }

    /// The shared `CorpusStore` checks, on the same two backings.
    @Test(arguments: CorpusStoreConformance.checks, Backing.allCases)
    func corpusStoreConforms(_ check: CorpusStoreConformance.Check, _ backing: Backing) async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let problems = try await check.run(on: try library(backing, in: folder))
        #expect(problems.isEmpty, "\(check.name) (\(backing)):\n\(problems.joined(separator: "\n"))")
    }

    func library(_ backing: Backing, in folder: TemporaryFolder) throws -> SQLiteLibrary {
        switch backing {
        case .memory: try SQLiteLibrary.inMemory()
        case .file: try SQLiteLibrary(path: folder.path("library.sqlite"))
        }
    }
}

/// A fresh folder under the system's temporary directory.
struct TemporaryFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("crossread-sqlite-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
