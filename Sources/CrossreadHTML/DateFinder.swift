import Foundation
import CrossreadCore

/// Reads dates in the forms pages give them, beyond `PublicationDate.parse`: Unix timestamps,
/// compact `20240311`, numeric `11/03/2024`, Spanish "11 de marzo de 2024", and dates in URLs.
enum DateFinder {
    /// A date from a meta value, a JSON-LD field, a `datetime` attribute or visible text.
    static func parse(_ string: String, preferMonthFirst: Bool = false) -> PublicationDate? {
        let trimmed = string.trimmingSpaces
        guard !trimmed.isEmpty, trimmed.utf8.count < 300 else { return nil }
        if let epoch = parseEpoch(trimmed) { return epoch }
        if let compact = parseCompact(trimmed) { return compact }
        if let date = PublicationDate.parse(trimmed), plausible(date) { return date }
        // "11 de marzo de 2024", "11 de março de 2024"
        if trimmed.containsASCII(" de ") || trimmed.containsASCII(" del ") {
            let joined = trimmed.replacingOccurrences(of: " del ", with: " ").replacingOccurrences(of: " de ", with: " ")
            if let date = PublicationDate.parse(joined), plausible(date) { return date }
        }
        if let numeric = parseNumeric(trimmed, preferMonthFirst: preferMonthFirst) { return numeric }
        return nil
    }

    /// Years a web page can be from.
    static func plausible(_ date: PublicationDate) -> Bool { date.year >= 1990 && date.year <= 2100 }

    /// "1700000000" (seconds) or "1700000000000" (milliseconds) since 1970, UTC.
    static func parseEpoch(_ string: String) -> PublicationDate? {
        let digits = string.utf8
        guard digits.count == 10 || digits.count == 13, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              var seconds = Int(string) else { return nil }
        if digits.count == 13 { seconds /= 1000 }
        guard seconds > 631_152_000 else { return nil }  // after 1990
        let days = seconds / 86_400
        let rest = seconds % 86_400
        let (year, month, day) = civil(fromDays: days)
        return PublicationDate(year: year, month: month, day: day, hour: rest / 3600, minute: (rest % 3600) / 60,
                               second: rest % 60, utcOffsetMinutes: 0)
    }

    /// Howard Hinnant's days-to-civil algorithm.
    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// "20240311" alone.
    private static func parseCompact(_ string: String) -> PublicationDate? {
        let bytes = Array(string.utf8)
        guard bytes.count == 8, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let value = bytes.reduce(0) { $0 * 10 + Int($1 - 48) }
        guard let date = PublicationDate(year: value / 10_000, month: (value / 100) % 100, day: value % 100),
              plausible(date) else { return nil }
        return date
    }

    /// "11/03/2024", "11-03-2024", "3/11/24": day first unless the numbers or the caller say otherwise.
    private static func parseNumeric(_ string: String, preferMonthFirst: Bool) -> PublicationDate? {
        let bytes = Array(string.utf8)
        var numbers: [(value: Int, digits: Int)] = []
        var index = 0
        while index < bytes.count && numbers.count < 3 {
            guard bytes[index] >= 48 && bytes[index] <= 57 else {
                if !numbers.isEmpty && !(bytes[index] == 47 || bytes[index] == 45 || bytes[index] == 46) { return nil }
                index += 1
                continue
            }
            var value = 0, digits = 0
            while index < bytes.count, bytes[index] >= 48 && bytes[index] <= 57, digits < 5 {
                value = value * 10 + Int(bytes[index] - 48)
                digits += 1
                index += 1
            }
            numbers.append((value, digits))
        }
        guard numbers.count == 3, numbers[0].digits <= 2, numbers[1].digits <= 2,
              numbers[2].digits == 4 || numbers[2].digits == 2 else { return nil }
        let year = numbers[2].digits == 4 ? numbers[2].value : 2000 + numbers[2].value
        var (day, month) = (numbers[0].value, numbers[1].value)
        if month > 12 || (preferMonthFirst && day <= 12) { swap(&day, &month) }
        guard let date = PublicationDate(year: year, month: month, day: day), plausible(date) else { return nil }
        return date
    }

    /// A date in a URL path: `/2024/03/11/`, `/2024-03-11`, `_20240311`.
    static func fromURL(_ url: String) -> PublicationDate? {
        let bytes = Array(url.utf8)
        func digitRun(_ start: Int) -> (Int, Int) {
            var value = 0, end = start
            while end < bytes.count, bytes[end] >= 48 && bytes[end] <= 57, end - start < 9 {
                value = value * 10 + Int(bytes[end] - 48)
                end += 1
            }
            return (value, end - start)
        }
        var index = 0
        // Skip the scheme and host.
        if let range = url.range(of: "://") {
            index = url.utf8.distance(from: url.utf8.startIndex, to: range.upperBound)
            while index < bytes.count && bytes[index] != 47 { index += 1 }
        }
        while index < bytes.count {
            let isBoundary = index == 0 || !(bytes[index - 1] >= 48 && bytes[index - 1] <= 57)
            if isBoundary, bytes[index] >= 48 && bytes[index] <= 57 {
                let (year, yearDigits) = digitRun(index)
                if yearDigits == 4, (1995...2099).contains(year), index + 4 < bytes.count {
                    let separator = bytes[index + 4]
                    if separator == 47 || separator == 45 || separator == 95 {
                        let (month, monthDigits) = digitRun(index + 5)
                        let next = index + 5 + monthDigits
                        // "2012-06/04": the separators may differ.
                        if (1...2).contains(monthDigits), next < bytes.count,
                           bytes[next] == 47 || bytes[next] == 45 || bytes[next] == 95 {
                            let (day, dayDigits) = digitRun(next + 1)
                            let after = next + 1 + dayDigits
                            if (1...2).contains(dayDigits), after == bytes.count || !(bytes[after] >= 48 && bytes[after] <= 57),
                               let date = PublicationDate(year: year, month: month, day: day) {
                                return date
                            }
                        }
                    }
                } else if yearDigits == 8 {
                    let after = index + 8
                    if after == bytes.count || !(bytes[after] >= 48 && bytes[after] <= 57) {
                        let value = digitRun(index).0
                        if (1995...2099).contains(value / 10_000),
                           let date = PublicationDate(year: value / 10_000, month: (value / 100) % 100, day: value % 100) {
                            return date
                        }
                    }
                }
                index += max(yearDigits, 1)
                continue
            }
            index += 1
        }
        return nil
    }

    /// "3 hours ago", "vor 2 Stunden", "12:05 pm": a time stamp without a calendar date.
    static func relativeOrTime(_ key: String) -> Bool {
        guard key.contains(where: \.isNumber) else { return false }
        if key.hasSuffix(" ago") || key.hasPrefix("vor ") || key.hasPrefix("il y a") || key.hasPrefix("hace ") { return true }
        let words = key.split(separator: " ")
        guard words.count <= 4, let first = words.first else { return false }
        let parts = first.split(separator: ":")
        return parts.count == 2 && parts.allSatisfy { $0.allSatisfy(\.isNumber) && $0.count <= 2 }
    }
}
