import CrossreadCore
import CrossreadCorpus
import Foundation
import Testing
@testable import CrossreadPipeline

/// `CorpusAnalyzer.analyze(_:reusing:)`: a second run over a grown corpus keeps stories and compares
/// again only the stories that changed, with the same result as comparing everything.
@Suite struct IncrementalAnalysisTests {
    static func document(_ id: String, _ title: String, _ day: String, _ text: String) -> Document {
        var metadata = DocumentMetadata(title: title)
        metadata.published = PublicationDate.parse(day)
        return Document(contentHash: id.padding(toLength: 64, withPad: "-", startingAt: 0), source: id, format: .text,
                        original: Array(text.utf8), text: text, paragraphs: [], metadata: metadata, removed: [])
    }

    // Fictional: a dam leak in Brennick, and a tram strike in Osterby.
    let dam = [
        document("dam-leak-001", "Brennick dam leak forces evacuation", "2025-04-02", """
        Engineers found a leak in the Brennick dam on Tuesday and 400 residents of the valley were evacuated, \
        said water board chief Halvard Lind. "The wall is stable for now," Lind told reporters at the pumping station.
        """),
        document("dam-leak-002", "Valley evacuated after leak at Brennick dam", "2025-04-02", """
        About 400 people left their homes below the Brennick dam after engineers discovered a leak, the water \
        board said on Tuesday. Halvard Lind, who leads the board, said the wall is stable for now.
        """),
        document("dam-leak-003", "Brennick dam repairs begin", "2025-04-04", """
        Divers began sealing the leak in the Brennick dam on Thursday. Water board chief Halvard Lind said \
        residents could return to the valley by Sunday, and that the leak was found on Tuesday.
        """),
    ]
    let tram = [
        document("tram-strike1", "Osterby tram drivers strike over pay", "2025-04-03", """
        Tram drivers in Osterby walked out on Wednesday over pay, halting all six lines, union leader Maren \
        Dahl said. The city transport company offered a raise of three percent.
        """),
        document("tram-strike2", "Osterby trams halted as drivers walk out", "2025-04-03", """
        No trams ran in Osterby on Wednesday as drivers went on strike. Maren Dahl of the drivers' union said \
        the transport company's offer of three percent was far too low.
        """),
    ]

    @Test func aSecondRunComparesOnlyTheStoryThatGrew() throws {
        let analyzer = CorpusAnalyzer()
        let before = Array(dam.prefix(2)) + tram
        let first = analyzer.analyze(before, reusing: nil)
        #expect(first.regrouped)
        #expect(first.comparedStories == first.analysis.stories.count)

        let state = try AnalysisState.decoded(from: first.state.encoded())
        let after = first.analysis.documents + [dam[2]]
        var options = AnalysisOptions()
        options.stories.regroupGrowth = 1
        let second = CorpusAnalyzer(options: options).analyze(after, reusing: state)
        let full = CorpusAnalyzer(options: options).analyze(after, reusing: nil)
        // Settings differ from the first run's: stories regroup, but comparisons still depend only on their inputs.
        #expect(second.regrouped)
        #expect(second.analysis.claims == full.analysis.claims)

        let sameSettings = analyzer.analyze(after, reusing: state)
        #expect(!sameSettings.regrouped)
        #expect(sameSettings.comparedStories == 1)
        let damStory = sameSettings.analysis.stories.first { $0.documents.contains("dam-leak-003") }
        #expect(damStory?.documents.count == 3)
        let regrouped = analyzer.analyze(after, reusing: nil)
        #expect(sameSettings.analysis.claims == regrouped.analysis.claims)
        #expect(sameSettings.analysis.conflicts == regrouped.analysis.conflicts)
        #expect(sameSettings.analysis.stories.map(\.documents) == regrouped.analysis.stories.map(\.documents))
    }

    @Test func theStateIsSavedAtomicallyAndAnUnreadableOneIsIgnored() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crossread-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("library.db.stories.json").path
        #expect(AnalysisState.load(from: path) == nil)
        let run = CorpusAnalyzer().analyze(dam + tram, reusing: nil)
        try run.state.save(to: path)
        let loaded = try #require(AnalysisState.load(from: path))
        #expect(loaded.stories == run.state.stories)
        #expect(loaded.comparisons == run.state.comparisons)
        try Data("{\"schema\": \"something else\"".utf8).write(to: URL(fileURLWithPath: path))
        #expect(AnalysisState.load(from: path) == nil)
    }
}
