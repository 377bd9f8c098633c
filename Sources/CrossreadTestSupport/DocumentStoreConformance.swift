import CrossreadCore
import Foundation

/// The behaviour every `DocumentStore` backend must show, as named checks. A backend's test target
/// runs each check against a fresh, empty store and expects no problems:
///
///     @Test(arguments: DocumentStoreConformance.checks)
///     func conforms(_ check: DocumentStoreConformance.Check) async throws {
///         let problems = try await check.run(on: try makeEmptyStore())
///         #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
///     }
///
/// Checks return problems rather than assert, so this target needs no test framework.
public enum DocumentStoreConformance {
    public typealias Check = ConformanceCheck<any DocumentStore>

    /// Every check, in a stable order.
    public static let checks: [Check] = [
        Check(name: "add returns the id and stores one document", body: addStoresOne),
        Check(name: "adding the same content again writes nothing", body: duplicateAdd),
        Check(name: "every field round-trips exactly", body: roundTrip),
        Check(name: "list is in ingest order with word counts", body: listOrder),
        Check(name: "a title match outranks a body-only match", body: titleOutranksBody),
        Check(name: "search requires every word", body: searchRequiresEveryWord),
        Check(name: "highlights point at the matched words", body: highlightsPointAtMatches),
        Check(name: "search ignores case and diacritics", body: caseAndDiacritics),
        Check(name: "a trailing star searches by prefix", body: prefixSearch),
        Check(name: "punctuation-heavy queries never throw", body: punctuationQueries),
        Check(name: "an empty query finds nothing", body: emptyQueries),
        Check(name: "search respects its limit", body: searchLimit),
        Check(name: "search pages with an offset", body: searchOffset),
        Check(name: "search filters by entity, source and publication day", body: searchFilters),
        Check(name: "search counts exactly up to its bound and estimates above it", body: searchCounts),
        Check(name: "bounded top-k search finds the strongest matches, filters included", body: boundedTopK),
        Check(name: "a batch add stores each new document once", body: batchAdd),
        Check(name: "concurrent adds of one document store one row", body: concurrentSameDocument),
        Check(name: "concurrent adds of different documents store them all", body: concurrentDifferentDocuments),
        Check(name: "documents are found by id, hash or unique prefix", body: prefixLookups),
        Check(name: "an ambiguous or too short prefix is refused", body: ambiguousPrefix),
        Check(name: "a 12-digit id collision is refused, not overwritten", body: idCollision),
        Check(name: "a malformed content hash is refused", body: malformedHash),
        Check(name: "annotations round-trip and feed the entity and quote listings", body: annotationsRoundTrip),
    ] + LibraryEntityConformance.checks

    /// Collects what went wrong in a check.
    public struct Problems: Sendable {
        public private(set) var list: [String] = []

        public mutating func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
            if !condition { list.append(message()) }
        }

