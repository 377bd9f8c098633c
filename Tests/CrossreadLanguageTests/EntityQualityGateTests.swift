import CrossreadCore
import Foundation
import Testing
import CrossreadTestSupport
@testable import CrossreadLanguage

/// Pins the entity recognizer's F1 on the UNER English-EWT test split (gold PER/ORG/LOC, exact
/// spans; the tagger never trains on this split). Skipped when ../shared is absent.
/// Raise the floors when the recognizer improves; never lower them silently.
@Suite struct EntityQualityGateTests {
    static let floorF1 = 0.75
    static let floorPersonF1 = 0.82

    @Test func unerEnglishTestSplit() throws {
        guard let url = SharedCorpus.path("corpora/uner-english-ewt/en_ewt-ud-test.iob2") else { return }
        let sentences = EntityTaggerTrainer.readIOB2(try String(contentsOf: url, encoding: .utf8))
        #expect(sentences.count > 2000)
        let evaluation = EntityEvaluation.run(sentences, recognizer: EntityRecognizer())
        print(String(format: "UNER English-EWT test: P=%.3f R=%.3f F1=%.3f (PER %.3f, ORG %.3f, LOC %.3f)",
                     evaluation.overall.precision, evaluation.overall.recall, evaluation.overall.f1,
                     evaluation.byLabel["PER"]!.f1, evaluation.byLabel["ORG"]!.f1, evaluation.byLabel["LOC"]!.f1))
        #expect(evaluation.overall.f1 >= EntityQualityGateTests.floorF1)
        #expect(evaluation.byLabel["PER"]!.f1 >= EntityQualityGateTests.floorPersonF1)
    }
}
