import CrossreadCore
import CrossreadPipeline
import Hummingbird

/// People, organizations and places across the library: `/entities`, `/entities/{id}` and their API.
extension ServerRoutes {
    func addEntityRoutes(to router: Router<BasicRequestContext>) {
        router.get("/entities") { request, _ in
            let listing = try await EntityListing(FormFields(encoded: request.uri.query ?? ""), store: store)
            return Responses.html(entitiesPage(listing))
        }
        router.get("/api/entities") { request, _ in
            let listing = try await EntityListing(FormFields(encoded: request.uri.query ?? ""), store: store)
            return try Responses.json(EntityListJSON(listing))
        }
        router.get("/entities/{id}") { request, context in
            let view = try await entityView(context.parameters.get("id") ?? "", FormFields(encoded: request.uri.query ?? ""))
            return Responses.html(entityPage(view))
        }
        router.get("/api/entities/{id}") { request, context in
            let view = try await entityView(context.parameters.get("id") ?? "", FormFields(encoded: request.uri.query ?? ""))
            return try Responses.json(EntityDetailJSON(view))
        }
    }

    /// An entity's page as a request asks for it: the merged entity, one page of its documents and of
    /// its quotes, and its documents per month, in five indexed queries.
    struct EntityView: Sendable {
        static let documentsPerPage = 50
        static let quotesPerPage = 100
        var merged: LibraryEntity
        var documentPage: Int
        var documents: [DocumentSummary]
        var quotePage: Int
        var quotes: [LibraryQuote]
        var months: [LibraryEntityMonth]
    }

    func entityView(_ raw: String, _ fields: FormFields) async throws -> EntityView {
        guard let id = Paths.entityID(raw) else {
            throw ServerError.badRequest("“\(raw)” is not an entity id (type:name, as in person:jane-doe)")
        }
        let documentPage = try SearchForm.number(fields["page"], name: "page", range: 1...100_000) ?? 1
        let quotePage = try SearchForm.number(fields["quotes"], name: "quotes", range: 1...100_000) ?? 1
        guard let merged = try await store.libraryEntity(id: id), merged.documents > 0 else {
            throw ServerError.notFound("No entity \(id) in this library.")
        }
        let key = merged.entity.id
        async let documents = store.libraryEntityDocuments(key, offset: (documentPage - 1) * EntityView.documentsPerPage,
                                                           limit: EntityView.documentsPerPage)
        async let quotes = store.libraryEntityQuotes(key, offset: (quotePage - 1) * EntityView.quotesPerPage,
                                                     limit: EntityView.quotesPerPage)
        async let months = store.libraryEntityMonths(key)
        return EntityView(merged: merged, documentPage: documentPage, documents: try await documents,
                          quotePage: quotePage, quotes: try await quotes, months: try await months)
    }

    func entitiesPage(_ listing: EntityListing) -> String {
        var body = "<h1 id=\"page-title\">People, organizations and places</h1>"
        body += "<form id=\"entity-filter-form\" action=\"/entities\" method=\"get\" class=\"card filters\">"
        body += "<label for=\"entity-name\">Name<input id=\"entity-name\" name=\"q\" type=\"search\" value=\"\(HTML.text(listing.needle ?? ""))\"></label>"
        body += "<label for=\"entity-type\">Type<select id=\"entity-type\" name=\"type\"><option value=\"\">any</option>"
        for type in EntityType.allCases {
            body += "<option value=\"\(type.rawValue)\"\(listing.type == type ? " selected" : "")>\(type.rawValue)</option>"
        }
        body += "</select></label><button type=\"submit\">Show</button></form>"
        body += "<p id=\"entity-count\" class=\"meta\">\(HTML.count(listing.total, "entity", "entities"))</p>"
        body += "<table id=\"entity-table\"><thead><tr><th>Name</th><th>Type</th><th>Documents</th><th>Mentions</th><th>Also called</th></tr></thead><tbody>"
        for merged in listing.page {
            body += "<tr class=\"entity-row\"><td>\(HTML.link(Paths.entity(merged.entity.id), merged.entity.name, className: "entity-link \(merged.entity.type.rawValue)"))</td>"
                + "<td>\(merged.entity.type.rawValue)</td><td>\(merged.documents)</td><td>\(merged.mentions)</td>"
                + "<td class=\"meta\">\(HTML.text(merged.entity.aliases.filter { $0 != merged.entity.name }.prefix(4).joined(separator: ", ")))</td></tr>"
        }
        body += "</tbody></table><nav id=\"pager\" class=\"pager\">"
        var fields = FormFields(pairs: [("q", listing.needle ?? ""), ("type", listing.type?.rawValue ?? "")])
        if listing.pageNumber > 1 {
            var previous = fields
            previous = FormFields(pairs: previous.pairs + [("page", String(listing.pageNumber - 1))])
            body += HTML.link("/entities?" + previous.queryString, "← Previous", id: "prev-page")
        }
        if listing.hasMore {
            fields = FormFields(pairs: fields.pairs + [("page", String(listing.pageNumber + 1))])
            body += HTML.link("/entities?" + fields.queryString, "Next →", id: "next-page")
        }
        body += "</nav>"
        return HTML.page(title: "Entities", active: "entities", body: body)
    }

