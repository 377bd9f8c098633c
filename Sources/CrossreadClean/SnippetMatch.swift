/// Whitespace-normalized snippet matching, as the trafilatura evaluation does it.
public enum SnippetMatch {
    /// Collapses every run of whitespace to one space and trims the ends.
    public static func normalize(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// True when a line holds the snippet, or the line (at least 20 bytes) lies inside it.
    static func overlaps(line: String, snippet: String) -> Bool {
        if line.contains(snippet) { return true }
        return line.utf8.count >= 20 && snippet.contains(line)
    }
}
