import CrossreadCore

/// Finds direct speech and quoted posts in clean text, each with its speaker (an entity id from
/// the mentions), the reporting cue and the venue when the text names one.
///
/// Steps: pair quote marks per paragraph (`QuoteMarkPairer`); look for the attribution after the
/// quote (`“Q,” SPEAKER CUE`, `“Q,” CUE SPEAKER`) and before it (`SPEAKER CUE: “Q”`,
/// `SPEAKER CUE that ... “Q”`, `according to SPEAKER, “Q”`), the speaker being the reporting verb's
/// subject (past an appositive, not another verb's object, never a colon lead-in's topic: "Of
/// Clinton: “...”"); set apart as terms what is not speech: titles of works and shows ("said on
/// “Fox News Sunday”"), named terms ("a phenomenon called “...”"), nicknames and scare quotes (one
/// or two words with no cue framing them, or up to four words with no cue at all); give a quote with
/// no cue the speaker of the quote just before it in the same paragraph, or of the quote or sentence
/// subject in the paragraph before when it stands alone, unless a sentence between brings in
/// another person, who then speaks.
///
/// A split quote ("“A,” she said. “B.”") is returned as two quotes with the same speaker, cue and
/// venue, so each quote's range holds only quoted words. A quote that runs over paragraphs is one
/// quote per paragraph, linked the same way.
public struct QuoteFinder: Sendable {
    public init() {}

    public func quotes(in text: String, sentences: [Sentence], mentions: [EntityMention], entities: [Entity]) -> [Quote] {
        quotes(in: FinderText(text), sentences: sentences, mentions: mentions, entities: entities)
    }

    func quotes(in text: FinderText, sentences: [Sentence], mentions: [EntityMention], entities: [Entity]) -> [Quote] {
        quotesAndTerms(in: text, sentences: sentences, mentions: mentions, entities: entities).quotes
    }

    /// The quotes, the quoted words that are not speech (titles, terms, nicknames, scare quotes), and
    /// speakers' names recognition missed.
    public func quotesAndTerms(in text: String, sentences: [Sentence], mentions: [EntityMention],
                               entities: [Entity]) -> QuoteFindings {
        quotesAndTerms(in: FinderText(text), sentences: sentences, mentions: mentions, entities: entities)
    }

    func quotesAndTerms(in text: FinderText, sentences: [Sentence], mentions: [EntityMention],
                        entities: [Entity]) -> QuoteFindings {
        let spans = QuoteMarkPairer(text: text).pairs()
        guard !spans.isEmpty else { return QuoteFindings() }
        let sentenceRanges = sentences.isEmpty ? text.fallbackSentences() : sentences.map(\.range)
        let sentenceTokens = sentenceRanges.map { text.tokens(in: $0) }.filter { !$0.isEmpty }
        let quoted = spans.map { $0.openMark..<($0.closeMark ?? $0.inner.upperBound) }
        let speakers = SpeakerResolver(text: text, mentions: mentions, entities: entities, sentences: sentenceTokens, quoted: quoted)
        var attribution = QuoteAttribution(text: text, spans: spans, speakers: speakers)
        return attribution.quotesAndTerms()
    }
}
