import CrossreadCore
import Foundation
internal import GRDB

/// The library's side of corpus analysis (`CorpusStore`) in SQLite. One writer at a time is SQLite's
/// own rule; `applyCorpusUpdate` checks the generation inside its IMMEDIATE transaction, so two
/// processes analysing one file never both place a document.
extension SQLiteLibrary {
    /// Queues an annotated document for a story, unless it has one.
    static func markAwaitingStory(_ id: String, _ db: Database) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO corpus_pending (seq, document_id)
            SELECT seq, id FROM document WHERE id = ? AND NOT EXISTS (SELECT 1 FROM corpus_document WHERE document_id = ?)
            """, arguments: [id, id])
    }

    public func claimDocumentsForAnnotation(limit: Int, seconds: Int) async throws -> [Document] {
        let ids: [String] = try await storeOperation("claim documents to annotate") { writer in
            try await writer.write { db in
                let now = Date().timeIntervalSince1970
                let ids = try String.fetchAll(db, sql: """
                    SELECT id FROM document WHERE annotations IS NULL AND (annotation_claim IS NULL OR annotation_claim < ?)
                    ORDER BY seq LIMIT ?
                    """, arguments: [now, limit])
                for id in ids {
                    try db.execute(sql: "UPDATE document SET annotation_claim = ? WHERE id = ?", arguments: [now + Double(seconds), id])
                }
                return ids
            }
        }
        return try await documents(ids: ids)
    }

    public func documentsAwaitingStories(limit: Int) async throws -> [Document] {
        try await documentsAwaitingStories(limit: limit, excluding: [])
    }

    public func documentsAwaitingStories(limit: Int, excluding: [String]) async throws -> [Document] {
        let ids: [String] = try await storeOperation("list documents awaiting stories") { writer in
            try await writer.read { db in
                let skipped = Set(excluding)
                var ids: [String] = []
                // Held-back articles are the oldest waiting as a rule: read past them in pages.
                var offset = 0
                while ids.count < limit {
                    let page = try String.fetchAll(db, sql: "SELECT document_id FROM corpus_pending ORDER BY seq LIMIT ? OFFSET ?",
                                                   arguments: [limit + skipped.count, offset])
                    ids += page.filter { !skipped.contains($0) }
                    if page.count < limit + skipped.count { break }
                    offset += page.count
                }
                return Array(ids.prefix(limit))
            }
        }
        return try await documents(ids: ids)
    }

    public func documents(ids: [String]) async throws -> [Document] {
        guard !ids.isEmpty else { return [] }
        return try await storeOperation("read \(ids.count) documents") { writer in
            try await writer.read { db in
                var byID: [String: Document] = [:]
                for chunk in ids.chunked(400) {
                    let marks = Self.placeholders(chunk.count)
                    var removed: [String: [RemovedBlock]] = [:]
                    for block in try RemovedBlockRecord.fetchAll(
                        db, sql: "SELECT * FROM removed_block WHERE document_id IN (\(marks)) ORDER BY document_id, position",
                        arguments: StatementArguments(chunk)) {
                        removed[block.documentID, default: []].append(try block.block)
                    }
                    for record in try DocumentRecord.fetchAll(db, sql: "SELECT * FROM document WHERE id IN (\(marks))",
                                                              arguments: StatementArguments(chunk)) {
                        byID[record.id] = try record.document(removed: removed[record.id] ?? [])
                    }
                }
                return ids.compactMap { byID[$0] }
            }
        }
    }

    public func corpusGeneration() async throws -> Int {
        try await storeOperation("read the analysis generation") { writer in
            try await writer.read { db in try Int.fetchOne(db, sql: "SELECT generation FROM corpus_generation") ?? 0 }
        }
    }

    public func corpusValue(_ name: String) async throws -> [UInt8]? {
        try await storeOperation("read analysis value \(name)") { writer in
            try await writer.read { db in
                try Data.fetchOne(db, sql: "SELECT value FROM corpus_value WHERE name = ?", arguments: [name]).map { [UInt8]($0) }
            }
        }
    }

    public func storyRows(overlapping days: ClosedRange<Int>) async throws -> [StoryRow] {
        try await storeOperation("read open stories") { writer in
            try await writer.read { db in
                try Self.storyRows(db, where: "last_day >= ? AND first_day <= ?", [days.lowerBound, days.upperBound])
            }
        }
    }

    public func storyRows(keys: [Int64], overlapping days: ClosedRange<Int>, limit: Int) async throws -> [StoryRow] {
        guard !keys.isEmpty else { return [] }
        return try await storeOperation("find stories by key") { writer in
            try await writer.read { db in
                var ids: [String] = []
                var seen = Set<String>()
                // Both ends of the window in the key's query: stories after the window must not fill
                // a key's limit ahead of the stories inside it.
                for key in Set(keys) {
                    for id in try String.fetchAll(db, sql: """
                        SELECT k.story_id FROM corpus_story_key k JOIN corpus_story s ON s.id = k.story_id
                        WHERE k.key = ? AND k.last_day >= ? AND s.first_day <= ? ORDER BY k.last_day DESC, k.story_id LIMIT ?
                        """, arguments: [key, days.lowerBound, days.upperBound, limit]) where seen.insert(id).inserted {
                        ids.append(id)
                    }
                }
                guard !ids.isEmpty else { return [] }
                var rows: [StoryRow] = []
                for chunk in ids.chunked(400) {
                    rows += try Self.storyRows(db, where: "id IN (\(Self.placeholders(chunk.count)))", StatementArguments(chunk))
                }
                return Array(rows.sorted(by: Self.latestFirst).prefix(limit))
            }
        }
    }

    public func topicRows(lastDayFrom day: Int) async throws -> [TopicRow] {
        try await storeOperation("read open topics") { writer in
            try await writer.read { db in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM corpus_topic WHERE last_day >= ? ORDER BY id", arguments: [day])
                let topics = rows.map(Self.topic)
                let keys = try Self.keys(db, table: "corpus_topic_key", owner: "topic_id", of: topics.map(\.id))
                return zip(topics, rows).map { topic, row in
                    TopicRow(topic: topic, profile: [UInt8](row["profile"] as Data), indexKeys: keys[topic.id] ?? [])
                }
            }
        }
    }

    public func copyCandidates(bands: [Int64]) async throws -> [CopyCandidate] {
        guard !bands.isEmpty else { return [] }
        return try await storeOperation("find copy candidates") { writer in
            try await writer.read { db in
                var out: [CopyCandidate] = []
                var seen = Set<String>()
                for chunk in Array(Set(bands)).chunked(400) {
                    for row in try Row.fetchAll(db, sql: """
                        SELECT DISTINCT d.document_id, d.copy_group, d.signature FROM corpus_copy_band b
                        JOIN corpus_document d ON d.document_id = b.document_id
                        WHERE b.band IN (\(Self.placeholders(chunk.count)))
                        """, arguments: StatementArguments(chunk)) {
                        let id: String = row["document_id"]
                        guard seen.insert(id).inserted else { continue }
                        out.append(CopyCandidate(document: id, copyGroup: row["copy_group"], signature: [UInt8](row["signature"] as Data)))
                    }
                }
                return out
            }
        }
    }

    public func applyCorpusUpdate(_ update: CorpusUpdate, generation: Int) async throws -> Bool {
        let encoder = JSONEncoder()
        return try await storeOperation("store a batch of analysis") { writer in
            try await writer.writeWithoutTransaction { db in
                var applied = false
                try db.inTransaction(.immediate) {
                    let current = try Int.fetchOne(db, sql: "SELECT generation FROM corpus_generation") ?? 0
                    guard current == generation else { return .rollback }
                    try db.execute(sql: "UPDATE corpus_generation SET generation = generation + 1")
                    // A merged story's documents move and its row goes; the story they join changed.
                    for merge in update.merges where merge.from != merge.into {
                        try db.execute(sql: "UPDATE corpus_document SET story_id = ? WHERE story_id = ?", arguments: [merge.into, merge.from])
                        try db.execute(sql: "DELETE FROM corpus_story WHERE id = ?", arguments: [merge.from])
                        try db.execute(sql: "DELETE FROM corpus_story_key WHERE story_id = ?", arguments: [merge.from])
                        try db.execute(sql: "UPDATE corpus_story SET version = version + 1 WHERE id = ?", arguments: [merge.into])
                    }
                    for merge in update.copyGroupMerges {
                        try db.execute(sql: "UPDATE corpus_document SET copy_group = ? WHERE copy_group = ?", arguments: [merge.into, merge.from])
                    }
                    // A topic joined to another: its stories move (their comparisons stay valid).
                    for merge in update.topicMerges where merge.from != merge.into {
                        try db.execute(sql: "UPDATE corpus_story SET topic_id = ? WHERE topic_id = ?", arguments: [merge.into, merge.from])
                    }
                    for row in update.documents {
                        // A document placed again (a split) moves; its bands, which its text decides, stay.
                        try db.execute(sql: """
                            INSERT INTO corpus_document (document_id, story_id, day, copy_group, signature) VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT(document_id) DO UPDATE SET story_id = excluded.story_id, day = excluded.day,
                                copy_group = excluded.copy_group, signature = excluded.signature
                            """, arguments: [row.document, row.story, row.day, row.copyGroup, Data(row.signature)])
                        for band in Set(row.bands) {
                            try db.execute(sql: "INSERT OR IGNORE INTO corpus_copy_band (band, document_id) VALUES (?, ?)",
                                           arguments: [band, row.document])
                        }
                        // By seq, the queue's key: corpus_pending has no index on document_id.
                        try db.execute(sql: "DELETE FROM corpus_pending WHERE seq = (SELECT seq FROM document WHERE id = ?)",
                                       arguments: [row.document])
                    }
                    for id in update.removedStories {
                        try db.execute(sql: "DELETE FROM corpus_story WHERE id = ?", arguments: [id])
                        try db.execute(sql: "DELETE FROM corpus_story_key WHERE story_id = ?", arguments: [id])
                    }
                    for row in update.stories {
                        let story = row.story
                        try db.execute(sql: """
                            INSERT INTO corpus_story (id, topic_id, title, size, first, last, first_day, last_day, keywords,
                                                      entities, profile, version)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                            ON CONFLICT(id) DO UPDATE SET topic_id = excluded.topic_id, title = excluded.title,
                                size = excluded.size, first = excluded.first, last = excluded.last,
                                first_day = excluded.first_day, last_day = excluded.last_day, keywords = excluded.keywords,
                                entities = excluded.entities, profile = excluded.profile, version = corpus_story.version + 1
                            """, arguments: [story.id, story.topic, story.title, story.size, story.first, story.last,
                                             story.firstDay, story.lastDay,
                                             String(decoding: try encoder.encode(story.keywords), as: UTF8.self),
                                             String(decoding: try encoder.encode(story.entities), as: UTF8.self),
                                             Data(row.profile)])
                        try db.execute(sql: "DELETE FROM corpus_story_key WHERE story_id = ?", arguments: [story.id])
                        for key in Set(row.indexKeys) {
                            try db.execute(sql: "INSERT INTO corpus_story_key (key, story_id, last_day) VALUES (?, ?, ?)",
                                           arguments: [key, story.id, story.lastDay])
                        }
                    }
                    for id in update.removedTopics {
                        try db.execute(sql: "DELETE FROM corpus_topic WHERE id = ?", arguments: [id])
                        try db.execute(sql: "DELETE FROM corpus_topic_key WHERE topic_id = ?", arguments: [id])
                    }
                    for row in update.topics {
                        let topic = row.topic
                        try db.execute(sql: """
                            INSERT OR REPLACE INTO corpus_topic (id, title, size, stories, first_day, last_day, keywords, entities, profile)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """, arguments: [topic.id, topic.title, topic.size, topic.stories, topic.firstDay, topic.lastDay,
                                             String(decoding: try encoder.encode(topic.keywords), as: UTF8.self),
                                             String(decoding: try encoder.encode(topic.entities), as: UTF8.self),
                                             Data(row.profile)])
                        try db.execute(sql: "DELETE FROM corpus_topic_key WHERE topic_id = ?", arguments: [topic.id])
                        for key in Set(row.indexKeys) {
                            try db.execute(sql: "INSERT INTO corpus_topic_key (key, topic_id) VALUES (?, ?)", arguments: [key, topic.id])
                        }
                    }
                    for (name, value) in update.values {
                        try db.execute(sql: "INSERT OR REPLACE INTO corpus_value (name, value) VALUES (?, ?)", arguments: [name, Data(value)])
                    }
                    applied = true
                    return .commit
                }
                return applied
            }
        }
    }

    public func claimStaleStories(limit: Int, seconds: Int) async throws -> [StoredStory] {
        try await storeOperation("claim stories to compare") { writer in
            try await writer.write { db in
                let now = Date().timeIntervalSince1970
                let stories = try Row.fetchAll(db, sql: """
                    SELECT \(Self.storyColumns) FROM corpus_story
                    WHERE results_version < version AND (results_claim IS NULL OR results_claim < ?)
                    ORDER BY last_day, id LIMIT ?
                    """, arguments: [now, limit]).map(Self.story)
                for story in stories {
                    try db.execute(sql: "UPDATE corpus_story SET results_claim = ? WHERE id = ?", arguments: [now + Double(seconds), story.id])
                }
                return stories
            }
        }
    }

    public func storyDocumentIDs(_ story: String, limit: Int) async throws -> [String] {
        try await storeOperation("list the documents of \(story)") { writer in
            try await writer.read { db in
                try String.fetchAll(db, sql: "SELECT document_id FROM corpus_document WHERE story_id = ? ORDER BY day, document_id LIMIT ?",
                                    arguments: [story, limit])
            }
        }
    }

    public func saveStoryResults(story: String, version: Int, results: [UInt8]) async throws -> Bool {
        try await storeOperation("store the comparison of \(story)") { writer in
            try await writer.write { db in
                try db.execute(sql: """
                    UPDATE corpus_story SET results = ?, results_version = ?, results_claim = NULL WHERE id = ? AND version = ?
                    """, arguments: [Data(results), version, story, version])
                guard db.changesCount == 1 else {
                    // The story changed since it was claimed: let the next claim take it at once.
                    try db.execute(sql: "UPDATE corpus_story SET results_claim = NULL WHERE id = ?", arguments: [story])
                    return false
                }
                return true
            }
        }
    }

    public func storyResults(stories: [String]) async throws -> [String: [UInt8]] {
        guard !stories.isEmpty else { return [:] }
        return try await storeOperation("read story comparisons") { writer in
            try await writer.read { db in
                var out: [String: [UInt8]] = [:]
                for chunk in stories.chunked(400) {
                    for row in try Row.fetchAll(db, sql: """
                        SELECT id, results FROM corpus_story WHERE results IS NOT NULL AND id IN (\(Self.placeholders(chunk.count)))
                        """, arguments: StatementArguments(chunk)) {
                        out[row["id"]] = [UInt8](row["results"] as Data)
                    }
                }
                return out
            }
        }
    }

    public func stories(_ query: StoryQuery) async throws -> [StoredStory] {
        try await storeOperation("list stories") { writer in
            try await writer.read { db in
                var conditions: [String] = []
                var arguments = StatementArguments()
                if let ids = query.ids {
                    guard !ids.isEmpty else { return [] }
                    conditions.append("id IN (\(Self.placeholders(ids.count)))")
                    arguments += StatementArguments(ids)
                }
                if let topic = query.topic {
                    conditions.append("topic_id = ?")
                    arguments += [topic]
                }
                if let days = query.days {
                    conditions.append("last_day >= ? AND first_day <= ?")
                    arguments += [days.lowerBound, days.upperBound]
                }
                if let documents = query.documents {
                    guard !documents.isEmpty else { return [] }
                    conditions.append("id IN (SELECT story_id FROM corpus_document WHERE document_id IN (\(Self.placeholders(documents.count))))")
                    arguments += StatementArguments(documents)
                }
                let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
                arguments += [query.limit, query.offset]
                return try Row.fetchAll(db, sql: """
                    SELECT \(Self.storyColumns) FROM corpus_story \(filter) ORDER BY size DESC, id LIMIT ? OFFSET ?
                    """, arguments: arguments).map(Self.story)
            }
        }
    }

    public func topics(ids: [String]?, limit: Int) async throws -> [StoredTopic] {
        try await storeOperation("list topics") { writer in
            try await writer.read { db in
                if let ids {
                    guard !ids.isEmpty else { return [] }
                    return try Row.fetchAll(db, sql: """
                        SELECT * FROM corpus_topic WHERE id IN (\(Self.placeholders(ids.count))) ORDER BY size DESC, id LIMIT ?
                        """, arguments: StatementArguments(ids) + [limit]).map(Self.topic)
                }
                return try Row.fetchAll(db, sql: "SELECT * FROM corpus_topic ORDER BY size DESC, id LIMIT ?", arguments: [limit])
                    .map(Self.topic)
            }
        }
    }

    public func storiesOf(documents: [String]) async throws -> [String: String] {
        guard !documents.isEmpty else { return [:] }
        return try await storeOperation("find the stories of documents") { writer in
            try await writer.read { db in
                var out: [String: String] = [:]
                for chunk in documents.chunked(400) {
                    for row in try Row.fetchAll(db, sql: """
                        SELECT document_id, story_id FROM corpus_document WHERE document_id IN (\(Self.placeholders(chunk.count)))
                        """, arguments: StatementArguments(chunk)) {
                        out[row["document_id"]] = row["story_id"]
                    }
                }
                return out
            }
        }
    }

    public func copyGroups(of documents: [String]) async throws -> [[String]] {
        guard !documents.isEmpty else { return [] }
        return try await storeOperation("read copy groups") { writer in
            try await writer.read { db in
                var groups: [String: [String]] = [:]
                for chunk in documents.chunked(400) {
                    for row in try Row.fetchAll(db, sql: """
                        SELECT copy_group, document_id FROM corpus_document WHERE copy_group IN
                            (SELECT copy_group FROM corpus_document WHERE document_id IN (\(Self.placeholders(chunk.count))))
                        ORDER BY copy_group, day, document_id
                        """, arguments: StatementArguments(chunk)) {
                        let group: String = row["copy_group"]
                        let id: String = row["document_id"]
                        if !(groups[group]?.contains(id) ?? false) { groups[group, default: []].append(id) }
                    }
                }
                return groups.keys.sorted().compactMap { groups[$0]!.count > 1 ? groups[$0] : nil }
            }
        }
    }

    public func corpusCounts() async throws -> CorpusCounts {
        try await storeOperation("count the analysis") { writer in
            try await writer.read { db in
                let documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0
                let unannotated = try Int.fetchOne(db, sql: "SELECT count(*) FROM document WHERE annotations IS NULL") ?? 0
                return CorpusCounts(
                    documents: documents, annotated: documents - unannotated,
                    placed: try Int.fetchOne(db, sql: "SELECT count(*) FROM corpus_document") ?? 0,
                    stories: try Int.fetchOne(db, sql: "SELECT count(*) FROM corpus_story") ?? 0,
                    topics: try Int.fetchOne(db, sql: "SELECT count(*) FROM corpus_topic") ?? 0,
                    staleStories: try Int.fetchOne(db, sql: "SELECT count(*) FROM corpus_story WHERE results_version < version") ?? 0)
            }
        }
    }

    // MARK: Rows

    static let storyColumns = "id, topic_id, title, size, first, last, first_day, last_day, keywords, entities, version, results_version"

    static func story(_ row: Row) -> StoredStory {
        StoredStory(id: row["id"], topic: row["topic_id"], title: row["title"], size: row["size"], first: row["first"],
                    last: row["last"], firstDay: row["first_day"], lastDay: row["last_day"],
                    keywords: stringList(row["keywords"]), entities: stringList(row["entities"]), version: row["version"],
                    resultsVersion: row["results_version"])
    }

    static func topic(_ row: Row) -> StoredTopic {
        StoredTopic(id: row["id"], title: row["title"], size: row["size"], stories: row["stories"], firstDay: row["first_day"],
                    lastDay: row["last_day"], keywords: stringList(row["keywords"]), entities: stringList(row["entities"]))
    }

    static func stringList(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }

    static func storyRows(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [StoryRow] {
        let rows = try Row.fetchAll(db, sql: "SELECT \(storyColumns), profile FROM corpus_story WHERE \(condition) ORDER BY last_day DESC, id", arguments: arguments)
        let stories = rows.map(Self.story)
        let keys = try Self.keys(db, table: "corpus_story_key", owner: "story_id", of: stories.map(\.id))
        return zip(stories, rows).map { story, row in
            StoryRow(story: story, profile: [UInt8](row["profile"] as Data), indexKeys: keys[story.id] ?? [])
        }
    }

    /// The index keys of many stories or topics, read 400 owners a query (not one query each: the
    /// window's first load reads every open story and topic).
    static func keys(_ db: Database, table: String, owner: String, of ids: [String]) throws -> [String: [Int64]] {
        var keys: [String: [Int64]] = [:]
        for chunk in ids.chunked(400) {
            for row in try Row.fetchAll(db, sql: "SELECT \(owner), key FROM \(table) WHERE \(owner) IN (\(placeholders(chunk.count)))",
                                        arguments: StatementArguments(chunk)) {
                keys[row[0] as String, default: []].append(row[1])
            }
        }
        return keys
    }

    /// Latest last day first; ties by id, so equal days list the same way on every backend.
    static func latestFirst(_ a: StoryRow, _ b: StoryRow) -> Bool {
        a.story.lastDay != b.story.lastDay ? a.story.lastDay > b.story.lastDay : a.story.id < b.story.id
    }

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min(count, $0 + size)]) }
    }
}
