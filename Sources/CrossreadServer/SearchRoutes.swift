import CrossreadCore
import CrossreadPipeline
import Hummingbird

/// Search with filters and highlighted snippets, paged: `/search` and `/api/search`.
extension ServerRoutes {
    /// What a search found: the page of hits, whether more follow, and the entities the filter resolved to.
    struct SearchOutcome: Sendable {
        var form: SearchForm
        var hits: [SearchHit]
        var hasMore: Bool
        /// Documents matching in all; an estimate when `totalIsExact` is false.
        var total: Int
        var totalIsExact: Bool
        var entities: [LibraryEntity]
        /// Why nothing could match (an entity filter naming no known entity).
        var note: String?
    }

    func addSearchRoutes(to router: Router<BasicRequestContext>) {
        router.get("/search") { request, _ in
            let fields = FormFields(encoded: request.uri.query ?? "")
            do {
                let form = try SearchForm(fields)
                let outcome = form.text == nil ? nil : try await search(form)
                return Responses.html(searchPage(form: form, outcome: outcome, error: nil))
            } catch let error as ServerError {
                return Responses.html(searchPage(form: nil, fields: fields, outcome: nil, error: error.message), status: error.status)
            }
        }
        router.get("/api/search") { request, _ in
            let form = try SearchForm(FormFields(encoded: request.uri.query ?? ""))
            guard form.text != nil else { throw ServerError.badRequest("q (the words to find) is required") }
            return try Responses.json(SearchResultsJSON(try await search(form)))
        }
    }

    func search(_ form: SearchForm) async throws -> SearchOutcome {
        var entities: [LibraryEntity] = []
        var storedIDs: [String] = []
        if let needle = form.entity {
            entities = try await LibraryEntities.stored(matching: needle, in: store)
            storedIDs = entities.flatMap(\.storedIDs)
            if storedIDs.isEmpty {
                return SearchOutcome(form: form, hits: [], hasMore: false, total: 0, totalIsExact: true, entities: [],
                                     note: "No person, organization or place in the library matches “\(needle)”.")
            }
        }
        let results = try await store.searchResults(form.query(entityIDs: storedIDs))
        var hits = results.hits
        let hasMore = hits.count > form.limit
        if hasMore { hits.removeLast(hits.count - form.limit) }
        return SearchOutcome(form: form, hits: hits, hasMore: hasMore, total: results.total,
                             totalIsExact: results.totalIsExact, entities: entities, note: nil)
    }

