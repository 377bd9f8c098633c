import CrossreadCore

/// The language stage: tokens and sentences, entity mentions and entities, then quotes with
/// speakers, time expressions resolved against the publication date, and claims.
/// Requires: `Document.text` (and `metadata.published` to resolve relative times). Produces: `Annotations`.
///
///     text ─ Tokenizer ─ SentenceSplitter ─ EntityRecognizer ─ entities
///                                  └──────────────┬──────────────┘
///                  QuoteFinder, TimeExpressionFinder ─ ClaimFinder
public struct LanguageAnnotator: DocumentAnnotator {
    public var recognizer: EntityRecognizer
    public var quoteFinder: QuoteFinder
    public var timeFinder: TimeExpressionFinder
    public var claimFinder: ClaimFinder

    public init(recognizer: EntityRecognizer = EntityRecognizer(), quoteFinder: QuoteFinder = QuoteFinder(),
                timeFinder: TimeExpressionFinder = TimeExpressionFinder(), claimFinder: ClaimFinder = ClaimFinder()) {
        self.recognizer = recognizer
        self.quoteFinder = quoteFinder
        self.timeFinder = timeFinder
        self.claimFinder = claimFinder
    }

    public func annotate(_ document: Document) -> Annotations {
        annotate(text: document.text, published: document.metadata.published)
    }

    /// Annotations of a clean text; `published` anchors relative times.
    public func annotate(text: String, published: PublicationDate?) -> Annotations {
        let tokens = Tokenizer().tokenize(text)
        let bytes = Array(text.utf8)
        let sentenceTokens = bytes.withUnsafeBufferPointer { SentenceSplitter().tokenRanges($0, tokens: tokens) }
        let sentences = sentenceTokens.filter { !$0.isEmpty }.map {
            Sentence(range: tokens[$0.lowerBound].range.lowerBound..<tokens[$0.upperBound - 1].range.upperBound)
        }
        let recognized = recognizer.recognize(text, tokens: tokens, sentences: sentenceTokens)
        let (mentions, entities) = LanguageAnnotator.entities(of: recognized, bytes: bytes)
        let finderText = FinderText(bytes: bytes, tokens: tokens)
        let quotes = quoteFinder.quotes(in: finderText, sentences: sentences, mentions: mentions, entities: entities)
        let times = timeFinder.times(in: finderText, published: published)
        let claims = claimFinder.claims(in: finderText, sentences: sentences, quotes: quotes, times: times, mentions: mentions)
        return Annotations(sentences: sentences, mentions: mentions, entities: entities, quotes: quotes, times: times,
                           claims: claims)
    }

    /// One entity per provisional id the recognizer gave: the longest mention text as its name,
    /// the other texts as aliases, the roles stated with its mentions.
    static func entities(of mentions: [EntityMention], bytes: [UInt8]) -> ([EntityMention], [Entity]) {
        var order: [String] = []
        var byID: [String: Entity] = [:]
        for mention in mentions {
            let name = String(decoding: bytes[mention.range], as: UTF8.self)
            if var entity = byID[mention.entity] {
                if !entity.aliases.contains(name), name != entity.name { entity.aliases.append(name) }
                if let role = mention.role, !entity.roles.contains(role) { entity.roles.append(role) }
                byID[mention.entity] = entity
            } else {
                order.append(mention.entity)
                byID[mention.entity] = Entity(id: mention.entity, name: name, type: mention.type, aliases: [],
                                              roles: mention.role.map { [$0] } ?? [])
            }
        }
        return (mentions, order.compactMap { byID[$0] })
    }
}
