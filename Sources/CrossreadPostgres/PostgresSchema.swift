import CrossreadCore
import Logging
import PostgresNIO

/// The library's tables in PostgreSQL, as named migrations recorded in `crossread_migrations`. A
/// migration, once released, is never edited: a change of schema is a new migration appended here.
///
///     document ──< removed_block            (document_id → document.id)
///        │  search: tsvector (title weight A, text weight B), GIN index, config crossread_text
///        ├──< search_term      (a document's strongest words by impact, with its day: top-k search)
///        ├──< document_entity  (entities an annotated document names, with mention counts)
///        ├──< quote            (quotes of an annotated document; annotations JSON in document)
///        ├── corpus_pending    (annotated, waiting for a story)
///        └── corpus_document   (its story, day, copy group, MinHash signature) ─ corpus_copy_band (LSH bands)
///    corpus_story ──< corpus_story_key (index keys)    corpus_topic ──< corpus_topic_key
///    corpus_value (statistics)    corpus_generation (one row, locked by every update)
///    library_entity ──< library_entity_key, library_entity_name, library_entity_document, library_entity_month,
///        library_quote (entities merged across the library, kept per annotated document under an advisory lock)
///    library_source (documents per source)    library_count (documents, entities, entities per type)
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
        Migration(name: "Add corpus analysis", apply: addCorpusAnalysis),
        Migration(name: "Add fetch time") { connection, logger in
            // When a crawler fetched the page (a WARC record's WARC-Date), ISO 8601; null for other inputs.
            try await connection.query("ALTER TABLE document ADD COLUMN fetched text", logger: logger)
        },
        Migration(name: "Add search impacts", apply: addSearchImpacts),
        Migration(name: "Add library entities", apply: PostgresLibrary.addLibraryEntities),
    ]

    /// Impact-ordered word lists (`SearchTerms`): for each word, the documents it matters most in,
    /// strongest first, with the publication day so a date filter is applied while reading the list.
    /// Written by `add` in the document's transaction; filled here for older documents.
    @Sendable static func addSearchImpacts(_ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query("""
            CREATE TABLE search_term (
                term text COLLATE "C" NOT NULL,
                impact float8 NOT NULL,
                seq bigint NOT NULL,
                day text
            )
            """, logger: logger)
        try await connection.query(
            "CREATE INDEX search_term_by_impact ON search_term (term, impact DESC, seq) INCLUDE (day)", logger: logger)
        var after: Int64 = 0
        while true {
            var batch: [(Int64, String?, String, String?)] = []
            for try await row in try await connection.query("""
                SELECT seq, title, text, published FROM document WHERE seq > \(after) ORDER BY seq LIMIT 500
                """, logger: logger).decode((Int64, String?, String, String?).self) {
                batch.append(row)
            }
            guard let last = batch.last else { break }
            for (seq, title, text, published) in batch {
                try await PostgresLibrary.writeSearchTerms(SearchTerms(title: title, text: text, weighting: .tsRank), seq: seq,
                                                           published: published, connection, logger)
            }
            after = last.0
        }
    }

    /// The corpus analysis (`CorpusStore`): the annotation claim, the queue of documents waiting for a
    /// story, each placed document's story, copy group, MinHash signature and LSH band keys, stories
    /// and topics with their index keys, comparison results with the version they were made for,
    /// named values, and the generation row every update locks.
    @Sendable static func addCorpusAnalysis(_ connection: PostgresConnection, _ logger: Logger) async throws {
        for statement in [
            "ALTER TABLE document ADD COLUMN annotation_claim timestamptz",
            "CREATE INDEX document_unannotated ON document (seq) WHERE annotations IS NULL",
            """
            CREATE TABLE corpus_pending (
                seq bigint PRIMARY KEY,
                document_id text COLLATE "C" NOT NULL UNIQUE
            )
            """,
            "INSERT INTO corpus_pending (seq, document_id) SELECT seq, id FROM document WHERE annotations IS NOT NULL",
            """
            CREATE TABLE corpus_document (
                document_id text COLLATE "C" PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
                story_id text COLLATE "C" NOT NULL,
                day integer NOT NULL,
                copy_group text COLLATE "C" NOT NULL,
                signature bytea NOT NULL
            )
            """,
            "CREATE INDEX corpus_document_by_story ON corpus_document (story_id, day, document_id)",
            "CREATE INDEX corpus_document_by_copy_group ON corpus_document (copy_group)",
            """
            CREATE TABLE corpus_copy_band (
                band bigint NOT NULL,
                document_id text COLLATE "C" NOT NULL,
                PRIMARY KEY (band, document_id)
            )
            """,
            """
            CREATE TABLE corpus_story (
                id text COLLATE "C" PRIMARY KEY,
                topic_id text COLLATE "C" NOT NULL,
                title text NOT NULL,
                size integer NOT NULL,
                first text,
                last text,
                first_day integer NOT NULL,
                last_day integer NOT NULL,
                keywords text NOT NULL,
                entities text NOT NULL,
                profile bytea NOT NULL,
                version integer NOT NULL,
                results_version integer NOT NULL DEFAULT -1,
                results bytea,
                results_claim timestamptz
            )
            """,
            "CREATE INDEX corpus_story_by_days ON corpus_story (last_day, first_day)",
            "CREATE INDEX corpus_story_by_topic ON corpus_story (topic_id, size)",
            "CREATE INDEX corpus_story_by_size ON corpus_story (size)",
            "CREATE INDEX corpus_story_stale ON corpus_story (last_day, id) WHERE results_version < version",
            """
            CREATE TABLE corpus_story_key (
                key bigint NOT NULL,
                story_id text COLLATE "C" NOT NULL,
                last_day integer NOT NULL,
                PRIMARY KEY (key, story_id)
            )
            """,
            "CREATE INDEX corpus_story_key_by_day ON corpus_story_key (key, last_day)",
            "CREATE INDEX corpus_story_key_by_story ON corpus_story_key (story_id)",
            """
            CREATE TABLE corpus_topic (
                id text COLLATE "C" PRIMARY KEY,
                title text NOT NULL,
                size integer NOT NULL,
                stories integer NOT NULL,
                first_day integer NOT NULL,
                last_day integer NOT NULL,
                keywords text NOT NULL,
                entities text NOT NULL,
                profile bytea NOT NULL
            )
            """,
            "CREATE INDEX corpus_topic_by_last_day ON corpus_topic (last_day)",
            "CREATE INDEX corpus_topic_by_size ON corpus_topic (size)",
            """
            CREATE TABLE corpus_topic_key (
                key bigint NOT NULL,
                topic_id text COLLATE "C" NOT NULL,
                PRIMARY KEY (key, topic_id)
            )
            """,
            "CREATE INDEX corpus_topic_key_by_topic ON corpus_topic_key (topic_id)",
            "CREATE TABLE corpus_value (name text PRIMARY KEY, value bytea NOT NULL)",
            "CREATE TABLE corpus_generation (id integer PRIMARY KEY CHECK (id = 1), generation bigint NOT NULL)",
            "INSERT INTO corpus_generation VALUES (1, 0)",
        ] {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
    }

    /// The tables a Crossread library creates; a database that has one of them but no migration
    /// record is someone else's, and is not changed.
    static let tableNames = ["document", "removed_block", "document_entity", "quote", "corpus_pending", "corpus_document",
                             "corpus_copy_band", "corpus_story", "corpus_story_key", "corpus_topic", "corpus_topic_key",
                             "corpus_value", "corpus_generation", "search_term", "library_entity", "library_entity_key",
                             "library_entity_name", "library_entity_document", "library_entity_month", "library_quote",
                             "library_source", "library_count"]

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
