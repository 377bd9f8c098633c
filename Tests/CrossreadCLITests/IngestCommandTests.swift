import CrossreadTestSupport
import Foundation
import Testing

@Suite struct IngestCommandTests {
    let examples = SharedCorpus.packageRoot.appendingPathComponent("Examples/corpus")

    @Test func ingestingTwiceAddsNothingTheSecondTime() throws {
        let dir = try CrossreadBinary.temporaryDirectory()
        let db = dir.appendingPathComponent("lib.db").path
        let first = try CrossreadBinary.run(["ingest", examples.path, "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        // Nine files, and a crawl of three pages in which one page was fetched twice (stored once).
        #expect(first.stdout.contains("12 new, 1 already present, 0 failed, 9 skipped"), "\(first.stdout)")
        let second = try CrossreadBinary.run(["ingest", examples.path, "--db", db])
        #expect(second.status == 0)
        #expect(second.stdout.contains("0 new, 13 already present, 0 failed"), "\(second.stdout)")
        #expect(second.stdout.contains("Nothing new"))
        let list = try CrossreadBinary.run(["list", "--json", "--db", db])
        #expect(list.stdout.split(separator: "\n").count == 12)
    }

    @Test func crawlPagesAreStoredAndOtherRecordsCountedByReason() throws {
        let dir = try CrossreadBinary.temporaryDirectory()
        let db = dir.appendingPathComponent("lib.db").path
        let crawl = examples.appendingPathComponent("crawl/port-carrow-crawl.warc.gz").path
        let run = try CrossreadBinary.run(["ingest", crawl, "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("3 new, 1 already present, 0 failed, 9 skipped"), "\(run.stdout)")
        for line in ["  3 request record, first: \(crawl), record at offset 341 (https://harborcourier.example/news/carrow-bridge-closed)",
                     "  3 metadata record,", "  1 warcinfo record,", "  1 status 404,", "  1 not HTML or text (image/png),"] {
            #expect(run.stdout.contains(line), "no \"\(line)\" in \(run.stdout)")
        }
        let list = try CrossreadBinary.run(["list", "--json", "--db", db])
        let sources = list.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["source"] as? String
        }
        #expect(sources.sorted() == ["https://harborcourier.example/letters/ferry-riders",
                                     "https://harborcourier.example/news/carrow-bridge-closed",
                                     "https://harborcourier.example/opinion/bridge-warnings"])
        let extract = try CrossreadBinary.run(["extract", crawl, "--format", "jsonl"])
        #expect(extract.stdout.contains("\"fetched\":\"2026-02-03T15:02:11Z\""), "\(extract.stdout)")
        #expect(extract.stderr.contains("1 status 404"), "\(extract.stderr)")
    }

    @Test func badFilesAreNamedWithTheirReasonAndTheRestIsStored() throws {
        let dir = try CrossreadBinary.temporaryDirectory()
        let input = dir.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let article = "Harbor Works Resume\n\nCrews returned to the harbor on Tuesday, the port authority said in a statement.\n\nThe work is expected to last three weeks, officials said.\n"
        try Data(article.utf8).write(to: input.appendingPathComponent("good.txt"))
        try Data().write(to: input.appendingPathComponent("empty.txt"))
        try Data([0x00, 0x01, 0x02, 0xFF, 0x00, 0x10, 0x00, 0x00, 0x7F, 0x00]).write(to: input.appendingPathComponent("blob.bin"))
        // A gzip header and the start of a deflate stream, cut off.
        try Data([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4B, 0x4C, 0x4A]).write(to: input.appendingPathComponent("cut.txt.gz"))
        let big = String(repeating: "The harbor works continued through the night, officials said. ", count: 40_000)
        try Data(big.utf8).write(to: input.appendingPathComponent("huge.txt"))
        let db = dir.appendingPathComponent("lib.db").path
        let run = try CrossreadBinary.run(["ingest", input.path, "--db", db, "--max-size", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1 new, 0 already present, 4 failed"), "\(run.stdout)")
        for name in ["empty.txt", "blob.bin", "cut.txt.gz", "huge.txt"] {
            #expect(run.stdout.contains(name), "no failure named \(name) in \(run.stdout)")
        }
        #expect(run.stdout.lowercased().contains("empty"))
        #expect(run.stdout.lowercased().contains("binary"))
        #expect(run.stdout.lowercased().contains("truncated"))
        #expect(run.stdout.lowercased().contains("too large"))
    }

    @Test func nothingReadableExitsNonZero() throws {
        let dir = try CrossreadBinary.temporaryDirectory()
        let run = try CrossreadBinary.run(["ingest", dir.appendingPathComponent("missing.txt").path,
                                           "--db", dir.appendingPathComponent("lib.db").path])
        #expect(run.status != 0)
        #expect(run.stdout.contains("missing.txt"))
    }

    @Test func seedsIngestedTwiceStoreFiveDocuments() throws {
        guard let seeds = SharedCorpus.path("seeds") else { return }
        let dir = try CrossreadBinary.temporaryDirectory()
        let db = dir.appendingPathComponent("lib.db").path
        _ = try CrossreadBinary.run(["ingest", seeds.path, "--db", db])
        let again = try CrossreadBinary.run(["ingest", seeds.path, "--db", db])
        #expect(again.stdout.contains("0 new, 5 already present"), "\(again.stdout)")
        let list = try CrossreadBinary.run(["list", "--json", "--db", db])
        #expect(list.stdout.split(separator: "\n").count == 5)
    }

    @Test func standardInputIsRead() throws {
        let dir = try CrossreadBinary.temporaryDirectory()
        let text = "Tide Gauge Replaced\n\nThe old tide gauge at the north pier was replaced on Friday after forty years of service, the harbor master said.\n"
        let run = try CrossreadBinary.run(["extract", "-", "--format", "jsonl"], in: dir, stdin: Data(text.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect((object?["text"] as? String)?.contains("tide gauge at the north pier") == true)
    }
}
