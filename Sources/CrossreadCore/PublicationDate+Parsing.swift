extension PublicationDate {
    /// Parses the date forms articles, feeds and meta tags use: ISO 8601 (`2024-11-11T12:13:00Z`),
    /// RFC 822 (`Mon, 11 Nov 2024 12:13:00 +0000`), written dates in English and German
    /// (`November 11, 2024`, `Nov. 11, 2024 12:13 PM`, `11. November 2024`), and `11.11.2024`.
    /// Returns nil when the string holds no complete, valid date.
    public static func parse(_ string: String) -> PublicationDate? {
        let tokens = DateTokenizer.tokens(of: string)
        guard !tokens.isEmpty else { return nil }
        if let iso = parseISO(tokens) { return iso }
        return parseWritten(tokens)
    }

    // yyyy-mm-dd[(T| )hh:mm[:ss[.fff]]][Z|±hh[:]mm]
    private static func parseISO(_ tokens: [DateToken]) -> PublicationDate? {
        guard tokens.count >= 5, case .number(let y, let yDigits) = tokens[0], yDigits == 4,
              tokens[1] == .punct("-") || tokens[1] == .punct("/"),
              case .number(let m, _) = tokens[2], tokens[3] == tokens[1],
              case .number(let d, let dDigits) = tokens[4], dDigits <= 2 else { return nil }
        var index = 5
        if index < tokens.count, tokens[index] == .word("t") { index += 1 }
        let time = parseTime(tokens, from: &index)
        return PublicationDate(year: y, month: m, day: d, hour: time?.hour, minute: time?.minute,
                               second: time?.second, utcOffsetMinutes: time?.offset)
    }

    private static func parseWritten(_ tokens: [DateToken]) -> PublicationDate? {
        // Find the first month name, or a d.m.yyyy triple.
        for start in tokens.indices {
            if case .word(let w) = tokens[start], let month = monthNumber(w) {
                if let date = writtenDate(tokens, monthAt: start, month: month) { return date }
            }
            if case .number(let d, let dd) = tokens[start], dd <= 2, start + 4 < tokens.count,
               tokens[start + 1] == .punct("."), case .number(let m, let md) = tokens[start + 2], md <= 2,
               tokens[start + 3] == .punct("."), case .number(let y, 4) = tokens[start + 4] {
                var index = start + 5
                let time = parseTime(tokens, from: &index)
                if let date = PublicationDate(year: y, month: m, day: d, hour: time?.hour,
                                              minute: time?.minute, second: time?.second,
                                              utcOffsetMinutes: time?.offset) { return date }
            }
        }
        return nil
    }

    private static func writtenDate(_ tokens: [DateToken], monthAt m: Int, month: Int) -> PublicationDate? {
        // "November 11, 2024" / "Nov. 11 2024"
        var index = m + 1
        if index < tokens.count, tokens[index] == .punct(".") { index += 1 }
        if index < tokens.count, case .number(let d, let dd) = tokens[index], dd <= 2 {
            var j = index + 1
            if j < tokens.count, case .word(let suffix) = tokens[j], ["st", "nd", "rd", "th"].contains(suffix) { j += 1 }
            if j < tokens.count, tokens[j] == .punct(",") { j += 1 }
            if j < tokens.count, case .number(let y, 4) = tokens[j] {
                var after = j + 1
                let time = parseTime(tokens, from: &after)
                return PublicationDate(year: y, month: month, day: d, hour: time?.hour, minute: time?.minute,
                                       second: time?.second, utcOffsetMinutes: time?.offset)
            }
        }
        // "11 November 2024" / "11. November 2024" / "Mon, 11 Nov 2024 12:13:00 +0000"
        var before = m - 1
        if before >= 0, tokens[before] == .punct(".") { before -= 1 }
        if before >= 0, case .word(let suffix) = tokens[before], ["st", "nd", "rd", "th"].contains(suffix) { before -= 1 }
        if before >= 0, case .number(let d, let dd) = tokens[before], dd <= 2 {
            var j = m + 1
            if j < tokens.count, tokens[j] == .punct(".") || tokens[j] == .punct(",") { j += 1 }
            if j < tokens.count, case .number(let y, 4) = tokens[j] {
                var after = j + 1
                let time = parseTime(tokens, from: &after)
                return PublicationDate(year: y, month: month, day: d, hour: time?.hour, minute: time?.minute,
                                       second: time?.second, utcOffsetMinutes: time?.offset)
            }
        }
        return nil
    }

    private struct TimeOfDay { var hour: Int; var minute: Int; var second: Int?; var offset: Int? }

    /// hh:mm[:ss[.fff]] [am|pm] [Z|UTC|GMT|EST...|±hh[:]mm], skipping "at", "-", "|" and "," before it.
    private static func parseTime(_ tokens: [DateToken], from index: inout Int) -> TimeOfDay? {
        var i = index
        while i < tokens.count, isTimeFiller(tokens[i]) { i += 1 }
        guard i + 2 < tokens.count, case .number(var hour, let hd) = tokens[i], hd <= 2,
              tokens[i + 1] == .punct(":"), case .number(let minute, 2) = tokens[i + 2] else { return nil }
        i += 3
        var second: Int?
        if i + 1 < tokens.count, tokens[i] == .punct(":"), case .number(let s, 2) = tokens[i + 1] {
            second = s
            i += 2
            if i + 1 < tokens.count, tokens[i] == .punct("."), case .number = tokens[i + 1] { i += 2 }
        }
        if i < tokens.count, case .word(let w) = tokens[i], w == "am" || w == "pm" || w == "a" || w == "p" {
            guard (1...12).contains(hour) else { return nil }
            if w.hasPrefix("p"), hour != 12 { hour += 12 }
            if w.hasPrefix("a"), hour == 12 { hour = 0 }
            i += 1
            if w.count == 1, i + 1 < tokens.count, tokens[i] == .punct("."), tokens[i + 1] == .word("m") { i += 2 }
            if i < tokens.count, tokens[i] == .punct(".") { i += 1 }
        }
        var offset: Int?
        if i < tokens.count {
            switch tokens[i] {
            case .word(let zone):
                if let known = zoneOffsets[zone] {
                    offset = known
                    i += 1
                    if (zone == "utc" || zone == "gmt"), let extra = parseOffset(tokens, at: &i) { offset = extra }
                }
            case .punct("+"), .punct("-"), .punct("−"):
                offset = parseOffset(tokens, at: &i)
            default: break
            }
        }
        index = i
        return TimeOfDay(hour: hour, minute: minute, second: second, offset: offset)
    }

    private static func isTimeFiller(_ token: DateToken) -> Bool {
        switch token {
        case .word("at"), .word("um"), .word("t"), .word("à"), .punct(","), .punct("-"), .punct("|"),
             .punct("/"), .punct("–"), .punct("·"): return true
        default: return false
        }
    }

    private static func parseOffset(_ tokens: [DateToken], at i: inout Int) -> Int? {
        guard i + 1 < tokens.count, case .punct(let sign) = tokens[i], sign == "+" || sign == "-" || sign == "−",
              case .number(let value, let digits) = tokens[i + 1] else { return nil }
        var minutes: Int
        var next = i + 2
        if digits == 4 {
            minutes = (value / 100) * 60 + value % 100
        } else if digits <= 2 {
            minutes = value * 60
            if next + 1 < tokens.count, tokens[next] == .punct(":"), case .number(let mm, 2) = tokens[next + 1] {
                minutes += mm
                next += 2
            }
        } else {
            return nil
        }
        guard minutes <= 14 * 60 else { return nil }
        i = next
        return sign == "+" ? minutes : -minutes
    }

    private static let zoneOffsets: [String: Int] = [
        "z": 0, "utc": 0, "gmt": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
        "mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "cet": 60, "cest": 120, "mez": 60,
        "mesz": 120, "bst": 60, "ist": 330, "jst": 540, "aest": 600,
    ]

    /// Month number for an English, German, French or Spanish month name or abbreviation (lowercased).
    static func monthNumber(_ word: String) -> Int? { monthNames[word] }

    private static let monthNames: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [[String]] = [
            ["january", "jan", "januar", "jänner", "janvier", "enero", "stycznia"],
            ["february", "feb", "februar", "février", "febrero", "lutego"],
            ["march", "mar", "märz", "maerz", "mars", "marzo", "marca"],
            ["april", "apr", "avril", "abril", "kwietnia"],
            ["may", "mai", "mayo", "maja"],
            ["june", "jun", "juni", "juin", "junio", "czerwca"],
            ["july", "jul", "juli", "juillet", "julio", "lipca"],
            ["august", "aug", "août", "agosto", "sierpnia"],
            ["september", "sep", "sept", "septembre", "septiembre", "września"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre", "października"],
            ["november", "nov", "novembre", "noviembre", "listopada"],
            ["december", "dec", "dezember", "dez", "décembre", "diciembre", "grudnia"],
        ]
        for (index, group) in names.enumerated() { for name in group { table[name] = index + 1 } }
        return table
    }()
}

