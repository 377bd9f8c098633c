import CrossreadCore
import CrossreadPipeline
import Foundation
import Hummingbird

/// The library at a glance: `/` and `/api/library`.
extension ServerRoutes {
    func addOverviewRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in
            Responses.html(overviewPage(try await libraryGlance(top: 12), snapshot: await snapshot()))
        }
        router.get("/api/library") { _, _ in
            try Responses.json(LibraryOverviewJSON(try await libraryGlance(top: 20), snapshot: await snapshot()))
        }
    }

    /// What the overview shows, in a few bounded queries: the stored counts, the largest sources, the
    /// date range, and the people and organizations naming the most documents.
    struct LibraryGlance: Sendable {
        static let sourcesShown = 15
        static let sourcesListed = 100
        var overview: LibraryOverview
        var people: [LibraryEntity]
        var organizations: [LibraryEntity]
    }

    func libraryGlance(top: Int) async throws -> LibraryGlance {
        async let overview = store.libraryOverview(sources: LibraryGlance.sourcesListed)
        async let people = store.libraryEntities(LibraryEntityQuery(type: .person, limit: top))
        async let organizations = store.libraryEntities(LibraryEntityQuery(type: .organization, limit: top))
        return LibraryGlance(overview: try await overview, people: try await people.entities,
                             organizations: try await organizations.entities)
    }

    func overviewPage(_ glance: LibraryGlance, snapshot: LibrarySnapshot) -> String {
        let overview = glance.overview
        var body = "<h1 id=\"page-title\">Library</h1>"
        body += "<section id=\"library-counts\" class=\"stats\">"
        body += stat("documents", HTML.number(overview.documents), "documents")
        body += stat("sources", HTML.number(overview.sourceCount), "sources")
        body += stat("entities", HTML.number(overview.entities), "people, organizations, places")
        body += stat("stories", snapshot.analysis.map { HTML.number($0.counts.stories) } ?? "…", "stories")
        body += "<div class=\"stat\" id=\"stat-dates\"><b>\(HTML.text(HTML.day(overview.firstPublished))) – \(HTML.text(HTML.day(overview.lastPublished)))</b><span>publication dates</span></div>"
        body += "</section>"
        if overview.documents == 0 {
            body += "<p class=\"empty\" id=\"library-empty\">The library is empty. <a href=\"/add\">Add articles</a> or run <code>crossread ingest PATH</code>.</p>"
        }
        body += "<div class=\"columns\">"
        body += "<section id=\"top-people\"><h2>People</h2>\(entityList(glance.people, emptyNote: "No people found yet."))</section>"
        body += "<section id=\"top-organizations\"><h2>Organizations</h2>\(entityList(glance.organizations, emptyNote: "No organizations found yet."))</section>"
        body += "<section id=\"library-sources\"><h2>Sources</h2><ul class=\"plain\">"
        for source in overview.sources.prefix(LibraryGlance.sourcesShown) {
            body += "<li>" + HTML.link(Paths.search(FormFields(pairs: [("source", source.name)])), source.name)
                + " <span class=\"meta\">\(HTML.count(source.documents, "document"))</span></li>"
        }
        if overview.sourceCount > LibraryGlance.sourcesShown {
            body += "<li class=\"meta\">and \(HTML.number(overview.sourceCount - LibraryGlance.sourcesShown)) more</li>"
        }
        body += "</ul></section></div>"
        body += "<section id=\"library-stories\"><h2>Stories</h2>"
        if let analysis = snapshot.analysis {
            body += storedStoryList(Array(analysis.largest.prefix(12)))
            body += "<p class=\"meta\"><a href=\"/stories\">All \(HTML.count(analysis.counts.stories, "story", "stories"))</a>"
                + " in \(HTML.count(analysis.counts.topics, "topic"))"
            if analysis.counts.placed < analysis.counts.documents {
                body += " · \(HTML.number(analysis.counts.documents - analysis.counts.placed)) documents in no story yet"
                    + (analysis.counts.annotated < analysis.counts.documents ? " (<code>crossread analyze</code> annotates and places them)" : "")
            }
            body += "</p>"
        } else {
            body += "<p class=\"empty\" id=\"stories-pending\">Stories are being computed; reload in a moment.</p>"
        }
        body += "</section>"
        return HTML.page(title: "Library", active: "overview", body: body)
    }

    private func stat(_ id: String, _ value: String, _ label: String) -> String {
        "<div class=\"stat\" id=\"stat-\(id)\"><b>\(HTML.text(value))</b><span>\(HTML.text(label))</span></div>"
    }

    func entityList(_ entities: [LibraryEntity], emptyNote: String) -> String {
        guard !entities.isEmpty else { return "<p class=\"empty\">\(HTML.text(emptyNote))</p>" }
        var out = "<ol class=\"entities\">"
        for merged in entities {
            out += "<li>" + HTML.link(Paths.entity(merged.entity.id), merged.entity.name, className: "entity-link \(merged.entity.type.rawValue)")
                + " <span class=\"meta\">\(HTML.count(merged.documents, "document"))</span></li>"
        }
        return out + "</ol>"
    }
}

/// `/api/library`: counts, sources, dates, top people and organizations, stories.
struct LibraryOverviewJSON: Encodable {
    struct EntityItem: Encodable {
        var id: String, name: String, type: String, documents: Int, mentions: Int
        init(_ merged: LibraryEntity) {
            id = merged.entity.id; name = merged.entity.name; type = merged.entity.type.rawValue
            documents = merged.documents; mentions = merged.mentions
        }
    }
    struct StoryItem: Encodable {
        var id: String, title: String, documents: Int, first: String?, last: String?, topic: String
        init(_ story: StoredStory) {
            id = story.id; title = story.title; documents = story.size; first = story.first; last = story.last; topic = story.topic
        }
    }
    struct AnalysisStatus: Encodable {
        var status: String
        /// Documents placed in stories.
        var documents: Int?
        var stories: Int?
        var topics: Int?
        /// Seconds the last update took.
        var seconds: Double?
    }
    var documents: Int
    /// The largest sources (at most `LibraryGlance.sourcesListed`); `sourceCount` counts them all.
    var sources: [LibraryOverview.SourceCount]
    var sourceCount: Int
    var firstPublished: String?
    var lastPublished: String?
    var entities: Int
    var topPeople: [EntityItem]
    var topOrganizations: [EntityItem]
    var stories: [StoryItem]
    var analysis: AnalysisStatus

    init(_ glance: ServerRoutes.LibraryGlance, snapshot: LibrarySnapshot) {
        documents = glance.overview.documents
        sources = glance.overview.sources
        sourceCount = glance.overview.sourceCount
        firstPublished = glance.overview.firstPublished
        lastPublished = glance.overview.lastPublished
        entities = glance.overview.entities
        topPeople = glance.people.map(EntityItem.init)
        topOrganizations = glance.organizations.map(EntityItem.init)
        stories = (snapshot.analysis?.largest ?? []).map(StoryItem.init)
        analysis = snapshot.analysis.map {
            AnalysisStatus(status: "ready", documents: $0.counts.placed, stories: $0.counts.stories, topics: $0.counts.topics,
                           seconds: ($0.seconds * 100).rounded() / 100)
        }
            ?? AnalysisStatus(status: "computing")
    }
}
