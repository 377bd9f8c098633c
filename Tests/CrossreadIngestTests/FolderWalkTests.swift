import CrossreadCore
import Foundation
import Testing
@testable import CrossreadIngest

@Suite("Folders and paths")
struct FolderWalkTests {
    @Test func walksNestedFoldersSortedAndSkipsHidden() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("b.txt", "Second file at the top.")
        try folder.write("a.txt", "First file at the top.")
        try folder.write("sub/z.html", "<html><body><p>Deep page.</p></body></html>")
        try folder.write("sub/deeper/c.jsonl", "{\"text\": \"line one\"}\n{\"text\": \"line two\"}\n")
        try folder.write("sub/deeper/d.txt.gz", gzip(Array("Zipped deep file.".utf8)))
        try folder.write(".hidden.txt", "Never read.")
        try folder.write(".git/config.txt", "Never read either.")
        try folder.write("sub/.cache/x.txt", "Not this.")

        let events = ingest(paths: [folder.path])
        #expect(events.failures.isEmpty)
        #expect(events.articles.map(\.content) == [
            "First file at the top.", "Second file at the top.",
            "line one", "line two", "Zipped deep file.",
            "<html><body><p>Deep page.</p></body></html>",
        ])
        #expect(events.articles.map(\.source) == [
            folder.path + "/a.txt", folder.path + "/b.txt",
            folder.path + "/sub/deeper/c.jsonl#1", folder.path + "/sub/deeper/c.jsonl#2",
            folder.path + "/sub/deeper/d.txt.gz", folder.path + "/sub/z.html",
        ])
    }

    @Test func pathsAreReadInTheOrderGiven() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let second = try folder.write("2.txt", "Two.")
        let first = try folder.write("1.txt", "One.")
        let events = ingest(paths: [second, folder.path + "/missing.txt", first])
        #expect(events.articles.map(\.content) == ["Two.", "One."])
        #expect(events.failures.map(\.description) == [folder.path + "/missing.txt: no such file or directory"])
        #expect(events[1].failure?.stage == .ingest)
    }

    @Test func symlinkLoopIsWalkedOnce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("inner/a.txt", "Only once.")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/inner/loop", withDestinationPath: folder.path)
        let events = ingest(paths: [folder.path])
        #expect(events.articles.map(\.content) == ["Only once."])

        let noFollow = ingest(paths: [folder.path], options: IngestOptions(followSymlinks: false))
        #expect(noFollow.articles.count == 1)
    }

    @Test func unreadableFileIsPermissionDenied() throws {
        guard geteuid() != 0 else { return }  // root reads everything
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("locked.txt", "Secret.")
        chmod(path, 0)
        let events = ingest(paths: [path])
        #expect(events.failures.map(\.reason) == ["permission denied"])
    }

    @Test func largeFileIsRefusedWithoutStoppingTheRest() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a-big.txt", String(repeating: "Long article text. ", count: 3_000))
        try folder.write("b-small.txt", "Small article.")
        try folder.write("c-big.html.gz", gzip(Array(("<p>" + String(repeating: "Paragraph. ", count: 5_000) + "</p>").utf8)))
        let events = ingest(paths: [folder.path], options: IngestOptions(maxArticleBytes: 10 * 1024))
        #expect(events.articles.map(\.content) == ["Small article."])
        #expect(events.failures.map(\.reason) == [
            "too large: 55.7 KB, the limit is 10 KB (--max-size)",
            "too large: 53.7 KB, the limit is 10 KB (--max-size)",
        ])
    }

    @Test func emptyAndBinaryFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("empty.txt", [])
        try folder.write("blank.txt", "  \n\t\n")
        try folder.write("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48])
        try folder.write("controls.bin", (0..<200).map { UInt8($0 % 8 + 1) })
        let events = ingest(paths: [folder.path])
        #expect(events.articles.isEmpty)
        #expect(events.failures.map(\.description) == [
            folder.path + "/blank.txt: empty file",
            folder.path + "/controls.bin: binary file, not text, HTML, a feed, JSON Lines or WARC",
            folder.path + "/empty.txt: empty file",
            folder.path + "/image.png: binary file (a PNG image), not text, HTML, a feed, JSON Lines or WARC",
        ])
    }

    @Test func largeJSONLinesFileStreamsPastTheArticleLimit() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var lines = ""
        for index in 1...3_000 { lines += "{\"text\": \"Item \(index) of a dump larger than one article may be.\"}\n" }
        try folder.write("dump.jsonl", lines)
        let events = ingest(paths: [folder.path + "/dump.jsonl"], options: IngestOptions(maxArticleBytes: 4 * 1024))
        #expect(events.failures.isEmpty)
        #expect(events.articles.count == 3_000)
    }

    @Test func handlerErrorsStopReading() throws {
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            try Ingestor().read(bytes: Array("{\"text\":\"a\"}\n{\"text\":\"b\"}\n".utf8), source: "x.jsonl") { _ in
                seen += 1
                throw Stop()
            }
        }
        #expect(seen == 1)
    }
}

@Suite("Limits at the extremes")
struct ExtremeLimitTests {
    @Test func hugeLimitsDoNotOverflow() {
        let options = IngestOptions(maxArticleBytes: .max, maxFileBytes: .max)
        let events = ingest(gzip(Array("{\"text\": \"fine\"}\nplain".utf8)), name: "x.jsonl.gz", options: options)
        #expect(events.articles.map(\.content) == ["fine"])
        #expect(events.failures.map(\.reason) == ["line 2: not a JSON object (invalid JSON)"])
        #expect(ingest("Some text.", name: "t", options: options).articles.count == 1)
    }

    @Test func oneByteLimit() {
        let events = ingest("ab", name: "t.txt", options: IngestOptions(maxArticleBytes: 0))
        #expect(events.failures.map(\.reason) == ["too large: 2 bytes, the limit is 1 byte (--max-size)"])
    }
}
