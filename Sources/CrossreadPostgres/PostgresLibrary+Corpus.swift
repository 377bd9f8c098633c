import CrossreadCore
import Foundation
import PostgresNIO

/// The library's side of corpus analysis (`CorpusStore`) in PostgreSQL, for any number of workers at
/// once. Claims (documents to annotate, stories to compare) take rows with `FOR UPDATE SKIP LOCKED`,
/// so workers asking together get different rows without waiting; `applyCorpusUpdate` locks the one
/// generation row first, so updates serialize and one made from an older generation changes nothing.
/// Rows go in as arrays (`unnest`), a few statements a batch however many documents it places.
extension PostgresLibrary {
    /// Rows a single array statement carries at the most (a batch's 21 band keys a document add up).
    static let arrayChunk = 50_000

    public func claimDocumentsForAnnotation(limit: Int, seconds: Int) async throws -> [Document] {
        guard limit > 0 else { return [] }
        let ids = try await operation("claim documents to annotate") {
            var claimed: [(seq: Int, id: String)] = []
            for try await (seq, id) in try await client.query("""
                UPDATE document SET annotation_claim = clock_timestamp() + make_interval(secs => \(Double(seconds)))
                WHERE seq IN (
                    SELECT seq FROM document
                    WHERE annotations IS NULL AND (annotation_claim IS NULL OR annotation_claim < clock_timestamp())
                    ORDER BY seq LIMIT \(limit)
                    FOR UPDATE SKIP LOCKED)
                RETURNING seq, id
                """, logger: logger).decode((Int, String).self) {
                claimed.append((seq, id))
            }
            return claimed.sorted { $0.seq < $1.seq }.map(\.id)
        }
        return try await documents(ids: ids)
    }

    public func documentsAwaitingStories(limit: Int) async throws -> [Document] {
        try await documentsAwaitingStories(limit: limit, excluding: [])
    }

    public func documentsAwaitingStories(limit: Int, excluding: [String]) async throws -> [Document] {
        let skipped = Set(excluding)
        var ids: [String] = []
        // Held-back articles are the oldest waiting as a rule: read past them in pages.
        var offset = 0
        let page = max(0, limit) + skipped.count
        while ids.count < limit {
            let found = try await strings("list documents awaiting stories",
                                          "SELECT document_id FROM corpus_pending ORDER BY seq LIMIT \(page) OFFSET \(offset)")
            ids += found.filter { !skipped.contains($0) }
            if found.count < page { break }
            offset += found.count
        }
        return try await documents(ids: Array(ids.prefix(limit)))
    }

    public func documents(ids: [String]) async throws -> [Document] {
        guard !ids.isEmpty else { return [] }
        let logger = logger
        return try await operation("read \(ids.count) documents") {
            try await client.withConnection { connection in
                var byID: [String: Document] = [:]
                for chunk in Set(ids).sorted().chunked(Self.arrayChunk) {
                    var removed: [String: [RemovedBlock]] = [:]
                    for try await (documentID, position, kind, text) in try await connection.query("""
                        SELECT document_id, position, kind, text FROM removed_block
                        WHERE document_id = ANY(\(chunk)) ORDER BY document_id, position
                        """, logger: logger).decode((String, Int, String, String).self) {
                        removed[documentID, default: []].append(try Self.removedBlock(documentID, position, kind, text))
                    }
                    let rows = try await connection.query(PostgresQuery(
                        unsafeSQL: "SELECT \(DocumentColumns.selectList) FROM document WHERE id = ANY($1)",
                        binds: Self.arrayBindings(chunk)), logger: logger)
                    for try await row in rows {
                        let columns = try DocumentColumns(row: row)
                        byID[columns.id] = try columns.document(removed: removed[columns.id] ?? [])
                    }
                }
                return ids.compactMap { byID[$0] }
            }
        }
    }

    public func corpusGeneration() async throws -> Int {
        try await operation("read the analysis generation") {
            try await client.query("SELECT generation FROM corpus_generation", logger: logger).decode(Int.self).reduce(0, +)
        }
    }

