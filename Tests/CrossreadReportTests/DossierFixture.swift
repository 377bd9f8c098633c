import CrossreadCore

/// A small hand-made analysis: two reports of one event, an opinion piece disputing a quote, and
/// article text that tries to inject markup.
enum DossierFixture {
    static func document(_ hash: String, _ paragraphs: [String], title: String?, publisher: String, date: String,
                         annotate: (String) -> Annotations) -> Document {
        let cleaned = CleanedArticle(blocks: paragraphs.map { ($0, Paragraph.Kind.body) }, metadata: DocumentMetadata(), removed: [])
        var document = Document(contentHash: hash, source: "fixtures/\(hash.prefix(4)).txt", format: .text,
                                original: Array(cleaned.text.utf8), text: cleaned.text, paragraphs: cleaned.paragraphs,
                                metadata: DocumentMetadata(title: title, published: PublicationDate.parse(date), publisher: publisher),
                                removed: [RemovedBlock(kind: .ad, text: "<img src=x onerror=alert(1)> Advertisement")])
        document.annotations = annotate(cleaned.text)
        return document
    }

    static func range(of needle: String, in text: String) -> Range<Int> {
        let bytes = Array(text.utf8), n = Array(needle.utf8)
        for start in 0...(bytes.count - n.count) where Array(bytes[start..<(start + n.count)]) == n {
            return start..<(start + n.count)
        }
        fatalError("\(needle) not in fixture")
    }

    static func sentences(_ text: String) -> [Sentence] {
        var out: [Sentence] = []
        var start = 0
        let bytes = Array(text.utf8)
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: ".") || b == UInt8(ascii: "!") {
            out.append(Sentence(range: start..<(i + 1)))
            start = i + 1
            while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x0A { start += 1 }
        }
        return out
    }

    static let first = "The mayor closed the bridge on Monday. “We are on the same side as every family,” Mayor Ana Ruiz said."
    static let second = "Mayor Ana Ruiz closed the bridge on Monday. She said the city had no warning. <script>alert('x')</script> was typed by a reader."
    static let third = "The mayor said the city had no warning. That claim is false."

    static var analysis: CorpusAnalysis {
        let a = document("aaaa1111bbbb2222", [first], title: "Bridge closed <b>now</b>", publisher: "Harbor Daily", date: "2026-02-02") { text in
            let mention = EntityMention(range: range(of: "Ana Ruiz", in: text), type: .person, entity: "person:ana-ruiz", role: "Mayor")
            return Annotations(sentences: sentences(text), mentions: [mention],
                               entities: [Entity(id: "person:ana-ruiz", name: "Ana Ruiz", type: .person, aliases: ["Ana Ruiz"], roles: ["Mayor"])],
                               quotes: [Quote(range: range(of: "We are on the same side as every family,", in: text), speaker: "person:ana-ruiz", speakerName: "Mayor Ana Ruiz", cue: "said")])
        }
        let b = document("cccc3333dddd4444", [second], title: nil, publisher: "Valley <Post>", date: "2026-02-03") { text in
            Annotations(sentences: sentences(text))
        }
        let c = document("eeee5555ffff6666", [third], title: "Opinion: the warnings", publisher: "Review", date: "2026-02-05") { text in
            Annotations(sentences: sentences(text))
        }
        let closed = CorpusClaim(id: "c1", text: "The bridge was closed on Monday.", speaker: nil, documents: [a.id, b.id],
                                 corroboratedBy: [b.id], disputedBy: [],
                                 evidence: [TextReference(document: a.id, range: range(of: "The mayor closed the bridge on Monday.", in: a.text)),
                                            TextReference(document: b.id, range: range(of: "Mayor Ana Ruiz closed the bridge on Monday.", in: b.text))],
                                 disputes: [], story: "story-1")
        let warning = CorpusClaim(id: "c2", text: "The city had no warning <i>at all</i>.", speaker: "person:ana-ruiz", documents: [b.id],
                                  corroboratedBy: [], disputedBy: [c.id],
                                  evidence: [TextReference(document: b.id, range: range(of: "She said the city had no warning.", in: b.text))],
                                  disputes: [TextReference(document: c.id, range: range(of: "That claim is false.", in: c.text))], story: "story-1")
        return CorpusAnalysis(
            documents: [a, b, c],
            entities: [Entity(id: "person:ana-ruiz", name: "Ana Ruiz", type: .person, aliases: ["Ana Ruiz", "Mayor Ruiz"], roles: ["Mayor"])],
            duplicates: [],
            stories: [Story(id: "story-1", title: "Bridge closure & <warnings>", documents: [a.id, b.id, c.id], first: "2026-02-02", last: "2026-02-05", topic: "topic-1")],
            topics: [Topic(id: "topic-1", title: "Port infrastructure", stories: ["story-1"])],
            timeline: [TimelineEntry(date: "2026-02-02", text: "The bridge was closed.", documents: [a.id, b.id],
                                     evidence: [TextReference(document: a.id, range: range(of: "The mayor closed the bridge on Monday.", in: a.text))])],
            claims: [closed, warning],
            conflicts: [Conflict(about: "day of closure", values: [
                ConflictValue(value: "Monday", document: a.id, evidence: TextReference(document: a.id, range: range(of: "The mayor closed the bridge on Monday.", in: a.text))),
                ConflictValue(value: "<Tuesday>", document: b.id, evidence: TextReference(document: b.id, range: range(of: "Mayor Ana Ruiz closed the bridge on Monday.", in: b.text))),
            ], story: "story-1")],
            quoteGroups: [])
    }
}
