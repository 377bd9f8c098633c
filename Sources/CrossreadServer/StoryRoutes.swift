import CrossreadCore
import CrossreadPipeline
import Hummingbird

/// Stories and topics of the library's analysis, read from the store: `/stories` (the largest topics
/// with their largest stories, and every story by size, paged), `/stories/{id}`, `/topics/{id}` and their API.
extension ServerRoutes {
    static let storiesPerPage = 50

    func addStoryRoutes(to router: Router<BasicRequestContext>) {
        router.get("/stories") { request, _ in
            let page = try Self.pageNumber(FormFields(encoded: request.uri.query ?? ""))
            let snapshot = await snapshot()
            let listed = try await listedStories(page: page, snapshot: snapshot)
            return Responses.html(storiesPage(snapshot, page: page, listed: listed))
        }
        router.get("/api/stories") { request, _ in
            let page = try Self.pageNumber(FormFields(encoded: request.uri.query ?? ""))
            let snapshot = await snapshot()
            guard let analysis = snapshot.analysis else { return try Responses.json(StoryListJSON(analysis: nil, page: page, stories: []), status: .accepted) }
            return try Responses.json(StoryListJSON(analysis: analysis, page: page, stories: try await listedStories(page: page, snapshot: snapshot)))
        }
        router.get("/stories/{id}") { _, context in
            let snapshot = await snapshot()
            let (story, stored, analysis) = try await story(context.parameters.get("id") ?? "", in: snapshot)
            return Responses.html(storyPage(story, stored: stored, analysis: analysis, snapshot: snapshot))
        }
        router.get("/api/stories/{id}") { _, context in
            let snapshot = await snapshot()
            let (story, stored, analysis) = try await story(context.parameters.get("id") ?? "", in: snapshot)
            return try Responses.json(StoryDetailJSON(story, stored: stored, analysis: analysis, snapshot: snapshot))
        }
        router.get("/topics/{id}") { _, context in
            let (topic, stories) = try await topic(context.parameters.get("id") ?? "")
            return Responses.html(topicPage(topic, stories: stories, snapshot: await snapshot()))
        }
        router.get("/api/topics/{id}") { _, context in
            let (topic, stories) = try await topic(context.parameters.get("id") ?? "")
            return try Responses.json(TopicDetailJSON(topic: topic, stories: stories.map(StoryItemJSON.init)))
        }
    }

    /// `page` of a query string: 1 when absent, 400 when not a number from 1 to 10,000.
    static func pageNumber(_ fields: FormFields) throws(ServerError) -> Int {
        guard let raw = fields["page"], !raw.isEmpty else { return 1 }
        guard let page = Int(raw), (1...10_000).contains(page) else { throw .badRequest("“\(raw)” is not a page number") }
        return page
    }

    /// One page of every story, largest first (nothing before the first analysis).
    func listedStories(page: Int, snapshot: LibrarySnapshot) async throws -> [StoredStory] {
        guard snapshot.analysis != nil else { return [] }
        return try await store.stories(StoryQuery(limit: Self.storiesPerPage, offset: (page - 1) * Self.storiesPerPage))
    }

    /// A story as its page shows it: read whole from the store (at most `StorySlices.documentsShown`
    /// of its documents), its comparison and timeline as stored.
    func story(_ raw: String, in snapshot: LibrarySnapshot) async throws -> (Story, StoredStory, AnalysisView) {
        guard let id = Paths.storyID(raw) else { throw ServerError.badRequest("“\(raw)” is not a story id") }
        guard let stored = try await store.stories(StoryQuery(ids: [id], limit: 1)).first else {
            if snapshot.analysis == nil {
                throw ServerError(.serviceUnavailable, "The library's analysis is still being brought up to date; try again in a moment.")
            }
            throw ServerError.notFound("No story \(id) in the library's analysis.")
        }
        let analysis = try await slices.view(of: stored, in: store)
        guard let story = analysis.story(id) else { throw ServerError.notFound("No story \(id) in the library's analysis.") }
        return (story, stored, analysis)
    }

