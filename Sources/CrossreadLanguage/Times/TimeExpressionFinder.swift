import CrossreadCore

/// Finds time expressions in clean text and normalizes them against the publication date:
/// absolute dates, month-day without a year, bare months and years, weekdays, and relative phrases.
///
/// Values: `2024-11-10` (day), `2024-11` (month), `2024` (year), `2024-W45` (ISO week),
/// `2024-W45-WE` (weekend). Resolution rules, HeidelTime style:
/// 1. A written date with a year is taken as written.
/// 2. A month and day without a year ("January 20") takes the year that puts it nearest the
///    publication date; when the clause is in the future tense ("will", "expects", "upcoming"), the
///    first such day on or after it. A bare month ("in July") works the same way at month level.
/// 3. A bare weekday is the publication day when it names that day's weekday (wire style: "said on
///    Tuesday" in a Tuesday story); otherwise the most recent such day before it, or the next one
///    after it in a future-tense clause; "last"/"next"/"this" choose.
/// 4. "last week", "next month", "this year", "two days ago", "yesterday" count from the publication date.
/// Without a publication date, relative and year-less expressions keep a nil value and say why.
public struct TimeExpressionFinder: Sendable {
    public init() {}

    public func times(in text: String, published: PublicationDate?) -> [TimeExpression] {
        times(in: FinderText(text), published: published)
    }

    func times(in text: FinderText, published: PublicationDate?) -> [TimeExpression] {
        var scanner = TimeScanner(text: text, anchor: published.flatMap { CivilDay($0) })
        return scanner.scan()
    }
}

/// What a time expression denotes, before it is written as a string.
enum TimeValue: Equatable {
    case day(CivilDay)
    case month(year: Int, month: Int)
    case year(Int)
    case week(CivilDay)
    case weekend(saturday: CivilDay)
    case unresolved(String)

    static let relativeWithoutAnchor = TimeValue.unresolved("relative date and the publication date is unknown")
    static let yearWithoutAnchor = TimeValue.unresolved("no year given and the publication date is unknown")

    var normalized: String? {
        switch self {
        case .day(let d): return d.isoDate
        case .month(let y, let m): return CivilDay.month(y, m)
        case .year(let y): return CivilDay.pad(y, 4)
        case .week(let d): return d.isoWeek
        case .weekend(let saturday): return saturday.isoWeek + "-WE"
        case .unresolved: return nil
        }
    }

    var reason: String? {
        if case .unresolved(let why) = self { return why }
        return nil
    }
}
