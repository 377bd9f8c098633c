import CrossreadCore

/// One pass over a text's tokens that matches time expressions and resolves them against an
/// anchor day (the publication date). Used by `TimeExpressionFinder`.
struct TimeScanner {
    let text: FinderText
    let anchor: CivilDay?

    /// A matched expression: its tokens, its value, and for a month-day without a year the parts
    /// needed to borrow a year from a date range ("January 5 to February 3, 2024").
    struct Match {
        var tokens: Range<Int>
        var value: TimeValue
        var monthDay: (month: Int, day: Int)?
        var explicitYear: Int?
    }

    static let holidayPrefixes = FoldedWordTable(["good", "black", "ash", "super", "cyber", "holy", "easter", "palm",
                                                  "maundy", "giving", "bloody"], value: true)

    init(text: FinderText, anchor: CivilDay?) {
        self.text = text
        self.anchor = anchor
    }

    mutating func scan() -> [TimeExpression] {
        var matches: [Match] = []
        var i = 0
        let n = text.count
        while i < n {
            if let match = matchAt(i) {
                matches.append(match)
                i = match.tokens.upperBound
            } else {
                i += 1
            }
        }
        borrowRangeYears(&matches)
        return matches.map { match in
            let range = text.tokens[match.tokens.lowerBound].range.lowerBound..<text.tokens[match.tokens.upperBound - 1].range.upperBound
            return TimeExpression(range: range, value: match.value.normalized, unresolvedReason: match.value.reason)
        }
    }

    private func matchAt(_ i: Int) -> Match? {
        let kind = text.kind(i)
        if kind == .number {
            return numericDate(i) ?? dayMonth(i) ?? unitsAgo(i) ?? year(i)
        }
        guard kind == .word, let roles = TimeLexicon.starters.value(text.bytes, text.tokens[i].range) else { return nil }
        if roles.contains(.month) || roles.contains(.weekday), let match = writtenDate(i) { return match }
        if roles.contains(.weekday) { return weekday(i) }
        if roles.contains(.relativeDay) || roles.contains(.modifier), let match = relativeDay(i) { return match }
        if roles.contains(.modifier), let match = relativeUnit(i) { return match }
        if roles.contains(.article) { return theWeekend(i) }
        if roles.contains(.numberWord), let match = unitsAgo(i) { return match }
        if roles.contains(.month) { return bareMonth(i) }
        return nil
    }

    // MARK: - Token readers

    private func month(_ i: Int) -> (month: Int, abbreviated: Bool)? {
        guard text.isWord(i), text.isCapitalized(i) else { return nil }
        return TimeLexicon.months.value(text.bytes, text.tokens[i].range)
    }

    /// The integer value of a number token of only ASCII digits (and an ordinal suffix when `ordinal`).
    private func integer(_ i: Int, maxDigits: Int, ordinal: Bool = false) -> (value: Int, digits: Int)? {
        guard i >= 0, i < text.count, text.kind(i) == .number else { return nil }
        let r = text.tokens[i].range
        var value = 0
        var digits = 0
        var j = r.lowerBound
        while j < r.upperBound, text.bytes[j] >= 0x30, text.bytes[j] <= 0x39 {
            value = value * 10 + Int(text.bytes[j] - 0x30)
            digits += 1
            j += 1
        }
        guard digits > 0, digits <= maxDigits else { return nil }
        if j < r.upperBound {
            guard ordinal, r.upperBound - j == 2 else { return nil }
            let a = text.bytes[j] | 0x20
            let b = text.bytes[j + 1] | 0x20
            let suffix = (a, b)
            guard suffix == (0x73, 0x74) || suffix == (0x6E, 0x64) || suffix == (0x72, 0x64) || suffix == (0x74, 0x68) else { return nil }
        }
        return (value, digits)
    }

    private func dayNumber(_ i: Int) -> Int? {
        guard let d = integer(i, maxDigits: 2, ordinal: true), (1...31).contains(d.value) else { return nil }
        return d.value
    }

