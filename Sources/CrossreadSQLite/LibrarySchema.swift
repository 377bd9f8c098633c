internal import GRDB

/// The library's tables, as named migrations. A migration, once released, is never edited: a
/// change of schema is a new migration appended here.
///
///     document ──< removed_block          (document_id → document.id)
///        │
///        ├── document_fts (FTS5, external content, rowid = document.seq, kept by triggers)
///        ├──< document_entity  (entities an annotated document names, with mention counts)
///        └──< quote            (quotes of an annotated document; annotations JSON in document)
enum LibrarySchema {
    static let createDocuments = "Create documents"
    static let createSearchIndex = "Create search index"
    static let addAnnotations = "Add annotations"
    static let addFetchTime = "Add fetch time"

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
        migrator.registerMigration(addFetchTime) { db in
            // When a crawler fetched the page (a WARC record's WARC-Date), ISO 8601; null for other inputs.
            try db.execute(sql: "ALTER TABLE document ADD COLUMN fetched TEXT")
        }
        return migrator
    }
}