enum DateToken: Equatable {
    case number(Int, digits: Int)
    case word(String)
    case punct(Character)
}

enum DateTokenizer {
    /// Splits a date string into numbers, lowercased words and single punctuation marks.
    static func tokens(of string: String) -> [DateToken] {
        if let tokens = asciiTokens(of: string) { return tokens }
        var tokens: [DateToken] = []
        var current = ""
        var currentIsDigits = false
        func flush() {
            guard !current.isEmpty else { return }
            if currentIsDigits {
                if current.count <= 9, let value = Int(current) { tokens.append(.number(value, digits: current.count)) }
            } else {
                tokens.append(.word(current.lowercased()))
            }
            current = ""
        }
        for character in string.prefix(200) {
            if character.isASCII, character.isNumber {
                if !currentIsDigits { flush() }
                currentIsDigits = true
                current.append(character)
            } else if character.isLetter {
                if currentIsDigits { flush() }
                currentIsDigits = false
                current.append(character)
            } else {
                flush()
                if !character.isWhitespace { tokens.append(.punct(character)) }
            }
        }
        flush()
        return tokens
    }

    /// The same on bytes when the first 200 characters are ASCII (nearly every date a page gives);
    /// nil otherwise.
    private static func asciiTokens(of string: String) -> [DateToken]? {
        var copy = string
        return copy.withUTF8 { bytes -> [DateToken]? in
            // The first 200 characters ("\r\n" is one).
            var limit = 0, characters = 0
            while limit < bytes.count && characters < 200 {
                guard bytes[limit] < 128 else { return nil }
                limit += bytes[limit] == 13 && limit + 1 < bytes.count && bytes[limit + 1] == 10 ? 2 : 1
                characters += 1
            }
            for index in limit..<min(bytes.count, limit + 4) where bytes[index] >= 128 { return nil }
            func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
            func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
            var tokens: [DateToken] = []
            var index = 0
            while index < limit {
                let byte = bytes[index]
                let start = index
                if isDigit(byte) {
                    var value = 0
                    while index < limit && isDigit(bytes[index]) {
                        if index - start < 9 { value = value * 10 + Int(bytes[index] - 48) }
                        index += 1
                    }
                    if index - start <= 9 { tokens.append(.number(value, digits: index - start)) }
                } else if isLetter(byte) {
                    while index < limit && isLetter(bytes[index]) { index += 1 }
                    tokens.append(.word(String(unsafeUninitializedCapacity: index - start) { buffer in
                        for offset in 0..<(index - start) { buffer[offset] = bytes[start + offset] | 0x20 }
                        return index - start
                    }))
                } else {
                    index += 1
                    if byte != 32 && !(byte >= 9 && byte <= 13) { tokens.append(.punct(Character(Unicode.Scalar(byte)))) }
                }
            }
            return tokens
        }
    }
}