    private func yearNumber(_ i: Int) -> Int? {
        guard let y = integer(i, maxDigits: 4), y.digits == 4, (1000...2199).contains(y.value) else { return nil }
        return y.value
    }

    // MARK: - Absolute and year-less written dates

    /// "[Wednesday,] Oct. 30[,] 2024", "November 11", "November 2024".
    private func writtenDate(_ i: Int) -> Match? {
        var j = i
        if text.isCapitalized(j), TimeLexicon.weekdays.value(text.bytes, text.tokens[j].range) != nil {
            j += 1
            if text.isPunctuation(j, ",") { j += 1 }
        }
        guard let (m, _) = month(j) else { return nil }
        var k = j + 1
        if let d = dayNumber(k), text.tokens[k].gap != .none {
            k += 1
            if text.isPunctuation(k, ","), let y = yearNumber(k + 1) {
                return absolute(i..<(k + 2), year: y, month: m, day: d)
            }
            if let y = yearNumber(k), text.tokens[k].gap == .space {
                return absolute(i..<(k + 1), year: y, month: m, day: d)
            }
            return yearless(i..<k, month: m, day: d, weekday: j > i ? TimeLexicon.weekdays.value(text.bytes, text.tokens[i].range) : nil)
        }
        if text.isPunctuation(k, ","), yearNumber(k + 1) != nil, j == i { k += 1 }  // "November, 2024"
        if let y = yearNumber(k), text.tokens[k].gap == .space {
            guard j == i else { return nil }
            return Match(tokens: i..<(k + 1), value: .month(year: y, month: m), explicitYear: y)
        }
        return nil
    }

    /// "20 January 2025", "20th of January".
    private func dayMonth(_ i: Int) -> Match? {
        guard let d = dayNumber(i) else { return nil }
        var j = i + 1
        if text.token(j, is: "of") { j += 1 }
        guard let (m, _) = month(j) else { return nil }
        if let y = yearNumber(j + 1), text.tokens[j + 1].gap == .space {
            return absolute(i..<(j + 2), year: y, month: m, day: d)
        }
        if text.isPunctuation(j + 1, ","), let y = yearNumber(j + 2) {
            return absolute(i..<(j + 3), year: y, month: m, day: d)
        }
        return yearless(i..<(j + 1), month: m, day: d)
    }

    /// "2024-11-10" and "11/10/2024" (month first unless the first number exceeds 12).
    private func numericDate(_ i: Int) -> Match? {
        if let y = yearNumber(i), i + 4 < text.count, text.kind(i + 1) == .hyphen, text.kind(i + 3) == .hyphen,
           text.tokens[i + 2].gap == .none, text.tokens[i + 3].gap == .none, text.tokens[i + 4].gap == .none,
           let m = integer(i + 2, maxDigits: 2), let d = integer(i + 4, maxDigits: 2) {
            return absolute(i..<(i + 5), year: y, month: m.value, day: d.value)
        }
        let r = text.tokens[i].range
        var parts: [Int] = []
        var value = 0
        var digits = 0
        for j in r {
            let b = text.bytes[j]
            if b >= 0x30 && b <= 0x39 {
                value = value * 10 + Int(b - 0x30)
                digits += 1
            } else if b == UInt8(ascii: "/"), digits > 0 {
                parts.append(value)
                value = 0
                digits = 0
            } else {
                return nil
            }
        }
        guard digits == 4, parts.count == 2 else { return nil }
        let (month, day) = parts[0] > 12 ? (parts[1], parts[0]) : (parts[0], parts[1])
        return absolute(i..<(i + 1), year: value, month: month, day: day)
    }

    private func absolute(_ tokens: Range<Int>, year: Int, month: Int, day: Int) -> Match? {
        guard let date = CivilDay(year: year, month: month, day: day) else { return nil }
        return Match(tokens: tokens, value: .day(date), explicitYear: year)
    }

