/// A calendar date with an optional time of day and an optional UTC offset, as articles give them.
/// Printed as ISO 8601: `2024-11-11`, `2024-11-11T12:13`, `2024-11-11T12:13:00+02:00`.
public struct PublicationDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int?
    public var minute: Int?
    public var second: Int?
    /// Offset from UTC in minutes, when the source states a zone.
    public var utcOffsetMinutes: Int?

    public init?(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil,
                 second: Int? = nil, utcOffsetMinutes: Int? = nil) {
        guard (1000...9999).contains(year), (1...12).contains(month),
              (1...PublicationDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        if let hour, !(0...23).contains(hour) { return nil }
        if let minute, !(0...59).contains(minute) { return nil }
        if let second, !(0...60).contains(second) { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = hour == nil ? nil : (minute ?? 0)
        self.second = hour == nil ? nil : second
        self.utcOffsetMinutes = hour == nil ? nil : utcOffsetMinutes
    }

    /// The date alone, without time of day.
    public var day8601: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }

    public var iso8601: String {
        var out = day8601
        guard let hour else { return out }
        out += "T" + pad(hour, 2) + ":" + pad(minute ?? 0, 2)
        if let second { out += ":" + pad(second, 2) }
        if let offset = utcOffsetMinutes {
            if offset == 0 {
                out += "Z"
            } else {
                let magnitude = abs(offset)
                out += (offset < 0 ? "-" : "+") + pad(magnitude / 60, 2) + ":" + pad(magnitude % 60, 2)
            }
        }
        return out
    }

    public var description: String { iso8601 }

    public static func < (lhs: PublicationDate, rhs: PublicationDate) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour ?? -1, lhs.minute ?? -1, lhs.second ?? -1)
            < (rhs.year, rhs.month, rhs.day, rhs.hour ?? -1, rhs.minute ?? -1, rhs.second ?? -1)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let parsed = PublicationDate.parse(string) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date: \(string)")
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
