import Foundation

/// Turns raw author strings (meta values, JSON-LD names, visible bylines) into clean person names:
/// strips "By", roles, e-mail and links, splits "A and B", rejects "Email the author".
enum AuthorNames {
    /// `trusted` sources (meta tags, JSON-LD, rel=author) may give lowercase user names.
    static func clean(_ raw: String, trusted: Bool = false) -> [String] {
        guard raw.utf8.count < 600 else { return [] }
        var names: [String] = []
        for line in raw.split(whereSeparator: \.isNewline) {
            for name in cleanLine(String(line), trusted: trusted)
            where !names.contains(where: { $0.lowercased() == name.lowercased() }) {
                names.append(name)
            }
        }
        return names
    }

    private static func cleanLine(_ raw: String, trusted: Bool) -> [String] {
        var text = HTMLEntities.decode(raw).collapsingSpaces
        guard !text.isEmpty, text.utf8.count < 400 else { return [] }
        // Cut what follows a bar, a newline-like separator or a dateline.
        text = text.prefixBeforeASCII(anyOf: cutSeparators)
        text = stripPrefix(text)
        // Parenthesized agencies and roles: "Jane Doe (AP)".
        text = removeParentheses(text)
        text = cutAtDate(text)
        var names: [String] = []
        var previousWasName = false
        for part in split(text) {
            // Post-nominal letters belong to the name before them: "Jane Doe, MD, MPH".
            let trimmed = part.trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
            if previousWasName, let last = names.indices.last, isCredential(trimmed) {
                names[last] += ", " + trimmed
                continue
            }
            var name = stripPrefix(part.trimmingSpaces)
            name = name.trimmingCharacters(in: CharacterSet(charactersIn: " .,:;-–—/|*•·@\"'“”"))
            name = dropTrailingRoles(name)
            previousWasName = false
            guard isName(name, trusted: trusted) else { continue }
            if !names.contains(where: { $0.lowercased() == name.lowercased() }) {
                names.append(name)
                previousWasName = true
            }
        }
        return names
    }