    func entityPage(_ view: EntityView) -> String {
        let merged = view.merged
        let entity = merged.entity
        var body = "<h1 id=\"entity-name\">\(HTML.text(entity.name)) <span class=\"pill \(entity.type.rawValue)\">\(entity.type.rawValue)</span></h1>"
        body += "<p class=\"meta\" id=\"entity-counts\">\(HTML.count(merged.mentions, "mention")) in \(HTML.count(merged.documents, "document"))"
        body += " · " + HTML.link(Paths.search(FormFields(pairs: [("q", entity.name), ("entity", entity.id)])), "Search its documents")
        body += " · <a href=\"/api/entities/\(HTML.text(Paths.escapeSegment(entity.id)))\">JSON</a></p>"
        let aliases = entity.aliases.filter { $0 != entity.name }
        body += "<section id=\"entity-aliases\"><h2>Also called</h2>"
            + (aliases.isEmpty ? "<p class=\"empty\">No other names.</p>" : "<ul class=\"inline\">" + aliases.map { "<li>\(HTML.text($0))</li>" }.joined() + "</ul>")
            + "</section>"
        body += "<section id=\"entity-roles\"><h2>Roles</h2>"
            + (entity.roles.isEmpty ? "<p class=\"empty\">No roles stated.</p>" : "<ul class=\"inline\">" + entity.roles.map { "<li>\(HTML.text($0))</li>" }.joined() + "</ul>")
            + "</section>"
        body += "<section id=\"entity-timeline\"><h2>Mentions over time</h2>\(MonthChart(months: view.months.map { ($0.month, $0.documents) }).html())</section>"
        body += "<section id=\"entity-quotes\"><h2>Quotes (\(HTML.number(merged.quotes)))</h2>"
        if view.quotes.isEmpty {
            body += "<p class=\"empty\">\(merged.quotes == 0 ? "No quotes attributed." : "No quotes on this page.")</p>"
        } else {
            body += "<ul class=\"quotes\">"
            for quote in view.quotes {
                let how = [quote.cue, quote.venue.map { "on \($0)" }].compactMap { $0 }.joined(separator: " ")
                body += "<li class=\"quote-item\"><q>\(HTML.text(quote.text))</q> <span class=\"meta\">\(HTML.text(how)) · "
                    + HTML.link(Paths.document(quote.document), quote.title ?? quote.document, className: "document-link") + "</span></li>"
            }
            body += "</ul>"
        }
        body += pager(entity.id, view, field: "quotes", page: view.quotePage, perPage: EntityView.quotesPerPage, total: merged.quotes)
        body += "</section><section id=\"entity-documents\"><h2>Documents</h2><ul class=\"documents\">"
        for summary in view.documents {
            body += "<li>" + HTML.link(Paths.document(summary.id), LibrarySnapshot.displayTitle(summary.title, source: summary.source), className: "document-link")
                + " <span class=\"meta\">\(HTML.text(summary.sourceName)) · \(HTML.text(HTML.day(summary.published)))</span></li>"
        }
        body += "</ul>"
        let shown = (view.documentPage - 1) * EntityView.documentsPerPage + view.documents.count
        if merged.documents > shown { body += "<p class=\"meta\">and \(HTML.number(merged.documents - shown)) more.</p>" }
        body += pager(entity.id, view, field: "page", page: view.documentPage, perPage: EntityView.documentsPerPage, total: merged.documents)
        body += "</section>"
        return HTML.page(title: entity.name, active: "entities", body: body)
    }

