import Testing
@testable import CrossreadCorpus

/// Dispute detection on sentences written for these tests.
@Suite struct DisputeDetectorTests {
    let detector = DisputeDetector()

    private func target(_ text: String) -> String? {
        guard let dispute = detector.disputes(in: text).first, let range = dispute.target else { return nil }
        return String(decoding: Array(text.utf8)[range], as: UTF8.self)
    }

    @Test(arguments: [
        ("The claim that the reservoir is contaminated is false.", "the reservoir is contaminated"),
        ("It is not true that the school will close next year.", "the school will close next year"),
        ("She falsely claimed that the vote had been rigged.", "the vote had been rigged"),
        ("The ministry denied that any soldiers had crossed the border.", "any soldiers had crossed the border"),
        ("Officials said, without evidence, that the fire was started deliberately.", "the fire was started deliberately"),
        ("\u{201C}The harbour is perfectly safe,\u{201D} the minister said, which is misleading.", "The harbour is perfectly safe"),
        ("The report that 40 people were hurt in the blast is simply inaccurate.", "40 people were hurt in the blast"),
        ("Trump made the false claim that the bridge had been sold.", "the bridge had been sold"),
        ("“We have never raised fares,” the operator said. However, the records have proven this statement to be inaccurate.",
         "We have never raised fares"),
        ("The mayor said the bridge would reopen in May. That is not the case, engineers said.",
         "The mayor said the bridge would reopen in May"),
        ("Kowalski said in March that the mine was profitable. Auditors later found his assertion to be unfounded.",
         "the mine was profitable"),
    ])
    func disputesPointAtTheClaim(text: String, claim: String) {
        #expect(target(text) == claim)
    }

    @Test func contraryToWhatSomeoneSaidNamesTheClaimant() {
        let disputes = detector.disputes(in: "Contrary to what Councillor Okafor said on Monday, the library budget was cut.")
        #expect(disputes.count == 1)
        #expect(disputes.first?.claimant == "Councillor Okafor")
        #expect(disputes.first?.cue == "contrary to")
    }

    @Test(arguments: [
        "Smoke from a toaster set off a false alarm at the station.",
        "The museum shows a set of false teeth worn by the first mayor.",
        "This claim is not false.",
        "The report was not inaccurate, the editor insisted.",
        "Something went wrong with the ferry engine on Tuesday.",
        "He was wrong to leave early, his coach said.",
        "The claim is true.",
        "It is true that the station closed in 1990.",
        "The border guard denied entry to three travellers.",
        "Contrary to expectations, turnout was high.",
        "Contrary to popular belief, bats are not blind.",
        "There was no evidence of damage to the hull.",
        "The ministry did not deny that talks had taken place.",
        "The truth lies somewhere in between, the judge said.",
    ])
    func otherSensesAreNoDispute(text: String) {
        #expect(detector.disputes(in: text).isEmpty)
    }
}

/// Refutation words that qualify something other than a claim.
@Suite struct DisputeDetectorNounTests {
    @Test(arguments: [
        "The board voted to deny it further loans after years of losses.",
        "\u{201C}This is a false choice,\u{201D} the senator said.",
        "It was a false dawn for the club, which lost again on Sunday.",
    ])
    func refutationOfANonClaimIsNoDispute(text: String) {
        #expect(DisputeDetector().disputes(in: text).isEmpty)
    }

    @Test func deniedItAtTheEndPointsBack() {
        let text = "Reports said the plant would close in June. The company denied it."
        let dispute = DisputeDetector().disputes(in: text).first
        #expect(dispute?.target.map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) } == "Reports said the plant would close in June")
    }
}
