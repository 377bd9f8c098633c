import CrossreadCore
import Foundation
internal import GRDB

extension SQLiteLibrary {
    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Another process writing the same file: wait for it rather than fail at once.
        configuration.busyMode = .timeout(10)
        configuration.label = "Crossread library"
        // In WAL mode, NORMAL never corrupts the file; a power cut may lose the last adds, which
        // a re-run ingests again. FULL would fsync on every add.
        // The writer keeps 64 MB of pages (SQLite's default is 2 MB): at a library of 100,000 documents
        // storing read most B-tree pages through the system again. Readers keep the default.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -65536") }
        }
        return configuration
    }

    /// Applies pending migrations. Refuses a file written by a newer Crossread, and an SQLite
    /// database that holds other tables but is no Crossread library (it is not ours to change).
    static func migrate(_ writer: any DatabaseWriter, location: String) throws(CrossreadError) {
        let migrator = LibrarySchema.migrator
        do {
            let (applied, foreignTables) = try writer.read { db in
                let applied = try migrator.appliedIdentifiers(db)
                let tables = try String.fetchAll(db, sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name LIMIT 4
                    """)
                return (applied, applied.isEmpty ? tables : [])
            }
            if !foreignTables.isEmpty {
                throw CrossreadError(source: location, stage: .store,
                                     reason: "an SQLite database that is not a Crossread library (it holds tables "
                                        + foreignTables.prefix(3).joined(separator: ", ") + "); refusing to change it")
            }
            let unknown = applied.subtracting(migrator.migrations).sorted()
            if !unknown.isEmpty {
                throw CrossreadError(source: location, stage: .store,
                                     reason: "the library was written by a newer Crossread (unknown migrations: "
                                        + unknown.joined(separator: ", ") + ")")
            }
            try migrator.migrate(writer)
        } catch let error as CrossreadError {
            throw error
        } catch {
            throw openingError(error, path: location)
        }
    }

    /// A `.store` error naming the file, in words for the usual causes.
    static func openingError(_ error: any Error, path: String) -> CrossreadError {
        guard let error = error as? DatabaseError else {
            return CrossreadError(source: path, stage: .store, reason: "cannot open the library: \(error)")
        }
        let reason: String
        switch error.resultCode {
        case .SQLITE_NOTADB:
            reason = "not a Crossread library (the file is not an SQLite database)"
        case .SQLITE_CORRUPT:
            reason = "the library file is damaged (database disk image is malformed)"
        case .SQLITE_CANTOPEN:
            reason = "cannot open the library file (does its folder exist, and may this user write there?)"
        case .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            reason = "permission denied opening the library file"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            reason = "the library is locked by another process"
        default:
            reason = "cannot open the library: \(error.message ?? "\(error.resultCode)")"
        }
        return CrossreadError(source: path, stage: .store, reason: reason)
    }

    /// Runs one operation against the database and turns what it throws into a `CrossreadError`
    /// naming the library and the operation; the SQL of a failed statement rides along.
    func storeOperation<T: Sendable>(_ what: String,
                                     _ body: (any DatabaseWriter) async throws -> T) async throws(CrossreadError) -> T {
        do {
            return try await body(writer)
        } catch let error as CrossreadError {
            throw error
        } catch let error as DatabaseError {
            var reason = "could not \(what): \(error.message ?? "\(error.resultCode)")"
            if let sql = error.sql {
                let oneLine = sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                    .joined(separator: " ")
                reason += " (SQL: \(oneLine.count > 160 ? oneLine.prefix(160) + "…" : oneLine))"
            }
            throw CrossreadError(source: location, stage: .store, reason: reason)
        } catch {
            throw CrossreadError(source: location, stage: .store, reason: "could not \(what): \(error)")
        }
    }

    /// Refuses a document whose identity is malformed: the content hash must be SHA-256 in
    /// lowercase hex, since ids and prefix look-ups are taken from it.
    static func validate(_ document: Document) throws(CrossreadError) {
        let hash = document.contentHash.utf8
        guard hash.count == 64, hash.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw CrossreadError(source: document.source, stage: .store,
                                 reason: "content hash \"\(document.contentHash)\" is not 64 lowercase hex digits")
        }
    }
}
