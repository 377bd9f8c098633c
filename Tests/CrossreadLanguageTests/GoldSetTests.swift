import CrossreadCore
import CrossreadLanguage
import CrossreadTestSupport
import Foundation
import Testing

/// The hand-annotated test set `Gold/benchmark30.json`: offsets into the `articleBody` texts of
/// `../shared/corpora/article-extraction-benchmark` (no article text in the repository).
/// Skipped when `../shared` is absent. `scripts/eval-gold.sh` prints the full scores.
enum GoldSet {
    struct Article: Decodable {
        var id: String
        var bodySHA256: String
        var mentions: [[Mention]]
        var quotes: [Quote]
    }

    /// An element of `[start, end, type]`.
    enum Mention: Decodable, Equatable {
        case offset(Int), type(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) { self = .offset(number) } else { self = .type(try container.decode(String.self)) }
        }
    }

    struct Quote: Decodable {
        var start: Int
        var end: Int
        var speaker: [Int]?
    }

    struct File: Decodable {
        var articles: [Article]
    }

    /// A mention as (start, end, type), or nil when the triple is malformed.
    static func triple(_ m: [Mention]) -> (start: Int, end: Int, type: String)? {
        guard m.count == 3, case .offset(let s) = m[0], case .offset(let e) = m[1], case .type(let t) = m[2] else { return nil }
        return (s, e, t)
    }

    static let file: File? = {
        let url = SharedCorpus.packageRoot.appendingPathComponent("Tests/CrossreadLanguageTests/Gold/benchmark30.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder().decode(File.self, from: data)
    }()

    /// The benchmark's bodies by id, or nil (with a note) when `../shared` is absent.
    static let bodies: [String: String]? = {
        guard let url = SharedCorpus.path("corpora/article-extraction-benchmark/ground-truth.json"),
              let data = FileManager.default.contents(atPath: url.path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else { return nil }
        return object.compactMapValues { $0["articleBody"] as? String }
    }()

    /// UTF-8 byte offset -> code point offset, one entry per byte and one past the end.
    static func codePointOffsets(_ text: String) -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(text.utf8.count + 1)
        for (index, scalar) in text.unicodeScalars.enumerated() {
            offsets.append(contentsOf: repeatElement(index, count: UTF8.width(scalar)))
        }
        offsets.append(text.unicodeScalars.count)
        return offsets
    }
}

@Suite("Hand-annotated test set (30 benchmark articles)")
struct GoldSetTests {
    @Test func fileDecodesWithThirtyDistinctArticles() throws {
        let file = try #require(GoldSet.file, "Gold/benchmark30.json is missing or malformed")
        #expect(file.articles.count == 30)
        #expect(Set(file.articles.map(\.id)).count == 30)
    }

    @Test func annotationsAreWellFormedAgainstTheCorpus() throws {
        let file = try #require(GoldSet.file)
        guard let bodies = GoldSet.bodies else { return }
        for article in file.articles {
            let body = try #require(bodies[article.id], "\(article.id) is not in the corpus")
            #expect(SHA256.hex(Array(body.utf8)) == article.bodySHA256, "\(article.id): the body changed")
            let scalars = Array(body.unicodeScalars)
            let mentions = article.mentions.compactMap(GoldSet.triple)
            #expect(mentions.count == article.mentions.count, "\(article.id): malformed mention")
            var kinds: [Int: (end: Int, type: String)] = [:]
            var previousEnd = 0
            for m in mentions {
                #expect(0 <= m.start && m.start < m.end && m.end <= scalars.count, "\(article.id): mention \(m) out of bounds")
                #expect(["PER", "ORG", "LOC"].contains(m.type), "\(article.id): type \(m.type)")
                #expect(m.start >= previousEnd, "\(article.id): mentions overlap or are unsorted at \(m.start)")
                guard m.start < m.end, m.end <= scalars.count else { continue }
                let first = scalars[m.start].properties, last = scalars[m.end - 1].properties
                #expect(!first.isWhitespace && !last.isWhitespace, "\(article.id): mention \(m) has spaces at an edge")
                kinds[m.start] = (m.end, m.type)
                previousEnd = m.end
            }
            var previousQuoteEnd = 0
            for quote in article.quotes {
                #expect(0 <= quote.start && quote.start < quote.end && quote.end <= scalars.count,
                        "\(article.id): quote \(quote.start)-\(quote.end) out of bounds")
                #expect(quote.start >= previousQuoteEnd, "\(article.id): quotes overlap at \(quote.start)")
                previousQuoteEnd = quote.end
                if let speaker = quote.speaker {
                    let mention = speaker.count == 2 ? kinds[speaker[0]] : nil
                    #expect(mention?.end == speaker.last && ["PER", "ORG"].contains(mention?.type ?? ""),
                            "\(article.id): speaker \(speaker) of the quote at \(quote.start) is no PER/ORG mention")
                }
            }
        }
    }

    /// Floors a little below what Crossread measured (scripts/eval-gold.sh): entity micro F1 on
    /// exact span and type, quote F1 with half of a gold quote covered.
    @Test func crossreadStaysAboveItsFloors() throws {
        let file = try #require(GoldSet.file)
        guard let bodies = GoldSet.bodies else { return }
        let annotator = LanguageAnnotator()
        let labels: [EntityType: String] = [.person: "PER", .organization: "ORG", .place: "LOC"]
        var entityTP = 0, entityPredicted = 0, entityGold = 0
        var quoteRight = 0, quotePredicted = 0, quoteFound = 0, quoteGold = 0
        for article in file.articles {
            let body = try #require(bodies[article.id])
            let offsets = GoldSet.codePointOffsets(body)
            let annotations = annotator.annotate(text: body, published: nil)
            struct Key: Hashable { var start: Int, end: Int, type: String }
            let predicted = Set(annotations.mentions.compactMap { m in
                labels[m.type].map { Key(start: offsets[m.range.lowerBound], end: offsets[m.range.upperBound], type: $0) }
            })
            let gold = Set(article.mentions.compactMap(GoldSet.triple).map { Key(start: $0.start, end: $0.end, type: $0.type) })
            entityTP += predicted.intersection(gold).count
            entityPredicted += predicted.count
            entityGold += gold.count
            let quotes = annotations.quotes.map { (offsets[$0.range.lowerBound], offsets[$0.range.upperBound]) }
            func covers(_ p: (Int, Int), _ g: GoldSet.Quote) -> Bool {
                2 * max(0, min(p.1, g.end) - max(p.0, g.start)) >= g.end - g.start
            }
            quotePredicted += quotes.count
            quoteRight += quotes.filter { p in article.quotes.contains { covers(p, $0) } }.count
            quoteGold += article.quotes.count
            quoteFound += article.quotes.filter { g in quotes.contains { covers($0, g) } }.count
        }
        func f1(_ precision: Double, _ recall: Double) -> Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        let entityF1 = f1(Double(entityTP) / Double(max(entityPredicted, 1)), Double(entityTP) / Double(max(entityGold, 1)))
        let quoteF1 = f1(Double(quoteRight) / Double(max(quotePredicted, 1)), Double(quoteFound) / Double(max(quoteGold, 1)))
        #expect(entityF1 >= GoldSetTests.entityFloor, "entity micro F1 \(entityF1)")
        #expect(quoteF1 >= GoldSetTests.quoteFloor, "quote F1 \(quoteF1)")
    }

    static let entityFloor = 0.72  // measured 0.749 (P 0.779, R 0.721) at 967de82
    static let quoteFloor = 0.95  // measured 0.971 (P 0.983, R 0.960) at 967de82
}
