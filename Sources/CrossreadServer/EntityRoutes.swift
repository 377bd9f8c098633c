import CrossreadCore
import CrossreadPipeline
import Hummingbird

/// People, organizations and places across the library: `/entities`, `/entities/{id}` and their API.
extension ServerRoutes {
    func addEntityRoutes(to router: Router<BasicRequestContext>) {
        router.get("/entities") { request, _ in
            let listing = try EntityListing(FormFields(encoded: request.uri.query ?? ""), snapshot: await snapshot())
            return Responses.html(entitiesPage(listing))
        }
        router.get("/api/entities") { request, _ in
            let listing = try EntityListing(FormFields(encoded: request.uri.query ?? ""), snapshot: await snapshot())
            return try Responses.json(EntityListJSON(listing))
        }
        router.get("/entities/{id}") { _, context in
            let snapshot = await snapshot()
            return Responses.html(entityPage(try entity(context.parameters.get("id") ?? "", in: snapshot), snapshot: snapshot))
        }
        router.get("/api/entities/{id}") { _, context in
            let snapshot = await snapshot()
            return try Responses.json(EntityDetailJSON(try entity(context.parameters.get("id") ?? "", in: snapshot), snapshot: snapshot))
        }
    }

    func entity(_ raw: String, in snapshot: LibrarySnapshot) throws(ServerError) -> LibraryEntities.MergedEntity {
        guard let id = Paths.entityID(raw) else {
            throw .badRequest("“\(raw)” is not an entity id (type:name, as in person:jane-doe)")
        }
        try requireComplete(snapshot)
        guard let merged = snapshot.entity(id) else { throw .notFound("No entity \(id) in this library.") }
        return merged
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
                + "<td>\(merged.entity.type.rawValue)</td><td>\(merged.documents.count)</td><td>\(merged.mentions)</td>"
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

    func entityPage(_ merged: LibraryEntities.MergedEntity, snapshot: LibrarySnapshot) -> String {
        let entity = merged.entity
        var body = "<h1 id=\"entity-name\">\(HTML.text(entity.name)) <span class=\"pill \(entity.type.rawValue)\">\(entity.type.rawValue)</span></h1>"
        body += "<p class=\"meta\" id=\"entity-counts\">\(HTML.count(merged.mentions, "mention")) in \(HTML.count(merged.documents.count, "document"))"
        body += " · " + HTML.link(Paths.search(FormFields(pairs: [("q", entity.name), ("entity", entity.id)])), "Search its documents")
        body += " · <a href=\"/api/entities/\(HTML.text(Paths.escapeSegment(entity.id)))\">JSON</a></p>"
        let aliases = entity.aliases.filter { $0 != entity.name }
        body += "<section id=\"entity-aliases\"><h2>Also called</h2>"
            + (aliases.isEmpty ? "<p class=\"empty\">No other names.</p>" : "<ul class=\"inline\">" + aliases.map { "<li>\(HTML.text($0))</li>" }.joined() + "</ul>")
            + "</section>"
        body += "<section id=\"entity-roles\"><h2>Roles</h2>"
            + (entity.roles.isEmpty ? "<p class=\"empty\">No roles stated.</p>" : "<ul class=\"inline\">" + entity.roles.map { "<li>\(HTML.text($0))</li>" }.joined() + "</ul>")
            + "</section>"
        let months = EntityDetailJSON.mentionsByMonth(merged, snapshot: snapshot)
        body += "<section id=\"entity-timeline\"><h2>Mentions over time</h2>\(MonthChart(months: months).html())</section>"
        let quotes = snapshot.quotesBySpeaker[entity.id] ?? []
        body += "<section id=\"entity-quotes\"><h2>Quotes (\(quotes.count))</h2>"
        if quotes.isEmpty {
            body += "<p class=\"empty\">No quotes attributed.</p>"
        } else {
            body += "<ul class=\"quotes\">"
            for quote in quotes.prefix(100) {
                let title = snapshot.summaries[quote.document]?.title ?? quote.document
                let how = [quote.cue, quote.venue.map { "on \($0)" }].compactMap { $0 }.joined(separator: " ")
                body += "<li class=\"quote-item\"><q>\(HTML.text(quote.text))</q> <span class=\"meta\">\(HTML.text(how)) · "
                    + HTML.link(Paths.document(quote.document), title, className: "document-link") + "</span></li>"
            }
            body += "</ul>"
        }
        body += "</section><section id=\"entity-documents\"><h2>Documents</h2><ul class=\"documents\">"
        let documents = merged.documents.compactMap { snapshot.summaries[$0] }
            .sorted { ($0.published ?? "") > ($1.published ?? "") }
        for summary in documents.prefix(50) {
            body += "<li>" + HTML.link(Paths.document(summary.id), LibrarySnapshot.displayTitle(summary.title, source: summary.source), className: "document-link")
                + " <span class=\"meta\">\(HTML.text(LibrarySnapshot.sourceName(summary))) · \(HTML.text(HTML.day(summary.published)))</span></li>"
        }
        body += "</ul>"
        if documents.count > 50 { body += "<p class=\"meta\">and \(documents.count - 50) more.</p>" }
        body += "</section>"
        return HTML.page(title: entity.name, active: "entities", body: body)
    }
}

/// The entities list as a request filters it (`q`, `type`, `page`).
struct EntityListing: Sendable {
    static let pageSize = 100
    var needle: String?
    var type: EntityType?
    var pageNumber: Int
    var total: Int
    var page: [LibraryEntities.MergedEntity]
    var hasMore: Bool