    /// Previous and next links for one of an entity page's lists (`page` for documents, `quotes`).
    private func pager(_ id: String, _ view: EntityView, field: String, page: Int, perPage: Int, total: Int) -> String {
        guard page > 1 || page * perPage < total else { return "" }
        func link(_ target: Int, _ label: String, _ linkID: String) -> String {
            var pairs: [(String, String)] = []
            let documentPage = field == "page" ? target : view.documentPage, quotePage = field == "quotes" ? target : view.quotePage
            if documentPage > 1 { pairs.append(("page", String(documentPage))) }
            if quotePage > 1 { pairs.append(("quotes", String(quotePage))) }
            let query = FormFields(pairs: pairs).queryString
            return HTML.link(Paths.entity(id) + (query.isEmpty ? "" : "?" + query), label, id: linkID)
        }
        var out = "<nav class=\"pager\" id=\"\(field == "page" ? "documents" : "quotes")-pager\">"
        if page > 1 { out += link(page - 1, "← Previous", "\(field == "page" ? "documents" : "quotes")-prev") }
        if page * perPage < total { out += link(page + 1, "Next →", "\(field == "page" ? "documents" : "quotes")-next") }
        return out + "</nav>"
    }
}

/// The entities list as a request filters it (`q`, `type`, `page`).
struct EntityListing: Sendable {
    static let pageSize = 100
    var needle: String?
    var type: EntityType?
    var pageNumber: Int
    var total: Int
    var page: [LibraryEntity]
    var hasMore: Bool

    /// One page read from the store: an entity id finds that entity; other text is a word prefix of a
    /// name or alias.
    init(_ fields: FormFields, store: any DocumentStore) async throws {
        needle = fields["q"]
        if let raw = fields["type"] {
            guard let type = EntityType(rawValue: raw) else {
                throw ServerError.badRequest("type must be one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", ")), not “\(raw)”")
            }
            self.type = type
        }
        pageNumber = try SearchForm.number(fields["page"], name: "page", range: 1...100_000) ?? 1
        if let needle, let id = Paths.entityID(needle), id.contains(":"),
           let exact = try await store.libraryEntity(id: id), exact.documents > 0, type == nil || exact.entity.type == type {
            total = 1
            page = pageNumber == 1 ? [exact] : []
            hasMore = false
            return
        }
        let start = (pageNumber - 1) * Self.pageSize
        let found = try await store.libraryEntities(LibraryEntityQuery(type: type, name: needle, offset: start, limit: Self.pageSize))
        total = found.total
        page = found.entities
        hasMore = start + Self.pageSize < found.total
    }
}

/// `/api/entities`.
struct EntityListJSON: Encodable {
    struct Item: Encodable {
        var id: String, name: String, type: String, aliases: [String], roles: [String], mentions: Int, documents: Int
    }
    var total: Int
    var page: Int
    var hasMore: Bool
    var entities: [Item]

    init(_ listing: EntityListing) {
        total = listing.total
        page = listing.pageNumber
        hasMore = listing.hasMore
        entities = listing.page.map {
            Item(id: $0.entity.id, name: $0.entity.name, type: $0.entity.type.rawValue, aliases: $0.entity.aliases,
                 roles: $0.entity.roles, mentions: $0.mentions, documents: $0.documents)
        }
    }
}

/// `/api/entities/{id}`: the entity, one page of its documents (`page`, newest first) and of its quotes
/// (`quotes`), with their totals, and its mentions by month.
struct EntityDetailJSON: Encodable {
    struct Month: Encodable { var month: String; var documents: Int }
    struct DocumentRef: Encodable { var id: String; var title: String?; var published: String?; var source: String }
    struct SpeakerQuote: Encodable { var document: String; var text: String; var cue: String?; var venue: String? }
    var id: String
    var name: String
    var type: String
    var aliases: [String]
    var roles: [String]
    var storedIDs: [String]
    var mentions: Int
    /// Documents naming it in all; `documents` holds page `documentPage`.
    var documentCount: Int
    var documentPage: Int
    var documents: [DocumentRef]
    /// Quotes attributed to it in all; `quotes` holds page `quotePage`.
    var quoteCount: Int
    var quotePage: Int
    var quotes: [SpeakerQuote]
    var mentionsByMonth: [Month]

    init(_ view: ServerRoutes.EntityView) {
        let merged = view.merged
        id = merged.entity.id; name = merged.entity.name; type = merged.entity.type.rawValue
        aliases = merged.entity.aliases; roles = merged.entity.roles; storedIDs = merged.storedIDs; mentions = merged.mentions
        documentCount = merged.documents
        documentPage = view.documentPage
        documents = view.documents.map { DocumentRef(id: $0.id, title: $0.title, published: $0.published, source: $0.source) }
        quoteCount = merged.quotes
        quotePage = view.quotePage
        quotes = view.quotes.map { SpeakerQuote(document: $0.document, text: $0.text, cue: $0.cue, venue: $0.venue) }
        mentionsByMonth = view.months.map { Month(month: $0.month, documents: $0.documents) }
    }
}
