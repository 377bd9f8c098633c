import CrossreadCore
import Testing
@testable import CrossreadIngest

/// Cut and scrambled inputs of every format: nothing crashes, every event is well-formed.
@Suite("Mangled inputs")
struct MangledInputTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Generator {
        var random: SplitMix64
        init(state: UInt64) { random = SplitMix64(seed: state) }
        mutating func next() -> UInt64 { random.next() }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    }

    static let seeds: [(String, [UInt8])] = [
        ("feed.rss", Array(FeedTests.rss.utf8)),
        ("feed.atom", Array(FeedTests.atom.utf8)),
        ("page.html", Array(FormatDetectionTests.htmlPage.utf8)),
        ("dump.jsonl", Array("{\"text\": \"one\", \"authors\": [\"A\"]}\n{\"html\": \"<p>two</p>\"}\n".utf8)),
        ("wide.txt", [0xFF, 0xFE] + Array("w\0i\0d\0e\0".utf8)),
        ("page.html.gz", gzip(Array(FormatDetectionTests.htmlPage.utf8))),
        ("crawl.warc", WARCTests.crawl().uncompressed),
        ("crawl.warc.gz", WARCTests.crawl().perRecord(gzip: { gzip($0) }).bytes),
    ]

    @Test func cutAndScrambledInputsNeverCrash() {
        var generator = Generator(state: 20_241_111)
        for (name, original) in Self.seeds {
            for _ in 0..<60 {
                var bytes = original
                switch generator.below(3) {
                case 0:
                    bytes = Array(bytes.prefix(generator.below(bytes.count + 1)))
                case 1:
                    for _ in 0..<(1 + generator.below(8)) where !bytes.isEmpty {
                        bytes[generator.below(bytes.count)] = UInt8(truncatingIfNeeded: generator.next())
                    }
                default:
                    let at = generator.below(bytes.count + 1)
                    bytes.insert(contentsOf: (0..<generator.below(6)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }, at: at)
                }
                for event in ingest(bytes, name: name, options: IngestOptions(maxArticleBytes: 4_096)) {
                    switch event {
                    case .article(let article):
                        #expect(!article.source.isEmpty)
                        #expect(article.content.unicodeScalars.first != "\u{FEFF}")
                        #expect(article.format == .text || article.format == .html)
                    case .failure(let error):
                        #expect(error.stage == .ingest)
                        #expect(error.source?.hasPrefix(name) == true)
                        #expect(!error.reason.isEmpty)
                    case .notice(let notice):
                        #expect(notice.source.hasPrefix(name))
                        #expect(!notice.reason.isEmpty)
                    }
                }
            }
        }
    }
}