    public func corpusValue(_ name: String) async throws -> [UInt8]? {
        try await operation("read analysis value \(name)") {
            var value: [UInt8]?
            for try await bytes in try await client.query("SELECT value FROM corpus_value WHERE name = \(name)", logger: logger)
                .decode(ByteBuffer.self) {
                value = Array(bytes.readableBytesView)
            }
            return value
        }
    }

    public func storyRows(overlapping days: ClosedRange<Int>) async throws -> [StoryRow] {
        try await storyRows("read open stories", """
            SELECT \(unescaped: Self.storyColumns), profile FROM corpus_story
            WHERE last_day >= \(days.lowerBound) AND first_day <= \(days.upperBound) ORDER BY last_day DESC, id
            """)
    }

    public func storyRows(keys: [Int64], overlapping days: ClosedRange<Int>, limit: Int) async throws -> [StoryRow] {
        guard !keys.isEmpty, limit > 0 else { return [] }
        // Each key's latest `limit` stories inside the window (through the key's (key, last_day)
        // index), then the latest `limit` of all: a story among those is among its keys' too.
        return try await storyRows("find stories by key", """
            SELECT \(unescaped: Self.storyColumns), profile FROM corpus_story
            WHERE id IN (
                SELECT found.story_id FROM unnest(\(Array(Set(keys)))::int8[]) AS wanted(key)
                CROSS JOIN LATERAL (
                    SELECT k.story_id FROM corpus_story_key k JOIN corpus_story s ON s.id = k.story_id
                    WHERE k.key = wanted.key AND k.last_day >= \(days.lowerBound) AND s.first_day <= \(days.upperBound)
                    ORDER BY k.last_day DESC, k.story_id LIMIT \(limit)) AS found)
            ORDER BY last_day DESC, id LIMIT \(limit)
            """)
    }

    public func topicRows(lastDayFrom day: Int) async throws -> [TopicRow] {
        let logger = logger
        return try await operation("read open topics") {
            try await client.withConnection { connection in
                var rows: [TopicRow] = []
                for try await row in try await connection.query("""
                    SELECT \(unescaped: Self.topicColumns), profile FROM corpus_topic WHERE last_day >= \(day) ORDER BY id
                    """, logger: logger) {
                    let (topic, profile) = try Self.topic(row)
                    rows.append(TopicRow(topic: topic, profile: profile, indexKeys: []))
                }
                let keys = try await Self.keys("SELECT topic_id, key FROM corpus_topic_key WHERE topic_id = ANY",
                                               of: rows.map(\.topic.id), connection, logger)
                return rows.map { TopicRow(topic: $0.topic, profile: $0.profile, indexKeys: keys[$0.topic.id] ?? []) }
            }
        }
    }

    public func copyCandidates(bands: [Int64]) async throws -> [CopyCandidate] {
        guard !bands.isEmpty else { return [] }
        return try await operation("find copy candidates") {
            var candidates: [CopyCandidate] = []
            var seen = Set<String>()
            for chunk in Array(Set(bands)).chunked(Self.arrayChunk) {
                for try await (id, group, signature) in try await client.query("""
                    SELECT d.document_id, d.copy_group, d.signature FROM corpus_document d
                    WHERE d.document_id IN (SELECT b.document_id FROM corpus_copy_band b WHERE b.band = ANY(\(chunk)))
                    ORDER BY d.document_id
                    """, logger: logger).decode((String, String, ByteBuffer).self) where seen.insert(id).inserted {
                    candidates.append(CopyCandidate(document: id, copyGroup: group, signature: Array(signature.readableBytesView)))
                }
            }
            return candidates
        }
    }

