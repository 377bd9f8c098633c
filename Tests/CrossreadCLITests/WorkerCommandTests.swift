import CrossreadSQLite
import CrossreadTestSupport
import Foundation
import Testing

/// `crossread worker`: keeps a library's analysis current as documents arrive, and stops cleanly.
@Suite struct WorkerCommandTests {
    let examples = SharedCorpus.packageRoot.appendingPathComponent("Examples/corpus")

    @Test func aWorkerAnalysesWhatOthersIngestAndStopsOnSIGTERM() async throws {
        let folder = try CrossreadBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("library.db").path
        #expect(try CrossreadBinary.run(["ingest", examples.path, "--db", db, "--quiet"]).status == 0)

        // Once: everything ingested is annotated, placed and compared.
        let once = try CrossreadBinary.run(["worker", "--once", "--db", db])
        #expect(once.status == 0, "\(once.stderr)")
        let library = try SQLiteLibrary(path: db)
        let documents = try await library.count()
        let counts = try await library.corpusCounts()
        #expect(documents > 0 && counts.annotated == documents && counts.placed == documents && counts.staleStories == 0, "\(counts)")
        #expect(once.stdout.contains("\(documents) annotated, \(documents) placed"), "\(once.stdout)")

        // Looping: an article ingested while the worker waits is placed within a few rounds.
        let process = Process()
        process.executableURL = CrossreadBinary.url
        process.arguments = ["worker", "--db", db, "--every", "0.5"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let article = folder.appendingPathComponent("ferry.txt")
        try """
            Night ferry to return to Port Carrow

            The Tessel Lines night ferry will run again from Friday, its director Maren Holt said on Thursday.
            "People work late shifts and deserve a way home," Holt said. The last crossing will leave at 11 p.m.
            """.write(to: article, atomically: true, encoding: .utf8)
        #expect(try CrossreadBinary.run(["ingest", article.path, "--db", db, "--quiet"]).status == 0)
        let deadline = Date().addingTimeInterval(60)
        var placed = 0
        while Date() < deadline {
            placed = try await library.corpusCounts().placed
            if placed == documents + 1 { break }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        #expect(placed == documents + 1, "the worker did not place the new article")

        kill(process.processIdentifier, SIGTERM)
        let stopBy = Date().addingTimeInterval(20)
        while process.isRunning, Date() < stopBy { try await Task.sleep(nanoseconds: 50_000_000) }
        #expect(!process.isRunning, "the worker did not stop on SIGTERM")
        #expect(process.terminationStatus == 0)
    }
}
