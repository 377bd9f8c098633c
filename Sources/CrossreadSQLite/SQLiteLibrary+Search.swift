import CrossreadCore
import Foundation
internal import GRDB

/// Top-k search over FTS5 whose cost does not grow with the number of matches:
///
///  1. FTS5 walks its lists in rowid order, so the newest `exactBound + 1` matches cost little.
///     At most `exactBound` matches: every one is ranked by BM25 (title 5, text 1) and counted.
///  2. Otherwise the hits are ranked from each query word's impact-ordered list (`search_term`, read
///     with the filters applied while reading; an entity filter naming at most `namedBound`
///     documents makes those the candidates): see `rankByImpact`. FTS5's own BM25 is not used
///     there, since its word rarity counts every match. Newest matches fill a page the lists leave
///     short (prefix searches, words whose lists do not meet). The count is estimated from how
///     densely the newest matches (and the share of them that pass the filters) fill the library.
///
/// Snippets are made for the page's hits only.
extension SQLiteLibrary {
    static func writeSearchTerms(_ terms: SearchTerms, seq: Int64, published: String?, _ db: Database) throws {
        let day = published.map { String($0.prefix(10)) }
        let statement = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO search_term (term, impact, seq, day) VALUES (?, ?, ?, ?)")
        for entry in terms.entries {
            try statement.execute(arguments: [entry.term, entry.impact, seq, day])
        }
    }

    public func searchResults(_ query: SearchQuery) async throws -> SearchResults {
        guard let expression = FTSQuery(query.text).expression else {
            return SearchResults(hits: [], total: 0, totalIsExact: true)
        }
        let filter = SearchFilter(query)
        return try await storeOperation("search for \"\(query.text)\"") { writer in
            try await writer.read { db in try Self.search(query, expression: expression, filter: filter, db) }
        }
    }

    /// The filters as SQL over `document d` (and over `search_term st` for the day), with their arguments.
    struct SearchFilter {
        var sql = ""
        var arguments: [DatabaseValue] = []
        var daySQL = ""
        var dayArguments: [DatabaseValue] = []
        /// An entity or source filter: one that needs the document row.
        var needsDocument = false
        var isEmpty: Bool { sql.isEmpty }

        init(_ query: SearchQuery) {
            if !query.entityIDs.isEmpty {
                sql += " AND EXISTS (SELECT 1 FROM document_entity e WHERE e.document_id = d.id AND e.entity_id IN ("
                    + Array(repeating: "?", count: query.entityIDs.count).joined(separator: ", ") + "))"
                arguments += query.entityIDs.map(\.databaseValue)
                needsDocument = true
            }
            if let source = query.source?.lowercased(), !source.isEmpty {
                sql += " AND (instr(lower(d.source), ?) > 0 OR instr(lower(coalesce(d.publisher, '')), ?) > 0"
                    + " OR instr(lower(coalesce(d.url, '')), ?) > 0)"
                arguments += Array(repeating: source.databaseValue, count: 3)
                needsDocument = true
            }
            if let from = query.publishedFrom {
                sql += " AND substr(d.published, 1, 10) >= ?"
                arguments.append(from.databaseValue)
                daySQL += " AND day >= ?"
                dayArguments.append(from.databaseValue)
            }
            if let through = query.publishedThrough {
                sql += " AND substr(d.published, 1, 10) <= ?"
                arguments.append(through.databaseValue)
                daySQL += " AND day <= ?"
                dayArguments.append(through.databaseValue)
            }
        }
    }

    /// An entity filter naming at most this many documents reads them all as the candidates.
    static let namedBound = 300

