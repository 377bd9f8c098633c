import CrossreadCore
@testable import CrossreadCorpus

/// Builds documents with hand-made annotations, the way the language stage would give them:
/// sentences split on punctuation, and quotes, people, places, times and claims located by their words.
struct ComparisonFixture {
    var id: String
    var text: String
    var title: String?
    var published: String?
    var quotes: [(words: String, speaker: String, venue: String?, cue: String?)] = []
    var people: [String] = []
    var places: [String] = []
    var times: [(words: String, value: String)] = []
    /// Sentences (by a few of their words) that language analysis marks as claims; all when nil.
    var claims: [String]?

    init(id: String, text: String, title: String? = nil, published: String? = nil,
         people: [String] = [], places: [String] = [],
         quotes: [(words: String, speaker: String, venue: String?, cue: String?)] = [],
         times: [(words: String, value: String)] = [], claims: [String]? = nil) {
        self.id = id
        self.text = text
        self.title = title
        self.published = published
        self.quotes = quotes
        self.people = people
        self.places = places
        self.times = times
        self.claims = claims
    }

    /// The document id: `id` padded to twelve characters.
    static func documentID(_ id: String) -> String { id.padding(toLength: 12, withPad: "0", startingAt: 0) }

    static func range(of needle: String, in text: String, from start: Int = 0) -> Range<Int>? {
        let haystack = Array(text.utf8)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count, start <= haystack.count - pattern.count else { return nil }
        for i in start...(haystack.count - pattern.count) where Array(haystack[i..<(i + pattern.count)]) == pattern {
            return i..<(i + pattern.count)
        }
        return nil
    }

    static func entityID(_ name: String) -> String {
        "person:" + name.lowercased().split(separator: " ").joined(separator: "-")
    }

    var document: Document {
        let bytes = Array(text.utf8)
        let sentences = FallbackSentenceSplitter.sentences(in: bytes).map { Sentence(range: $0) }
        var mentions: [EntityMention] = []
        var entities: [Entity] = []
        for name in people {
            var start = 0
            let surname = String(name.split(separator: " ").last ?? "")
            while let r = Self.range(of: surname, in: text, from: start) {
                mentions.append(EntityMention(range: r, type: .person, entity: Self.entityID(name)))
                start = r.upperBound
            }
            entities.append(Entity(id: Self.entityID(name), name: name, type: .person))
        }
        for place in places {
            var start = 0
            while let r = Self.range(of: place, in: text, from: start) {
                mentions.append(EntityMention(range: r, type: .place, entity: "place:" + place.lowercased()))
                start = r.upperBound
            }
        }
        mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
        let quotes = self.quotes.compactMap { q -> Quote? in
            guard let r = Self.range(of: q.words, in: text) else { return nil }
            return Quote(range: r, speaker: Self.entityID(q.speaker), speakerName: q.speaker, cue: q.cue, venue: q.venue)
        }
        let times = self.times.compactMap { t in Self.range(of: t.words, in: text).map { TimeExpression(range: $0, value: t.value) } }
        let claimSentences = sentences.filter { sentence in
            guard let claims else { return true }
            let words = String(decoding: bytes[sentence.range], as: UTF8.self)
            return claims.contains { words.contains($0) }
        }
        let annotations = Annotations(sentences: sentences, mentions: mentions, entities: entities, quotes: quotes,
                                      times: times, claims: claimSentences.map { Claim(range: $0.range, score: 0.8) })
        let paragraphs = [Paragraph(range: 0..<bytes.count, kind: .body)]
        return Document(contentHash: id.padding(toLength: 64, withPad: "0", startingAt: 0), source: id, format: .text,
                        original: bytes, text: text, paragraphs: paragraphs,
                        metadata: DocumentMetadata(title: title, published: published.flatMap(PublicationDate.parse)),
                        removed: [], annotations: annotations)
    }
}

extension Document {
    /// The words of a text reference in this document.
    func words(_ reference: TextReference) -> String {
        String(decoding: Array(text.utf8)[reference.range], as: UTF8.self)
    }
}
