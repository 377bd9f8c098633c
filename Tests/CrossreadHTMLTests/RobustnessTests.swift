import CrossreadCore
import Foundation
@testable import CrossreadHTML
import Testing

@Suite("Hostile and broken input")
struct RobustnessTests {
    func clean(_ content: String) throws -> CleanedArticle {
        try HTMLExtractor().clean(RawArticle(source: "test", format: .html, content: content, original: []))
    }

    @Test(arguments: ["", " ", "<", "<html", "</p></div></body>", "<!-- unterminated", "<script>var a = '</p>';",
                      "&amp;&#0;&#x110000;&bogus;", "<p>\u{0}\u{1}\u{FFFE}</p>", "<table><td><tr><p><li>x"])
    func smallJunkGivesNoArticle(_ content: String) throws {
        let result = try clean(content)
        #expect(result.noArticle)
        #expect(result.text.isEmpty)
    }

    @Test func binaryJunkDoesNotCrash() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let content = String(decoding: bytes, as: UTF8.self)
            let result = try clean(content)
            #expect(result.text.utf8.count <= content.utf8.count)
        }
    }

    @Test func nestedGarbageKeepsTheText() throws {
        let paragraph = "<p>Deeply wrapped text still reads as a paragraph of the article, with commas, and a full stop.</p>"
        let content = "<html><body>" + String(repeating: "<div><span><b>", count: 40) + paragraph + paragraph
            + paragraph + "<i><u><div" + String(repeating: "</b></span>", count: 13) + "</body>"
        let result = try clean(content)
        #expect(!result.noArticle)
        #expect(result.text.contains("Deeply wrapped text still reads"))
    }

    @Test func tenThousandLevelsOfNesting() throws {
        let content = "<html><body>" + String(repeating: "<div>", count: 10_000) + "<p>Bottom of the well.</p>"
            + String(repeating: "</div>", count: 10_000) + "</body></html>"
        let clock = ContinuousClock()
        let elapsed = try clock.measure { _ = try clean(content) }
        #expect(elapsed < .seconds(10))
    }

    @Test func twentyMegabytePage() throws {
        let story = "<p>The quick brown fox jumps over the lazy dog, again and again, for the benefit of the test.</p>\n"
        var content = "<html><body><article>"
        content.reserveCapacity(21 << 20)
        while content.utf8.count < 20 << 20 { content += story }
        content += "</article></body></html>"
        let clock = ContinuousClock()
        var result: CleanedArticle?
        let elapsed = try clock.measure { result = try clean(content) }
        #expect(elapsed < .seconds(60))
        #expect(result?.noArticle == false)
    }

    @Test func refusesInputOverTheLimit() {
        var options = HTMLExtractor.Options()
        options.maximumInputBytes = 100
        let extractor = HTMLExtractor(options: options)
        #expect(throws: CrossreadError.self) {
            try extractor.clean(RawArticle(source: "big", format: .html, content: String(repeating: "x", count: 200), original: []))
        }
    }
}
