import CrossreadCore
import Hummingbird

/// Stories and topics from the corpus analysis: `/stories`, `/stories/{id}` and their API.
extension ServerRoutes {
    func addStoryRoutes(to router: Router<BasicRequestContext>) {
        router.get("/stories") { _, _ in
            Responses.html(storiesPage(await snapshot()))
        }
        router.get("/api/stories") { _, _ in
            let snapshot = await snapshot()
            guard let analysis = snapshot.analysis else { return try Responses.json(StoryListJSON(analysis: nil), status: .accepted) }
            return try Responses.json(StoryListJSON(analysis: analysis))
        }
        router.get("/stories/{id}") { _, context in
            let snapshot = await snapshot()
            let (story, analysis) = try story(context.parameters.get("id") ?? "", in: snapshot)
            return Responses.html(storyPage(story, analysis: analysis, snapshot: snapshot))
        }
        router.get("/api/stories/{id}") { _, context in
            let snapshot = await snapshot()
            let (story, analysis) = try story(context.parameters.get("id") ?? "", in: snapshot)
            return try Responses.json(StoryDetailJSON(story, analysis: analysis, snapshot: snapshot))
        }
    }

    func story(_ raw: String, in snapshot: LibrarySnapshot) throws(ServerError) -> (Story, AnalysisView) {
        guard let id = Paths.storyID(raw) else { throw .badRequest("“\(raw)” is not a story id") }
        guard let analysis = snapshot.analysis else {
            throw ServerError(.serviceUnavailable, "Stories are still being computed; try again in a moment.")
        }
        guard let story = analysis.story(id) else { throw .notFound("No story \(id) in the current analysis.") }
        return (story, analysis)
    }

    func storiesPage(_ snapshot: LibrarySnapshot) -> String {
        var body = "<h1 id=\"page-title\">Stories</h1>"
        guard let analysis = snapshot.analysis else {
            body += "<p class=\"empty\" id=\"stories-pending\">Stories are being computed; reload in a moment.</p>"
            return HTML.page(title: "Stories", active: "stories", body: body)
        }
        body += "<p class=\"meta\" id=\"analysis-note\">\(HTML.count(analysis.stories.count, "story", "stories")) in \(HTML.count(analysis.topics.count, "topic"))"
            + " over \(HTML.count(analysis.documentCount, "document"))"
            + (analysis.documentCount < analysis.libraryCount ? " (the most recent of \(HTML.number(analysis.libraryCount)))" : "")
            + ", \(HTML.count(analysis.duplicates.count, "copy group"))</p>"
        body += "<div id=\"topics\">"
        for topic in analysis.topics {
            let stories = topic.stories.compactMap(analysis.story)
            body += "<section class=\"topic card\" id=\"\(HTML.text(topic.id))\"><h2>\(HTML.text(topic.title))</h2>"
            body += storyList(stories, snapshot: snapshot) + "</section>"
        }
        body += "</div>"
        return HTML.page(title: "Stories", active: "stories", body: body)
    }

