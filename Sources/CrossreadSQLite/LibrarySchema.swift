internal import GRDB

/// The library's tables, as named migrations. A migration, once released, is never edited: a
/// change of schema is a new migration appended here.
///
///     document ──< removed_block          (document_id → document.id)
///        │
///        └── document_fts (FTS5, external content, rowid = document.seq, kept by triggers)
enum LibrarySchema {
    static let createDocuments = "Create documents"
    static let createSearchIndex = "Create search index"

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
        return migrator
    }
}