    func topic(_ raw: String) async throws -> (StoredTopic, [StoredStory]) {
        guard let id = Paths.storyID(raw) else { throw ServerError.badRequest("“\(raw)” is not a topic id") }
        guard let topic = try await store.topics(ids: [id], limit: 1).first else { throw ServerError.notFound("No topic \(id) in the library's analysis.") }
        return (topic, try await store.stories(StoryQuery(topic: id, limit: 200)))
    }

    func storedStoryList(_ stories: [StoredStory]) -> String {
        guard !stories.isEmpty else { return "<p class=\"empty\">No stories yet.</p>" }
        var out = "<ul class=\"stories\">"
        for story in stories {
            let span = [story.first, story.last].compactMap { $0 }.map(HTML.day)
            out += "<li class=\"story-item\">" + HTML.link(Paths.story(story.id), story.title, className: "story-link")
                + " <span class=\"meta\">\(HTML.count(story.size, "document"))"
                + (span.isEmpty ? "" : " · \(HTML.text(Set(span).count == 1 ? span[0] : span.joined(separator: " – ")))")
                + "</span></li>"
        }
        return out + "</ul>"
    }

    func storiesPage(_ snapshot: LibrarySnapshot, page: Int, listed: [StoredStory]) -> String {
        var body = "<h1 id=\"page-title\">Stories</h1>"
        guard let analysis = snapshot.analysis else {
            body += "<p class=\"empty\" id=\"stories-pending\">Stories are being computed; reload in a moment.</p>"
            return HTML.page(title: "Stories", active: "stories", body: body)
        }
        let counts = analysis.counts
        body += "<p class=\"meta\" id=\"analysis-note\">\(HTML.count(counts.stories, "story", "stories")) in \(HTML.count(counts.topics, "topic"))"
            + " over \(HTML.count(counts.placed, "document")) of the library's \(HTML.number(counts.documents))"
            + (counts.annotated > counts.placed ? " (\(HTML.number(counts.annotated - counts.placed)) annotated documents wait for their story)" : "")
            + (counts.documents > counts.annotated ? " · \(HTML.number(counts.documents - counts.annotated)) documents not annotated yet: run <code>crossread analyze</code>" : "")
            + "</p>"
        if page == 1 {
            body += "<div id=\"topics\">"
            for item in analysis.topics {
                body += "<section class=\"topic card\" id=\"\(HTML.text(item.topic.id))\"><h2>"
                    + HTML.link(Paths.topic(item.topic.id), item.topic.title, className: "topic-link") + "</h2>"
                    + "<p class=\"meta\">\(HTML.count(item.topic.stories, "story", "stories")) · \(HTML.count(item.topic.size, "document"))</p>"
                body += storedStoryList(item.stories) + "</section>"
            }
            if counts.topics > analysis.topics.count {
                body += "<p class=\"meta\">The \(analysis.topics.count) largest of \(HTML.number(counts.topics)) topics.</p>"
            }
            body += "</div>"
        }
        let first = (page - 1) * Self.storiesPerPage
        body += "<section id=\"all-stories\"><h2>All stories, largest first</h2>"
        if !listed.isEmpty { body += "<p class=\"meta\">\(HTML.number(first + 1))–\(HTML.number(first + listed.count)) of \(HTML.number(counts.stories))</p>" }
        body += storedStoryList(listed)
        var links: [String] = []
        if page > 1 { links.append(HTML.link("/stories?page=\(page - 1)", "Previous", id: "stories-previous")) }
        if first + listed.count < counts.stories { links.append(HTML.link("/stories?page=\(page + 1)", "Next", id: "stories-next")) }
        if !links.isEmpty { body += "<p class=\"pager\">" + links.joined(separator: " · ") + "</p>" }
        body += "</section>"
        return HTML.page(title: "Stories", active: "stories", body: body)
    }

    func topicPage(_ topic: StoredTopic, stories: [StoredStory], snapshot: LibrarySnapshot) -> String {
        var body = "<h1 id=\"topic-title\">\(HTML.text(topic.title))</h1>"
        body += "<p class=\"meta\" id=\"topic-meta\">\(HTML.count(topic.stories, "story", "stories")) · \(HTML.count(topic.size, "document"))"
        if !topic.entities.isEmpty { body += " · " + HTML.text(topic.entities.prefix(6).joined(separator: ", ")) }
        body += " · <a href=\"/api/topics/\(HTML.text(topic.id))\">JSON</a></p>"
        body += "<section id=\"topic-stories\"><h2>Stories</h2>" + storedStoryList(stories)
        if topic.stories > stories.count { body += "<p class=\"meta\">The \(stories.count) largest of \(HTML.number(topic.stories)).</p>" }
        body += "</section>"
        return HTML.page(title: topic.title, active: "stories", body: body)
    }