    func searchPage(form: SearchForm?, fields: FormFields? = nil, outcome: SearchOutcome?, error: String?) -> String {
        let values = form?.fields() ?? fields ?? FormFields()
        func input(_ name: String, _ label: String, type: String = "text", placeholder: String = "") -> String {
            "<label for=\"\(name == "q" ? "q" : name)\">\(label)<input id=\"\(name)\" name=\"\(name)\" type=\"\(type)\" value=\"\(HTML.text(values[name] ?? ""))\" placeholder=\"\(placeholder)\"></label>"
        }
        var body = "<h1 id=\"page-title\">Search</h1>"
        body += "<form id=\"search-form\" action=\"/search\" method=\"get\" class=\"card filters\">"
        body += input("q", "Words", type: "search", placeholder: "ceasefire talks")
        body += input("entity", "Person or organization", placeholder: "Netanyahu")
        body += input("source", "Source", placeholder: "publisher, site or folder")
        body += input("from", "Published from", type: "date")
        body += input("through", "through", type: "date")
        body += "<button id=\"search-submit\" type=\"submit\">Search</button></form>"
        if let error {
            body += "<p id=\"search-error\" class=\"error\">\(HTML.text(error))</p>"
        }
        guard let outcome else {
            if error == nil { body += "<p class=\"empty\" id=\"search-hint\">Type words to find; add filters to narrow the results.</p>" }
            return HTML.page(title: "Search", active: "search", body: body)
        }
        if !outcome.entities.isEmpty {
            body += "<p id=\"entity-filter\" class=\"meta\">Naming " + outcome.entities.prefix(8).map {
                HTML.link(Paths.entity($0.entity.id), $0.entity.name, className: "entity-link \($0.entity.type.rawValue)")
            }.joined(separator: ", ") + (outcome.entities.count > 8 ? " and \(outcome.entities.count - 8) more" : "") + "</p>"
        }
        let first = outcome.form.offset + 1
        let shown = outcome.hits.isEmpty ? "No documents found"
            : "Results \(HTML.number(first))–\(HTML.number(first + outcome.hits.count - 1)) of "
                + (outcome.totalIsExact ? "" : "about ") + HTML.number(outcome.total)
        body += "<p id=\"result-summary\">\(shown)\(outcome.note.map { ". " + HTML.text($0) } ?? "")</p>"
        body += "<ol id=\"search-results\" class=\"hits\" start=\"\(first)\">"
        for hit in outcome.hits {
            body += "<li class=\"hit\">" + HTML.link(Paths.document(hit.id), LibrarySnapshot.displayTitle(hit.title, source: hit.source), className: "hit-title")
            body += "<div class=\"meta\">\(HTML.text(hit.publisher ?? LibrarySnapshot.sourceName(DocumentSummary(id: hit.id, source: hit.source, title: nil, published: nil, publisher: nil, words: 0))))"
            body += " · \(HTML.text(HTML.day(hit.published)))</div>"
            body += "<p class=\"snippet\">\(Self.marked(hit.snippet, hit.highlights))</p></li>"
        }
        body += "</ol><nav id=\"pager\" class=\"pager\">"
        if outcome.form.page > 1 {
            body += HTML.link(Paths.search(outcome.form.fields(page: outcome.form.page - 1)), "← Previous", id: "prev-page")
        }
        if outcome.hasMore && outcome.form.page < SearchForm.maxPage {
            body += HTML.link(Paths.search(outcome.form.fields(page: outcome.form.page + 1)), "Next →", id: "next-page")
        }
        body += "</nav>"
        return HTML.page(title: "Search: \(outcome.form.text ?? "")", active: "search", body: body)
    }

    /// The snippet escaped, its matched terms in `<mark>`.
    static func marked(_ snippet: String, _ highlights: [Range<Int>]) -> String {
        let bytes = Array(snippet.utf8)
        var out = "", position = 0
        for range in highlights.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let lower = AnnotatedText.boundary(bytes, max(position, range.lowerBound))
            let upper = AnnotatedText.boundary(bytes, max(lower, range.upperBound))
            guard lower < upper else { continue }
            out += HTML.text(String(decoding: bytes[position..<lower], as: UTF8.self))
            out += "<mark>" + HTML.text(String(decoding: bytes[lower..<upper], as: UTF8.self)) + "</mark>"
            position = upper
        }
        return out + HTML.text(String(decoding: bytes[position...], as: UTF8.self))
    }
}

/// `/api/search`: hits with snippets whose highlights count code points, and paging.
struct SearchResultsJSON: Encodable {
    struct Span: Encodable { var start: Int; var end: Int }
    struct Hit: Encodable {
        var id: String, title: String?, source: String, published: String?, publisher: String?, score: Double
        var snippet: String
        var highlights: [Span]
    }
    struct EntityRef: Encodable { var id: String; var name: String; var type: String }
    var query: String
    var page: Int
    var limit: Int
    var hasMore: Bool
    /// Documents matching in all: exact up to a bound, an estimate above it (`totalIsExact` false).
    var total: Int
    var totalIsExact: Bool
    var entities: [EntityRef]
    var note: String?
    var hits: [Hit]

    init(_ outcome: ServerRoutes.SearchOutcome) {
        query = outcome.form.text ?? ""
        page = outcome.form.page
        limit = outcome.form.limit
        hasMore = outcome.hasMore
        total = outcome.total
        totalIsExact = outcome.totalIsExact
        note = outcome.note
        entities = outcome.entities.map { EntityRef(id: $0.entity.id, name: $0.entity.name, type: $0.entity.type.rawValue) }
        hits = outcome.hits.map { hit in
            let offsets = CodePointOffsets(hit.snippet)
            return Hit(id: hit.id, title: hit.title, source: hit.source, published: hit.published, publisher: hit.publisher,
                       score: (hit.score * 1000).rounded() / 1000, snippet: hit.snippet,
                       highlights: hit.highlights.map { Span(start: offsets.codePoint(atUTF8: $0.lowerBound), end: offsets.codePoint(atUTF8: $0.upperBound)) })
        }
    }
}
