import CrossreadCore
import CrossreadTestSupport
@testable import CrossreadLanguage
import Testing

@Suite("Time expressions")
struct TimeExpressionFinderTests {
    /// A Monday.
    static let monday = PublicationDate(year: 2024, month: 11, day: 11)!

    /// (span text, value) pairs found in `text`, after checking every span against the text.
    func found(_ text: String, published: PublicationDate? = monday) -> [(String, String?)] {
        let times = TimeExpressionFinder().times(in: text, published: published)
        #expect(SpanVerifier.problems(text: text, spans: times.map { ($0.range, nil) }).isEmpty)
        let bytes = Array(text.utf8)
        return times.map { (String(decoding: bytes[$0.range], as: UTF8.self), $0.value) }
    }

    func value(_ text: String, published: PublicationDate? = monday) -> [String] {
        found(text, published: published).map { "\($0.0)=\($0.1 ?? "nil")" }
    }

    @Test(arguments: [
        ("The summit ended on November 11, 2024, in Paris.", "November 11, 2024=2024-11-11"),
        ("She arrived on Wednesday, Oct. 30, 2024, at the theatre.", "Wednesday, Oct. 30, 2024=2024-10-30"),
        ("They met in the Oval Office on April 7, 2025 in Washington.", "April 7, 2025=2025-04-07"),
        ("The ruling came on 3 March 2023.", "3 March 2023=2023-03-03"),
        ("Files dated 2024-11-10 were leaked.", "2024-11-10=2024-11-10"),
        ("The form dated 11/10/2024 was signed.", "11/10/2024=2024-11-10"),
        ("Turnout in November 2024 was high.", "November 2024=2024-11"),
    ])
    func absoluteDates(text: String, expected: String) {
        #expect(value(text) == [expected])
    }

    @Test func absoluteDatesNeedNoPublicationDate() {
        #expect(value("It opened on Oct. 30, 2024.", published: nil) == ["Oct. 30, 2024=2024-10-30"])
    }

    @Test(arguments: [
        // An upcoming inauguration in a November article is next year.
        ("He expects a ceasefire before his inauguration on January 20.", "January 20=2025-01-20"),
        // A past event in July, from November, is this year.
        ("Trump hosted Netanyahu at his resort in July.", "July=2024-07"),
        ("As he prepares to take office in January, he faces two wars.", "January=2025-01"),
        ("Elections will be held in March.", "March=2025-03"),
        ("Prices fell sharply in early March.", "March=2024-03"),
        ("Talks collapsed last March.", "last March=2024-03"),
        ("It was signed on the 20th of October.", "20th of October=2024-10-20"),
        ("The deadline is December 2.", "December 2=2024-12-02"),
        ("The mayor repeated that the road should reopen by November 20, though engineers doubted it.", "November 20=2024-11-20"),
    ])
    func yearlessDates(text: String, expected: String) {
        #expect(value(text) == [expected])
    }

    @Test func rangeBorrowsTheYearOfItsEnd() {
        #expect(value("The trial ran from January 5 to February 3, 2023.") == ["January 5=2023-01-05", "February 3, 2023=2023-02-03"])
    }

    @Test(arguments: [
        ("In a video statement on Sunday, Netanyahu said so.", "Sunday=2024-11-10"),
        ("On Friday, he expressed his concern.", "Friday=2024-11-08"),
        ("A rally drew thousands on Sunday evening.", "Sunday=2024-11-10"),
        ("The cabinet will vote on Friday.", "Friday=2024-11-15"),
        ("Last Tuesday, the president posted on X.", "Last Tuesday=2024-11-05"),
        ("The talks resume next Monday.", "next Monday=2024-11-18"),
        ("He spoke this past Saturday.", "this past Saturday=2024-11-09"),
        ("The report, out this Thursday, is long.", "this Thursday=2024-11-14"),
    ])
    func weekdays(text: String, expected: String) {
        #expect(value(text) == [expected])
    }

