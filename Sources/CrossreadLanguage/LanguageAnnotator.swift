import CrossreadCore

/// The language stage: tokens and sentences, entity mentions and entities, then quotes with
/// speakers, time expressions resolved against the publication date, and claims.
/// Requires: `Document.text` (and `metadata.published` to resolve relative times). Produces: `Annotations`.
///
///     text ─ Tokenizer ─ SentenceSplitter ─ EntityRecognizer ─ EntityResolver
///                                  └──────────────┬──────────────┘
///                  QuoteFinder, TimeExpressionFinder ─ ClaimFinder
public struct LanguageAnnotator: DocumentAnnotator {
    public var recognizer: EntityRecognizer
    public var resolver: EntityResolver
    public var quoteFinder: QuoteFinder
    public var timeFinder: TimeExpressionFinder
    public var claimFinder: ClaimFinder

    public init(recognizer: EntityRecognizer = EntityRecognizer(), resolver: EntityResolver = EntityResolver(),
                quoteFinder: QuoteFinder = QuoteFinder(),
                timeFinder: TimeExpressionFinder = TimeExpressionFinder(), claimFinder: ClaimFinder = ClaimFinder()) {
        self.recognizer = recognizer
        self.resolver = resolver
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
        var (mentions, entities) = resolver.resolve(recognized, text: text)
        let finderText = FinderText(bytes: bytes, tokens: tokens)
        let found = quoteFinder.quotesAndTerms(in: finderText, sentences: sentences, mentions: mentions, entities: entities)
        let (quotes, terms) = (found.quotes, found.terms)
        if !found.mentions.isEmpty {
            // Speakers' names recognition missed ("Lt. Hastings said") join the entities.
            mentions = (mentions + found.mentions).sorted { $0.range.lowerBound < $1.range.lowerBound }
            for entity in found.entities where !entities.contains(where: { $0.id == entity.id }) { entities.append(entity) }
        }
        let times = timeFinder.times(in: finderText, published: published)
        let claims = claimFinder.claims(in: finderText, sentences: sentences, quotes: quotes, times: times, mentions: mentions)
        return Annotations(sentences: sentences, mentions: mentions, entities: entities, quotes: quotes, times: times,
                           claims: claims, terms: terms)
    }
}
