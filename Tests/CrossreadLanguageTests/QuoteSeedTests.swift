import CrossreadCore
import CrossreadLanguage
import CrossreadTestSupport
import Foundation
import Testing

/// The seed articles in `../shared/seeds`, as paragraphs separated by blank lines (the shape of
/// clean text), annotated by the whole language stage. Skipped when `../shared` is absent.
enum SeedArticles {
    static func text(_ prefix: String) -> String? {
        guard let folder = SharedCorpus.path("seeds"),
              let name = try? FileManager.default.contentsOfDirectory(atPath: folder.path).first(where: { $0.hasPrefix(prefix) }),
              let raw = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { return nil }
        return raw.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: "\n\n")
    }

    static func annotate(_ prefix: String, published: PublicationDate? = nil) -> (text: String, annotations: Annotations)? {
        guard let text = text(prefix) else { return nil }
        return (text, LanguageAnnotator().annotate(text: text, published: published))
    }

    static func span(_ text: String, _ range: Range<Int>) -> String {
        String(decoding: Array(text.utf8)[range], as: UTF8.self)
    }
}

@Suite("Quotes in the seed articles")
struct QuoteSeedTests {
    /// Every quote of a seed: the first words of the quote and the speaker's canonical name, in order.
    @Test(arguments: [
        ("000", [("good and very", "Benjamin Netanyahu"), ("These were very", "Benjamin Netanyahu"), ("Israel has to", "Donald Trump"),
                 ("We will never allow", "Benjamin Netanyahu")]),
        ("001", [("good and very", "Benjamin Netanyahu")]),
        ("002", []),
        // 003 never gives Trump's first name: within the document his canonical name is "Trump".
        ("003", [("are on the same", "Trump"), ("we’ve got to", "Trump"), ("felt well about", "Trump")]),
        ("004", [("the same side", "Donald Trump"), ("I’ve just spoken", "Donald Trump"), ("Iran’s going to", "Donald Trump"),
                 ("Thank you, President", "Benjamin Netanyahu")]),
    ])
    func everyQuoteAndSpeaker(seed: String, expected: [(String, String)]) {
        guard let (text, annotations) = SeedArticles.annotate(seed) else { return }
        let entities = Dictionary(annotations.entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let found = annotations.quotes.map { quote -> (String, String) in
            let words = SeedArticles.span(text, quote.range)
            let speaker = quote.speaker.flatMap { entities[$0]?.name } ?? "-"
            return (words, speaker)
        }
        #expect(found.count == expected.count, "\(seed): \(found)")
        for (got, want) in zip(found, expected) {
            #expect(got.0.hasPrefix(want.0), "\(seed): \(got.0)")
            #expect(got.1 == want.1, "\(seed): \(got.0) is attributed to \(got.1), not \(want.1)")
        }
        #expect(SpanVerifier.problems(text: text, spans: annotations.quotes.map { ($0.range, nil) }).isEmpty)
    }

    @Test func seed004PostsOnTruthSocialAndX() {
        guard let (text, annotations) = SeedArticles.annotate("004") else { return }
        let truth = annotations.quotes.first { SeedArticles.span(text, $0.range).hasPrefix("I’ve just spoken") }
        #expect(truth?.venue == "Truth Social")
        #expect(truth?.cue == "said")
        let thanks = annotations.quotes.first { SeedArticles.span(text, $0.range).hasPrefix("Thank you") }
        #expect(thanks?.venue == "X")
        #expect(thanks?.cue == "posted")
    }

    @Test func seed000InterviewAndPronounSpeaker() {
        guard let (text, annotations) = SeedArticles.annotate("000") else { return }
        let interview = annotations.quotes.first { SeedArticles.span(text, $0.range).hasPrefix("Israel has to") }
        #expect(interview?.venue == "interview")
        let described = annotations.quotes.first { SeedArticles.span(text, $0.range).hasPrefix("good and very") }
        #expect(described?.cue == "described")
    }
}
