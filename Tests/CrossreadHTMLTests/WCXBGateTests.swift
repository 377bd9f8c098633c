import CrossreadCore
import CrossreadHTML
import CrossreadTestSupport
import Foundation
import Testing

/// Pins floors on wcxb-dev with its own word metric (overall and articles), and on author and date
/// accuracy. Debug builds are slow, so the gate reads every fourth page; `scripts/eval-html.sh`
/// scores all 1,355 beside trafilatura and htmldate.
@Suite("Quality gate: wcxb-dev")
struct WCXBGateTests {
    /// On the gated pages when the floors were set (2026-12-06): F1 0.7751, articles (183) 0.9301,
    /// authors 0.5763, dates 0.8182 (release and debug agree); F1 and articles raised on 2026-12-07
    /// to 0.8268 and 0.9371 (thread posts, main content of pages without an article, layout words),
    /// authors to 0.5819 ("Author" is a label, not a name); F1 to 0.8296 (boilerplate is no article);
    /// authors to 0.7345 and dates to 0.8503 (a person first, then the credited organization or site;
    /// links to an author's page; the last update dates a page that shows no publication date); dates
    /// to 0.8610 (dates kept only in the scripts' data, any element with a datetime); authors to 0.7401
    /// (a long comment thread stays comments).
    static let f1Floor = 0.829
    static let articleF1Floor = 0.937
    static let authorFloor = 0.740
    static let dateFloor = 0.860
    static let stride = 4

    @Test func wordF1AndMetadataStayAboveTheFloors() throws {
        guard let base = SharedCorpus.path("corpora/wcxb-dev"), Gunzip.available else { return }
        let names = try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("ground-truth").path)
            .filter { $0.hasSuffix(".json") }.sorted()
        let extractor = HTMLExtractor()
        var f1 = 0.0, pages = 0, articleF1 = 0.0, articles = 0
        var authorOK = 0, authorN = 0, dateOK = 0, dateN = 0
        for name in names.enumerated().filter({ $0.offset % Self.stride == 0 }).map(\.element) {
            let data = try Data(contentsOf: base.appendingPathComponent("ground-truth/\(name)"))
            let truth = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let gold = truth["ground_truth"] as? [String: Any] ?? [:]
            let kind = ((truth["_internal"] as? [String: Any])?["page_type"] as? [String: Any])?["primary"] as? String
            let bytes = try Gunzip.bytes(base.appendingPathComponent("html/\(name.dropLast(5)).html.gz"))
            let isUTF8 = String(validating: bytes, as: UTF8.self) != nil
            let result = bytes.withUnsafeBytes {
                extractor.extract(utf8: $0, source: truth["url"] as? String ?? name, encoding: isUTF8 ? "UTF-8" : nil)
            }
            let score = WordOverlapScore.match(gold: gold["main_content"] as? String ?? "", prediction: result.text).f1
            f1 += score
            pages += 1
            if kind == "article" {
                articleF1 += score
                articles += 1
            }
            if let author = gold["author"] as? String, !author.isEmpty {
                authorN += 1
                if MetadataMatch.authorKey(result.metadata.authors.joined(separator: " ")) == MetadataMatch.authorKey(author) {
                    authorOK += 1
                }
            }
            if let date = gold["publish_date"] as? String, !date.isEmpty {
                dateN += 1
                if result.metadata.published?.day8601 == date { dateOK += 1 }
            }
        }
        let overall = f1 / Double(max(pages, 1)), article = articleF1 / Double(max(articles, 1))
        let author = Double(authorOK) / Double(max(authorN, 1)), date = Double(dateOK) / Double(max(dateN, 1))
        print("wcxb-dev, \(pages) pages: F1 \(overall), articles (\(articles)) \(article), author \(author), date \(date)")
        #expect(overall >= Self.f1Floor, "word F1 \(overall) fell below the pinned floor \(Self.f1Floor)")
        #expect(article >= Self.articleF1Floor, "article word F1 \(article) fell below the pinned floor \(Self.articleF1Floor)")
        #expect(author >= Self.authorFloor, "author accuracy \(author) fell below the pinned floor \(Self.authorFloor)")
        #expect(date >= Self.dateFloor, "date accuracy \(date) fell below the pinned floor \(Self.dateFloor)")
    }
}