    func storyPage(_ story: Story, analysis: AnalysisView, snapshot: LibrarySnapshot) -> String {
        func source(_ id: String) -> String {
            let summary = snapshot.summaries[id]
            let label = summary.map(LibrarySnapshot.sourceName) ?? id
            return HTML.link(Paths.document(id), label, className: "src")
        }
        var body = "<h1 id=\"story-title\">\(HTML.text(story.title))</h1>"
        let topic = analysis.topics.first { $0.id == story.topic }
        body += "<p class=\"meta\" id=\"story-meta\">\(HTML.text(HTML.day(story.first))) – \(HTML.text(HTML.day(story.last))) · \(HTML.count(story.documents.count, "document"))"
        if let topic { body += " · topic: \(HTML.text(topic.title))" }
        body += " · <a href=\"/api/stories/\(HTML.text(story.id))\">JSON</a></p>"

        body += "<section id=\"story-documents\"><h2>Documents</h2><ul class=\"documents\">"
        for id in story.documents {
            let summary = snapshot.summaries[id]
            let copies = analysis.duplicates.first { $0.contains(id) }.map { $0.count - 1 } ?? 0
            body += "<li>" + HTML.link(Paths.document(id), summary?.title ?? id, className: "document-link")
                + " <span class=\"meta\">\(HTML.text(summary.map(LibrarySnapshot.sourceName) ?? "")) · \(HTML.text(HTML.day(summary?.published)))"
                + (copies > 0 ? " · \(HTML.count(copies, "copy", "copies")) in the library" : "") + "</span></li>"
        }
        body += "</ul></section>"

        let timeline = analysis.timeline.filter { $0.story == story.id }
        body += "<section id=\"story-timeline\"><h2>Timeline</h2>"
        if timeline.isEmpty {
            body += "<p class=\"empty\">No dated events.</p>"
        } else {
            body += "<ol class=\"timeline\">" + timeline.map { entry in
                "<li><time datetime=\"\(HTML.text(entry.date))\">\(HTML.text(entry.date))</time> \(HTML.text(entry.text)) "
                    + entry.documents.map(source).joined(separator: " ") + "</li>"
            }.joined() + "</ol>"
        }
        body += "</section>"

        let claims = analysis.claims.filter { $0.story == story.id }
        let corroborated = claims.filter { !$0.corroboratedBy.isEmpty }
        let single = claims.filter { $0.corroboratedBy.isEmpty && $0.disputedBy.isEmpty }
        let disputed = claims.filter { !$0.disputedBy.isEmpty }
        func claimList(_ claims: [CorpusClaim], id: String, title: String, empty: String, pill: String) -> String {
            var out = "<section id=\"\(id)\"><h2>\(title) (\(claims.count))</h2>"
            guard !claims.isEmpty else { return out + "<p class=\"empty\">\(empty)</p></section>" }
            out += "<ul class=\"claims\">"
            for claim in claims.prefix(200) {
                out += "<li class=\"claim\"><span class=\"pill \(pill)\">\(claim.documents.count) source\(claim.documents.count == 1 ? "" : "s")</span> "
                    + HTML.text(claim.text) + " " + claim.documents.map(source).joined(separator: " ")
                for dispute in claim.disputes {
                    out += "<div class=\"dispute\">Disputed: “\(HTML.text(analysis.text(of: dispute)))” \(source(dispute.document))</div>"
                }
                out += "</li>"
            }
            return out + "</ul></section>"
        }
        body += claimList(corroborated, id: "story-corroborated", title: "Corroborated", empty: "No statement is confirmed by two independent sources.", pill: "ok")
        body += claimList(disputed, id: "story-disputes", title: "Disputed", empty: "No statement is disputed.", pill: "bad")

        let conflicts = analysis.conflicts.filter { $0.story == story.id }
        body += "<section id=\"story-conflicts\"><h2>Conflicting details (\(conflicts.count))</h2>"
        if conflicts.isEmpty {
            body += "<p class=\"empty\">The sources agree on the details compared.</p>"
        } else {
            body += "<ul class=\"conflicts\">"
            for conflict in conflicts {
                body += "<li class=\"conflict\"><b>\(HTML.text(conflict.about))</b><ul>"
                for value in conflict.values {
                    body += "<li><span class=\"pill single\">\(HTML.text(value.value))</span> “\(HTML.text(analysis.text(of: value.evidence)))” \(source(value.document))</li>"
                }
                body += "</ul></li>"
            }
            body += "</ul>"
        }
        body += "</section>"

        let storyDocuments = Set(story.documents)
        let variants = analysis.quoteGroups.filter { $0.variants.contains { storyDocuments.contains($0.document) } }
        if !variants.isEmpty {
            body += "<section id=\"story-quote-variants\"><h2>One quote, several wordings</h2><ul class=\"quotes\">"
            for group in variants {
                body += "<li><b>\(HTML.text(group.speakerName ?? "unattributed"))</b><ul>" + group.variants.map {
                    "<li><q>\(HTML.text(analysis.text(of: $0)))</q> \(source($0.document))</li>"
                }.joined() + "</ul></li>"
            }
            body += "</ul></section>"
        }
        body += claimList(single, id: "story-single-source", title: "Single-source statements", empty: "Every statement has a second source.", pill: "single")
        return HTML.page(title: story.title, active: "stories", body: body)
    }
}

/// `/api/stories`: topics and stories (202 with `"status": "computing"` before the first analysis).
struct StoryListJSON: Encodable {
    var status: String
    var documents: Int
    var stories: [Story]
    var topics: [Topic]
    var duplicates: [[String]]

    init(analysis: AnalysisView?) {
        status = analysis == nil ? "computing" : "ready"
        documents = analysis?.documentCount ?? 0
        stories = analysis?.stories ?? []
        topics = analysis?.topics ?? []
        duplicates = analysis?.duplicates ?? []
    }
}

/// `/api/stories/{id}`: the story with its documents, timeline, claims (corroborated, single-source,
/// disputed), conflicts and quote variants, each reference with its sentence.
struct StoryDetailJSON: Encodable {
    struct Reference: Encodable { var document: String; var text: String }
    struct ClaimItem: Encodable {
        var id: String, text: String, speaker: String?, documents: [String], corroboratedBy: [String], disputedBy: [String]
        var disputes: [Reference]
    }
    struct ConflictItem: Encodable {
        struct Value: Encodable { var value: String; var document: String; var text: String }
        var about: String
        var values: [Value]
    }
    struct TimelineItem: Encodable { var date: String; var text: String; var documents: [String] }
    struct QuoteVariants: Encodable { var speaker: String?; var speakerName: String?; var variants: [Reference] }
    var story: Story
    var timeline: [TimelineItem]
    var claims: [ClaimItem]
    var conflicts: [ConflictItem]
    var quoteVariants: [QuoteVariants]

    init(_ story: Story, analysis: AnalysisView, snapshot: LibrarySnapshot) {
        self.story = story
        timeline = analysis.timeline.filter { $0.story == story.id }.map { TimelineItem(date: $0.date, text: $0.text, documents: $0.documents) }
        claims = analysis.claims.filter { $0.story == story.id }.map { claim in
            ClaimItem(id: claim.id, text: claim.text, speaker: claim.speaker, documents: claim.documents,
                      corroboratedBy: claim.corroboratedBy, disputedBy: claim.disputedBy,
                      disputes: claim.disputes.map { Reference(document: $0.document, text: analysis.text(of: $0)) })
        }
        conflicts = analysis.conflicts.filter { $0.story == story.id }.map { conflict in
            ConflictItem(about: conflict.about, values: conflict.values.map {
                ConflictItem.Value(value: $0.value, document: $0.document, text: analysis.text(of: $0.evidence))
            })
        }
        let members = Set(story.documents)
        quoteVariants = analysis.quoteGroups.filter { $0.variants.contains { members.contains($0.document) } }.map { group in
            QuoteVariants(speaker: group.speaker, speakerName: group.speakerName,
                          variants: group.variants.map { Reference(document: $0.document, text: analysis.text(of: $0)) })
        }
    }
}
