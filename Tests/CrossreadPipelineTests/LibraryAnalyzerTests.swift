import CrossreadCore
import CrossreadSQLite
import Foundation
import Testing
@testable import CrossreadPipeline

/// `LibraryAnalyzer`: the library's analysis kept in the library, brought up to date with only what is
/// new, every document in exactly one story, copies found through the stored bands, each changed
/// story compared again, and several analysers on one library never placing a document twice.
@Suite struct LibraryAnalyzerTests {
    /// The fixtures of `IncrementalAnalysisTests` (a dam leak, a tram strike), with content hashes a
    /// library accepts.
    static func stored(_ documents: [Document]) -> [Document] {
        documents.map { document in
            var copy = document
            copy.contentHash = SHA256.hex(Array((document.source + "\n" + document.text).utf8))
            return copy
        }
    }

    let dam = LibraryAnalyzerTests.stored(IncrementalAnalysisTests().dam)
    let tram = LibraryAnalyzerTests.stored(IncrementalAnalysisTests().tram)

    func storyOf(_ library: SQLiteLibrary, _ documents: [Document]) async throws -> [String: String] {
        try await library.storiesOf(documents: documents.map(\.id))
    }

    @Test func firstRunPlacesEveryDocumentOnceAndComparesEveryStory() async throws {
        let library = try SQLiteLibrary.inMemory()
        for document in dam + tram { _ = try await library.add(document) }
        let report = try await LibraryAnalyzer().update(library)
        #expect(report.annotated == 5)
        #expect(report.placed == 5)
        let stories = try await storyOf(library, dam + tram)
        #expect(stories.count == 5)
        #expect(Set(dam.map { stories[$0.id] }).count == 1, "the dam articles are one story")
        #expect(Set(tram.map { stories[$0.id] }).count == 1, "the tram articles are one story")
        #expect(stories[dam[0].id] != stories[tram[0].id])
        let counts = try await library.corpusCounts()
        #expect(counts.stories == 2 && counts.placed == 5 && counts.staleStories == 0)
        #expect(report.compared == 2)

        // Nothing new: nothing to do.
        let again = try await LibraryAnalyzer().update(library)
        #expect(again.annotated == 0 && again.placed == 0 && again.compared == 0)
    }

    /// While another process is still annotating (here: a document nobody has annotated yet), the
    /// articles read wait unplaced; once it is annotated they all settle in the same update.
    @Test func articlesWaitWhileOthersAreStillAnnotating() async throws {
        let library = try SQLiteLibrary.inMemory()
        for document in dam + tram { _ = try await library.add(document) }
        // Annotated by "another process": claimed, annotated, saved; one of them is saved only later.
        let claimed = try await library.claimDocumentsForAnnotation(limit: 10, seconds: 900)
        #expect(claimed.count == 5)
        let annotated = CorpusAnalyzer().annotate(claimed)
        let late = try #require(annotated.first { $0.id == dam[2].id })
        for document in annotated where document.id != late.id {
            try await library.saveAnnotations(document.annotations, forDocument: document.id)
        }
        var options = LibraryAnalysisOptions()
        options.annotates = false
        options.holdSeconds = 60
        let analyzer = LibraryAnalyzer(options: options)
        let update = Task { try await analyzer.update(library) }
        try await Task.sleep(for: .seconds(1))
        #expect(try await storyOf(library, dam + tram).isEmpty, "nothing settles while a document is being annotated")
        try await library.saveAnnotations(late.annotations, forDocument: late.id)
        let report = try await update.value
        #expect(report.placed == 5)
        let stories = try await storyOf(library, dam + tram)
        #expect(Set(dam.map { stories[$0.id] }).count == 1 && Set(tram.map { stories[$0.id] }).count == 1)
    }

    /// While it holds, a worker annotates what arrives and nobody has claimed, so a lone worker does not
    /// wait out its hold for articles only it would annotate.
    @Test func aHoldingWorkerAnnotatesWhatArrives() async throws {
        let library = try SQLiteLibrary.inMemory()
        for document in dam.prefix(2) + tram { _ = try await library.add(document) }
        // Another process has claimed everything and annotates it, the last one only later.
        let claimed = try await library.claimDocumentsForAnnotation(limit: 10, seconds: 900)
        let annotated = CorpusAnalyzer().annotate(claimed)
        let late = try #require(annotated.first { $0.id == tram[0].id })
        for document in annotated where document.id != late.id {
            try await library.saveAnnotations(document.annotations, forDocument: document.id)
        }
        var options = LibraryAnalysisOptions()
        options.holdSeconds = 60
        let analyzer = LibraryAnalyzer(options: options)
        let update = Task { try await analyzer.update(library) }
        try await Task.sleep(for: .seconds(1))
        // A new article arrives, claimed by no one: the holding worker annotates it.
        _ = try await library.add(dam[2])
        try await Task.sleep(for: .seconds(1))
        try await library.saveAnnotations(late.annotations, forDocument: late.id)
        let report = try await update.value
        #expect(report.annotated == 1)
        #expect(report.placed == 5)
        let stories = try await storyOf(library, dam + tram)
        #expect(Set(dam.map { stories[$0.id] }).count == 1 && Set(tram.map { stories[$0.id] }).count == 1)
    }

