import CrossreadCore
import Testing
import CrossreadTestSupport
@testable import CrossreadLanguage

/// Mentions as "text/type" or "text/type[role]", checked with the span verifier on the way.
func describeMentions(_ text: String, recognizer: EntityRecognizer = EntityRecognizer()) -> [String] {
    let mentions = recognizer.recognize(text)
    let bytes = Array(text.utf8)
    let problems = SpanVerifier.problems(text: text, spans: mentions.map { ($0.range, nil) })
    #expect(problems.isEmpty, "\(problems)")
    for (a, b) in zip(mentions, mentions.dropFirst()) { #expect(a.range.upperBound <= b.range.lowerBound, "overlapping mentions") }
    return mentions.map { m in
        "\(String(decoding: bytes[m.range], as: UTF8.self))/\(m.type.rawValue)\(m.role.map { "[\($0)]" } ?? "")"
    }
}

@Suite struct EntityRecognizerTests {
    @Test(arguments: [
        ("Minister of Strategic Affairs Ron Dermer will travel to Washington next week.",
         ["Ron Dermer/person[Minister of Strategic Affairs]", "Washington/place"]),
        ("President-elect Donald Trump spoke with Prime Minister Benjamin Netanyahu on Sunday.",
         ["Donald Trump/person[President-elect]", "Benjamin Netanyahu/person[Prime Minister]"]),
        ("Israel’s Strategic Affairs Minister Ron Dermer arrived late.",
         ["Israel/place", "Ron Dermer/person[Strategic Affairs Minister]"]),
        ("Michigan Governor Gretchen Whitmer and New York Rep. Ritchie Torres spoke at the rally.",
         ["Michigan/place", "Gretchen Whitmer/person[Governor]", "New York/place", "Ritchie Torres/person[Rep.]"]),
        ("Israeli Ambassador to the U.S. Michael Herzog attended the dinner.",
         ["Israeli/group", "U.S./place", "Michael Herzog/person[Ambassador to the U.S.]"]),
        ("He called the Prime Minister of Israel, Bibi Netanyahu, twice.",
         ["Israel/place", "Bibi Netanyahu/person[Prime Minister of Israel]"]),
        ("Finance Minister Tomasz Wielgosz met bankers in Warsaw on Monday.",
         ["Tomasz Wielgosz/person[Finance Minister]", "Warsaw/place"]),
    ])
    func titlesBecomeRoles(text: String, expected: [String]) {
        let found = describeMentions(text)
        for item in expected { #expect(found.contains(item), "\(item) not in \(found)") }
    }

    @Test func possessivesStayOutOfNames() {
        let found = describeMentions("Donald Trump met Benjamin Netanyahu. Trump praised Netanyahu’s team, and the U.S.’s allies agreed with Trump's plan.")
        #expect(found.contains("Netanyahu/person"))
        #expect(found.contains("U.S./place"))
        #expect(found.contains("Trump/person"))
        #expect(!found.contains { $0.contains("’s") || $0.contains("'s") })
    }

    @Test func hyphenatedPairsAreTwoNames() {
        let found = describeMentions("Donald Trump and Benjamin Netanyahu met. The Netanyahu-Trump meeting ended early. Talks on U.S.-Israel ties resumed.")
        #expect(found.filter { $0 == "Netanyahu/person" }.count == 1)
        #expect(found.contains("Trump/person"))
        #expect(found.contains("U.S./place"))
        #expect(found.contains("Israel/place"))
        #expect(!found.contains { $0.contains("-") })
    }

    @Test func nationalitiesAreGroupsNotPlaces() {
        let found = describeMentions("Israeli and Iranian officials traded threats while Palestinians waited in Gaza.")
        #expect(found.contains("Israeli/group"))
        #expect(found.contains("Iranian/group"))
        #expect(found.contains("Palestinians/group"))
        #expect(found.contains("Gaza/place"))
    }

    @Test func amountsAndPercentages() {
        let found = describeMentions("The firm paid $12 million, a 17% rise, hired 40,000 workers and cut costs by 3.5 percent in 2024.")
        #expect(found.contains("$12 million/amount"))
        #expect(found.contains("17%/percent"))
        #expect(found.contains("40,000/amount"))
        #expect(found.contains("3.5 percent/percent"))
        #expect(!found.contains { $0.hasPrefix("2024") })
    }

    @Test func titleCaseHeadlineKeepsOnlyNames() {
        let text = "Netanyahu’s Warm Call With Trump Amid Rising Tensions\n\nBenjamin Netanyahu spoke with Donald Trump on Sunday about Iran."
        let found = describeMentions(text)
        #expect(Array(found.prefix(2)) == ["Netanyahu/person", "Trump/person"])
        #expect(!found.contains { $0.hasPrefix("Warm") || $0.hasPrefix("Call") || $0.hasPrefix("Rising") })
    }

    @Test func lowerCaseHeadlineFindsNamesFromTheBody() {
        let text = "netanyahu and trump discuss iran\n\nBenjamin Netanyahu and Donald Trump discussed Iran at length."
        let found = describeMentions(text)
        #expect(Array(found.prefix(3)) == ["netanyahu/person", "trump/person", "iran/place"])
    }

    @Test func platformsAreOrganizations() {
        let found = describeMentions("Trump posted on Truth Social, and Netanyahu replied on X within minutes. Plan X failed.")
        #expect(found.contains("Truth Social/organization"))
        #expect(found.filter { $0 == "X/organization" }.count == 1)
        #expect(!found.contains("Truth Social/place"))
    }

    @Test func trumpIsAPerson() {
        let found = describeMentions("Trump said the talks went well. Later, Trump told reporters that Trump Tower would host the meeting.")
        #expect(found.filter { $0 == "Trump/person" }.count == 2)
        #expect(!found.contains("Trump/organization"))
    }

    @Test func facilitiesAndOrganizations() {
        let found = describeMentions("Aides met at Mar-a-Lago before the Islamic Revolutionary Guard Corps issued a statement, Axios reported.")
        #expect(found.contains("Mar-a-Lago/place"))
        #expect(found.contains("Islamic Revolutionary Guard Corps/organization"))
        #expect(found.contains("Axios/organization"))
    }

    @Test func namesFollowedByTheirInitials() {
        let found = describeMentions("Tenants sued the Lakeside Tenant Rights Coalition of Norwood (LTRCN) on Friday. Later, LTRCN said it would appeal.")
        #expect(found.contains("Lakeside Tenant Rights Coalition of Norwood/organization"))
        #expect(found.filter { $0 == "LTRCN/organization" }.count == 2)
    }

    @Test func placeWordsBeforeAndOrganizationWordsAfterAName() {
        let found = describeMentions("""
            Port Wendlow’s harbour was shut on Friday. Ferries run by Gressan Lines left Port Wendlow at noon, \
            the Marsh Valley Post reported, and the state Department of Transport said repairs would take a week.
            """)
        #expect(found.contains("Port Wendlow/place"))
        #expect(!found.contains { $0.hasPrefix("Wendlow/") })
        #expect(found.contains("Gressan Lines/organization"))
        #expect(found.contains("Marsh Valley Post/organization"))
        #expect(found.contains("Department of Transport/organization"))
    }

    @Test func businessNamesKeepTheirPossessive() {
        let found = describeMentions("""
            We met at Kessler's for dinner, then went to Corvelli's Bakery on Sunday. \
            Senator Carla Dunmore's office said the Gov s staff would call back.
            """)
        // A restaurant is an organization or, as a venue, a place; either way the name keeps its "'s".
        #expect(found.contains("Kessler's/place") || found.contains("Kessler's/organization"), "\(found)")
        #expect(found.contains("Corvelli's Bakery/organization"), "\(found)")
        #expect(found.contains("Carla Dunmore/person[Senator]"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("Gov s") }, "\(found)")
    }

    @Test func honorificsStayInNames() {
        let found = describeMentions("Thousands marched after Sheikh Omar Baltani was arrested in Basra on Friday.")
        #expect(found.contains("Sheikh Omar Baltani/person[Sheikh]"), "\(found)")
    }

    @Test func stateCodesInAddressesArePlaces() {
        // The rule alone (no tagger), so the test sees what it adds where the tagger misses a code.
        let rulesOnly = EntityRecognizer(model: nil)
        for (text, code) in [("I need to take the TX driver exam again.", "TX/place"),
                             ("Our new office: 411 Polk Avenue, Marlowe, IL 60622", "IL/place"),
                             ("Please do not mention my NY trip to anyone.", "NY/place")] {
            #expect(describeMentions(text, recognizer: rulesOnly).contains(code), "\(text)")
        }
        let found = describeMentions("Call me when you are OK, or stop by IN the morning. Pay the PA fee.", recognizer: rulesOnly)
        #expect(!found.contains { $0.hasPrefix("OK/") || $0.hasPrefix("IN/") || $0.hasPrefix("PA/") }, "\(found)")
    }

    @Test func emptyAndPunctuationOnlyTexts() {
        #expect(describeMentions("").isEmpty)
        #expect(describeMentions("— … “ ” ’s -").isEmpty)
    }
}