    public func applyCorpusUpdate(_ update: CorpusUpdate, generation: Int) async throws -> Bool {
        let rows = try CorpusRows(update)
        let logger = logger
        return try await operation("store a batch of analysis") {
            try await client.withTransaction(logger: logger) { connection in
                // The lock every writer takes first: a second writer waits here, then reads the
                // generation the first one left, and gives up having changed nothing.
                let current = try await connection.query(
                    "SELECT generation FROM corpus_generation WHERE id = 1 FOR UPDATE", logger: logger)
                    .decode(Int.self).reduce(into: [Int]()) { $0.append($1) }
                guard current == [generation] else { return false }
                try await connection.query("UPDATE corpus_generation SET generation = generation + 1 WHERE id = 1",
                                           logger: logger)
                try await rows.write(connection, logger)
                return true
            }
        }
    }

    public func claimStaleStories(limit: Int, seconds: Int) async throws -> [StoredStory] {
        guard limit > 0 else { return [] }
        return try await operation("claim stories to compare") {
            var stories: [StoredStory] = []
            for try await row in try await client.query("""
                UPDATE corpus_story SET results_claim = clock_timestamp() + make_interval(secs => \(Double(seconds)))
                WHERE id IN (
                    SELECT id FROM corpus_story
                    WHERE results_version < version AND (results_claim IS NULL OR results_claim < clock_timestamp())
                    ORDER BY last_day, id LIMIT \(limit)
                    FOR UPDATE SKIP LOCKED)
                RETURNING \(unescaped: Self.storyColumns)
                """, logger: logger) {
                stories.append(try Self.story(row))
            }
            return stories.sorted { ($0.lastDay, $0.id) < ($1.lastDay, $1.id) }
        }
    }

    public func storyDocumentIDs(_ story: String, limit: Int) async throws -> [String] {
        try await strings("list the documents of \(story)", """
            SELECT document_id FROM corpus_document WHERE story_id = \(story) ORDER BY day, document_id LIMIT \(max(0, limit))
            """)
    }

    public func saveStoryResults(story: String, version: Int, results: [UInt8]) async throws -> Bool {
        let saved = try await strings("store the comparison of \(story)", """
            UPDATE corpus_story SET results = \(ByteBuffer(bytes: results)), results_version = \(version), results_claim = NULL
            WHERE id = \(story) AND version = \(version)
            RETURNING id
            """)
        if saved.isEmpty {
            // The story changed since it was claimed: let the next claim take it at once.
            _ = try await strings("release the claim on \(story)", """
                UPDATE corpus_story SET results_claim = NULL WHERE id = \(story) RETURNING id
                """)
        }
        return !saved.isEmpty
    }

    public func storyResults(stories: [String]) async throws -> [String: [UInt8]] {
        guard !stories.isEmpty else { return [:] }
        return try await operation("read story comparisons") {
            var results: [String: [UInt8]] = [:]
            for chunk in stories.chunked(Self.arrayChunk) {
                for try await (id, bytes) in try await client.query("""
                    SELECT id, results FROM corpus_story WHERE results IS NOT NULL AND id = ANY(\(chunk))
                    """, logger: logger).decode((String, ByteBuffer).self) {
                    results[id] = Array(bytes.readableBytesView)
                }
            }
            return results
        }
    }

    public func stories(_ query: StoryQuery) async throws -> [StoredStory] {
        if query.ids?.isEmpty == true || query.documents?.isEmpty == true || query.limit <= 0 { return [] }
        var sql: PostgresQuery = "SELECT \(unescaped: Self.storyColumns) FROM corpus_story WHERE true"
        if let ids = query.ids { sql = try sql.appending(" AND id = ANY(", ids, ")") }
        if let topic = query.topic { sql = try sql.appending(" AND topic_id = ", topic, "") }
        if let days = query.days {
            sql = try sql.appending(" AND last_day >= ", days.lowerBound, "").appending(" AND first_day <= ", days.upperBound, "")
        }
        if let documents = query.documents {
            sql = try sql.appending(" AND id IN (SELECT story_id FROM corpus_document WHERE document_id = ANY(", documents, "))")
        }
        sql = try sql.appending(" ORDER BY size DESC, id LIMIT ", query.limit, "").appending(" OFFSET ", max(0, query.offset), "")
        let bound = sql
        return try await operation("list stories") {
            var stories: [StoredStory] = []
            for try await row in try await client.query(bound, logger: logger) { stories.append(try Self.story(row)) }
            return stories
        }
    }

