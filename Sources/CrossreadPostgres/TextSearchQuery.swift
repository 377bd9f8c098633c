/// Turns what a user typed into `to_tsquery` input that cannot be a syntax error: every
/// whitespace-separated term becomes a quoted lexeme string (PostgreSQL's parser splits it, so
/// "U.S.-Israel" becomes the phrase 'u.s' <-> 'israel'), a trailing `*` becomes a `:*` prefix
/// match, and terms are joined by `&`, so every word is required. Raw input never reaches SQL.
struct TextSearchQuery: Equatable {
    /// The `to_tsquery` text; nil when the input holds no searchable term.
    let expression: String?

    init(_ raw: String) {
        var terms: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if let term = TextSearchQuery.quoted(current) { terms.append(term) }
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
        expression = terms.isEmpty ? nil : terms.joined(separator: " & ")
    }

    /// `'term'` or `'term':*`; nil when the term holds no letter or digit.
    private static func quoted(_ term: String.UnicodeScalarView) -> String? {
        var scalars = Array(term)
        // Closing punctuation after a star ("econ*," or "econ*)") does not cancel the prefix.
        while let last = scalars.last, last != "*", !isWordCharacter(last) { scalars.removeLast() }
        var prefix = false
        while scalars.last == "*" {
            prefix = true
            scalars.removeLast()
        }
        guard scalars.contains(where: isWordCharacter) else { return nil }
        // Inside a quoted tsquery lexeme a quote is doubled and a backslash escapes the next character.
        var out = "'"
        for scalar in scalars {
            switch scalar {
            case "'": out += "''"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "'"
        if prefix { out += ":*" }
        return out
    }

    /// Letters and digits: what PostgreSQL's default parser can turn into a lexeme.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