    /// A month and day without a year: the year nearest the anchor, moved by tense, or the one
    /// whose weekday matches when the text names it ("Saturday, May 18").
    private func yearless(_ tokens: Range<Int>, month: Int, day: Int, weekday: Int? = nil) -> Match? {
        guard day <= PublicationDate.daysIn(month: month, year: 2024) else { return nil }
        guard let anchor else { return Match(tokens: tokens, value: .yearWithoutAnchor, monthDay: (month, day)) }
        let year = anchor.components.year
        let candidates = [year - 1, year, year + 1].compactMap { CivilDay(year: $0, month: month, day: day) }
        if let weekday {
            let matching = (year - 6...year + 6).compactMap { CivilDay(year: $0, month: month, day: day) }.filter { $0.isoWeekday == weekday }
            if let nearest = matching.min(by: { abs($0.ordinal - anchor.ordinal) < abs($1.ordinal - anchor.ordinal) }) {
                return Match(tokens: tokens, value: .day(nearest), monthDay: (month, day))
            }
        }
        guard var chosen = candidates.min(by: { abs($0.ordinal - anchor.ordinal) < abs($1.ordinal - anchor.ordinal) }) else { return nil }
        switch tense(around: tokens.lowerBound) {
        case .future: if chosen < anchor, let next = candidates.first(where: { $0 >= anchor }) { chosen = next }
        case .past: if chosen > anchor, let previous = candidates.last(where: { $0 <= anchor }) { chosen = previous }
        case .unknown: break
        }
        return Match(tokens: tokens, value: .day(chosen), monthDay: (month, day))
    }

    /// "in July", "since January", "last March", "mid-July": a month name after a date word.
    private func bareMonth(_ i: Int) -> Match? {
        guard let (m, abbreviated) = month(i), !abbreviated else { return nil }
        var start = i
        var context = text.token(i - 1, isOneOf: TimeLexicon.dateContext)
        if text.kind(i - 1) == .hyphen, text.token(i - 2, is: "mid") { context = true }
        guard context else { return nil }
        var modifier: TimeLexicon.Modifier? = nil
        if let mod = text.isWord(i - 1) ? TimeLexicon.modifiers.value(text.bytes, text.tokens[i - 1].range) : nil {
            modifier = mod
            start = i - 1
        }
        guard let anchor else { return Match(tokens: start..<(i + 1), value: modifier == nil ? .yearWithoutAnchor : .relativeWithoutAnchor) }
        let (year, month) = (anchor.components.year, anchor.components.month)
        let here = year * 12 + month
        let candidates = [year - 1, year, year + 1].map { $0 * 12 + m }
        var chosen: Int
        switch modifier {
        case .last?, .past?: chosen = candidates.last(where: { $0 < here }) ?? candidates[0]
        case .next?, .coming?: chosen = candidates.first(where: { $0 > here }) ?? candidates[2]
        case .this?: chosen = candidates[1]
        case nil:
            chosen = candidates.min(by: { abs($0 - here) < abs($1 - here) })!
            switch tense(around: i) {
            case .future: if chosen < here, let next = candidates.first(where: { $0 >= here }) { chosen = next }
            case .past: if chosen > here, let previous = candidates.last(where: { $0 <= here }) { chosen = previous }
            case .unknown: break
            }
        }
        let y = (chosen - 1) / 12
        return Match(tokens: start..<(i + 1), value: .month(year: y, month: chosen - y * 12))
    }

    /// A year standing as a date: "in 2020", "the 1948 war", "Israel’s 1948 Independence War", "(2019)".
    private func year(_ i: Int) -> Match? {
        guard let y = yearNumber(i), (1500...2100).contains(y) else { return nil }
        if i > 0, text.kind(i - 1) == .symbol, text.tokens[i].gap == .none { return nil }  // "$2000"
        if i + 1 < text.count {
            let next = text.tokens[i + 1]
            if next.kind == .symbol, next.gap == .none { return nil }  // "2000%"
            if next.kind == .hyphen || (next.kind == .punctuation && text.isPunctuation(i + 1, ":") && next.gap == .none) { return nil }
        }
        // A date word before it ("in", "since", "the", a possessive), or nothing after it in the clause;
        // "about 2000 people" has neither.
        let introduced = i == 0 || text.token(i - 1, isOneOf: TimeLexicon.dateContext) || text.kind(i - 1) == .possessive
            || text.isPunctuation(i - 1, "(") || text.tokens[i].gap >= .line
        let closed = i + 1 >= text.count || text.kind(i + 1) == .punctuation || text.kind(i + 1) == .possessive
            || text.kind(i + 1) == .dash || text.tokens[i + 1].gap >= .line
        guard introduced || closed else { return nil }
        return Match(tokens: i..<(i + 1), value: .year(y), explicitYear: y)
    }