    public func topics(ids: [String]?, limit: Int) async throws -> [StoredTopic] {
        if ids?.isEmpty == true || limit <= 0 { return [] }
        var sql: PostgresQuery = "SELECT \(unescaped: Self.topicColumns), profile FROM corpus_topic WHERE true"
        if let ids { sql = try sql.appending(" AND id = ANY(", ids, ")") }
        sql = try sql.appending(" ORDER BY size DESC, id LIMIT ", limit, "")
        let bound = sql
        return try await operation("list topics") {
            var topics: [StoredTopic] = []
            for try await row in try await client.query(bound, logger: logger) { topics.append(try Self.topic(row).topic) }
            return topics
        }
    }

    public func storiesOf(documents: [String]) async throws -> [String: String] {
        guard !documents.isEmpty else { return [:] }
        return try await operation("find the stories of documents") {
            var stories: [String: String] = [:]
            for chunk in documents.chunked(Self.arrayChunk) {
                for try await (document, story) in try await client.query("""
                    SELECT document_id, story_id FROM corpus_document WHERE document_id = ANY(\(chunk))
                    """, logger: logger).decode((String, String).self) {
                    stories[document] = story
                }
            }
            return stories
        }
    }

    public func copyGroups(of documents: [String]) async throws -> [[String]] {
        guard !documents.isEmpty else { return [] }
        return try await operation("read copy groups") {
            var groups: [String: [String]] = [:]
            for chunk in Array(Set(documents)).chunked(Self.arrayChunk) {
                for try await (group, document) in try await client.query("""
                    SELECT copy_group, document_id FROM corpus_document WHERE copy_group IN
                        (SELECT copy_group FROM corpus_document WHERE document_id = ANY(\(chunk)))
                    ORDER BY copy_group, day, document_id
                    """, logger: logger).decode((String, String).self) where !(groups[group]?.contains(document) ?? false) {
                    groups[group, default: []].append(document)
                }
            }
            return groups.keys.sorted().compactMap { groups[$0]!.count > 1 ? groups[$0] : nil }
        }
    }

    public func corpusCounts() async throws -> CorpusCounts {
        try await operation("count the analysis") {
            var counts = CorpusCounts(documents: 0, annotated: 0, placed: 0, stories: 0, topics: 0, staleStories: 0)
            for try await (documents, unannotated, placed, stories, topics, stale) in try await client.query("""
                SELECT (SELECT count(*) FROM document), (SELECT count(*) FROM document WHERE annotations IS NULL),
                       (SELECT count(*) FROM corpus_document), (SELECT count(*) FROM corpus_story),
                       (SELECT count(*) FROM corpus_topic), (SELECT count(*) FROM corpus_story WHERE results_version < version)
                """, logger: logger).decode((Int, Int, Int, Int, Int, Int).self) {
                counts = CorpusCounts(documents: documents, annotated: documents - unannotated, placed: placed,
                                      stories: stories, topics: topics, staleStories: stale)
            }
            return counts
        }
    }

    // MARK: Queue

