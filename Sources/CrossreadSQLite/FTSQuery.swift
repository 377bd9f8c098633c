/// Turns what a user typed into an FTS5 query that cannot be a syntax error: every
/// whitespace-separated term becomes a quoted string (FTS5 tokenizes it into a phrase, so
/// "U.S.-Israel" matches those words in a row), a trailing `*` stays a prefix search, and
/// terms are joined by spaces, which FTS5 reads as AND.
struct FTSQuery: Equatable {
    /// The FTS5 query text; nil when the input holds no searchable term.
    let expression: String?

    init(_ raw: String) {
        var terms: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if let term = FTSQuery.quoted(current) { terms.append(term) }
            current.removeAll()
        }
        for scalar in raw.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                flush()
            } else {
                current.append(scalar)
            }
        }
        flush()
        expression = terms.isEmpty ? nil : terms.joined(separator: " ")
    }

    /// `"term"` or `"term"*`; nil when the term holds no character the tokenizer keeps.
    private static func quoted(_ term: String.UnicodeScalarView) -> String? {
        var scalars = Array(term)
        // Closing punctuation after a star ("econ*," or "econ*)") does not cancel the prefix.
        while let last = scalars.last, last != "*", !isTokenCharacter(last) { scalars.removeLast() }
        var prefix = false
        while scalars.last == "*" {
            prefix = true
            scalars.removeLast()
        }
        guard scalars.contains(where: isTokenCharacter) else { return nil }
        var out = "\""
        for scalar in scalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        out += "\""
        if prefix { out += "*" }
        return out
    }

    /// Characters the `unicode61` tokenizer keeps in tokens: letters, numbers, private use.
    private static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }
}
