import Testing
@testable import CrossreadCore

@Suite struct PublicationDateTests {
    @Test(arguments: [
        ("2024-11-11", "2024-11-11"),
        ("2024-11-11T12:13:00Z", "2024-11-11T12:13:00Z"),
        ("2024-11-11T12:13:00.123+02:00", "2024-11-11T12:13:00+02:00"),
        ("2024-11-11 12:13", "2024-11-11T12:13"),
        ("Mon, 11 Nov 2024 12:13:00 +0000", "2024-11-11T12:13:00Z"),
        ("Mon, 11 Nov 2024 07:13:00 EST", "2024-11-11T07:13:00-05:00"),
        ("November 11, 2024", "2024-11-11"),
        ("November 11, 2024 12:13 PM", "2024-11-11T12:13"),
        ("Nov. 11, 2024 at 12:13 a.m.", "2024-11-11T00:13"),
        ("Published on 3rd March 2025", "2025-03-03"),
        ("11. November 2024, 14:05 Uhr", "2024-11-11T14:05"),
        ("Stand: 05.02.2019 16:30", "2019-02-05T16:30"),
        ("May 7, 2025", "2025-05-07"),
    ])
    func parsesCommonForms(input: String, expected: String) {
        #expect(PublicationDate.parse(input)?.iso8601 == expected)
    }

    @Test(arguments: ["", "Reading time: 4 minutes", "2024-13-40", "February 30, 2024", "12:13 PM", "may I ask"])
    func rejectsNonDates(input: String) {
        #expect(PublicationDate.parse(input) == nil)
    }

    @Test func ordersByInstantFields() {
        let a = PublicationDate(year: 2024, month: 11, day: 11)!
        let b = PublicationDate(year: 2024, month: 11, day: 11, hour: 9)!
        #expect(a < b)
    }
}

@Suite struct SHA256Tests {
    @Test func knownDigests() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array(String(repeating: "a", count: 1000).utf8)
        #expect(SHA256.hex(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

@Suite struct CodePointOffsetTests {
    @Test func countsCodePointsNotBytes() {
        let text = "Netanyahu’s call — “yes”"
        let offsets = CodePointOffsets(text)
        let bytes = Array(text.utf8)
        #expect(offsets.codePoint(atUTF8: bytes.count) == text.unicodeScalars.count)
        #expect(offsets.codePoint(atUTF8: 9) == 9)
        #expect(offsets.codePoint(atUTF8: 12) == 10)
    }

    @Test func cleanedArticleJoinsBlocksWithBlankLines() {
        let cleaned = CleanedArticle(blocks: [("First “one”.", .body), ("Heading", .subheading), ("", .body), ("Last.", .body)],
                                     metadata: DocumentMetadata(), removed: [])
        #expect(cleaned.text == "First “one”.\n\nHeading\n\nLast.")
        #expect(cleaned.paragraphs.count == 3)
        let bytes = Array(cleaned.text.utf8)
        #expect(String(decoding: bytes[cleaned.paragraphs[1].range], as: UTF8.self) == "Heading")
        #expect(cleaned.paragraphs[1].kind == .subheading)
    }
}

@Suite struct DayCountTests {
    @Test(arguments: [(1970, 1, 1, 0), (2024, 11, 10, 20_037), (2000, 3, 1, 11_017), (1969, 12, 31, -1), (1600, 2, 29, -135_081)])
    func countsDaysSince1970(year: Int, month: Int, day: Int, expected: Int) {
        #expect(PublicationDate.dayCount(year: year, month: month, day: day) == expected)
        #expect(PublicationDate.civilDate(dayCount: expected) == (year, month, day))
    }
}
