/// One non-blank line of the input: the unit the cleaner classifies. Ranges are UTF-8 byte
/// offsets into the input, with surrounding spaces trimmed.
struct TextLine: Sendable {
    /// The whole trimmed line.
    var start: Int
    var end: Int
    /// Where the text starts after a list bullet ("* ", "+ ", "o ", "- ", "• "); `start` when none.
    var contentStart: Int
    var bullet: Bool
    /// A numbered item ("1. ", "2) ").
    var numbered: Bool
    /// Index of the run of consecutive non-blank lines (a raw paragraph) it belongs to.
    var group: Int
    var blankBefore: Bool
    var blankAfter: Bool

    var length: Int { end - start }
}