        public mutating func fail(_ message: String) { list.append(message) }
    }

    // MARK: Fixtures

    /// A document whose original is its own text in a small HTML shell; its hash is the real
    /// SHA-256 of those bytes unless `contentHash` is given (to build prefix collisions).
    public static func document(_ seed: String, title: String? = nil, paragraphs: [String],
                                published: PublicationDate? = nil, publisher: String? = nil,
                                removed: [RemovedBlock] = [], contentHash: String? = nil) -> Document {
        let cleaned = CleanedArticle(blocks: paragraphs.map { ($0, Paragraph.Kind.body) },
                                     metadata: DocumentMetadata(title: title, published: published, publisher: publisher),
                                     removed: removed)
        let original = Array("<html><title>\(title ?? "")</title><!-- \(seed) --><p>\(paragraphs.joined(separator: "<p>"))</html>".utf8)
        return Document(contentHash: contentHash ?? SHA256.hex(original), source: "fixtures/\(seed).html",
                        format: .html, original: original, text: cleaned.text, paragraphs: cleaned.paragraphs,
                        metadata: cleaned.metadata, removed: cleaned.removed)
    }

    /// Unrelated documents, so that ranking statistics (document frequency) are realistic.
    static func filler(_ count: Int) -> [Document] {
        let topics = ["harbour dredging budget", "school lunch menu", "railway timetable change",
                      "library opening hours", "football transfer rumours", "bakery prices rise",
                      "bridge repairs delayed", "orchestra season opens"]
        return (0..<count).map { i in
            let topic = topics[i % topics.count]
            return document("filler-\(i)", title: "Notes on the \(topic) #\(i)",
                            paragraphs: ["The council discussed the \(topic) on day \(i).",
                                         "Residents asked questions; officials promised answers by spring."])
        }
    }

    static func add(_ documents: [Document], to store: any DocumentStore) async throws {
        for document in documents { _ = try await store.add(document) }
    }

    /// Lowercased, diacritics removed: how a search term compares with the text it matched.
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    static func isStoreError(_ error: any Error) -> Bool {
        (error as? CrossreadError)?.stage == .store
    }

    // MARK: Checks

    static func annotationsRoundTrip(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let first = document("annotated-1", title: "Mayor speaks", paragraphs: ["“We will reopen the bridge,” Mayor Ana Ruiz said."])
        let second = document("annotated-2", title: "Ruiz again", paragraphs: ["Ruiz visited the harbor."])
        _ = try await store.add(first)
        _ = try await store.add(second)
        let person = Entity(id: "person:ana-ruiz", name: "Ana Ruiz", type: .person, aliases: ["Ana Ruiz"], roles: ["Mayor"])
        let annotations = Annotations(
            sentences: [Sentence(range: 0..<first.text.utf8.count)],
            mentions: [EntityMention(range: 39..<47, type: .person, entity: person.id, role: "Mayor")],
            entities: [person],
            quotes: [Quote(range: 3..<29, speaker: person.id, speakerName: "Mayor Ana Ruiz", cue: "said")],
            times: [TimeExpression(range: 0..<3, value: nil, unresolvedReason: "test")],
            claims: [Claim(range: 0..<10, score: 0.5, speaker: person.id, kinds: ["quote"])])
        try await store.saveAnnotations(annotations, forDocument: first.id)
        var alias = person
        alias.aliases = ["Ruiz"]
        try await store.saveAnnotations(Annotations(mentions: [EntityMention(range: 0..<4, type: .person, entity: person.id)],
                                                    entities: [alias]), forDocument: second.id)
        let stored = try await store.document(id: first.id)
        p.expect(stored?.annotations == annotations, "annotations did not round-trip: \(String(describing: stored?.annotations))")
        let entities = try await store.entities()
        p.expect(entities.count == 1, "expected one entity across both documents, got \(entities.count)")
        p.expect(entities.first?.mentions == 2, "expected 2 mentions, got \(String(describing: entities.first?.mentions))")
        p.expect(Set(entities.first?.documents ?? []) == [first.id, second.id], "entity documents: \(String(describing: entities.first?.documents))")
        p.expect(Set(entities.first?.entity.aliases ?? []) == ["Ana Ruiz", "Ruiz"], "aliases were not merged")
        let quotes = try await store.quotes()
        p.expect(quotes.count == 1 && quotes.first?.quote.speaker == person.id, "quotes: \(quotes)")
        let expected = String(decoding: Array(first.text.utf8)[3..<29], as: UTF8.self)
        p.expect(quotes.first?.text == expected, "quote text \(String(describing: quotes.first?.text)) is not \(expected)")
        // Saving again replaces, never duplicates.
        try await store.saveAnnotations(annotations, forDocument: first.id)
        let again = try await store.quotes()
        p.expect(again.count == 1, "saving annotations twice left \(again.count) quotes")
        do {
            try await store.saveAnnotations(annotations, forDocument: "ffffffffffff")
            p.fail("annotating a missing document did not throw")
        } catch {
            p.expect(isStoreError(error), "annotating a missing document threw \(error)")
        }
    }

    static func addStoresOne(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let doc = document("one", title: "Harbour opens", paragraphs: ["The new harbour opened today."])
        let outcome = try await store.add(doc)
        p.expect(outcome == .added(id: doc.id), "add returned \(outcome), expected .added(id: \(doc.id))")
        p.expect(doc.id.count == 12, "fixture id \(doc.id) is not 12 digits")
        let count = try await store.count()
        p.expect(count == 1, "count is \(count) after one add")
    }

    static func duplicateAdd(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let doc = document("dup", title: "First title", paragraphs: ["Original wording of the story."])
        _ = try await store.add(doc)
        let again = try await store.add(doc)
        p.expect(again == .alreadyPresent(id: doc.id), "second add returned \(again)")
        // Same content hash, different everything else: identity is the hash, and nothing is rewritten.
        var impostor = doc
        impostor.source = "elsewhere/other.html"
        impostor.text = "Completely different words."
        impostor.paragraphs = [Paragraph(range: 0..<27, kind: .body)]
        impostor.metadata.title = "Second title"
        let third = try await store.add(impostor)
        p.expect(third == .alreadyPresent(id: doc.id), "add of a same-hash document returned \(third)")
        let count = try await store.count()
        p.expect(count == 1, "count is \(count) after adding one document three times")
        let stored = try await store.document(id: doc.id)
        p.expect(stored == doc, "the stored document changed after duplicate adds")
        let hits = try await store.search("different", limit: 10)
        p.expect(hits.isEmpty, "the duplicate's text reached the search index")
    }

    static func roundTrip(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let text = "Zürich, 3 März — «Die Stadt» plant 🚋 neue Linien.\n\nSubhead here\n\n"
            + "• a list item with tab\there\n\n> quoted line \"with quotes\" and 'single'\n\ncell | cell | 数字 | עברית"
        let kinds: [Paragraph.Kind] = [.body, .subheading, .listItem, .quote, .table]
        var paragraphs: [Paragraph] = []
        var offset = 0
        for (index, part) in text.components(separatedBy: "\n\n").enumerated() {
            let length = part.utf8.count
            paragraphs.append(Paragraph(range: offset..<(offset + length), kind: kinds[index]))
            offset += length + 2
        }
        // Original bytes that are not valid UTF-8, with NULs, as a decompressed file may be.
        let original: [UInt8] = [0x00, 0xFF, 0xFE, 0xC3, 0x28, 0x00] + Array("<p>Zürich</p>".utf8) + [0xE2, 0x82, 0x00]
        let metadata = DocumentMetadata(
            title: "Straßenbahn: \"Neue\" Linien für Zürich",
            authors: ["Anna Müller", "O'Brien, Seán", "李伟"],
            published: PublicationDate(year: 2024, month: 3, day: 3, hour: 7, minute: 5, second: 9, utcOffsetMinutes: 60),
            updated: PublicationDate(year: 2024, month: 3, day: 4, hour: 23, minute: 59, utcOffsetMinutes: -330),
            publisher: "Tages-Blatt", language: "de", url: "https://example.org/a?b=1&c=ü#frag",
            description: "Eine Beschreibung\nmit Zeilenumbruch.",
            fetched: PublicationDate(year: 2024, month: 3, day: 5, hour: 1, minute: 2, second: 3, utcOffsetMinutes: 0))
        let removed = [
            RemovedBlock(kind: .byline, text: "Von Anna Müller"),
            RemovedBlock(kind: .ad, text: "Advertisement"),
            RemovedBlock(kind: .related, text: "Also read: something"),
            RemovedBlock(kind: .ad, text: "Advertisement"),
            RemovedBlock(kind: .chrome, text: ""),
            RemovedBlock(kind: .legal, text: "© 2024 — alle Rechte"),
        ]
        let rich = Document(contentHash: SHA256.hex(original), source: "feeds/tram.xml#3", format: .rss,
                            original: original, text: text, paragraphs: paragraphs, metadata: metadata, removed: removed)
        let dateOnly = DocumentMetadata(published: PublicationDate(year: 1999, month: 12, day: 31))
        let bare = Document(contentHash: SHA256.hex([UInt8]()), source: "empty.txt", format: .text, original: [],
                            text: "", paragraphs: [], metadata: dateOnly, removed: [])
        for doc in [rich, bare] {
            _ = try await store.add(doc)
            guard let stored = try await store.document(id: doc.id) else {
                p.fail("document \(doc.id) (\(doc.source)) not found after add")
                continue
            }
            p.expect(stored.original == doc.original, "\(doc.source): original bytes differ")
            p.expect(stored.text == doc.text, "\(doc.source): text differs")
            p.expect(stored.paragraphs == doc.paragraphs, "\(doc.source): paragraphs differ: \(stored.paragraphs)")
            p.expect(stored.metadata == doc.metadata, "\(doc.source): metadata differs: \(stored.metadata)")
            p.expect(stored.removed == doc.removed, "\(doc.source): removed blocks differ: \(stored.removed)")
            p.expect(stored == doc, "\(doc.source): stored document differs from the one added")
        }
        let byHash = try await store.document(id: rich.contentHash)
        p.expect(byHash == rich, "look-up by the full content hash failed")
    }

    static func listOrder(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let docs = [
            document("list-c", title: "Zebra crossing", paragraphs: ["  one\ttwo\n three  "],
                     published: PublicationDate(year: 2024, month: 5, day: 1), publisher: "Daily"),
            document("list-a", title: "Aardvark", paragraphs: ["four five six seven", "eight"],
                     published: PublicationDate(year: 2021, month: 1, day: 2, hour: 9, minute: 30)),
            document("list-b", paragraphs: ["U.S.-Israel talks — non-breaking\u{00A0}space and em\u{2003}space"]),
        ]
        try await add(docs, to: store)
        let summaries = try await store.list()
        p.expect(summaries.map(\.id) == docs.map(\.id),
                 "list order \(summaries.map(\.id)) is not ingest order \(docs.map(\.id))")
        let expectedWords = [3, 5, 8]
        for (summary, (doc, words)) in zip(summaries, zip(docs, expectedWords)) {
            p.expect(summary.source == doc.source, "\(doc.id): summary source \(summary.source)")
            p.expect(summary.title == doc.metadata.title, "\(doc.id): summary title \(summary.title ?? "nil")")
            p.expect(summary.published == doc.metadata.published?.iso8601,
                     "\(doc.id): summary published \(summary.published ?? "nil")")
            p.expect(summary.publisher == doc.metadata.publisher, "\(doc.id): summary publisher")
            p.expect(summary.words == words, "\(doc.id): \(summary.words) words, expected \(words)")
        }
    }

    static func titleOutranksBody(_ store: any DocumentStore, _ p: inout Problems) async throws {
        try await add(filler(8), to: store)
        let body = document("rank-body", title: "Weather notes for the week",
                            paragraphs: ["Skies stayed clear and an aurora was seen over the hills.",
                                         "Farmers reported frost in the valleys."])
        let titled = document("rank-title", title: "Aurora lights up the north",
                              paragraphs: ["Skies stayed clear and colours were seen over the hills.",
                                           "Farmers reported frost in the valleys."])
        // The body-only match goes in first, so ingest order cannot explain a correct ranking.
        try await add([body, titled], to: store)
        let hits = try await store.search("aurora", limit: 10)
        p.expect(hits.map(\.id) == [titled.id, body.id],
                 "ranking for \"aurora\" is \(hits.map(\.id)), expected title match \(titled.id) then \(body.id)")
        p.expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score <= $1.score },
                 "scores are not ascending (lower is better): \(hits.map(\.score))")
        if let first = hits.first {
            p.expect(first.title == titled.metadata.title && first.source == titled.source,
                     "hit carries title \(first.title ?? "nil") and source \(first.source)")
        }
    }

    static func searchRequiresEveryWord(_ store: any DocumentStore, _ p: inout Problems) async throws {
        try await add(filler(4), to: store)
        let both = document("and-both", paragraphs: ["The glacier retreat alarmed scientists in Greenland."])
        let one = document("and-one", paragraphs: ["The glacier was photographed from a plane."])
        try await add([both, one], to: store)
        let hits = try await store.search("glacier Greenland", limit: 10)
        p.expect(hits.map(\.id) == [both.id], "\"glacier Greenland\" found \(hits.map(\.id)), expected only \(both.id)")
        let wide = try await store.search("glacier", limit: 10)
        p.expect(Set(wide.map(\.id)) == [both.id, one.id], "\"glacier\" found \(wide.map(\.id))")
        let none = try await store.search("glacier penguin", limit: 10)
        p.expect(none.isEmpty, "\"glacier penguin\" found \(none.map(\.id))")
    }

    static func highlightsPointAtMatches(_ store: any DocumentStore, _ p: inout Problems) async throws {
        try await add(filler(3), to: store)
        let long = (1...40).map { "Filler sentence number \($0) says little." }.joined(separator: " ")
        let doc = document("hl", title: "Budget talks",
                           paragraphs: [long, "Then the minister — in Zürich — said the budget “would balance”.", long])
        try await add([doc], to: store)
        for (query, expected) in [("budget", ["budget"]), ("minister budget", ["minister", "budget"]),
                                  ("ZURICH", ["zurich"]), ("balance", ["balance"])] {
            let hits = try await store.search(query, limit: 5)
            guard let hit = hits.first(where: { $0.id == doc.id }) else {
                p.fail("\"\(query)\" did not find \(doc.id)")
                continue
            }
            checkSnippet(hit, query: query, expected: expected, &p)
            p.expect(hit.snippet.utf8.count < long.utf8.count,
                     "\"\(query)\": the snippet is not an excerpt (\(hit.snippet.utf8.count) bytes)")
        }
        // A phrase typed with punctuation is highlighted as one run of text.
        let phraseDoc = document("hl-phrase", paragraphs: ["Officials said U.S.-Israel talks resume on Monday."])
        try await add([phraseDoc], to: store)
        if let hit = try await store.search("U.S.-Israel", limit: 5).first(where: { $0.id == phraseDoc.id }) {
            // One run ("U.S.-Israel") or its pieces ("U.S", "Israel"), as the backend's tokenizer sees it.
            checkSnippet(hit, query: "U.S.-Israel", expected: ["u.s.-israel"], match: .pieceOf, &p)
        } else {
            p.fail("\"U.S.-Israel\" did not find \(phraseDoc.id)")
        }
    }

    /// How a highlight's text must relate to the expected words.
    enum HighlightMatch { case word, prefix, pieceOf }

    /// Highlights must be non-empty, valid, ordered ranges whose text, folded, is one of `expected`
    /// (starts with it, for prefixes; lies inside it, for a phrase); the snippet must hold no
    /// marker characters.
    static func checkSnippet(_ hit: SearchHit, query: String, expected: [String], match: HighlightMatch = .word,
                             _ p: inout Problems) {
        p.expect(!hit.highlights.isEmpty, "\"\(query)\": no highlights in snippet \"\(hit.snippet)\"")
        let spans = hit.highlights.map { (range: $0, expected: String?.none) }
        for problem in SpanVerifier.problems(text: hit.snippet, spans: spans) {
            p.fail("\"\(query)\": highlight \(problem) in \"\(hit.snippet)\"")
        }
        let bytes = Array(hit.snippet.utf8)
        for range in hit.highlights where range.lowerBound >= 0 && range.upperBound <= bytes.count {
            let marked = folded(String(decoding: bytes[range], as: UTF8.self))
            let ok = expected.contains {
                switch match {
                case .word: marked == $0
                case .prefix: marked.hasPrefix($0)
                case .pieceOf: $0.contains(marked) && marked.contains(where: \.isLetter)
                }
            }
            p.expect(ok, "\"\(query)\": highlight \(range) holds \"\(marked)\", expected one of \(expected)")
        }
        let markers = hit.snippet.unicodeScalars.filter {
            $0.properties.generalCategory == .privateUse || $0.properties.isNoncharacterCodePoint
                || $0.properties.generalCategory == .control
        }
        p.expect(markers.isEmpty, "\"\(query)\": snippet holds marker or control characters")
    }

    static func caseAndDiacritics(_ store: any DocumentStore, _ p: inout Problems) async throws {
        try await add(filler(3), to: store)
        let doc = document("fold", paragraphs: ["Le café de São Paulo a rouvert après les travaux."])
        try await add([doc], to: store)
        for query in ["cafe", "CAFÉ", "sao paulo", "apres", "Après"] {
            let hits = try await store.search(query, limit: 5)
            p.expect(hits.map(\.id) == [doc.id], "\"\(query)\" found \(hits.map(\.id)), expected \(doc.id)")
        }
    }

    static func prefixSearch(_ store: any DocumentStore, _ p: inout Problems) async throws {
        try await add(filler(3), to: store)
        let economy = document("pre-1", paragraphs: ["The economy grew slowly."])
        let economics = document("pre-2", paragraphs: ["A lecture on economics drew crowds."])
        let other = document("pre-3", paragraphs: ["Ecology matters too."])
        try await add([economy, economics, other], to: store)
        let prefixed = try await store.search("econom*", limit: 10)
        p.expect(Set(prefixed.map(\.id)) == [economy.id, economics.id], "\"econom*\" found \(prefixed.map(\.id))")
        for hit in prefixed { checkSnippet(hit, query: "econom*", expected: ["econom"], match: .prefix, &p) }
        let exact = try await store.search("econom", limit: 10)
        p.expect(exact.isEmpty, "\"econom\" without a star found \(exact.map(\.id))")
    }

    static func punctuationQueries(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let doc = document("punct", title: "Talks: \"phase two\"",
                           paragraphs: ["U.S.-Israel talks (phase two) resumed; the 'deal' is not done, isn't it? C++ and C# fans cheered: 50% off!"])
        try await add(filler(2) + [doc], to: store)
        let queries = [
            "U.S.-Israel", "\"phase two", "phase two\"", "isn't", "'deal'", "title:talks", "text:deal", "(phase",
            "two)", "NEAR(talks deal)", "talks AND", "OR", "NOT deal", "AND OR NOT", "-deal", "+deal", "^talks",
            "talks:", ":", "\"", "\"\"", "'", "*", "**", "*talks", "ta*lks", "C++", "C#", "50%", "{talks}", "[talks]",
            "talks;", "deal'); DROP TABLE document; --", "\\", "\u{0}", "talks\u{0}deal", "🚋", "…", "—", "talks,*",
            "a" + String(Unicode.Scalar(UInt32(0xFDD0))!) + "b", "\u{E000}", String(repeating: "(", count: 200), String(repeating: "talks ", count: 60),
        ]
        for query in queries {
            do {
                _ = try await store.search(query, limit: 5)
            } catch {
                p.fail("search for \(query.debugDescription) threw: \(error)")
            }
        }
        let count = try await store.count()
        p.expect(count == 3, "count is \(count) after the punctuation queries")
        for (query, mustFind) in [("U.S.-Israel", true), ("isn't", true), ("(phase two)", true),
                                  ("\"phase two\"", true), ("talks,*", true), ("NOT deal", true), ("C++", true)] {
            let found = try await store.search(query, limit: 5).contains { $0.id == doc.id }
            p.expect(found == mustFind, "search for \(query.debugDescription) \(found ? "found" : "missed") \(doc.id)")
        }
    }

    static func emptyQueries(_ store: any DocumentStore, _ p: inout Problems) async throws {
        try await add(filler(3), to: store)
        for query in ["", "   ", "\n\t", "*", "--", "\"\"", "()", "…"] {
            let hits = try await store.search(query, limit: 10)
            p.expect(hits.isEmpty, "search for \(query.debugDescription) returned \(hits.count) hits")
        }
    }

    static func searchLimit(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let docs = (0..<6).map { document("limit-\($0)", paragraphs: ["Lighthouse report number \($0)."]) }
        try await add(docs, to: store)
        let two = try await store.search("lighthouse", limit: 2)
        p.expect(two.count == 2, "limit 2 returned \(two.count) hits")
        let all = try await store.search("lighthouse", limit: 100)
        p.expect(all.count == 6, "limit 100 returned \(all.count) of 6 hits")
        let none = try await store.search("lighthouse", limit: 0)
        p.expect(none.isEmpty, "limit 0 returned \(none.count) hits")
    }

    static func searchOffset(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let docs = (0..<5).map { document("page-\($0)", paragraphs: ["Ferry timetable \($0) for the island."]) }
        try await add(docs, to: store)
        let all = try await store.search(SearchQuery("ferry", limit: 10))
        let first = try await store.search(SearchQuery("ferry", limit: 2))
        let second = try await store.search(SearchQuery("ferry", limit: 2, offset: 2))
        let last = try await store.search(SearchQuery("ferry", limit: 2, offset: 4))
        p.expect(all.count == 5, "expected 5 hits, got \(all.count)")
        p.expect((first + second + last).map(\.id) == all.map(\.id),
                 "pages \((first + second + last).map(\.id)) do not add up to \(all.map(\.id))")
        let beyond = try await store.search(SearchQuery("ferry", limit: 2, offset: 10))
        p.expect(beyond.isEmpty, "an offset past the end returned \(beyond.count) hits")
    }

    static func searchFilters(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let early = document("filter-early", title: "Dam inspection", paragraphs: ["Engineers inspected the dam."],
                             published: PublicationDate(year: 2024, month: 3, day: 9, hour: 23, minute: 50),
                             publisher: "Valley Courier")
        let late = document("filter-late", title: "Dam reopens", paragraphs: ["The dam reopened after repairs."],
                            published: PublicationDate(year: 2024, month: 3, day: 10), publisher: "Hill Gazette")
        let undated = document("filter-undated", paragraphs: ["Nobody knows when the dam story ran."])
        try await add([early, late, undated], to: store)
        let engineer = Entity(id: "person:lena-oduya", name: "Lena Oduya", type: .person, aliases: ["Lena Oduya"])
        try await store.saveAnnotations(Annotations(mentions: [EntityMention(range: 0..<9, type: .person, entity: engineer.id)],
                                                    entities: [engineer]), forDocument: early.id)
        func ids(_ query: SearchQuery) async throws -> Set<String> { Set(try await store.search(query).map(\.id)) }

        let everything = try await ids(SearchQuery("dam"))
        p.expect(everything == [early.id, late.id, undated.id], "unfiltered search found \(everything)")
        let byEntity = try await ids(SearchQuery("dam", entityIDs: ["person:nobody", engineer.id]))
        p.expect(byEntity == [early.id], "entity filter found \(byEntity)")
        let byUnknownEntity = try await ids(SearchQuery("dam", entityIDs: ["person:nobody"]))
        p.expect(byUnknownEntity.isEmpty, "an unknown entity matched \(byUnknownEntity)")
        let byPublisher = try await ids(SearchQuery("dam", source: "hill GAZ"))
        p.expect(byPublisher == [late.id], "source filter on the publisher found \(byPublisher)")
        let byPath = try await ids(SearchQuery("dam", source: "filter-undated"))
        p.expect(byPath == [undated.id], "source filter on the path found \(byPath)")
        // Days are inclusive at both ends and compare the calendar day, whatever the time of day.
        let sameDay = try await ids(SearchQuery("dam", publishedFrom: "2024-03-09", publishedThrough: "2024-03-09"))
        p.expect(sameDay == [early.id], "one-day range found \(sameDay)")
        let from = try await ids(SearchQuery("dam", publishedFrom: "2024-03-10"))
        p.expect(from == [late.id], "from 2024-03-10 found \(from)")
        let through = try await ids(SearchQuery("dam", publishedThrough: "2024-03-10"))
        p.expect(through == [early.id, late.id], "through 2024-03-10 found \(through)")
        let combined = try await ids(SearchQuery("dam", entityIDs: [engineer.id], source: "gazette"))
        p.expect(combined.isEmpty, "entity and source filters together found \(combined)")
        let hit = try await store.search(SearchQuery("reopened", source: "gazette")).first
        p.expect(hit?.publisher == "Hill Gazette" && hit?.published?.hasPrefix("2024-03-10") == true,
                 "a hit carries its publisher and date: \(String(describing: hit))")
    }

    static func searchCounts(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let docs = (0..<6).map { document("count-\($0)", paragraphs: ["The quarry \($0) closed for the winter."]) }
        try await add(docs, to: store)
        let exact = try await store.searchResults(SearchQuery("quarry", limit: 2))
        p.expect(exact.total == 6 && exact.totalIsExact && exact.hits.count == 2,
                 "6 matches under the bound: total \(exact.total), exact \(exact.totalIsExact), \(exact.hits.count) hits")
        var bounded = SearchQuery("quarry", limit: 4)
        bounded.exactBound = 3
        let estimated = try await store.searchResults(bounded)
        p.expect(!estimated.totalIsExact && estimated.total >= 4 && estimated.hits.count == 4,
                 "6 matches over a bound of 3: total \(estimated.total), exact \(estimated.totalIsExact), \(estimated.hits.count) hits")
        let none = try await store.searchResults(SearchQuery("quarry penguin"))
        p.expect(none.total == 0 && none.totalIsExact && none.hits.isEmpty, "no match: \(none)")
        let filtered = try await store.searchResults(SearchQuery("quarry", source: "count-3"))
        p.expect(filtered.total == 1 && filtered.totalIsExact, "a source filter's count: \(filtered.total)")
    }

    static func boundedTopK(_ store: any DocumentStore, _ p: inout Problems) async throws {
        // The word weighs differently in each: in the title or not, said once or several times, in
        // shorter or longer texts; two publishers, two days, one entity.
        var docs: [Document] = []
        for index in 0..<16 {
            let repeats = Array(repeating: "The harbor crane moved again.", count: index % 4 + 1)
            let filler = Array(repeating: "Cargo ships waited offshore for the tide.", count: index % 5)
            docs.append(document("topk-\(index)", title: index % 6 == 0 ? "Harbor news \(index)" : "Port news \(index)",
                                 paragraphs: [(repeats + filler).joined(separator: " ")],
                                 published: PublicationDate(year: 2024, month: 5, day: index % 2 + 1),
                                 publisher: index % 3 == 0 ? "Quay Times" : "Dock Daily"))
        }
        try await add(docs, to: store)
        let pilot = Entity(id: "person:ada-kline", name: "Ada Kline", type: .person, aliases: ["Ada Kline"])
        for doc in docs.enumerated() where doc.offset % 4 == 1 {
            try await store.saveAnnotations(Annotations(mentions: [EntityMention(range: 0..<4, type: .person, entity: pilot.id)],
                                                        entities: [pilot]), forDocument: doc.element.id)
        }
        let queries = [SearchQuery("harbor", limit: 5), SearchQuery("harbor crane", limit: 5),
                       SearchQuery("harbor", limit: 3, offset: 3), SearchQuery("harbor", source: "quay", limit: 5),
                       SearchQuery("harbor", publishedFrom: "2024-05-02", publishedThrough: "2024-05-02", limit: 5),
                       SearchQuery("crane", entityIDs: [pilot.id], limit: 5)]
        for query in queries {
            var bounded = query
            bounded.exactBound = 2
            var every = query
            every.exactBound = Int.max
            let topK = try await store.searchResults(bounded)
            let best = try await store.searchResults(every)
            every.limit = 100
            every.offset = 0
            let all = try await store.searchResults(every)
            p.expect(all.totalIsExact && best.totalIsExact, "ranking every match for \(query.text) gave an estimate")
            let matching = Set(all.hits.map(\.id))
            let expected = min(query.limit, max(0, matching.count - query.offset))
            p.expect(topK.hits.count == expected && topK.hits.allSatisfy { matching.contains($0.id) },
                     "\(query): top-k gave \(topK.hits.map(\.id)), not \(expected) of the matches \(matching.sorted())")
            p.expect(topK.hits.map(\.score) == topK.hits.map(\.score).sorted(), "\(query): top-k is not best first")
            // The strongest documents for the words stay on top: most of the top 5 agree.
            if query.offset == 0 {
                let shared = Set(topK.hits.map(\.id)).intersection(best.hits.map(\.id)).count
                p.expect(shared * 5 >= best.hits.count * 3,
                         "\(query): top-k \(topK.hits.map(\.id)) shares \(shared) with every match's \(best.hits.map(\.id))")
            }
            for hit in topK.hits {
                p.expect(hit.highlights.contains { !$0.isEmpty }, "\(query.text): top-k hit \(hit.id) has no highlight")
            }
        }
        // A prefix has no word list: above the bound it ranks the newest matches, still best first.
        var prefix = SearchQuery("harb*", limit: 3)
        prefix.exactBound = 5
        let prefixed = try await store.searchResults(prefix)
        p.expect(prefixed.hits.count == 3 && prefixed.hits.map(\.score) == prefixed.hits.map(\.score).sorted(),
                 "a bounded prefix search gave scores \(prefixed.hits.map(\.score))")
        let filtered = try await store.searchResults(SearchQuery("harbor", source: "quay", limit: 20))
        p.expect(filtered.hits.allSatisfy { $0.publisher == "Quay Times" } && filtered.total == 6,
                 "the source filter kept \(filtered.hits.map { $0.publisher ?? "-" }), total \(filtered.total)")
    }

    static func batchAdd(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let first = document("batch-a", paragraphs: ["The orchard harvest began early."])
        let second = document("batch-b", paragraphs: ["The orchard harvest ended late."])
        _ = try await store.add(first)
        let outcomes = try await store.add(contentsOf: [first, second, second])
        p.expect(outcomes == [.alreadyPresent(id: first.id), .added(id: second.id), .alreadyPresent(id: second.id)],
                 "batch outcomes \(outcomes)")
        let count = try await store.count()
        p.expect(count == 2, "count is \(count) after the batch")
        let hits = try await store.search("orchard", limit: 10)
        p.expect(Set(hits.map(\.id)) == [first.id, second.id], "the batch's search rows: \(hits.map(\.id))")
    }

    static func concurrentSameDocument(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let doc = document("race", title: "Race", paragraphs: ["Everyone adds this at once."],
                           removed: [RemovedBlock(kind: .ad, text: "Advertisement")])
        let outcomes = try await withThrowingTaskGroup(of: StoreOutcome.self) { group in
            for _ in 0..<16 { group.addTask { try await store.add(doc) } }
            return try await group.reduce(into: [StoreOutcome]()) { $0.append($1) }
        }
        let added = outcomes.filter { $0 == .added(id: doc.id) }.count
        let present = outcomes.filter { $0 == .alreadyPresent(id: doc.id) }.count
        p.expect(added == 1 && present == 15, "16 concurrent adds: \(added) added, \(present) already present")
        let count = try await store.count()
        p.expect(count == 1, "count is \(count) after concurrent adds of one document")
        let stored = try await store.document(id: doc.id)
        p.expect(stored == doc, "the concurrently added document does not round-trip")
        let hits = try await store.search("everyone", limit: 10)
        p.expect(hits.count == 1, "the search index holds \(hits.count) rows for the document")
    }

    static func concurrentDifferentDocuments(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let docs = (0..<24).map { document("many-\($0)", paragraphs: ["Parallel item \($0) arrives."]) }
        let outcomes = try await withThrowingTaskGroup(of: StoreOutcome.self) { group in
            for doc in docs { group.addTask { try await store.add(doc) } }
            return try await group.reduce(into: [StoreOutcome]()) { $0.append($1) }
        }
        p.expect(Set(outcomes.map { "\($0)" }) == Set(docs.map { "\(StoreOutcome.added(id: $0.id))" }),
                 "concurrent adds of different documents returned \(outcomes)")
        let count = try await store.count()
        p.expect(count == docs.count, "count is \(count), expected \(docs.count)")
        for doc in docs {
            let stored = try await store.document(id: doc.id)
            p.expect(stored == doc, "\(doc.id) does not round-trip after concurrent adds")
        }
    }

    static func prefixLookups(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let docs = filler(5)
        try await add(docs, to: store)
        let doc = docs[2]
        let keys = [doc.id, String(doc.id.prefix(4)), String(doc.id.prefix(7)), doc.id.uppercased(),
                    String(doc.contentHash.prefix(20)), doc.contentHash]
        for key in keys {
            let found = try await store.document(id: key)
            p.expect(found?.id == doc.id, "look-up of \(key) found \(found?.id ?? "nothing"), expected \(doc.id)")
        }
        let unknownID = docs.map(\.id).contains("ffffffffffff") ? "000000000000" : "ffffffffffff"
        for key in [unknownID, "not-an-id", String(doc.contentHash.prefix(12)) + "x", doc.contentHash + "0"] {
            let found = try await store.document(id: key)
            p.expect(found == nil, "look-up of \(key) found \(found?.id ?? "")")
        }
    }

    static func ambiguousPrefix(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let a = document("amb-a", paragraphs: ["First twin."],
                         contentHash: "abcde1" + String(SHA256.hex(Array("a".utf8)).dropFirst(6)))
        let b = document("amb-b", paragraphs: ["Second twin."],
                         contentHash: "abcde2" + String(SHA256.hex(Array("b".utf8)).dropFirst(6)))
        try await add([a, b], to: store)
        do {
            let found = try await store.document(id: "abcde")
            p.fail("ambiguous prefix abcde returned \(found?.id ?? "nil") instead of an error")
        } catch {
            p.expect(isStoreError(error), "ambiguous prefix threw a non-store error: \(error)")
            p.expect("\(error)".contains("ambiguous"), "the error does not say the prefix is ambiguous: \(error)")
            p.expect("\(error)".contains(a.id) && "\(error)".contains(b.id), "the error does not name the candidates: \(error)")
        }
        let first = try await store.document(id: "abcde1")
        p.expect(first?.id == a.id, "abcde1 found \(first?.id ?? "nothing")")
        let second = try await store.document(id: "ABCDE2")
        p.expect(second?.id == b.id, "ABCDE2 found \(second?.id ?? "nothing")")
        do {
            let found = try await store.document(id: "abc")
            p.fail("a 3-digit prefix returned \(found?.id ?? "nil") instead of an error")
        } catch {
            p.expect(isStoreError(error), "a too short prefix threw a non-store error: \(error)")
        }
    }

    static func idCollision(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let shared = "0123456789ab"
        let first = document("collide-1", title: "Kept", paragraphs: ["The first owner of the id."],
                             removed: [RemovedBlock(kind: .ad, text: "Sponsored")],
                             contentHash: shared + String(repeating: "1", count: 52))
        let second = document("collide-2", title: "Refused", paragraphs: ["A stranger with the same id prefix."],
                              removed: [RemovedBlock(kind: .chrome, text: "Menu")],
                              contentHash: shared + String(repeating: "2", count: 52))
        _ = try await store.add(first)
        do {
            let outcome = try await store.add(second)
            p.fail("adding a different document with a taken id returned \(outcome) instead of an error")
        } catch {
            p.expect(isStoreError(error), "the id collision threw a non-store error: \(error)")
        }
        let count = try await store.count()
        p.expect(count == 1, "count is \(count) after a refused add")
        let stored = try await store.document(id: shared)
        p.expect(stored == first, "the first document changed after a refused add")
        let hits = try await store.search("stranger", limit: 5)
        p.expect(hits.isEmpty, "the refused document reached the search index")
    }

    static func malformedHash(_ store: any DocumentStore, _ p: inout Problems) async throws {
        for hash in ["", "abc", String(repeating: "A", count: 64), String(repeating: "g", count: 64),
                     String(repeating: "a", count: 63)] {
            let doc = document("bad-hash", paragraphs: ["Bad identity."], contentHash: hash)
            do {
                let outcome = try await store.add(doc)
                p.fail("a document with content hash \(hash.debugDescription) was accepted: \(outcome)")
            } catch {
                p.expect(isStoreError(error), "a malformed hash threw a non-store error: \(error)")
            }
        }
        let count = try await store.count()
        p.expect(count == 0, "count is \(count) after refused adds")
    }
}
