import CrossreadCore
import Logging
import PostgresNIO

/// Top-k search whose cost does not grow with the number of matches. The typed words become a
/// `tsquery` (see `TextSearchQuery`) matched against the weighted `search` column through its GIN
/// index and ranked by `ts_rank`, the title weighing five times the text:
///
///  1. The first `exactBound + 1` matches in table order (a bitmap scan of the GIN index, stopped
///     there). At most `exactBound`: every match is ranked, and counted.
///  2. An entity filter naming at most `exactBound` documents: those are matched and ranked.
///  3. Otherwise the candidates are the first entries of each query word's impact-ordered list
///     (`search_term`, read with the filters applied while reading) and the first matches; they are
///     ranked, and the count is estimated from how densely the first matches fill the table (and
///     the share of them that pass the filters).
///
/// `ts_headline` snippets are made for the page's rows only.
extension PostgresLibrary {
    static func writeSearchTerms(_ terms: SearchTerms, seq: Int64, published: String?, _ connection: PostgresConnection,
                                 _ logger: Logger) async throws {
        guard !terms.entries.isEmpty else { return }
        let words = terms.entries.map(\.term), impacts = terms.entries.map(\.impact)
        let day = published.map { String($0.prefix(10)) }
        try await connection.query("""
            INSERT INTO search_term (term, impact, seq, day)
            SELECT u.term, u.impact, \(seq), \(day) FROM unnest(\(words)::text[], \(impacts)::float8[]) AS u(term, impact)
            """, logger: logger)
    }

    /// Numbered parameters for one statement.
    struct Parameters {
        var binds = PostgresBindings()
        mutating func add<T: PostgresNonThrowingEncodable & PostgresDynamicTypeEncodable>(_ value: T) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
    }

    /// The filters as SQL over `document d` (and the day over `search_term`), their values bound in order.
    struct SearchFilter {
        let query: SearchQuery
        var isEmpty: Bool { query.entityIDs.isEmpty && !hasSource && query.publishedFrom == nil && query.publishedThrough == nil }
        var hasSource: Bool { !(query.source ?? "").isEmpty }
        var needsDocument: Bool { !query.entityIDs.isEmpty || hasSource }

        func documentSQL(_ parameters: inout Parameters) -> String {
            var sql = ""
            if !query.entityIDs.isEmpty {
                sql += " AND EXISTS (SELECT 1 FROM document_entity e WHERE e.document_id = d.id"
                    + " AND e.entity_id = ANY(\(parameters.add(query.entityIDs))))"
            }
            if let source = query.source?.lowercased(), !source.isEmpty {
                let p = parameters.add(source)
                sql += " AND (strpos(lower(d.source), \(p)) > 0 OR strpos(lower(coalesce(d.publisher, '')), \(p)) > 0"
                    + " OR strpos(lower(coalesce(d.url, '')), \(p)) > 0)"
            }
            if let from = query.publishedFrom { sql += " AND substr(d.published, 1, 10) >= \(parameters.add(from))" }
            if let through = query.publishedThrough { sql += " AND substr(d.published, 1, 10) <= \(parameters.add(through))" }
            return sql
        }

        func daySQL(_ parameters: inout Parameters) -> String {
            var sql = ""
            if let from = query.publishedFrom { sql += " AND day >= \(parameters.add(from))" }
            if let through = query.publishedThrough { sql += " AND day <= \(parameters.add(through))" }
            return sql
        }
    }

    public func searchResults(_ query: SearchQuery) async throws -> SearchResults {
        guard let expression = TextSearchQuery(query.text).expression else {
            return SearchResults(hits: [], total: 0, totalIsExact: true)
        }
        let logger = logger
        return try await operation("search for \"\(query.text)\"") {
            try await client.withTransaction(logger: logger) { connection in
                // Matches are found through the GIN index, never by reading every row's tsvector.
                try await connection.query("SET LOCAL enable_seqscan = off", logger: logger)
                return try await Self.search(query, expression: expression, connection, logger)
            }
        }
    }

