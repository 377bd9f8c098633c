extension Document {
    /// Words in the clean text: runs of characters between Unicode whitespace (spaces, tabs,
    /// line breaks, no-break and typographic spaces). Listings show it; every store computes it so.
    public var wordCount: Int { Document.wordCount(of: text) }

    /// Counts whitespace-separated words; ASCII is decided on the byte, other scalars by their
    /// Unicode White_Space property.
    public static func wordCount(of text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isSpace: Bool
            if scalar.value < 0x80 {
                isSpace = scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)
            } else {
                isSpace = scalar.properties.isWhitespace
            }
            if isSpace {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }
}
