import CrossreadCore
import PostgresNIO

extension PostgresLibrary {
    /// Drops the merged-entity tables and forgets their migration, leaving the database as a Crossread
    /// from before them wrote it; opening it again backfills them (what the migration test checks).
    func forgetLibraryEntities() async throws {
        let logger = logger
        try await operation("forget library entities") {
            try await client.withTransaction(logger: logger) { connection in
                for statement in [
                    "DROP TABLE library_entity, library_entity_key, library_entity_name, library_entity_document, "
                        + "library_entity_month, library_quote, library_source, library_count",
                    "DROP INDEX document_by_published",
                    "ALTER TABLE document_entity DROP COLUMN library_entity_id",
                    "DELETE FROM crossread_migrations WHERE name = 'Add library entities'",
                ] {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
            }
        }
    }
}
