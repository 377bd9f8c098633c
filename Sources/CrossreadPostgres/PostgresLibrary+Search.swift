import CrossreadCore
import PostgresNIO

extension PostgresLibrary {
    /// Full-text search: the typed words become a `tsquery` (see `TextSearchQuery`) matched against
    /// the weighted `search` column through its GIN index, ranked by `ts_rank` with the title
    /// weighing five times the text, filtered, paged, and only then given `ts_headline` snippets.
    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        guard query.limit > 0, let expression = TextSearchQuery(query.text).expression else { return [] }
        var binds = PostgresBindings()
        func parameter<T: PostgresNonThrowingEncodable & PostgresDynamicTypeEncodable>(_ value: T) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        let tsquery = parameter(expression)
        var filters = ""
        if !query.entityIDs.isEmpty {
            filters += " AND d.id IN (SELECT document_id FROM document_entity WHERE entity_id = ANY(\(parameter(query.entityIDs))))"
        }
        if let source = query.source?.lowercased(), !source.isEmpty {
            let p = parameter(source)
            filters += " AND (strpos(lower(d.source), \(p)) > 0 OR strpos(lower(coalesce(d.publisher, '')), \(p)) > 0"
                + " OR strpos(lower(coalesce(d.url, '')), \(p)) > 0)"
        }
        if let from = query.publishedFrom {
            filters += " AND substr(d.published, 1, 10) >= \(parameter(from))"
        }
        if let through = query.publishedThrough {
            filters += " AND substr(d.published, 1, 10) <= \(parameter(through))"
        }
        let limit = parameter(query.limit)
        let offset = parameter(max(0, query.offset))
        let options = parameter(MarkedSnippet.headlineOptions)
        // ts_rank's weights are {D, C, B, A}: text (B) 0.2, title (A) 1.0. Ties keep ingest order,
        // so pages never overlap. The headlines are made for the page's rows only.
        let sql = """
            WITH q AS (SELECT to_tsquery('crossread_text', \(tsquery)) AS query),
            page AS (
                SELECT d.seq, ts_rank('{0.1, 0.1, 0.2, 1.0}', d.search, q.query)::float8 AS rank
                FROM document d, q
                WHERE d.search @@ q.query\(filters)
                ORDER BY rank DESC, d.seq
                LIMIT \(limit) OFFSET \(offset)
            )
            SELECT d.id, d.source, d.title, d.published, d.publisher, page.rank,
                   ts_headline('crossread_text', d.text, q.query, \(options)),
                   ts_headline('crossread_text', coalesce(d.title, ''), q.query, \(options))
            FROM page JOIN document d ON d.seq = page.seq CROSS JOIN q
            ORDER BY page.rank DESC, page.seq
            """
        let bound = binds
        return try await operation("search for \"\(query.text)\"") {
            var hits: [SearchHit] = []
            for try await (id, source, title, published, publisher, rank, textSnippet, titleSnippet) in try await client.query(
                PostgresQuery(unsafeSQL: sql, binds: bound), logger: logger)
                .decode((String, String, String?, String?, String?, Double, String, String).self) {
                let inText = MarkedSnippet(marked: textSnippet)
                let inTitle = MarkedSnippet(marked: titleSnippet)
                // The text's snippet is preferred; a title-only match shows the title with its words marked.
                let shown = inText.hasHighlights || !inTitle.hasHighlights ? inText : inTitle
                hits.append(SearchHit(id: id, source: source, title: title, score: -rank, snippet: shown.text,
                                      highlights: shown.highlights, published: published, publisher: publisher))
            }
            return hits
        }
    }
}
