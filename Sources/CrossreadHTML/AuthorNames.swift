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
        for separator in [" | ", " · ", " • ", " — ", " – ", " -- "] {
            if let range = text.range(of: separator) { text = String(text[..<range.lowerBound]) }
        }
        text = stripPrefix(text)
        // Parenthesized agencies and roles: "Jane Doe (AP)".
        text = removeParentheses(text)
        var names: [String] = []
        for part in split(text) {
            var name = stripPrefix(part.trimmingSpaces)
            name = name.trimmingCharacters(in: CharacterSet(charactersIn: " .,:;-–—/|*•·@\"'“”"))
            name = dropTrailingRoles(name)
            guard isName(name, trusted: trusted) else { continue }
            if !names.contains(where: { $0.lowercased() == name.lowercased() }) { names.append(name) }
        }
        return names
    }

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
        "een artikel van ", "veröffentlicht von ", "veröffentlicht von", "erstellt von ", "publié par ",
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
        var parts = [text]
        for separator in [";", ",", " & ", " and ", " und ", " et ", " y ", " e ", " i ", " en ", " og ", " och ", " / ",
                          " AND ", " with "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts
    }

    /// "Jane Doe Chefredakteur" without the role.
    private static func dropTrailingRoles(_ name: String) -> String {
        var words = name.split(separator: " ")
        while words.count > 1, let last = words.last, trailingRoles.contains(last.lowercased()) { words.removeLast() }
        return words.joined(separator: " ")
    }

    private static let trailingRoles: Set<String> = [
        "chefredakteur", "chefredakteurin", "redakteur", "redakteurin", "autor", "autorin", "journalist",
        "journalistin", "reporter", "editor", "correspondent", "contributor", "columnist", "writer", "staff", "author",
        "volontär", "volontärin", "korrespondent", "korrespondentin", "fotograf", "fotografin",
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
        "by", "von", "por", "par", "door", "de", "und", "and",
        "reuters", "ap", "afp", "dpa", "apa", "sda", "ans", "associated", "press", "agency", "agencies",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    private static let rejectedPhrases = ["email the author", "all posts", "see all", "view all", "more by",
                                          "read more", "author page", "about the author", "follow on"]
}