    // MARK: - Relative expressions

    /// "Sunday", "last Tuesday", "next Monday", "this Friday".
    private func weekday(_ i: Int) -> Match? {
        guard text.isCapitalized(i), let wd = TimeLexicon.weekdays.value(text.bytes, text.tokens[i].range) else { return nil }
        if text.token(i - 1, isOneOf: TimeScanner.holidayPrefixes) { return nil }  // "Good Friday", "Super Tuesday"
        var start = i
        var modifier: TimeLexicon.Modifier? = nil
        if text.isWord(i - 1), let mod = TimeLexicon.modifiers.value(text.bytes, text.tokens[i - 1].range) {
            modifier = mod
            start = i - 1
            if mod == .past, text.token(i - 2, is: "this") { start = i - 2 }
        }
        guard let anchor else { return Match(tokens: start..<(i + 1), value: .relativeWithoutAnchor) }
        let today = anchor.isoWeekday
        let back = (today - wd + 7) % 7 == 0 ? 7 : (today - wd + 7) % 7
        let forward = (wd - today + 7) % 7 == 0 ? 7 : (wd - today + 7) % 7
        let day: CivilDay
        switch modifier {
        case .last?, .past?: day = anchor.adding(days: -back)
        case .next?, .coming?: day = anchor.adding(days: forward)
        case .this?: day = anchor.adding(days: wd - today)
        // News copy names the day of the story itself by its weekday ("said on Tuesday" in a
        // Tuesday article); the week before or after takes "last" or "next".
        case nil where wd == today: day = anchor
        case nil: day = isFutureClause(around: i) ? anchor.adding(days: forward) : anchor.adding(days: -back)
        }
        return Match(tokens: start..<(i + 1), value: .day(day))
    }

    /// "today", "yesterday", "tomorrow", "tonight", "last night", "this morning".
    private func relativeDay(_ i: Int) -> Match? {
        if let offset = TimeLexicon.relativeDays.value(text.bytes, text.tokens[i].range) {
            // "USA Today", "the Today show": a name, not a day.
            if text.isCapitalized(i), text.isCapitalized(i - 1), text.tokens[i].gap < .line { return nil }
            guard let anchor else { return Match(tokens: i..<(i + 1), value: .relativeWithoutAnchor) }
            return Match(tokens: i..<(i + 1), value: .day(anchor.adding(days: offset)))
        }
        guard let mod = TimeLexicon.modifiers.value(text.bytes, text.tokens[i].range), mod == .last || mod == .this,
              text.isWord(i + 1), TimeLexicon.dayParts.value(text.bytes, text.tokens[i + 1].range) != nil else { return nil }
        if mod == .last, !text.token(i + 1, is: "night") { return nil }
        guard let anchor else { return Match(tokens: i..<(i + 2), value: .relativeWithoutAnchor) }
        return Match(tokens: i..<(i + 2), value: .day(anchor.adding(days: mod == .last ? -1 : 0)))
    }

