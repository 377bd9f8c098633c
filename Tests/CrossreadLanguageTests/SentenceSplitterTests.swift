import Testing
import CrossreadTestSupport
@testable import CrossreadLanguage

@Suite struct SentenceSplitterTests {
    func sentences(_ text: String) -> [String] {
        let found = SentenceSplitter().split(text)
        #expect(SpanVerifier.problems(text: text, spans: found.map { ($0.range, nil) }).isEmpty)
        let bytes = Array(text.utf8)
        return found.map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    @Test(arguments: [
        ("The U.S. Senate met. It adjourned.", ["The U.S. Senate met.", "It adjourned."]),
        ("Troops left the U.S. He stayed.", ["Troops left the U.S.", "He stayed."]),
        ("She moved to Washington, D.C. in May.", ["She moved to Washington, D.C. in May."]),
        ("Rep. Ann Cole and Gov. Bo Lind spoke. Sen. Ray Park did not.", ["Rep. Ann Cole and Gov. Bo Lind spoke.", "Sen. Ray Park did not."]),
        ("It opened Oct. 30, 2024. Crowds came.", ["It opened Oct. 30, 2024.", "Crowds came."]),
        ("Acme Inc. said profits rose. Shares fell.", ["Acme Inc. said profits rose.", "Shares fell."]),
        ("Mr. Lee met Dr. Kaye at St. Mary's. No. 4 won.", ["Mr. Lee met Dr. Kaye at St. Mary's.", "No. 4 won."]),
        ("J. R. Smith scored 3.5 points. Fans cheered.", ["J. R. Smith scored 3.5 points.", "Fans cheered."]),
        ("“We are done.” He left the room.", ["“We are done.”", "He left the room."]),
        ("“We are done,” he said. “Really.”", ["“We are done,” he said.", "“Really.”"]),
        ("\"Is it over?\" she asked. Nobody knew.", ["\"Is it over?\" she asked.", "Nobody knew."]),
        ("Prices rose — sharply — again. Then they fell.", ["Prices rose — sharply — again.", "Then they fell."]),
        ("A Quiet Bridge Closure\n\nThe bridge shut on Monday.", ["A Quiet Bridge Closure", "The bridge shut on Monday."]),
        ("Wait... The vote failed. Well… maybe not.", ["Wait...", "The vote failed.", "Well… maybe not."]),
        ("It cost 4.5 million. Officials agreed (mostly.) Then left.", ["It cost 4.5 million.", "Officials agreed (mostly.)", "Then left."]),
        ("Heading one\nBody text here.", ["Heading one", "Body text here."]),
        ("A line that wraps\nin lower case stays.", ["A line that wraps\nin lower case stays."]),
        ("Wow! Really? Yes.", ["Wow!", "Really?", "Yes."]),
        ("", []),
    ])
    func splits(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }
}
