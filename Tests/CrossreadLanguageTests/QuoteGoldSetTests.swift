import CrossreadCore
import CrossreadTestSupport
import Foundation
import Testing

/// The held-out quote set `Gold/quotes60.json` (offsets into article-extraction-benchmark bodies and
/// ecbplus-dev files, no text stored) is well formed against the corpora; `scripts/eval-quotes.sh`
/// scores it. Skipped when `../shared` is absent. No floor here: the set is never tuned on.
@Suite("Held-out quote set (quotes60)")
struct QuoteGoldSetTests {
    struct Article: Decodable {
        var corpus: String
        var id: String
        var textSHA256: String
        var quotes: [GoldSet.Quote]
        var terms: [[Int]]
    }

    struct File: Decodable {
        var articles: [Article]
    }

    @Test func annotationsAreWellFormedAgainstTheCorpora() throws {
        let url = SharedCorpus.packageRoot.appendingPathComponent("Tests/CrossreadLanguageTests/Gold/quotes60.json")
        let file = try JSONDecoder().decode(File.self, from: try Data(contentsOf: url))
        #expect(file.articles.count == 60)
        #expect(Set(file.articles.map(\.id)).count == 60)
        guard let bodies = GoldSet.bodies, let ecbplus = SharedCorpus.path("corpora/ecbplus-dev") else { return }
        for article in file.articles {
            let text: String
            if article.corpus == "ecbplus-dev" {
                text = String(decoding: try Data(contentsOf: ecbplus.appendingPathComponent(article.id)), as: UTF8.self)
            } else {
                text = try #require(bodies[article.id], "\(article.id) is not in the corpus")
            }
            #expect(SHA256.hex(Array(text.utf8)) == article.textSHA256, "\(article.id): the text changed")
            let count = text.unicodeScalars.count
            var previousEnd = 0
            let spans = (article.quotes.map { ($0.start, $0.end) } + article.terms.map { ($0[0], $0[1]) }).sorted { $0.0 < $1.0 }
            for (start, end) in spans {
                #expect(previousEnd <= start && start < end && end <= count, "\(article.id): span \(start)-\(end)")
                previousEnd = end
            }
            for quote in article.quotes {
                if let speaker = quote.speaker {
                    #expect(speaker.count == 2 && 0 <= speaker[0] && speaker[0] < speaker[1] && speaker[1] <= count,
                            "\(article.id): speaker \(speaker)")
                }
            }
        }
    }
}
