import CrossreadCore
import Foundation
import PostgresNIO

/// One `CorpusUpdate` as column arrays for `unnest`, so a batch takes a few statements however many
/// documents, band keys and stories it holds (a million documents bring 21 million band rows). A
/// document or story listed twice keeps its last row, as applying the rows one by one would.
struct CorpusRows: Sendable {
    struct Merge: Sendable {
        var from: String
        var into: String
    }

    var merges: [Merge]
    var copyGroupMerges: [Merge]
    var topicMerges: [Merge]

    var documents: [String] = []
    var documentStories: [String] = []
    var documentDays: [Int] = []
    var copyGroups: [String] = []
    var signatures: [ByteBuffer] = []
    var bands: [Int64] = []
    var bandDocuments: [String] = []

    var removedStories: [String]
    var stories: [String] = []
    var storyTopics: [String] = []
    var storyTitles: [String] = []
    var storySizes: [Int] = []
    var storyFirsts: [String] = []
    var storyHasFirst: [Bool] = []
    var storyLasts: [String] = []
    var storyHasLast: [Bool] = []
    var storyFirstDays: [Int] = []
    var storyLastDays: [Int] = []
    var storyKeywords: [String] = []
    var storyEntities: [String] = []
    var storyProfiles: [ByteBuffer] = []
    var storyKeys: [Int64] = []
    var storyKeyOwners: [String] = []
    var storyKeyDays: [Int] = []

    var removedTopics: [String]
    var topics: [String] = []
    var topicTitles: [String] = []
    var topicSizes: [Int] = []
    var topicStories: [Int] = []
    var topicFirstDays: [Int] = []
    var topicLastDays: [Int] = []
    var topicKeywords: [String] = []
    var topicEntities: [String] = []
    var topicProfiles: [ByteBuffer] = []
    var topicKeys: [Int64] = []
    var topicKeyOwners: [String] = []

    var values: [(name: String, value: ByteBuffer)]

    init(_ update: CorpusUpdate) throws(CrossreadError) {
        merges = update.merges.map { Merge(from: $0.from, into: $0.into) }
        copyGroupMerges = update.copyGroupMerges.map { Merge(from: $0.from, into: $0.into) }
        topicMerges = update.topicMerges.map { Merge(from: $0.from, into: $0.into) }
        removedStories = update.removedStories
        removedTopics = update.removedTopics
        values = update.values.sorted { $0.key < $1.key }.map { ($0.key, ByteBuffer(bytes: $0.value)) }
        for row in Self.lastOfEach(update.documents, by: \.document) {
            documents.append(row.document)
            documentStories.append(row.story)
            documentDays.append(row.day)
            copyGroups.append(row.copyGroup)
            signatures.append(ByteBuffer(bytes: row.signature))
            for band in Set(row.bands).sorted() {
                bands.append(band)
                bandDocuments.append(row.document)
            }
        }
        for row in Self.lastOfEach(update.stories, by: \.story.id) {
            let story = row.story
            stories.append(story.id)
            storyTopics.append(story.topic)
            storyTitles.append(story.title)
            storySizes.append(story.size)
            storyFirsts.append(story.first ?? "")
            storyHasFirst.append(story.first != nil)
            storyLasts.append(story.last ?? "")
            storyHasLast.append(story.last != nil)
            storyFirstDays.append(story.firstDay)
            storyLastDays.append(story.lastDay)
            storyKeywords.append(try Self.json(story.keywords))
            storyEntities.append(try Self.json(story.entities))
            storyProfiles.append(ByteBuffer(bytes: row.profile))
            for key in Set(row.indexKeys).sorted() {
                storyKeys.append(key)
                storyKeyOwners.append(story.id)
                storyKeyDays.append(story.lastDay)
            }
        }
        for row in Self.lastOfEach(update.topics, by: \.topic.id) {
            let topic = row.topic
            topics.append(topic.id)
            topicTitles.append(topic.title)
            topicSizes.append(topic.size)
            topicStories.append(topic.stories)
            topicFirstDays.append(topic.firstDay)
            topicLastDays.append(topic.lastDay)
            topicKeywords.append(try Self.json(topic.keywords))
            topicEntities.append(try Self.json(topic.entities))
            topicProfiles.append(ByteBuffer(bytes: row.profile))
            for key in Set(row.indexKeys).sorted() {
                topicKeys.append(key)
                topicKeyOwners.append(topic.id)
            }
        }
    }

