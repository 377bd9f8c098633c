import CrossreadCore
import CrossreadPipeline
import Foundation
import Hummingbird

/// One document: `/documents/{id}` (text with entities, quotes and times marked, removed boilerplate
/// apart) and `/api/documents/{id}` (the document JSON contract with annotations, code-point offsets).
extension ServerRoutes {
    func addDocumentRoutes(to router: Router<BasicRequestContext>) {
        router.get("/documents/{id}") { _, context in
            let document = try await annotatedDocument(context.parameters.get("id") ?? "")
            async let stories = store.stories(StoryQuery(documents: [document.id], limit: 5))
            let links = try await entityLinks(document)
            return Responses.html(documentPage(document, stories: try await stories, links: links))
        }
        router.get("/api/documents/{id}") { _, context in
            let document = try await annotatedDocument(context.parameters.get("id") ?? "")
            return Responses.jsonData(Data(DocumentJSON(document, includeAnnotations: true).line().utf8))
        }
    }

    /// The document a path names, annotated (on the fly, for display, when the library holds no
    /// annotations for it yet); 400 for a malformed or ambiguous id, 404 for an unknown one.
    func annotatedDocument(_ raw: String) async throws -> Document {
        guard let id = Paths.documentID(raw) else {
            throw ServerError.badRequest("“\(raw)” is not a document id (4 to 64 hex digits)")
        }
        let found: Document?
        do {
            found = try await store.document(id: id)
        } catch let error as CrossreadError {
            throw ServerError.badRequest(error.reason)
        }
        guard var document = found else { throw ServerError.notFound("No document with id \(id) in this library.") }
        if CorpusAnalyzer.needsAnnotations(document) {
            let plain = document
            document.annotations = await LibraryViews.offPool { CorpusAnalyzer().annotate([plain])[0].annotations }
        }
        return document
    }

    /// The merged entity each of a document's entities belongs to: one indexed query for a document
    /// whose annotations are stored; for one annotated on the fly, a look-up per entity it names.
    func entityLinks(_ document: Document) async throws -> [String: String] {
        var links = try await store.libraryEntityLinks(document: document.id)
        if links.isEmpty {
            for entity in document.annotations.entities.prefix(100) {
                if let merged = try await store.libraryEntity(id: entity.id), merged.documents > 0 { links[entity.id] = merged.entity.id }
            }
        }
        return links
    }

    func documentPage(_ document: Document, stories: [StoredStory], links: [String: String]) -> String {
        let meta = document.metadata
        let title = LibrarySnapshot.displayTitle(meta.title, source: document.source)
        var body = "<article id=\"document\" data-id=\"\(document.id)\">"
        body += "<h1 id=\"document-title\">\(HTML.text(title))</h1>"
        var facts: [String] = []
        if let publisher = meta.publisher { facts.append("<span class=\"publisher\">\(HTML.text(publisher))</span>") }
        if !meta.authors.isEmpty { facts.append("by " + HTML.text(meta.authors.joined(separator: ", "))) }
        if let published = meta.published { facts.append("<time id=\"document-published\" datetime=\"\(HTML.text(published.iso8601))\">\(HTML.text(published.iso8601))</time>") }
        facts.append(HTML.count(document.wordCount, "word"))
        if let language = meta.language { facts.append(HTML.text(language)) }
        body += "<p class=\"meta\" id=\"document-meta\">\(facts.joined(separator: " · "))</p>"
        body += "<p class=\"meta\" id=\"document-source\">Source: "
        if let url = meta.url, url.hasPrefix("https://") || url.hasPrefix("http://") {
            body += "<a href=\"\(HTML.text(url))\" rel=\"noreferrer noopener\">\(HTML.text(url))</a>"
        } else {
            body += HTML.text(document.source)
        }
        body += " · id <code>\(document.id)</code> · <a href=\"/api/documents/\(document.id)\">JSON</a></p>"
        if !stories.isEmpty {
            body += "<p id=\"document-stories\" class=\"meta\">Story: " + stories.map {
                HTML.link(Paths.story($0.id), $0.title, className: "story-link") + " <span class=\"meta\">(\(HTML.count($0.size, "document")))</span>"
            }.joined(separator: ", ") + "</p>"
        }
        body += "<div class=\"document-layout\"><div id=\"document-text\" class=\"text\">"
        let text = AnnotatedText(text: document.text, paragraphs: document.paragraphs, annotations: document.annotations) { id in
            links[id].map(Paths.entity)
        }
        body += text.html()
        body += "</div><aside id=\"document-annotations\">"
        body += documentEntities(document, links: links)
        body += documentQuotes(document, links: links)
        body += documentTimes(document)
        body += "</aside></div>"
        body += "<details id=\"removed-blocks\" class=\"removed\"><summary>Removed boilerplate (\(HTML.count(document.removed.count, "block")))</summary>"
        if document.removed.isEmpty {
            body += "<p class=\"empty\">Nothing was removed.</p>"
        } else {
            body += "<ol>" + document.removed.map {
                "<li class=\"removed-block\"><span class=\"kind\">\(HTML.text($0.kind.rawValue))</span> \(HTML.text($0.text))</li>"
            }.joined() + "</ol>"
        }
        body += "</details></article>"
        return HTML.page(title: title, active: nil, body: body)
    }

