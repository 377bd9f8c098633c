import CrossreadCore

/// Normalizes resolved time values for the timeline: `2024`, `2024-11` and `2024-11-10` pass (a
/// longer value keeps its day); an ISO week (`2024-W45`) becomes the month holding its Thursday.
enum TimelineDate {
    static func normalize(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, range.allSatisfy({ bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }) else { return nil }
            return Int(String(decoding: bytes[range], as: UTF8.self))
        }
        guard let year = digits(0..<4) else { return nil }
        if bytes.count == 4 { return value }
        guard bytes.count >= 7, bytes[4] == 0x2D else { return nil }
        if bytes[5] == 0x57, let week = digits(6..<8), bytes.count == 8, (1...53).contains(week) {
            let (y, m) = monthOfThursday(year: year, week: week)
            return pad(y, 4) + "-" + pad(m, 2)
        }
        guard let month = digits(5..<7), (1...12).contains(month) else { return nil }
        if bytes.count == 7 { return String(value.prefix(7)) }
        guard bytes.count >= 10, bytes[7] == 0x2D, let day = digits(8..<10), (1...31).contains(day) else {
            return String(value.prefix(7))
        }
        return String(value.prefix(10))
    }

    static func days(year: Int, month: Int, day: Int) -> Int {
        PublicationDate.dayCount(year: year, month: month, day: day)
    }

    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        PublicationDate.civilDate(dayCount: days)
    }

    /// The ISO week's Thursday lies in the week's year; its month is the week's month here.
    private static func monthOfThursday(year: Int, week: Int) -> (Int, Int) {
        let jan4 = days(year: year, month: 1, day: 4)
        let weekday = ((jan4 + 3) % 7 + 7) % 7  // Monday = 0 (1970-01-01 was a Thursday)
        let mondayOfWeek1 = jan4 - weekday
        let thursday = mondayOfWeek1 + (week - 1) * 7 + 3
        let date = civil(days: thursday)
        return (date.year, date.month)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