    /// "last week", "next month", "this year", "last weekend", "the coming week".
    private func relativeUnit(_ i: Int) -> Match? {
        guard let mod = TimeLexicon.modifiers.value(text.bytes, text.tokens[i].range), text.isWord(i + 1),
              let unit = TimeLexicon.units.value(text.bytes, text.tokens[i + 1].range) else { return nil }
        // Plural units ("the past two weeks", "last days") are spans, not points.
        let r = text.tokens[i + 1].range
        if text.bytes[r.upperBound - 1] == UInt8(ascii: "s"), unit != .day || r.count == 4 { return nil }
        if unit == .day { return nil }
        if mod == .past, !text.token(i - 1, is: "this") { return nil }  // "the past week" is a span
        let tokens = i..<(i + 2)
        guard let anchor else { return Match(tokens: tokens, value: .relativeWithoutAnchor) }
        let step: Int
        switch mod {
        case .last, .past: step = -1
        case .next, .coming: step = 1
        case .this: step = 0
        }
        switch unit {
        case .week: return Match(tokens: tokens, value: .week(anchor.adding(days: 7 * step)))
        case .month:
            let c = anchor.components
            let shifted = CivilDay.shift(year: c.year, month: c.month, by: step)
            return Match(tokens: tokens, value: .month(year: shifted.year, month: shifted.month))
        case .year: return Match(tokens: tokens, value: .year(anchor.components.year + step))
        case .weekend: return Match(tokens: tokens, value: .weekend(saturday: weekendSaturday(anchor, step: step)))
        case .day: return nil
        }
    }

    /// The Saturday of the weekend "last" (step -1), "this" (0) or "next" (1) names.
    private func weekendSaturday(_ anchor: CivilDay, step: Int) -> CivilDay {
        let thisSaturday = anchor.adding(days: 6 - anchor.isoWeekday)  // the Saturday of the anchor's ISO week
        return thisSaturday.adding(days: 7 * step)
    }

    /// "over the weekend", "during the weekend": the weekend before the publication date (the
    /// current one when published on a Saturday or Sunday), or the coming one in a future clause.
    private func theWeekend(_ i: Int) -> Match? {
        guard text.token(i, is: "the"), text.token(i + 1, is: "weekend"),
              text.token(i - 1, is: "over") || text.token(i - 1, is: "during") || text.token(i - 1, is: "on")
                || text.token(i - 1, is: "at") || text.token(i - 1, is: "by") else { return nil }
        let tokens = i..<(i + 2)
        guard let anchor else { return Match(tokens: tokens, value: .relativeWithoutAnchor) }
        let future = isFutureClause(around: i)
        let step = future || anchor.isoWeekday >= 6 ? 0 : -1
        return Match(tokens: tokens, value: .weekend(saturday: weekendSaturday(anchor, step: step)))
    }

    /// "two days ago", "a year ago", "3 weeks ago".
    private func unitsAgo(_ i: Int) -> Match? {
        let count: Int
        if let number = integer(i, maxDigits: 3) {
            count = number.value
        } else if text.isWord(i), let word = TimeLexicon.numberWords.value(text.bytes, text.tokens[i].range) {
            count = word
        } else {
            return nil
        }
        guard text.isWord(i + 1), let unit = TimeLexicon.units.value(text.bytes, text.tokens[i + 1].range), unit != .weekend,
              text.token(i + 2, is: "ago") else { return nil }
        let tokens = i..<(i + 3)
        guard let anchor else { return Match(tokens: tokens, value: .relativeWithoutAnchor) }
        switch unit {
        case .day: return Match(tokens: tokens, value: .day(anchor.adding(days: -count)))
        case .week: return Match(tokens: tokens, value: .week(anchor.adding(days: -7 * count)))
        case .month:
            let c = anchor.components
            let shifted = CivilDay.shift(year: c.year, month: c.month, by: -count)
            return Match(tokens: tokens, value: .month(year: shifted.year, month: shifted.month))
        case .year: return Match(tokens: tokens, value: .year(anchor.components.year - count))
        case .weekend: return nil
        }
    }

    // MARK: - Context

    enum Tense { case future, past, unknown }

    /// True when the clause around token `i` speaks of the future ("will", "expects", "upcoming").
    private func isFutureClause(around i: Int) -> Bool { tense(around: i) == .future }