    /// Writes the update inside the caller's transaction, in the order SQLite applies it: merges,
    /// placements, stories, topics, values.
    func write(_ connection: PostgresConnection, _ logger: Logger) async throws {
        // A merged story's documents move and its row goes; the story they join changed.
        for merge in merges where merge.from != merge.into {
            try await connection.query("""
                WITH moved AS (UPDATE corpus_document SET story_id = \(merge.into) WHERE story_id = \(merge.from)),
                     gone AS (DELETE FROM corpus_story WHERE id = \(merge.from)),
                     keys AS (DELETE FROM corpus_story_key WHERE story_id = \(merge.from))
                UPDATE corpus_story SET version = version + 1 WHERE id = \(merge.into)
                """, logger: logger)
        }
        for merge in copyGroupMerges where merge.from != merge.into {
            try await connection.query("""
                UPDATE corpus_document SET copy_group = \(merge.into) WHERE copy_group = \(merge.from)
                """, logger: logger)
        }
        // A topic joined to another: its stories move (their comparisons stay valid).
        for merge in topicMerges where merge.from != merge.into {
            try await connection.query("""
                UPDATE corpus_story SET topic_id = \(merge.into) WHERE topic_id = \(merge.from)
                """, logger: logger)
        }
        // A document placed again (a split) moves; its band keys, which its text decides, stay.
        for r in Self.chunks(documents.count) {
            try await connection.query("""
                INSERT INTO corpus_document (document_id, story_id, day, copy_group, signature)
                SELECT * FROM unnest(\(Array(documents[r]))::text[], \(Array(documentStories[r]))::text[],
                                     \(Array(documentDays[r]))::int8[], \(Array(copyGroups[r]))::text[],
                                     \(Array(signatures[r]))::bytea[])
                ON CONFLICT (document_id) DO UPDATE SET story_id = excluded.story_id, day = excluded.day,
                    copy_group = excluded.copy_group, signature = excluded.signature
                """, logger: logger)
            try await connection.query("DELETE FROM corpus_pending WHERE document_id = ANY(\(Array(documents[r])))",
                                       logger: logger)
        }
        for r in Self.chunks(bands.count) {
            try await connection.query("""
                INSERT INTO corpus_copy_band (band, document_id)
                SELECT * FROM unnest(\(Array(bands[r]))::int8[], \(Array(bandDocuments[r]))::text[])
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
        if !removedStories.isEmpty {
            try await connection.query("""
                WITH keys AS (DELETE FROM corpus_story_key WHERE story_id = ANY(\(removedStories)))
                DELETE FROM corpus_story WHERE id = ANY(\(removedStories))
                """, logger: logger)
        }
        for r in Self.chunks(stories.count) {
            try await connection.query("""
                INSERT INTO corpus_story (id, topic_id, title, size, first, last, first_day, last_day, keywords, entities,
                                          profile, version)
                SELECT s.id, s.topic, s.title, s.size, CASE WHEN s.has_first THEN s.first END,
                       CASE WHEN s.has_last THEN s.last END, s.first_day, s.last_day, s.keywords, s.entities, s.profile, 0
                FROM unnest(\(Array(stories[r]))::text[], \(Array(storyTopics[r]))::text[], \(Array(storyTitles[r]))::text[],
                            \(Array(storySizes[r]))::int8[], \(Array(storyFirsts[r]))::text[], \(Array(storyHasFirst[r]))::bool[],
                            \(Array(storyLasts[r]))::text[], \(Array(storyHasLast[r]))::bool[],
                            \(Array(storyFirstDays[r]))::int8[], \(Array(storyLastDays[r]))::int8[],
                            \(Array(storyKeywords[r]))::text[], \(Array(storyEntities[r]))::text[],
                            \(Array(storyProfiles[r]))::bytea[])
                    AS s(id, topic, title, size, first, has_first, last, has_last, first_day, last_day, keywords, entities,
                         profile)
                ON CONFLICT (id) DO UPDATE SET topic_id = excluded.topic_id, title = excluded.title, size = excluded.size,
                    first = excluded.first, last = excluded.last, first_day = excluded.first_day,
                    last_day = excluded.last_day, keywords = excluded.keywords, entities = excluded.entities,
                    profile = excluded.profile, version = corpus_story.version + 1
                """, logger: logger)
            try await connection.query("DELETE FROM corpus_story_key WHERE story_id = ANY(\(Array(stories[r])))",
                                       logger: logger)
        }
        for r in Self.chunks(storyKeys.count) {
            try await connection.query("""
                INSERT INTO corpus_story_key (key, story_id, last_day)
                SELECT * FROM unnest(\(Array(storyKeys[r]))::int8[], \(Array(storyKeyOwners[r]))::text[],
                                     \(Array(storyKeyDays[r]))::int8[])
                """, logger: logger)
        }
        if !removedTopics.isEmpty {
            try await connection.query("""
                WITH keys AS (DELETE FROM corpus_topic_key WHERE topic_id = ANY(\(removedTopics)))
                DELETE FROM corpus_topic WHERE id = ANY(\(removedTopics))
                """, logger: logger)
        }
        for r in Self.chunks(topics.count) {
            try await connection.query("""
                INSERT INTO corpus_topic (id, title, size, stories, first_day, last_day, keywords, entities, profile)
                SELECT * FROM unnest(\(Array(topics[r]))::text[], \(Array(topicTitles[r]))::text[],
                                     \(Array(topicSizes[r]))::int8[], \(Array(topicStories[r]))::int8[],
                                     \(Array(topicFirstDays[r]))::int8[], \(Array(topicLastDays[r]))::int8[],
                                     \(Array(topicKeywords[r]))::text[], \(Array(topicEntities[r]))::text[],
                                     \(Array(topicProfiles[r]))::bytea[])
                ON CONFLICT (id) DO UPDATE SET title = excluded.title, size = excluded.size, stories = excluded.stories,
                    first_day = excluded.first_day, last_day = excluded.last_day, keywords = excluded.keywords,
                    entities = excluded.entities, profile = excluded.profile
                """, logger: logger)
            try await connection.query("DELETE FROM corpus_topic_key WHERE topic_id = ANY(\(Array(topics[r])))",
                                       logger: logger)
        }
        for r in Self.chunks(topicKeys.count) {
            try await connection.query("""
                INSERT INTO corpus_topic_key (key, topic_id)
                SELECT * FROM unnest(\(Array(topicKeys[r]))::int8[], \(Array(topicKeyOwners[r]))::text[])
                """, logger: logger)
        }
        for (name, value) in values {
            try await connection.query("""
                INSERT INTO corpus_value (name, value) VALUES (\(name), \(value))
                ON CONFLICT (name) DO UPDATE SET value = excluded.value
                """, logger: logger)
        }
    }

    /// Index ranges of at most `PostgresLibrary.arrayChunk` rows covering `count` rows.
    static func chunks(_ count: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: PostgresLibrary.arrayChunk).map { $0..<min(count, $0 + PostgresLibrary.arrayChunk) }
    }

    /// `rows` without earlier rows of the same key, in the order of their last occurrences.
    static func lastOfEach<Row>(_ rows: [Row], by key: (Row) -> String) -> [Row] {
        var last: [String: Int] = [:]
        for (index, row) in rows.enumerated() { last[key(row)] = index }
        return rows.enumerated().filter { last[key($0.element)] == $0.offset }.map(\.element)
    }

    static func json(_ list: [String]) throws(CrossreadError) -> String {
        try PostgresLibrary.json(list)
    }
}