    static func search(_ query: SearchQuery, expression: String, filter: SearchFilter, _ db: Database) throws -> SearchResults {
        let bound = max(0, query.exactBound ?? SearchResults.exactBound)
        let offset = max(0, query.offset), limit = max(0, query.limit)
        if bound >= Int.max / 2 {
            let total = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM document_fts JOIN document d ON d.seq = document_fts.rowid
                WHERE document_fts MATCH ?\(filter.sql)
                """, arguments: StatementArguments([expression.databaseValue] + filter.arguments)) ?? 0
            return SearchResults(hits: try rankEveryMatch(expression, filter, limit: limit, offset: offset, db),
                                 total: total, totalIsExact: true)
        }
        let newest = try Int64.fetchAll(
            db, sql: "SELECT rowid FROM document_fts WHERE document_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
            arguments: [expression, bound + 1])
        if newest.count <= bound {
            let total = filter.isEmpty ? newest.count : try passing(newest, filter, db)
            let hits = limit == 0 || total == 0 ? [] : try rankEveryMatch(expression, filter, limit: limit, offset: offset, db)
            return SearchResults(hits: hits, total: total, totalIsExact: true)
        }
        var named: [Int64]? = nil
        if !query.entityIDs.isEmpty {
            // An entity named in few documents: those are the candidates, every one of them matched.
            let found = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT d.seq FROM document_entity e JOIN document d ON d.id = e.document_id
                WHERE e.entity_id IN (\(Array(repeating: "?", count: query.entityIDs.count).joined(separator: ", ")))
                LIMIT ?
                """, arguments: StatementArguments(query.entityIDs.map(\.databaseValue) + [(namedBound + 1).databaseValue]))
            if found.count <= namedBound { named = found }
        }
        let need = offset + limit
        let scored = try rankByImpact(query.text, expression, filter, need: need, only: named, db)
        // The newest bound + 1 matches span the rowids from the last of them to the newest document.
        let newestSeq = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM document") ?? newest[0]
        let span = Double(max(1, newestSeq - newest[newest.count - 1] + 1))
        var estimate = Double(newest.count) * Double(newestSeq) / span
        if !filter.isEmpty {
            // The share of the newest 200 matches that pass the filters (reading 1,001 rows for it
            // cost ~20 ms: the filtered columns sit past the document's text).
            let sample = Array(newest.prefix(200))
            estimate *= Double(try passing(sample, filter, db)) / Double(sample.count)
        }
        var hits = try page(scored, expression, limit: limit, offset: offset, db)
        if hits.count < limit, scored.count < need {
            // Words whose lists do not meet (or a prefix): the newest matches fill the page, best first.
            let seen = Set(scored.map(\.seq))
            let window = try Int64.fetchAll(db, sql: """
                SELECT document_fts.rowid FROM document_fts JOIN document d ON d.seq = document_fts.rowid
                WHERE document_fts MATCH ? AND document_fts.rowid >= ?\(filter.sql)
                ORDER BY bm25(document_fts, 5.0, 1.0), document_fts.rowid LIMIT ?
                """, arguments: StatementArguments([expression.databaseValue, newest[newest.count - 1].databaseValue]
                                                    + filter.arguments + [(need + scored.count).databaseValue]))
            let more = window.filter { !seen.contains($0) }.map { (seq: $0, score: 0.0) }
            let skip = max(0, offset - scored.count)
            hits += try page(more, expression, limit: limit - hits.count, offset: skip, db)
        }
        return SearchResults(hits: hits, total: max(scored.count, Int(estimate.rounded())), totalIsExact: false)
    }

    /// Ranks the query's matches from the impact-ordered word lists alone: a document's score is the
    /// sum over the query's words of the word's rarity times its impact in the document (minus,
    /// so lower is better as with BM25). One word needs no more; with several, each candidate is
    /// matched by FTS5 (without ranking it: BM25 there counts every match of every word), and a
    /// word the candidate holds but not among its strongest gets the lowest impact read for it.
    static func rankByImpact(_ text: String, _ expression: String, _ filter: SearchFilter, need: Int,
                             only named: [Int64]?, _ db: Database) throws -> [(seq: Int64, score: Double)] {
        let words = SearchTerms.queryWords(text)
        let terms = text.split(whereSeparator: { $0.isWhitespace })
        guard !words.isEmpty, !terms.contains(where: { $0.hasSuffix("*") }) else { return [] }
        let single = named == nil && words.count == 1 && terms.count == 1 && SearchTerms.words(String(terms[0])).count == 1
        let perWord = single ? max(100, need) : max(50, 2 * need)
        var lists: [String: [Int64: Double]] = [:]
        var lowest: [String: Double] = [:]
        var rarity: [String: Double] = [:]
        let documents = Double(try Int64.fetchOne(db, sql: "SELECT max(seq) FROM document") ?? 1)
        for word in words {
            let list = try impactList(word, count: perWord, filter, db)
            lists[word] = Dictionary(list.map { ($0.seq, $0.impact) }, uniquingKeysWith: max)
            lowest[word] = list.last?.impact ?? 0
            let listed = single ? 1 : try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT 1 FROM search_term WHERE term = ? LIMIT 5000)
                """, arguments: [word]) ?? 1
            rarity[word] = log(1 + documents / Double(max(1, listed)))
        }
        if single, let list = lists[words[0]] {
            return list.map { (seq: $0.key, score: -$0.value) }
                .sorted { $0.score < $1.score || ($0.score == $1.score && $0.seq < $1.seq) }
        }
        var candidates = Set(named ?? [])
        if named == nil { for list in lists.values { candidates.formUnion(list.keys) } }
        let statement = try db.cachedStatement(sql: """
            SELECT 1 FROM document_fts JOIN document d ON d.seq = document_fts.rowid
            WHERE document_fts MATCH ? AND document_fts.rowid = ?\(filter.sql)
            """)
        var scored: [(seq: Int64, score: Double)] = []
        for seq in candidates {
            let arguments = StatementArguments([expression.databaseValue, seq.databaseValue] + filter.arguments)
            guard try Int.fetchOne(statement, arguments: arguments) != nil else { continue }
            var score = 0.0
            for word in words { score -= rarity[word]! * (lists[word]![seq] ?? lowest[word]!) }
            scored.append((seq, score))
        }
        scored.sort { $0.score < $1.score || ($0.score == $1.score && $0.seq < $1.seq) }
        return scored
    }

    /// The first `count` documents of a word's impact list that pass the filters, reading at most
    /// 20,000 entries when a filter needs the document row.
    static func impactList(_ word: String, count: Int, _ filter: SearchFilter,
                           _ db: Database) throws -> [(seq: Int64, impact: Double)] {
        let rows: [Row]
        if filter.needsDocument {
            rows = try Row.fetchAll(db, sql: """
                SELECT st.seq, st.impact FROM (SELECT seq, impact FROM search_term WHERE term = ?\(filter.daySQL)
                                               ORDER BY impact DESC LIMIT 20000) st
                JOIN document d ON d.seq = st.seq
                WHERE 1\(filter.sql)
                LIMIT ?
                """, arguments: StatementArguments([word.databaseValue] + filter.dayArguments + filter.arguments
                                                    + [count.databaseValue]))
        } else {
            rows = try Row.fetchAll(db, sql: """
                SELECT seq, impact FROM search_term WHERE term = ?\(filter.daySQL) ORDER BY impact DESC LIMIT ?
                """, arguments: StatementArguments([word.databaseValue] + filter.dayArguments + [count.databaseValue]))
        }
        return rows.map { (seq: $0[0], impact: $0[1]) }
    }

    /// How many of the documents pass the filters.
    static func passing(_ seqs: [Int64], _ filter: SearchFilter, _ db: Database) throws -> Int {
        let list = "[" + seqs.map(String.init).joined(separator: ",") + "]"
        return try Int.fetchOne(db, sql: """
            SELECT count(*) FROM document d WHERE d.seq IN (SELECT value FROM json_each(?))\(filter.sql)
            """, arguments: StatementArguments([list.databaseValue] + filter.arguments)) ?? 0
    }

    /// The page of scored documents as hits with snippets.
    static func page(_ scored: [(seq: Int64, score: Double)], _ expression: String, limit: Int, offset: Int,
                     _ db: Database) throws -> [SearchHit] {
        guard offset < scored.count, limit > 0 else { return [] }
        let statement = try db.cachedStatement(sql: """
            SELECT d.id, d.source, d.title, d.published, d.publisher,
                   snippet(document_fts, 1, '\(MarkedSnippet.start)', '\(MarkedSnippet.end)', '…', 24) AS text_snippet,
                   snippet(document_fts, 0, '\(MarkedSnippet.start)', '\(MarkedSnippet.end)', '…', 24) AS title_snippet
            FROM document_fts JOIN document d ON d.seq = document_fts.rowid
            WHERE document_fts MATCH ? AND document_fts.rowid = ?
            """)
        var hits: [SearchHit] = []
        for (seq, score) in scored[offset..<min(scored.count, offset + limit)] {
            guard let row = try Row.fetchOne(statement, arguments: [expression, seq]) else { continue }
            var hit = hit(row)
            hit.score = score
            hits.append(hit)
        }
        return hits
    }

    /// Every match ranked by FTS5 (`ORDER BY rank` sorts inside FTS5, so snippets are made for the
    /// returned rows only).
    static func rankEveryMatch(_ expression: String, _ filter: SearchFilter, limit: Int, offset: Int,
                               _ db: Database) throws -> [SearchHit] {
        guard limit > 0 else { return [] }
        let sql = """
            SELECT d.id, d.source, d.title, d.published, d.publisher, document_fts.rank AS score,
                   snippet(document_fts, 1, '\(MarkedSnippet.start)', '\(MarkedSnippet.end)', '…', 24) AS text_snippet,
                   snippet(document_fts, 0, '\(MarkedSnippet.start)', '\(MarkedSnippet.end)', '…', 24) AS title_snippet
            FROM document_fts JOIN document d ON d.seq = document_fts.rowid
            WHERE document_fts MATCH ? AND document_fts.rank MATCH 'bm25(5.0, 1.0)'\(filter.sql)
            ORDER BY document_fts.rank
            LIMIT ? OFFSET ?
            """
        let arguments = [expression.databaseValue] + filter.arguments + [limit.databaseValue, offset.databaseValue]
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
            var found = hit(row)
            found.score = row["score"]
            return found
        }
    }

    /// A hit from a row with the document's columns and both snippets. The text's snippet is
    /// preferred; a title-only match shows the title with its words marked.
    static func hit(_ row: Row) -> SearchHit {
        let text = MarkedSnippet(marked: row["text_snippet"] ?? "")
        let title = MarkedSnippet(marked: row["title_snippet"] ?? "")
        let shown = text.hasHighlights || !title.hasHighlights ? text : title
        return SearchHit(id: row["id"], source: row["source"], title: row["title"], score: 0,
                         snippet: shown.text, highlights: shown.highlights,
                         published: row["published"], publisher: row["publisher"])
    }
}