    /// Queues an annotated document for a story, unless it has one, inside the caller's transaction.
    static func markAwaitingStory(_ id: String, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO corpus_pending (seq, document_id)
            SELECT seq, id FROM document
            WHERE id = \(id) AND NOT EXISTS (SELECT 1 FROM corpus_document WHERE document_id = \(id))
            ON CONFLICT DO NOTHING
            """, logger: logger)
    }

    // MARK: Rows

    static let storyColumns = "id, topic_id, title, size, first, last, first_day, last_day, keywords, entities, version, results_version"
    /// The position of the column after the story columns (the profile, where a query adds it).
    static let storyColumnCount = storyColumns.split(separator: ",").count
    static let topicColumns = "id, title, size, stories, first_day, last_day, keywords, entities"

    static func story(_ row: PostgresRow) throws -> StoredStory {
        let (id, topic, title, size, first, last, firstDay, lastDay, keywords, entities, version, resultsVersion) = try row.decode(
            (String, String, String, Int, String?, String?, Int, Int, String, String, Int, Int).self)
        return StoredStory(id: id, topic: topic, title: title, size: size, first: first, last: last, firstDay: firstDay,
                           lastDay: lastDay, keywords: stringList(keywords), entities: stringList(entities), version: version,
                           resultsVersion: resultsVersion)
    }

    static func topic(_ row: PostgresRow) throws -> (topic: StoredTopic, profile: [UInt8]) {
        let (id, title, size, stories, firstDay, lastDay, keywords, entities, profile) = try row.decode(
            (String, String, Int, Int, Int, Int, String, String, ByteBuffer).self)
        return (StoredTopic(id: id, title: title, size: size, stories: stories, firstDay: firstDay, lastDay: lastDay,
                            keywords: stringList(keywords), entities: stringList(entities)),
                Array(profile.readableBytesView))
    }

    static func stringList(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }

    /// Story rows (story columns, then profile) with their index keys, in the query's order.
    func storyRows(_ what: String, _ query: PostgresQuery) async throws -> [StoryRow] {
        let logger = logger
        return try await operation(what) {
            try await client.withConnection { connection in
                var rows: [StoryRow] = []
                for try await row in try await connection.query(query, logger: logger) {
                    let profile = try row.makeRandomAccess()[Self.storyColumnCount].decode(ByteBuffer.self)
                    rows.append(StoryRow(story: try Self.story(row), profile: Array(profile.readableBytesView), indexKeys: []))
                }
                let keys = try await Self.keys("SELECT story_id, key FROM corpus_story_key WHERE story_id = ANY",
                                               of: rows.map(\.story.id), connection, logger)
                return rows.map { StoryRow(story: $0.story, profile: $0.profile, indexKeys: keys[$0.story.id] ?? []) }
            }
        }
    }

    /// The index keys of stories or topics: `select` names the owner and key columns and ends before
    /// the array of owners it filters on.
    static func keys(_ select: String, of owners: [String], _ connection: PostgresConnection,
                     _ logger: Logger) async throws -> [String: [Int64]] {
        var keys: [String: [Int64]] = [:]
        for chunk in owners.chunked(arrayChunk) {
            for try await (owner, key) in try await connection.query(
                PostgresQuery(unsafeSQL: select + "($1) ORDER BY key", binds: arrayBindings(chunk)), logger: logger)
                .decode((String, Int64).self) {
                keys[owner, default: []].append(key)
            }
        }
        return keys
    }

    /// The first column of every row as strings.
    func strings(_ what: String, _ query: PostgresQuery) async throws -> [String] {
        try await operation(what) {
            var values: [String] = []
            for try await value in try await client.query(query, logger: logger).decode(String.self) { values.append(value) }
            return values
        }
    }

    static func arrayBindings(_ values: [String]) -> PostgresBindings {
        var binds = PostgresBindings(capacity: 1)
        binds.append(values)
        return binds
    }

    /// A removed block as stored, refusing a kind this Crossread does not know.
    static func removedBlock(_ documentID: String, _ position: Int, _ kind: String, _ text: String) throws -> RemovedBlock {
        guard let kind = BlockKind(rawValue: kind) else {
            throw CrossreadError(source: documentID, stage: .store,
                                 reason: "stored removed block \(position) has unknown kind \"\(kind)\"")
        }
        return RemovedBlock(kind: kind, text: text)
    }
}

extension PostgresQuery {
    /// This query with `text`, a parameter for `value`, and `after` appended.
    func appending<Value: PostgresThrowingDynamicTypeEncodable>(_ text: String, _ value: Value,
                                                                 _ after: String) throws -> PostgresQuery {
        var binds = self.binds
        try binds.append(value)
        return PostgresQuery(unsafeSQL: sql + text + "$\(binds.count)" + after, binds: binds)
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min(count, $0 + size)]) }
    }
}