    @Test func anAddedArticleJoinsItsStoryAndOnlyThatStoryIsComparedAgain() async throws {
        let library = try SQLiteLibrary.inMemory()
        for document in dam.prefix(2) + tram { _ = try await library.add(document) }
        _ = try await LibraryAnalyzer().update(library)
        _ = try await library.add(dam[2])
        let report = try await LibraryAnalyzer().update(library)
        #expect(report.placed == 1)
        #expect(report.compared == 1)
        let stories = try await storyOf(library, dam)
        #expect(Set(dam.map { stories[$0.id] }).count == 1)
        let story = try #require(try await library.stories(StoryQuery(ids: [stories[dam[0].id]!])).first)
        #expect(story.size == 3)
        #expect(story.first == "2025-04-02" && story.last == "2025-04-04")
    }

    /// An analyzer that keeps running reuses the window its last update left while nobody else changed
    /// the analysis, and places as a fresh one would; after another analyzer's update it reads the library again.
    @Test func aRunningAnalyzerKeepsItsWindowUntilAnotherChangesTheAnalysis() async throws {
        let library = try SQLiteLibrary.inMemory()
        for document in dam.prefix(2) { _ = try await library.add(document) }
        let worker = LibraryAnalyzer()
        #expect(try await worker.update(library).windowsRead == 1)
        _ = try await library.add(dam[2])
        let kept = try await worker.update(library)
        #expect(kept.windowsRead == 0 && kept.placed == 1)
        let stories = try await storyOf(library, dam)
        #expect(Set(dam.map { stories[$0.id] }).count == 1, "the kept window placed the third dam article apart: \(stories)")
        // Another analyzer places an article: the worker's window is stale and read again.
        _ = try await library.add(tram[0])
        #expect(try await LibraryAnalyzer().update(library).placed == 1)
        _ = try await library.add(tram[1])
        let after = try await worker.update(library)
        #expect(after.windowsRead == 1 && after.placed == 1)
        let trams = try await storyOf(library, tram)
        #expect(Set(tram.map { trams[$0.id] }).count == 1)
    }

    @Test func copiesAreFoundThroughTheStoredBands() async throws {
        let library = try SQLiteLibrary.inMemory()
        for document in dam + tram { _ = try await library.add(document) }
        _ = try await LibraryAnalyzer().update(library)
        var copy = dam[0]
        copy.source = "mirror/dam-leak"
        copy.text = "Advertisement\n" + copy.text.uppercased()
        copy.contentHash = SHA256.hex(Array(copy.text.utf8))
        _ = try await library.add(copy)
        _ = try await LibraryAnalyzer().update(library)
        let groups = try await library.copyGroups(of: [copy.id])
        #expect(groups == [[dam[0].id, copy.id]] || groups == [[copy.id, dam[0].id]])
    }

    @Test func theDossierSliceHoldsItsStoriesWhole() async throws {
        let library = try SQLiteLibrary.inMemory()
        for document in dam + tram { _ = try await library.add(document) }
        _ = try await LibraryAnalyzer().update(library)
        let analysis = try await LibrarySlice(documents: [dam[1].id]).analysis(in: library)
        #expect(analysis.stories.count == 1)
        #expect(Set(analysis.documents.map(\.id)) == Set(dam.map(\.id)))
        #expect(!analysis.claims.isEmpty || !analysis.timeline.isEmpty, "the story's stored comparison comes with it")
    }

    @Test func twoAnalysersOnOneLibraryPlaceEachDocumentOnce() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crossread-analyzers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("library.sqlite").path
        let writer = try SQLiteLibrary(path: path)
        for document in dam + tram { _ = try await writer.add(document) }
        var options = LibraryAnalysisOptions()
        options.batchSize = 1
        options.annotationBatch = 1
        let chosen = options
        async let first = LibraryAnalyzer(options: chosen).update(try SQLiteLibrary(path: path))
        async let second = LibraryAnalyzer(options: chosen).update(try SQLiteLibrary(path: path))
        let reports = try await [first, second]
        #expect(reports.map(\.annotated).reduce(0, +) == 5, "each document annotated by one of them")
        let counts = try await writer.corpusCounts()
        #expect(counts.placed == 5)
        let stories = try await storyOf(writer, dam + tram)
        #expect(stories.count == 5)
        let sizes = try await writer.stories(StoryQuery()).reduce(0) { $0 + $1.size }
        #expect(sizes == 5, "story sizes add up to the documents placed")
    }
}
