import CrossreadCore
internal import GRDB

/// The library's tables, as named migrations. A migration, once released, is never edited: a
/// change of schema is a new migration appended here.
///
///     document ──< removed_block          (document_id → document.id)
///        │
///        ├── document_fts (FTS5, external content, rowid = document.seq, kept by triggers)
///        ├──< search_term  (a document's strongest words by impact, with its day: top-k search)
///        ├──< document_entity  (entities an annotated document names, with mention counts)
///        ├──< quote            (quotes of an annotated document; annotations JSON in document)
///        ├── corpus_pending    (annotated, waiting for a story)
///        └── corpus_document   (its story, day, copy group, MinHash signature) ──< corpus_copy_band
///    corpus_story ──< corpus_story_key (index keys)     corpus_topic ── corpus_value (statistics, generation)
///
///    library_entity (entities merged across the library, kept per annotated document)
///        ├──< library_entity_key       (keys a document's entity is matched by; "id:" + stored id)
///        ├──< library_entity_name      (folded names and aliases from each word on: name filter)
///        ├──< library_entity_document  (postings, newest first; document_entity.library_entity_id back)
///        ├──< library_entity_month     (documents per month)
///        └──< library_quote            (quotes by merged speaker)
///    library_source (documents per source)    library_count (documents, entities, entities per type)
enum LibrarySchema {
    static let createDocuments = "Create documents"
    static let createSearchIndex = "Create search index"
    static let addAnnotations = "Add annotations"
    static let addCorpusAnalysis = "Add corpus analysis"
    static let addFetchTime = "Add fetch time"
    static let addSearchImpacts = "Add search impacts"
    static let addLibraryEntities = "Add library entities"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(createDocuments) { db in
            try db.execute(sql: """
                CREATE TABLE document (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE CHECK (length(id) = 12),
                    content_hash TEXT NOT NULL UNIQUE
                        CHECK (length(content_hash) = 64 AND substr(content_hash, 1, 12) = id),
                    source TEXT NOT NULL,
                    format TEXT NOT NULL,
                    original BLOB NOT NULL,
                    text TEXT NOT NULL,
                    paragraphs TEXT NOT NULL,
                    title TEXT,
                    authors TEXT NOT NULL,
                    published TEXT,
                    updated TEXT,
                    publisher TEXT,
                    language TEXT,
                    url TEXT,
                    description TEXT,
                    word_count INTEGER NOT NULL,
                    ingested_at TEXT NOT NULL
                );
                CREATE TABLE removed_block (
                    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (document_id, position)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration(createSearchIndex) { db in
            try db.execute(sql: """
                CREATE VIRTUAL TABLE document_fts USING fts5(
                    title, text,
                    content = 'document', content_rowid = 'seq',
                    tokenize = 'unicode61 remove_diacritics 2'
                );
                CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN
                    INSERT INTO document_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
                END;
                CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN
                    INSERT INTO document_fts(document_fts, rowid, title, text)
                        VALUES ('delete', old.seq, old.title, old.text);
                END;
                CREATE TRIGGER document_fts_update AFTER UPDATE OF title, text ON document BEGIN
                    INSERT INTO document_fts(document_fts, rowid, title, text)
                        VALUES ('delete', old.seq, old.title, old.text);
                    INSERT INTO document_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
                END;
                INSERT INTO document_fts(document_fts) VALUES ('rebuild');
                """)
        }
        migrator.registerMigration(addAnnotations) { db in
            try db.execute(sql: """
                ALTER TABLE document ADD COLUMN annotations TEXT;
                CREATE TABLE document_entity (
                    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    entity_id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    type TEXT NOT NULL,
                    aliases TEXT NOT NULL,
                    roles TEXT NOT NULL,
                    mentions INTEGER NOT NULL,
                    PRIMARY KEY (document_id, entity_id)
                ) WITHOUT ROWID;
                CREATE INDEX document_entity_by_entity ON document_entity(entity_id);
                CREATE TABLE quote (
                    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    speaker TEXT,
                    speaker_name TEXT,
                    cue TEXT,
                    venue TEXT,
                    PRIMARY KEY (document_id, position)
                ) WITHOUT ROWID;
                CREATE INDEX quote_by_speaker ON quote(speaker);
                """)
        }
        migrator.registerMigration(addCorpusAnalysis) { db in
            try db.execute(sql: """
                ALTER TABLE document ADD COLUMN annotation_claim REAL;
                CREATE INDEX document_unannotated ON document(seq) WHERE annotations IS NULL;
                CREATE TABLE corpus_pending (seq INTEGER PRIMARY KEY, document_id TEXT NOT NULL);
                INSERT INTO corpus_pending (seq, document_id) SELECT seq, id FROM document WHERE annotations IS NOT NULL;
                CREATE TABLE corpus_document (
                    document_id TEXT PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
                    story_id TEXT NOT NULL,
                    day INTEGER NOT NULL,
                    copy_group TEXT NOT NULL,
                    signature BLOB NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX corpus_document_by_story ON corpus_document(story_id, day);
                CREATE INDEX corpus_document_by_copy_group ON corpus_document(copy_group);
                CREATE TABLE corpus_copy_band (
                    band INTEGER NOT NULL,
                    document_id TEXT NOT NULL,
                    PRIMARY KEY (band, document_id)
                ) WITHOUT ROWID;
                CREATE TABLE corpus_story (
                    id TEXT PRIMARY KEY,
                    topic_id TEXT NOT NULL,
                    title TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    first TEXT,
                    last TEXT,
                    first_day INTEGER NOT NULL,
                    last_day INTEGER NOT NULL,
                    keywords TEXT NOT NULL,
                    entities TEXT NOT NULL,
                    profile BLOB NOT NULL,
                    version INTEGER NOT NULL,
                    results_version INTEGER NOT NULL DEFAULT -1,
                    results BLOB,
                    results_claim REAL
                ) WITHOUT ROWID;
                CREATE INDEX corpus_story_by_days ON corpus_story(last_day, first_day);
                CREATE INDEX corpus_story_by_topic ON corpus_story(topic_id, size);
                CREATE INDEX corpus_story_by_size ON corpus_story(size);
                CREATE INDEX corpus_story_stale ON corpus_story(last_day) WHERE results_version < version;
                CREATE TABLE corpus_story_key (
                    key INTEGER NOT NULL,
                    story_id TEXT NOT NULL,
                    last_day INTEGER NOT NULL,
                    PRIMARY KEY (key, story_id)
                ) WITHOUT ROWID;
                CREATE INDEX corpus_story_key_by_day ON corpus_story_key(key, last_day);
                CREATE INDEX corpus_story_key_by_story ON corpus_story_key(story_id);
                CREATE TABLE corpus_topic (
                    id TEXT PRIMARY KEY,
                    title TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    stories INTEGER NOT NULL,
                    first_day INTEGER NOT NULL,
                    last_day INTEGER NOT NULL,
                    keywords TEXT NOT NULL,
                    entities TEXT NOT NULL,
                    profile BLOB NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX corpus_topic_by_last_day ON corpus_topic(last_day);
                CREATE INDEX corpus_topic_by_size ON corpus_topic(size);
                CREATE TABLE corpus_topic_key (
                    key INTEGER NOT NULL,
                    topic_id TEXT NOT NULL,
                    PRIMARY KEY (key, topic_id)
                ) WITHOUT ROWID;
                CREATE INDEX corpus_topic_key_by_topic ON corpus_topic_key(topic_id);
                CREATE TABLE corpus_value (name TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
                CREATE TABLE corpus_generation (only INTEGER PRIMARY KEY CHECK (only = 1), generation INTEGER NOT NULL);
                INSERT INTO corpus_generation VALUES (1, 0);
                """)
        }
        migrator.registerMigration(addFetchTime) { db in
            // When a crawler fetched the page (a WARC record's WARC-Date), ISO 8601; null for other inputs.
            try db.execute(sql: "ALTER TABLE document ADD COLUMN fetched TEXT")
        }
        migrator.registerMigration(addSearchImpacts) { db in
            // Impact-ordered word lists (`SearchTerms`): for each word, the documents it matters most
            // in, strongest first, with the publication day so a date filter is applied while reading
            // the list. Written by `add` in the document's transaction; filled here for older documents.
            try db.execute(sql: """
                CREATE TABLE search_term (
                    term TEXT NOT NULL,
                    impact REAL NOT NULL,
                    seq INTEGER NOT NULL,
                    day TEXT,
                    PRIMARY KEY (term, impact DESC, seq)
                ) WITHOUT ROWID;
                """)
            let rows = try Row.fetchCursor(db, sql: "SELECT seq, title, text, published FROM document ORDER BY seq")
            while let row = try rows.next() {
                try SQLiteLibrary.writeSearchTerms(SearchTerms(title: row["title"], text: row["text"]), seq: row["seq"],
                                                   published: row["published"], db)
            }
        }
        migrator.registerMigration(addLibraryEntities) { db in
            try db.execute(sql: """
                CREATE TABLE library_entity (
                    id TEXT PRIMARY KEY,
                    type TEXT NOT NULL,
                    name TEXT NOT NULL,
                    aliases TEXT NOT NULL,
                    roles TEXT NOT NULL,
                    mentions INTEGER NOT NULL DEFAULT 0,
                    documents INTEGER NOT NULL DEFAULT 0,
                    quotes INTEGER NOT NULL DEFAULT 0,
                    first_day TEXT,
                    last_day TEXT
                ) WITHOUT ROWID;
                CREATE INDEX library_entity_by_documents ON library_entity(documents DESC, mentions DESC, name);
                CREATE INDEX library_entity_by_type ON library_entity(type, documents DESC, mentions DESC, name);
                CREATE TABLE library_entity_key (
                    key TEXT NOT NULL,
                    entity_id TEXT NOT NULL,
                    PRIMARY KEY (key, entity_id)
                ) WITHOUT ROWID;
                CREATE INDEX library_entity_key_by_entity ON library_entity_key(entity_id, key);
                CREATE TABLE library_entity_name (
                    word TEXT NOT NULL,
                    entity_id TEXT NOT NULL,
                    PRIMARY KEY (word, entity_id)
                ) WITHOUT ROWID;
                CREATE TABLE library_entity_document (
                    entity_id TEXT NOT NULL,
                    published TEXT NOT NULL,
                    document_id TEXT NOT NULL,
                    mentions INTEGER NOT NULL,
                    PRIMARY KEY (entity_id, published, document_id)
                ) WITHOUT ROWID;
                CREATE INDEX library_entity_document_by_document ON library_entity_document(document_id);
                CREATE TABLE library_entity_month (
                    entity_id TEXT NOT NULL,
                    month TEXT NOT NULL,
                    documents INTEGER NOT NULL,
                    PRIMARY KEY (entity_id, month)
                ) WITHOUT ROWID;
                CREATE TABLE library_quote (
                    entity_id TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    document_id TEXT NOT NULL,
                    text TEXT NOT NULL,
                    cue TEXT,
                    venue TEXT,
                    PRIMARY KEY (entity_id, seq, position)
                ) WITHOUT ROWID;
                CREATE INDEX library_quote_by_document ON library_quote(document_id);
                CREATE TABLE library_source (name TEXT PRIMARY KEY, documents INTEGER NOT NULL) WITHOUT ROWID;
                CREATE INDEX library_source_by_documents ON library_source(documents DESC, name);
                CREATE TABLE library_count (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
                ALTER TABLE document_entity ADD COLUMN library_entity_id TEXT;
                CREATE INDEX document_by_published ON document(published);
                """)
            // Libraries written before: merged entities, sources and counts from their documents, a
            // batch at a time.
            try SQLiteLibrary.backfillLibraryEntities(db)
        }
        return migrator
    }
}
