import CrossreadCore
import Logging
import PostgresNIO

/// The library's tables in PostgreSQL, as named migrations recorded in `crossread_migrations`. A
/// migration, once released, is never edited: a change of schema is a new migration appended here.
///
///     document ──< removed_block            (document_id → document.id)
///        │  search: tsvector (title weight A, text weight B), GIN index, config crossread_text
///        ├──< document_entity  (entities an annotated document names, with mention counts)
///        └──< quote            (quotes of an annotated document; annotations JSON in document)
///
/// Migrations run in one transaction holding a transaction-level advisory lock, so several
/// processes opening the same database at once apply each migration exactly once.
enum PostgresSchema {
    struct Migration: Sendable {
        let name: String
        let apply: @Sendable (PostgresConnection, Logger) async throws -> Void
    }

    /// The advisory lock key every Crossread process takes while migrating ("CRSREAD" in ASCII).
    static let migrationLock: Int64 = 0x43_52_53_52_45_41_44

    static let migrations: [Migration] = [
        Migration(name: "Create documents") { connection, logger in
            try await connection.query("""
                CREATE TABLE document (
                    seq bigserial PRIMARY KEY,
                    id text COLLATE "C" NOT NULL UNIQUE CHECK (length(id) = 12),
                    content_hash text COLLATE "C" NOT NULL UNIQUE
                        CHECK (length(content_hash) = 64 AND left(content_hash, 12) = id),
                    source text NOT NULL,
                    format text NOT NULL,
                    original bytea NOT NULL,
                    text text NOT NULL,
                    paragraphs text NOT NULL,
                    title text,
                    authors text NOT NULL,
                    published text,
                    updated text,
                    publisher text,
                    language text,
                    url text,
                    description text,
                    word_count integer NOT NULL,
                    ingested_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
            try await connection.query("""
                CREATE TABLE removed_block (
                    document_id text COLLATE "C" NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    position integer NOT NULL,
                    kind text NOT NULL,
                    text text NOT NULL,
                    PRIMARY KEY (document_id, position)
                )
                """, logger: logger)
        },
        Migration(name: "Create search index") { connection, logger in
            // `simple` keeps every word unstemmed (so "econom" does not match "economy" unless asked
            // with a star); `unaccent`, when the server has it, folds diacritics ("Zürich" = "zurich").
            let unaccent = try await installUnaccent(connection, logger)
            try await connection.query("CREATE TEXT SEARCH CONFIGURATION crossread_text (COPY = simple)", logger: logger)
            if unaccent {
                try await connection.query("""
                    ALTER TEXT SEARCH CONFIGURATION crossread_text
                        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple
                    """, logger: logger)
            }
            try await connection.query("""
                ALTER TABLE document ADD COLUMN search tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('crossread_text', coalesce(title, '')), 'A')
                    || setweight(to_tsvector('crossread_text', text), 'B')
                ) STORED
                """, logger: logger)
            try await connection.query("CREATE INDEX document_search ON document USING gin (search)", logger: logger)
        },
        Migration(name: "Add annotations") { connection, logger in
            try await connection.query("ALTER TABLE document ADD COLUMN annotations text", logger: logger)
            try await connection.query("""
                CREATE TABLE document_entity (
                    document_id text COLLATE "C" NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    entity_id text NOT NULL,
                    name text NOT NULL,
                    type text NOT NULL,
                    aliases text NOT NULL,
                    roles text NOT NULL,
                    mentions integer NOT NULL,
                    PRIMARY KEY (document_id, entity_id)
                )
                """, logger: logger)
            try await connection.query("CREATE INDEX document_entity_by_entity ON document_entity (entity_id)", logger: logger)
            try await connection.query("""
                CREATE TABLE quote (
                    document_id text COLLATE "C" NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    position integer NOT NULL,
                    start integer NOT NULL,
                    "end" integer NOT NULL,
                    text text NOT NULL,
                    speaker text,
                    speaker_name text,
                    cue text,
                    venue text,
                    PRIMARY KEY (document_id, position)
                )
                """, logger: logger)
            try await connection.query("CREATE INDEX quote_by_speaker ON quote (speaker)", logger: logger)
        },
        Migration(name: "Add fetch time") { connection, logger in
            // When a crawler fetched the page (a WARC record's WARC-Date), ISO 8601; null for other inputs.
            try await connection.query("ALTER TABLE document ADD COLUMN fetched text", logger: logger)
        },
    ]

    /// The tables a Crossread library creates; a database that has one of them but no migration
    /// record is someone else's, and is not changed.
    static let tableNames = ["document", "removed_block", "document_entity", "quote"]

    /// Applies pending migrations on `connection` under the advisory lock, in one transaction.
    /// Returns the names it applied (empty when the schema was up to date).
    static func migrate(_ connection: PostgresConnection, location: String, logger: Logger) async throws -> [String] {
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLock))", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS crossread_migrations (
                    name text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
            var applied: Set<String> = []
            for try await name in try await connection.query("SELECT name FROM crossread_migrations", logger: logger)
                .decode(String.self) {
                applied.insert(name)
            }
            let known = Set(migrations.map(\.name))
            let unknown = applied.subtracting(known).sorted()
            if !unknown.isEmpty {
                throw CrossreadError(source: location, stage: .store,
                                     reason: "the library was written by a newer Crossread (unknown migrations: "
                                        + unknown.joined(separator: ", ") + ")")
            }
            if applied.isEmpty {
                var taken: [String] = []
                for try await name in try await connection.query("""
                    SELECT c.relname::text FROM pg_class c
                    WHERE c.relkind IN ('r', 'p', 'v', 'm') AND c.relname = ANY(\(tableNames))
                      AND pg_table_is_visible(c.oid)
                    ORDER BY 1
                    """, logger: logger).decode(String.self) {
                    taken.append(name)
                }
                if !taken.isEmpty {
                    throw CrossreadError(source: location, stage: .store,
                                         reason: "the database already has tables named " + taken.joined(separator: ", ")
                                            + " that Crossread did not create; refusing to change them")
                }
            }
            var done: [String] = []
            for migration in migrations where !applied.contains(migration.name) {
                try await migration.apply(connection, logger)
                try await connection.query("INSERT INTO crossread_migrations (name) VALUES (\(migration.name))",
                                           logger: logger)
                done.append(migration.name)
            }
            return done
        }
    }

    /// Creates the `unaccent` extension when the server ships it and this role may create it
    /// (it is a trusted extension: a database owner may); otherwise search stays accent-sensitive.
    private static func installUnaccent(_ connection: PostgresConnection, _ logger: Logger) async throws -> Bool {
        let available = try await connection.query(
            "SELECT count(*) FROM pg_available_extensions WHERE name = 'unaccent'", logger: logger)
            .decode(Int.self).reduce(0, +)
        guard available > 0 else { return false }
        try await connection.query("SAVEPOINT crossread_unaccent", logger: logger)
        do {
            try await connection.query("CREATE EXTENSION IF NOT EXISTS unaccent", logger: logger)
            try await connection.query("RELEASE SAVEPOINT crossread_unaccent", logger: logger)
        } catch {
            try await connection.query("ROLLBACK TO SAVEPOINT crossread_unaccent", logger: logger)
            return false
        }
        let dictionaries = try await connection.query(
            "SELECT count(*) FROM pg_ts_dict WHERE dictname = 'unaccent' AND pg_ts_dict_is_visible(oid)", logger: logger)
            .decode(Int.self).reduce(0, +)
        return dictionaries > 0
    }
}
