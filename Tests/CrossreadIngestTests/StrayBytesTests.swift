import CrossreadCore
import Testing
@testable import CrossreadIngest

/// Text with a few stray control bytes is read (the bytes dropped and counted); binary data is
/// still refused, naming what it is where its signature tells.
@Suite("Stray bytes and binary input")
struct StrayBytesTests {
    // Fictional, written for this test.
    static let page = """
        <html><head><title>Night bus extended</title></head><body>
        <p>The night bus to Corwen Hill will run until 2 a.m. from Friday, the transit office said.</p>
        <p>Drivers welcomed the change.</p></body></html>
        """

    @Test func pageWithStrayNULsIsReadAsHTML() {
        var bytes = Array(Self.page.utf8)
        for position in [40, 41, 120, bytes.count - 10] { bytes.insert(0, at: position) }
        bytes.insert(0x07, at: 90)
        let events = ingest(bytes, name: "night-bus.html")
        #expect(events.failures.isEmpty, "\(events.failures)")
        let article = events.articles.first
        #expect(article?.format == .html)
        #expect(article?.content == Self.page)
        // The document keeps the bytes it was read from: its identity does not change.
        #expect(article?.original == bytes)
        let notice = events.compactMap(\.notice).first
        #expect(notice?.kind == .droppedControlBytes(5))
        #expect(notice?.source == "night-bus.html")
        #expect(notice?.description == "night-bus.html: stray control bytes dropped: 5 bytes")
    }

    @Test func textWithAStrayNULIsRead() {
        let events = ingest(Array("The pier reopens on Friday.\0\nRepairs took a month.\n".utf8), name: "pier.txt")
        #expect(events.articles.first?.content == "The pier reopens on Friday.\nRepairs took a month.\n")
        #expect(events.compactMap(\.notice).map(\.kind) == [.droppedControlBytes(1)])
    }

    @Test func cleanTextHasNoNotice() {
        let events = ingest("Tabs\tand form feeds\u{0C} and escapes stay.\r\n", name: "clean.txt")
        #expect(events.articles.first?.content == "Tabs\tand form feeds\u{0C} and escapes stay.\r\n")
        #expect(events.compactMap(\.notice).isEmpty)
    }

    @Test func gzippedPageWithNULsIsRead() {
        var bytes = Array(Self.page.utf8)
        bytes.insert(0, at: 60)
        let events = ingest(gzip(bytes), name: "night-bus.html.gz")
        #expect(events.articles.first?.content == Self.page)
        #expect(events.compactMap(\.notice).map(\.kind) == [.droppedControlBytes(1)])
    }

    @Test(arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] as [UInt8], "a PNG image"),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46] as [UInt8], "a JPEG image"),
        (Array("PK".utf8) + [3, 4, 20, 0, 0, 0, 8, 0] as [UInt8], "a zip archive (or an Office document)"),
        (Array("%PDF-1.7\n%âãÏÓ\n".utf8) as [UInt8], "a PDF document"),
    ])
    func knownBinaryFormatsAreNamed(bytes: [UInt8], kind: String) {
        let events = ingest(bytes, name: "attachment")
        #expect(events.articles.isEmpty)
        #expect(events.failures.map(\.description) == ["attachment: binary file (\(kind)), not text, HTML, a feed, JSON Lines or WARC"])
    }

    @Test func randomBytesAreBinary() {
        var random = SplitMix64(seed: 15)
        for size in [64, 1_000, 70_000] {
            let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let events = ingest(bytes, name: "noise.dat")
            #expect(events.articles.isEmpty, "\(size) random bytes read as an article")
            #expect(events.failures.map(\.reason) == ["binary file, not text, HTML, a feed, JSON Lines or WARC"])
        }
    }

    @Test func mostlyControlBytesAreBinary() {
        let bytes = (0..<400).map { $0 % 5 == 0 ? UInt8(ascii: "a") : UInt8($0 % 8) }
        #expect(ingest(bytes, name: "controls.bin").failures.count == 1)
    }
}

extension StrayBytesTests {
    @Test func jsonLineWithAStrayNULIsRead() {
        let lines = Array("{\"text\": \"The ferry runs again.\"}\n{\"text\": \"Tolls\0 rise in May.\"}\n".utf8)
        let events = ingest(lines, name: "dump.jsonl")
        #expect(events.failures.isEmpty)
        #expect(events.articles.map(\.content) == ["The ferry runs again.", "Tolls rise in May."])
        let notice = events.compactMap(\.notice).first
        #expect(notice?.kind == .droppedControlBytes(1))
        #expect(notice?.detail == "line 2")
    }
}