    /// A team, desk or organization credited as the author ("Camphouse Team", "Redaktion"), for
    /// pages that name no person; never "Staff", a link or an e-mail address.
    static func collective(_ raw: String) -> String? {
        var text = stripPrefix(HTMLEntities.decode(raw).collapsingSpaces).prefixBeforeASCII(anyOf: cutSeparators)
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: " .,:;-–—/|*•·\"'“”"))
        guard text.count >= 2, text.count <= 60, text.split(separator: " ").count <= 6 else { return nil }
        let lower = text.lowercased()
        if lower.containsASCII("@") || lower.containsASCII("http") || lower.containsASCII("www.") || lower.containsASCII("/") {
            return nil
        }
        for word in lower.split(separator: " ") where collectiveRejectedWords.contains(String(word)) { return nil }
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first.properties.numericType != nil else {
            return nil
        }
        return text
    }

    private static let collectiveRejectedWords: Set<String> = [
        "staff", "admin", "administrator", "unknown", "anonymous", "guest", "user", "null", "none", "undefined",
    ]

    /// Cuts a byline at its date: "Jane Doe December 2, 2025", "Jane Doe on 3 March 2024".
    private static func cutAtDate(_ text: String) -> String {
        let words = text.split(separator: " ")
        guard words.count > 2 else { return text }
        for index in 2..<words.count {
            let word = words[index]
            let startsWithDigit = word.first.map { $0.isASCII && $0.isNumber } ?? false
            let key = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,"))
            let isMonth = monthNames.contains(key) && index + 1 < words.count
                && (words[index + 1].first.map { $0.isASCII && $0.isNumber } ?? false)
            guard startsWithDigit || isMonth else { continue }
            var kept = Array(words[..<index])
            while kept.count > 1, let last = kept.last, dateConnectors.contains(last.lowercased()) { kept.removeLast() }
            return kept.joined(separator: " ")
        }
        return text
    }

    private static let monthNames: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "januar", "februar", "märz", "juni", "juli", "oktober", "dezember", "janvier", "février", "mars", "avril",
        "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "enero", "febrero",
        "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ]

    private static let dateConnectors: Set<String> = [
        "on", "am", "le", "el", "the", "updated", "published", "posted", "|", "-", "–", "—", "·", "•", "de", "del",
        "le,", "on,",
    ]

    /// Post-nominal letters: degrees, licences, fellowships ("MD", "Ph.D.", "RD", "CFP").
    private static func isCredential(_ part: String) -> Bool {
        let key = part.lowercased().filter { $0 != "." && $0 != " " }
        return credentials.contains(key)
    }

    private static let credentials: Set<String> = [
        "md", "do", "phd", "ms", "msc", "ma", "mba", "mph", "mfa", "bsc", "rd", "rdn", "ld", "ldn", "cde", "cdces",
        "rn", "bsn", "msn", "np", "fnp", "pa-c", "dvm", "vmd", "dds", "dmd", "cfp", "cfa", "cpa", "cpp", "psp",
        "jd", "esq", "fand", "facp", "facs", "faclm", "dacvb", "lvt", "vts", "cscs", "lcsw", "lpc", "psyd", "edd",
        "frcp", "mbbs", "od", "pharmd", "cns", "e-ryt", "e-ryt200", "e-ryt500", "ryt", "ibclc", "cpt", "dpt",
        "faap", "facog", "mrcp", "frcs", "ccc-slp", "otr", "lmft", "lmhc", "acsm", "nasm", "cissp", "pmp",
    ]

    private static let cutSeparators: [StaticString] = [" | ", " · ", " • ", " — ", " – ", " -- "]

    private static func stripPrefix(_ text: String) -> String {
        var result = text
        var changed = true
        while changed {
            changed = false
            let lower = result.lowercased()
            for prefix in prefixes where lower.hasPrefix(prefix) {
                result = String(result.dropFirst(prefix.count)).trimmingSpaces
                changed = true
                break
            }
        }
        return result
    }

    private static let prefixes = [
        "by:", "by ", "von:", "von ", "par:", "par ", "por:", "por ", "door ", "written by ", "posted by ",
        "reported by ", "story by ", "text by ", "words by ", "text:", "text ", "autor:", "autorin:", "autor ",
        "autorin ", "author:", "author ", "authors:", "redaktion:", "verfasst von ", "geschrieben von ",
        "een artikel van ", "written by:", "posted by:", "authored by:", "authored by ", "reviewed by:", "reviewed by ", "veröffentlicht von ", "veröffentlicht von", "erstellt von ", "publié par ",
        "publicado por ", "责任编辑：", "作者：",
    ]

    private static func removeParentheses(_ text: String) -> String {
        var out = ""
        var depth = 0
        for character in text {
            if character == "(" || character == "[" { depth += 1; continue }
            if character == ")" || character == "]" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(character) }
        }
        return out.collapsingSpaces
    }

    /// Splits on ",", ";", "&", "/" and the word "and" in several languages.
    private static func split(_ text: String) -> [String] {
        var parts: [String] = []
        var rest = text
        while let offset = rest.firstOffsetOfASCII(anyOf: nameSeparators) {
            let utf8 = rest.utf8
            parts.append(String(decoding: utf8.prefix(offset), as: UTF8.self))
            let after = utf8.dropFirst(offset)
            let length = nameSeparators.first { after.starts(with: UnsafeBufferPointer(start: $0.utf8Start, count: $0.utf8CodeUnitCount)) }?
                .utf8CodeUnitCount ?? 1
            rest = String(decoding: after.dropFirst(length), as: UTF8.self)
        }
        parts.append(rest)
        return parts
    }

    private static let nameSeparators: [StaticString] = [";", ",", " & ", " and ", " und ", " et ", " y ", " e ", " i ",
                                                         " en ", " og ", " och ", " / ", " AND ", " with "]

    /// "Jane Doe Chefredakteur" without the role.
    private static func dropTrailingRoles(_ name: String) -> String {
        var words = name.split(separator: " ")
        while words.count > 1, let last = words.last, trailingRoles.contains(last.lowercased()) { words.removeLast() }
        return words.joined(separator: " ")
    }

    private static let trailingRoles: Set<String> = [
        "chefredakteur", "chefredakteurin", "redakteur", "redakteurin", "autor", "autorin", "journalist",
        "journalistin", "reporter", "editor", "correspondent", "contributor", "columnist", "writer", "staff", "author",
        "volontär", "volontärin", "korrespondent", "korrespondentin", "fotograf", "fotografin", "sponsored",
    ]

    /// A person's name: 1 to 5 words, capitalized, no digits, links, e-mail or role words.
    static func isName(_ name: String, trusted: Bool = false) -> Bool {
        guard name.count >= 3, name.count <= 60 else { return false }
        if name.containsASCII("@") || name.containsASCII("http") || name.containsASCII("www.") || name.containsASCII("/")
            || name.contains(where: \.isNumber) { return false }
        let words = name.split(separator: " ")
        // "jane.doe", "example.com": a handle or a domain, not a name ("T. V. Raman" keeps its initials).
        if words.contains(where: { word in word.dropLast().contains(".") && !word.hasSuffix(".") }) { return false }
        guard (1...5).contains(words.count) else { return false }
        let lower = name.lowercased()
        for word in words {
            let lower = word.lowercased()
            if rejectedWords.contains(lower) || trailingRoles.contains(lower) { return false }
        }
        for phrase in rejectedPhrases where lower.contains(phrase) { return false }
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        // Latin names start with a capital; other scripts have no case. Trusted sources (meta tags,
        // JSON-LD) may give a user name or a name typed in lower case.
        if first.properties.isLowercase && !trusted { return false }
        // An agency code alone ("CNN", "AP") is no person.
        if words.count == 1, name.count <= 4, name.uppercased() == name { return false }
        return true
    }

    private static let rejectedWords: Set<String> = [
        "staff", "editor", "editors", "reporter", "correspondent", "writer", "contributor", "columnist",
        "editorial", "team", "desk", "admin", "administrator", "newsroom", "redaktion", "home", "follow",
        "email", "e-mail", "mail", "twitter", "facebook", "contact", "view", "posts", "articles", "more",
        "share", "subscribe", "updated", "published", "am", "um", "min", "read", "comments", "comment",
        "photo", "photos", "image", "video", "getty", "images", "shutterstock", "the", "der", "die", "das",
        "unknown", "anonymous", "guest", "profile", "bio", "about", "latest", "news", "opinion",
        // Job titles after a comma: "Jane Doe, Content Marketing Coordinator".
        "coordinator", "director", "manager", "founder", "co-founder", "cofounder", "consultant", "expert",
        "specialist", "officer", "ceo", "cto", "cmo", "president", "marketing", "enthusiast", "reviewer",
        "certified", "former", "senior", "chief", "strategist", "marketer", "journalism", "insights",
        // Links to an author's page that are no name: "View all posts", "Zur Artikelübersicht".
        "all", "alle", "zur", "zum", "artikel", "beiträge", "übersicht", "artikelübersicht", "overview", "mehr", "weitere",
        "by", "von", "por", "par", "door", "de", "und", "and",
        "reuters", "ap", "afp", "dpa", "apa", "sda", "ans", "associated", "press", "agency", "agencies",
        "january", "february", "march", "july", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    private static let rejectedPhrases = ["email the author", "all posts", "see all", "view all", "more by",
                                          "read more", "author page", "about the author", "follow on"]
}