    static func search(_ query: SearchQuery, expression: String, _ connection: PostgresConnection,
                       _ logger: Logger) async throws -> SearchResults {
        let filter = SearchFilter(query: query)
        let bound = max(0, query.exactBound ?? SearchResults.exactBound)
        let offset = max(0, query.offset), limit = max(0, query.limit)
        if bound >= Int.max / 2 {
            let (hits, total) = try await rankedPage(expression, candidates: nil, filter, limit: limit, offset: offset,
                                                     connection, logger)
            return SearchResults(hits: hits, total: total ?? 0, totalIsExact: true)
        }
        let first = try await seqs("SELECT seq FROM document WHERE search @@ to_tsquery('crossread_text', $1) LIMIT $2",
                                   [expression], bound + 1, connection, logger)
        if first.count <= bound {
            let total = filter.isEmpty ? first.count : try await passing(first, filter, connection, logger)
            guard total > 0, limit > 0 else { return SearchResults(hits: [], total: total, totalIsExact: true) }
            let (hits, _) = try await rankedPage(expression, candidates: first, filter, limit: limit, offset: offset,
                                                 connection, logger)
            return SearchResults(hits: hits, total: total, totalIsExact: true)
        }
        if !query.entityIDs.isEmpty {
            var parameters = Parameters()
            let ids = parameters.add(query.entityIDs), cap = parameters.add(bound + 1)
            let named = try await seqs(parameters, """
                SELECT DISTINCT d.seq FROM document_entity e JOIN document d ON d.id = e.document_id
                WHERE e.entity_id = ANY(\(ids)) LIMIT \(cap)
                """, connection, logger)
            if named.count <= bound {
                let (hits, total) = try await rankedPage(expression, candidates: named, filter, limit: limit,
                                                         offset: offset, connection, logger)
                return SearchResults(hits: hits, total: total ?? hits.count, totalIsExact: true)
            }
        }
        let need = offset + limit
        var candidates = Set(first.prefix(max(100, need)))
        for word in SearchTerms.queryWords(query.text) {
            var parameters = Parameters()
            let term = parameters.add(word)
            let days = filter.daySQL(&parameters)
            let sql: String
            if filter.needsDocument {
                let filters = filter.documentSQL(&parameters)
                sql = """
                    SELECT st.seq FROM (SELECT seq FROM search_term WHERE term = \(term)\(days)
                                        ORDER BY impact DESC LIMIT 20000) st
                    JOIN document d ON d.seq = st.seq WHERE true\(filters) LIMIT \(parameters.add(max(100, 2 * need)))
                    """
            } else {
                sql = "SELECT seq FROM search_term WHERE term = \(term)\(days) ORDER BY impact DESC LIMIT \(parameters.add(max(100, 2 * need)))"
            }
            candidates.formUnion(try await seqs(parameters, sql, connection, logger))
        }
        let (hits, matched) = try await rankedPage(expression, candidates: Array(candidates), filter, limit: limit,
                                                   offset: offset, connection, logger)
        let newestSeq = try await seqs(Parameters(), "SELECT max(seq) FROM document", connection, logger).first ?? 1
        var estimate = Double(first.count) * Double(newestSeq) / Double(max(1, first.max() ?? 1))
        if !filter.isEmpty {
            // The share of the first 200 matches that pass the filters.
            let sample = Array(first.prefix(200))
            estimate *= Double(try await passing(sample, filter, connection, logger)) / Double(sample.count)
        }
        return SearchResults(hits: hits, total: max(matched ?? 0, Int(estimate.rounded())), totalIsExact: false)
    }

    /// `seq` values a statement returns.
    static func seqs(_ sql: String, _ texts: [String], _ count: Int, _ connection: PostgresConnection,
                     _ logger: Logger) async throws -> [Int64] {
        var parameters = Parameters()
        for text in texts { _ = parameters.add(text) }
        _ = parameters.add(count)
        return try await seqs(parameters, sql, connection, logger)
    }

    static func seqs(_ parameters: Parameters, _ sql: String, _ connection: PostgresConnection,
                     _ logger: Logger) async throws -> [Int64] {
        var out: [Int64] = []
        for try await seq in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: parameters.binds), logger: logger)
            .decode(Int64?.self) {
            if let seq { out.append(seq) }
        }
        return out
    }

    /// How many of the documents pass the filters.
    static func passing(_ seqs: [Int64], _ filter: SearchFilter, _ connection: PostgresConnection,
                        _ logger: Logger) async throws -> Int {
        var parameters = Parameters()
        let list = parameters.add(seqs)
        let filters = filter.documentSQL(&parameters)
        return try await Self.seqs(parameters, "SELECT count(*) FROM document d WHERE d.seq = ANY(\(list))\(filters)",
                                   connection, logger).first.map(Int.init) ?? 0
    }

    /// The page of matches among `candidates` (every match when nil) that pass the filters, ranked,
    /// with headlines; and how many candidates matched (nil when the page is empty).
    static func rankedPage(_ expression: String, candidates: [Int64]?, _ filter: SearchFilter, limit: Int, offset: Int,
                           _ connection: PostgresConnection, _ logger: Logger) async throws -> ([SearchHit], Int?) {
        var parameters = Parameters()
        let tsquery = parameters.add(expression)
        let among = candidates.map { " AND d.seq = ANY(\(parameters.add($0)))" } ?? ""
        let filters = filter.documentSQL(&parameters)
        let limitParameter = parameters.add(limit), offsetParameter = parameters.add(offset)
        let options = parameters.add(MarkedSnippet.headlineOptions)
        // ts_rank's weights are {D, C, B, A}: text (B) 0.2, title (A) 1.0. Ties keep ingest order,
        // so pages never overlap. The headlines are made for the page's rows only.
        let sql = """
            WITH q AS (SELECT to_tsquery('crossread_text', \(tsquery)) AS query),
            page AS (
                SELECT d.seq, ts_rank('{0.1, 0.1, 0.2, 1.0}', d.search, q.query)::float8 AS rank,
                       count(*) OVER () AS matched
                FROM document d, q
                WHERE d.search @@ q.query\(among)\(filters)
                ORDER BY rank DESC, d.seq
                LIMIT \(limitParameter) OFFSET \(offsetParameter)
            )
            SELECT d.id, d.source, d.title, d.published, d.publisher, page.rank, page.matched,
                   ts_headline('crossread_text', d.text, q.query, \(options)),
                   ts_headline('crossread_text', coalesce(d.title, ''), q.query, \(options))
            FROM page JOIN document d ON d.seq = page.seq CROSS JOIN q
            ORDER BY page.rank DESC, page.seq
            """
        var hits: [SearchHit] = []
        var matched: Int?
        for try await (id, source, title, published, publisher, rank, count, textSnippet, titleSnippet) in try await connection.query(
            PostgresQuery(unsafeSQL: sql, binds: parameters.binds), logger: logger)
            .decode((String, String, String?, String?, String?, Double, Int, String, String).self) {
            let inText = MarkedSnippet(marked: textSnippet)
            let inTitle = MarkedSnippet(marked: titleSnippet)
            // The text's snippet is preferred; a title-only match shows the title with its words marked.
            let shown = inText.hasHighlights || !inTitle.hasHighlights ? inText : inTitle
            hits.append(SearchHit(id: id, source: source, title: title, score: -rank, snippet: shown.text,
                                  highlights: shown.highlights, published: published, publisher: publisher))
            matched = count
        }
        return (hits, matched)
    }
}
