import Foundation
import Testing
@testable import CrossreadCorpus

/// Fictional articles written for these tests.
enum DuplicateFixtures {
    static let ferry = """
    The harbour authority in Portvale suspended the evening ferry service on Tuesday after a crack was \
    found in the loading ramp at the north pier, officials said. Inspectors from the regional transport \
    office will examine the ramp on Wednesday morning, and a decision on reopening is expected by Friday. \
    About 1,200 commuters use the evening crossing each day. The ferry operator said passengers holding \
    season tickets can travel on the coastal bus line at no extra cost until the service resumes. \
    "Safety comes before the timetable," the harbour master, Ines Carvalho, told reporters at the pier. \
    Local shop owners on Quay Street worry that the closure will cut their evening trade during the \
    festival week, when visitors usually arrive on the last boat from the mainland. The authority \
    repaired the same ramp two years ago after storm damage, at a cost of 340,000 euros.
    """

    static let library = """
    The city council of Marlow Bay voted eleven to four on Monday night to extend the opening hours of \
    the central library on weekends, starting next month. Councillors who opposed the plan said the \
    budget for staff overtime had not been agreed with the union. The library's director, Tomasz Weir, \
    said volunteers would not replace paid staff. Students had collected more than three thousand \
    signatures asking for Sunday opening during the exam season, and several spoke at the meeting. \
    The extra hours will cost about 90,000 pounds a year, according to the council's finance office.
    """
}

@Suite struct DuplicateDetectorTests {
    let detector = DuplicateDetector()

    @Test func exactCopiesDifferingInCaseAndPunctuationGroupAsExact() {
        let shouted = DuplicateFixtures.ferry.uppercased().replacingOccurrences(of: ",", with: " ;")
        let groups = detector.groups(ids: ["a", "b", "c"], texts: [DuplicateFixtures.ferry, DuplicateFixtures.library, shouted])
        #expect(groups == [DuplicateGroup(documents: ["a", "c"], exact: true, minimumSimilarity: 1)])
    }

    @Test func syndicatedCopyWithBoilerplateAndALightEditIsANearDuplicate() {
        let syndicated = "PORTVALE NEWS | Home | World | Sport\n\n" + DuplicateFixtures.ferry
            .replacingOccurrences(of: "officials said", with: "authorities said")
            + "\n\nCopyright 2026 Coastal Wire. All rights reserved. Share this story."
        let groups = detector.groups(ids: ["wire", "library", "paper"],
                                     texts: [DuplicateFixtures.ferry, DuplicateFixtures.library, syndicated])
        #expect(groups.count == 1)
        #expect(groups.first?.documents == ["wire", "paper"])
        #expect(groups.first?.exact == false)
        #expect((groups.first?.minimumSimilarity ?? 0) >= 0.8)
    }

    @Test func articlesOnOneEventWithSharedQuoteAreNotDuplicates() {
        let rewrite = """
        Evening ferries from Portvale will not run until at least Friday, the harbour authority announced, \
        after engineers spotted a crack in the north pier ramp. "Safety comes before the timetable," the \
        harbour master, Ines Carvalho, told reporters at the pier. Season ticket holders may ride the coastal bus.
        """
        #expect(detector.groups(ids: ["a", "b"], texts: [DuplicateFixtures.ferry, rewrite]).isEmpty)
    }

    @Test(arguments: [0.5, 0.6, 0.95])
    func thresholdDecidesHeavierEdits(threshold: Double) {
        // Drop the last two sentences: about 30% of the shingles go.
        let sentences = DuplicateFixtures.ferry.split(separator: ".", omittingEmptySubsequences: true)
        let shortened = sentences.dropLast(2).joined(separator: ".") + "."
        let options = DuplicateOptions(threshold: threshold, exactVerification: true)
        let truth = DuplicateFingerprint(text: DuplicateFixtures.ferry, options: options)
            .jaccard(DuplicateFingerprint(text: shortened, options: options))
        #expect(truth > 0.65 && truth < 0.8)
        let groups = DuplicateDetector(options: options).groups(ids: ["a", "b"], texts: [DuplicateFixtures.ferry, shortened])
        #expect(groups.isEmpty == (threshold > truth))
    }

    @Test func estimateTracksExactJaccard() {
        let options = DuplicateOptions(exactVerification: true)
        let words = DuplicateFixtures.ferry.split(separator: " ")
        for cut in [10, 30, 60] {
            let edited = (words.prefix(cut) + ["inserted", "words", "here"] + words.dropFirst(cut + 5)).joined(separator: " ")
            let a = DuplicateFingerprint(text: DuplicateFixtures.ferry, options: options)
            let b = DuplicateFingerprint(text: edited, options: options)
            #expect(abs(a.estimatedJaccard(b) - a.jaccard(b)) < 0.15)
        }
    }

    @Test func emptyTextsAreExactCopiesOfEachOtherOnly() {
        let groups = detector.groups(ids: ["e1", "x", "e2"], texts: ["", DuplicateFixtures.library, "  ...  "])
        #expect(groups == [DuplicateGroup(documents: ["e1", "e2"], exact: true, minimumSimilarity: 1)])
    }

    @Test func indexReportsMatchesAsDocumentsArrive() async {
        let index = DuplicateIndex(options: DuplicateOptions(exactVerification: true))
        let options = await index.options
        #expect(await index.add(id: "one", fingerprint: DuplicateFingerprint(text: DuplicateFixtures.ferry, options: options)).isEmpty)
        #expect(await index.add(id: "two", fingerprint: DuplicateFingerprint(text: DuplicateFixtures.library, options: options)).isEmpty)
        let copy = await index.add(id: "three", fingerprint: DuplicateFingerprint(text: DuplicateFixtures.ferry + " Advertisement.", options: options))
        #expect(copy.map(\.document) == ["one"])
        #expect(copy.first?.exact == false)
        #expect(await index.groups().map(\.documents) == [["one", "three"]])
        #expect(await index.count == 3)
    }

    @Test func bandingFindsPairsAtTheThreshold() {
        let banding = LSHBanding(signatureSize: 128, threshold: 0.8)
        #expect(banding.bands * banding.rows <= 128)
        #expect(LSHBanding.candidateProbability(jaccard: 0.8, bands: banding.bands, rows: banding.rows) >= 0.995)
        #expect(LSHBanding.candidateProbability(jaccard: 0.3, bands: banding.bands, rows: banding.rows) < 0.05)
    }
}