    func storyPage(_ story: Story, stored: StoredStory, analysis: AnalysisView, snapshot: LibrarySnapshot) -> String {
        func source(_ id: String) -> String {
            let summary = analysis.summaries[id]
            let label = summary.map(LibrarySnapshot.sourceName) ?? id
            return HTML.link(Paths.document(id), label, className: "src")
        }
        var body = "<h1 id=\"story-title\">\(HTML.text(story.title))</h1>"
        let topic = analysis.topics.first { $0.id == story.topic }
        body += "<p class=\"meta\" id=\"story-meta\">\(HTML.text(HTML.day(story.first))) – \(HTML.text(HTML.day(story.last))) · \(HTML.count(stored.size, "document"))"
        if let topic { body += " · topic: " + HTML.link(Paths.topic(topic.id), topic.title, className: "topic-link") }
        body += " · <a href=\"/api/stories/\(HTML.text(story.id))\">JSON</a></p>"

        body += "<section id=\"story-documents\"><h2>Documents</h2>"
        if stored.size > story.documents.count {
            body += "<p class=\"meta\" id=\"story-sample\">The earliest \(HTML.number(story.documents.count)) of \(HTML.number(stored.size)) documents;"
                + " comparison and timeline read at most \(HTML.number(LibraryAnalysisOptions().storySample)).</p>"
        }
        body += "<ul class=\"documents\">"
        for id in story.documents {
            let summary = analysis.summaries[id]
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

/// A stored story as lists show it.
struct StoryItemJSON: Encodable {
    var id: String, title: String, topic: String, documents: Int, first: String?, last: String?
    var keywords: [String], entities: [String]

    init(_ story: StoredStory) {
        id = story.id; title = story.title; topic = story.topic; documents = story.size; first = story.first; last = story.last
        keywords = story.keywords; entities = story.entities
    }
}

/// `/api/stories?page=N`: the analysis counts, the largest topics with their largest stories, and one
/// page of every story, largest first (202 with `"status": "computing"` before the first analysis).
struct StoryListJSON: Encodable {
    struct TopicItem: Encodable {
        var id: String, title: String, documents: Int, storyCount: Int
        var stories: [StoryItemJSON]
    }
    var status: String
    var counts: CorpusCounts?
    var topics: [TopicItem]
    var page: Int
    var perPage: Int
    var stories: [StoryItemJSON]

    init(analysis: LibraryAnalysisStatus?, page: Int, stories: [StoredStory]) {
        status = analysis == nil ? "computing" : "ready"
        counts = analysis?.counts
        topics = (analysis?.topics ?? []).map {
            TopicItem(id: $0.topic.id, title: $0.topic.title, documents: $0.topic.size, storyCount: $0.topic.stories,
                      stories: $0.stories.map(StoryItemJSON.init))
        }
        self.page = page
        perPage = ServerRoutes.storiesPerPage
        self.stories = stories.map(StoryItemJSON.init)
    }
}

/// `/api/topics/{id}`: a topic and its largest stories (at most 200).
struct TopicDetailJSON: Encodable {
    var topic: StoredTopic
    var stories: [StoryItemJSON]
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
    /// All of the story's documents; `story.documents` lists those read (the earliest).
    var size: Int
    /// How many documents the stored comparison and timeline read, when fewer than `size`.
    var comparedDocuments: Int?
    var timeline: [TimelineItem]
    var claims: [ClaimItem]
    var conflicts: [ConflictItem]
    var quoteVariants: [QuoteVariants]

    init(_ story: Story, stored: StoredStory, analysis: AnalysisView, snapshot: LibrarySnapshot) {
        self.story = story
        size = stored.size
        comparedDocuments = stored.size > LibraryAnalysisOptions().storySample ? LibraryAnalysisOptions().storySample : nil
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