    init(_ fields: FormFields, snapshot: LibrarySnapshot) throws(ServerError) {
        needle = fields["q"]
        if let raw = fields["type"] {
            guard let type = EntityType(rawValue: raw) else {
                throw .badRequest("type must be one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", ")), not “\(raw)”")
            }
            self.type = type
        }
        pageNumber = try SearchForm.number(fields["page"], name: "page", range: 1...100_000) ?? 1
        let lowered = needle?.lowercased()
        let type = self.type
        let matching = snapshot.entities.indices.filter { position in
            (type == nil || snapshot.entities[position].entity.type == type)
                && (lowered == nil || snapshot.nameKeys[position].contains(lowered!))
        }.map { snapshot.entities[$0] }
        total = matching.count
        let start = min(matching.count, (pageNumber - 1) * Self.pageSize)
        page = Array(matching[start..<min(matching.count, start + Self.pageSize)])
        hasMore = start + Self.pageSize < matching.count
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
                 roles: $0.entity.roles, mentions: $0.mentions, documents: $0.documents.count)
        }
    }
}

/// `/api/entities/{id}`: the entity, its quotes, its documents and its mentions by month.
struct EntityDetailJSON: Encodable {
    struct Month: Encodable { var month: String; var documents: Int }
    struct DocumentRef: Encodable { var id: String; var title: String?; var published: String?; var source: String }
    var id: String
    var name: String
    var type: String
    var aliases: [String]
    var roles: [String]
    var storedIDs: [String]
    var mentions: Int
    var documents: [DocumentRef]
    var quotes: [LibrarySnapshot.SpeakerQuote]
    var mentionsByMonth: [Month]

    init(_ merged: LibraryEntities.MergedEntity, snapshot: LibrarySnapshot) {
        id = merged.entity.id; name = merged.entity.name; type = merged.entity.type.rawValue
        aliases = merged.entity.aliases; roles = merged.entity.roles; storedIDs = merged.storedIDs; mentions = merged.mentions
        documents = merged.documents.compactMap { snapshot.summaries[$0] }
            .map { DocumentRef(id: $0.id, title: $0.title, published: $0.published, source: $0.source) }
        quotes = snapshot.quotesBySpeaker[merged.entity.id] ?? []
        mentionsByMonth = Self.mentionsByMonth(merged, snapshot: snapshot).map { Month(month: $0.month, documents: $0.count) }
    }

    /// Documents naming the entity per publication month (`YYYY-MM`), in order; undated ones are left out.
    static func mentionsByMonth(_ merged: LibraryEntities.MergedEntity, snapshot: LibrarySnapshot) -> [(month: String, count: Int)] {
        var counts: [String: Int] = [:]
        for id in merged.documents {
            guard let published = snapshot.summaries[id]?.published, published.count >= 7 else { continue }
            counts[String(published.prefix(7)), default: 0] += 1
        }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