    /// The tense near token `i`: the nearest tense marker within eight tokens on either side, in
    /// the same sentence, decides; a comma in between counts as four more tokens. Future markers:
    /// "will", "expects", "going to"; past: a past-tense verb ("fell", "was", "imposed"; a reporting
    /// verb like "said" only after the expression, since what was said may be about the future).
    /// A marker used as a noun ("its plans") does not count.
    private func tense(around i: Int) -> Tense {
        var best: (distance: Int, tense: Tense) = (Int.max, .unknown)
        for j in max(0, i - 8)...min(text.count - 1, i + 8) where j != i && text.isWord(j) {
            guard !crossesSentence(from: i, to: j) else { continue }
            guard let found = marker(at: j, relativeTo: i) else { continue }
            let (low, high) = j < i ? (j, i) : (i, j)
            var distance = high - low
            for k in low..<high where text.isPunctuation(k, ",") || text.isPunctuation(k, ";") { distance += 4 }
            if distance < best.distance { best = (distance, found) }
        }
        return best.tense
    }

    private func marker(at j: Int, relativeTo i: Int) -> Tense? {
        if text.token(j, isOneOf: TimeLexicon.futureMarkers), !text.token(j - 1, isOneOf: TimeLexicon.determiners) { return .future }
        if text.token(j, is: "going"), text.token(j + 1, is: "to") { return .future }
        // A reporting verb after the expression dates it ("An October 11 presentation indicated");
        // before it, the expression may be what was said ("said talks begin on Friday").
        guard isPastVerb(j) || (j > i && text.token(j, isOneOf: TimeLexicon.reportingVerbs)) else { return nil }
        // "will be held", "would have been sent": a participle after an auxiliary.
        var k = j - 1
        while k > j - 4, text.token(k, is: "be") || text.token(k, is: "been") || text.token(k, is: "have") || text.token(k, is: "being") {
            k -= 1
        }
        if k < j - 1 {
            if text.token(k, isOneOf: TimeLexicon.futureMarkers) { return .future }
            if text.token(k + 1, is: "be") || text.token(k + 1, is: "being") { return nil }
        }
        return .past
    }

    /// True when a sentence ends or a line breaks between tokens `a` and `b`.
    private func crossesSentence(from a: Int, to b: Int) -> Bool {
        let (low, high) = a < b ? (a, b) : (b, a)
        for k in low..<high {
            if text.isSentenceEnd(k) || text.tokens[k + 1].gap >= .line { return true }
        }
        return false
    }

    private func isPastVerb(_ j: Int) -> Bool {
        if text.token(j, isOneOf: TimeLexicon.pastVerbs) { return true }
        if text.token(j, isOneOf: TimeLexicon.reportingVerbs) || text.isCapitalized(j) { return false }
        let r = text.tokens[j].range
        guard r.count >= 5 else { return false }
        let b = text.bytes
        // "-ed" but not "-eed" ("need", "indeed", "proceed").
        return b[r.upperBound - 1] == UInt8(ascii: "d") && b[r.upperBound - 2] == UInt8(ascii: "e")
            && b[r.upperBound - 3] != UInt8(ascii: "e")
    }

    /// A month-day without a year inside a range whose other end has one takes that year:
    /// "from January 5 to February 3, 2024".
    private func borrowRangeYears(_ matches: inout [Match]) {
        guard matches.count >= 2 else { return }
        for index in 0..<(matches.count - 1) {
            guard let md = matches[index].monthDay, let year = matches[index + 1].explicitYear else { continue }
            let gapTokens = matches[index + 1].tokens.lowerBound - matches[index].tokens.upperBound
            guard gapTokens >= 1, gapTokens <= 2 else { continue }
            let joiner = matches[index].tokens.upperBound
            guard text.token(joiner, is: "to") || text.token(joiner, is: "and") || text.token(joiner, is: "through")
                || text.token(joiner, is: "until") || text.kind(joiner) == .dash || text.kind(joiner) == .hyphen else { continue }
            if let date = CivilDay(year: year, month: md.month, day: md.day) {
                matches[index].value = .day(date)
            }
        }
    }
}
