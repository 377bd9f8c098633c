import CrossreadCore

/// A proleptic Gregorian calendar day counted from 1970-01-01, with the conversions time
/// resolution needs (weekday, ISO week, month and day arithmetic).
struct CivilDay: Sendable, Hashable, Comparable {
    /// Days since 1970-01-01.
    var ordinal: Int

    init(ordinal: Int) { self.ordinal = ordinal }

    /// Nil when the date does not exist (February 30).
    init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= PublicationDate.daysIn(month: month, year: year) else { return nil }
        ordinal = PublicationDate.dayCount(year: year, month: month, day: day)
    }

    init?(_ date: PublicationDate) {
        self.init(year: date.year, month: date.month, day: date.day)
    }

    var components: (year: Int, month: Int, day: Int) {
        PublicationDate.civilDate(dayCount: ordinal)
    }

    /// 1 = Monday ... 7 = Sunday (ISO 8601).
    var isoWeekday: Int {
        let sundayZero = ((ordinal % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday
        return sundayZero == 0 ? 7 : sundayZero
    }

    func adding(days: Int) -> CivilDay { CivilDay(ordinal: ordinal + days) }

    /// `2024-11-10`.
    var isoDate: String {
        let c = components
        return CivilDay.pad(c.year, 4) + "-" + CivilDay.pad(c.month, 2) + "-" + CivilDay.pad(c.day, 2)
    }

    /// `2024-W45`: the ISO 8601 week holding this day.
    var isoWeek: String {
        let thursday = adding(days: 4 - isoWeekday)
        let year = thursday.components.year
        let first = CivilDay(year: year, month: 1, day: 1)!
        let week = (thursday.ordinal - first.ordinal) / 7 + 1
        return CivilDay.pad(year, 4) + "-W" + CivilDay.pad(week, 2)
    }

    static func month(_ year: Int, _ month: Int) -> String { pad(year, 4) + "-" + pad(month, 2) }

    /// The month `offset` months from `year`-`month`.
    static func shift(year: Int, month: Int, by offset: Int) -> (year: Int, month: Int) {
        let index = year * 12 + (month - 1) + offset
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        return (y, index - y * 12 + 1)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    static func < (a: CivilDay, b: CivilDay) -> Bool { a.ordinal < b.ordinal }
}