    @Test func bareWeekdayOnThePublicationWeekdayIsThatDay() {
        let tuesday = PublicationDate(year: 2024, month: 11, day: 12)!
        #expect(value("The minister resigned on Tuesday.", published: tuesday) == ["Tuesday=2024-11-12"])
        #expect(value("Crews will start work on Tuesday, the minister said.", published: tuesday) == ["Tuesday=2024-11-12"])
        #expect(value("The minister will resign next Tuesday.", published: tuesday) == ["next Tuesday=2024-11-19"])
        #expect(value("The minister resigned last Tuesday.", published: tuesday) == ["last Tuesday=2024-11-05"])
        #expect(value("The minister resigned today.", published: tuesday) == ["today=2024-11-12"])
    }

    @Test func holidaysAreNotWeekdays() {
        #expect(value("Shoppers queued on Black Friday and Good Friday.").isEmpty)
    }

    @Test(arguments: [
        ("Prices rose today.", "today=2024-11-11"),
        ("Prices rose yesterday.", "yesterday=2024-11-10"),
        ("Prices rise tomorrow.", "tomorrow=2024-11-12"),
        ("Sirens sounded last night.", "last night=2024-11-10"),
        ("Last week, Dermer visited Moscow.", "Last week=2024-W45"),
        ("Exports fell this week.", "this week=2024-W46"),
        ("They meet next week.", "next week=2024-W47"),
        ("Last month, Trump imposed a tariff.", "Last month=2024-10"),
        ("The law takes effect next month.", "next month=2024-12"),
        ("Profits doubled last year.", "last year=2023"),
        ("The treaty expires next year.", "next year=2025"),
        ("Sales grew this year.", "this year=2024"),
        ("The strike began two days ago.", "two days ago=2024-11-09"),
        ("The strike began 3 weeks ago.", "3 weeks ago=2024-W43"),
        ("The firm was sold a year ago.", "a year ago=2023"),
        ("Two more calls took place over the weekend.", "the weekend=2024-W45-WE"),
    ])
    func relativeExpressions(text: String, expected: String) {
        #expect(value(text) == [expected])
    }

    @Test(arguments: [
        ("He congratulated Biden in 2020.", ["2020=2020"]),
        ("Violence not seen since the 1948 war.", ["1948=1948"]),
        ("Levels not seen since Israel’s 1948 Independence War.", ["1948=1948"]),
        ("The war, which began in 2011, goes on.", ["2011=2011"]),
        ("About 2000 people marched.", []),
        ("A 17% tariff and a 40,000-seat stadium.", []),
        ("It costs $2000 now.", []),
    ])
    func years(text: String, expected: [String]) {
        #expect(value(text) == expected)
    }

    @Test func unknownPublicationDateLeavesRelativeTimesUnresolved() {
        let times = TimeExpressionFinder().times(in: "On Friday he spoke; on January 20 he takes office; last week he flew.", published: nil)
        #expect(times.count == 3)
        #expect(times.allSatisfy { $0.value == nil && $0.unresolvedReason != nil })
        #expect(times[0].unresolvedReason!.contains("publication date is unknown"))
    }

    @Test func modalMayIsNotAMonth() {
        #expect(value("Officials may meet again, he said. Talks began in May.") == ["May=2024-05"])
    }

    @Test func weekdayFixesTheYearOfAMonthDay() {
        let published = PublicationDate(year: 2019, month: 11, day: 20)!
        #expect(value("The girl was taken at 6:38 p.m. on Saturday, May 18.", published: published) == ["Saturday, May 18=2019-05-18"])
    }

    @Test func nearestTenseMarkerDecides() {
        // "plans" here is a noun; "confirmed" right before the weekday dates it in the past.
        #expect(value("The firm, which shelved its plans, confirmed on Friday that it was contacted.") == ["Friday=2024-11-08"])
        // The comma puts "would" in another clause than "touted".
        #expect(value("Goods touted by the minister in October, he would likely have to drop.") == ["October=2024-10"])
        #expect(value("An October 11 presentation to bondholders indicated that losses would grow.") == ["October 11=2024-10-11"])
    }

    @Test func namesWithTodayAreNotDates() {
        #expect(value("Richardson, via USA Today, said the fight was over.").isEmpty)
    }
}