    private func documentEntities(_ document: Document, links: [String: String]) -> String {
        var counts: [String: Int] = [:]
        for mention in document.annotations.mentions { counts[mention.entity, default: 0] += 1 }
        var out = "<section id=\"document-entities\"><h2>Named</h2>"
        let entities = document.annotations.entities.filter { [.person, .organization, .place, .group].contains($0.type) }
            .sorted { (counts[$0.id] ?? 0, $1.name) > (counts[$1.id] ?? 0, $0.name) }
        guard !entities.isEmpty else { return out + "<p class=\"empty\">No entities found.</p></section>" }
        out += "<ul class=\"plain\">"
        for entity in entities {
            let label = HTML.text(entity.name)
            let link = links[entity.id].map { "<a class=\"entity-link \(entity.type.rawValue)\" href=\"\(HTML.text(Paths.entity($0)))\">\(label)</a>" }
                ?? "<span class=\"entity-link \(entity.type.rawValue)\">\(label)</span>"
            let role = entity.roles.first.map { " <span class=\"meta\">\(HTML.text($0))</span>" } ?? ""
            out += "<li><span class=\"pill \(entity.type.rawValue)\">\(entity.type.rawValue)</span> \(link)\(role) <span class=\"meta\">×\(counts[entity.id] ?? 0)</span></li>"
        }
        return out + "</ul></section>"
    }

    private func documentQuotes(_ document: Document, links: [String: String]) -> String {
        var out = "<section id=\"document-quotes\"><h2>Quotes</h2>"
        guard !document.annotations.quotes.isEmpty else { return out + "<p class=\"empty\">No quotes found.</p></section>" }
        let bytes = Array(document.text.utf8)
        out += "<ul class=\"quotes\">"
        for quote in document.annotations.quotes {
            let words = AnnotatedText.text(bytes, quote.range)
            var who = quote.speakerName.map(HTML.text) ?? "unattributed"
            if let speaker = quote.speaker, let merged = links[speaker] {
                let name = quote.speakerName ?? document.annotations.entities.first { $0.id == speaker }?.name ?? merged
                who = HTML.link(Paths.entity(merged), name, className: "entity-link person")
            }
            let how = [quote.cue, quote.venue.map { "on \($0)" }].compactMap { $0 }.map(HTML.text).joined(separator: " ")
            out += "<li class=\"quote-item\"><q>\(HTML.text(words))</q> <span class=\"meta\">— \(who)\(how.isEmpty ? "" : ", " + how)</span></li>"
        }
        return out + "</ul></section>"
    }

    private func documentTimes(_ document: Document) -> String {
        var out = "<section id=\"document-times\"><h2>Dates and times</h2>"
        guard !document.annotations.times.isEmpty else { return out + "<p class=\"empty\">No time expressions found.</p></section>" }
        let bytes = Array(document.text.utf8)
        out += "<ul class=\"plain\">"
        for time in document.annotations.times {
            out += "<li class=\"time-item\">\(HTML.text(AnnotatedText.text(bytes, time.range)))"
                + " <span class=\"meta\">→ \(HTML.text(time.value ?? "unresolved"))</span></li>"
        }
        return out + "</ul></section>"
    }
}
