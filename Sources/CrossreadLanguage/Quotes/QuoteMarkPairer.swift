/// Pairs double quote marks (curly, straight, low, guillemets) into quoted spans, paragraph by
/// paragraph, so one stray mark never derails the rest of a document.
///
/// 1. Each mark gets the roles its glyph and its neighbours allow: “ opens, ” closes, and a
///    straight " opens after a space and closes before one; a curly mark set the wrong way round
///    (“ touching the word before it and followed by a space) is read by its context.
/// 2. Within a paragraph a stack of depth one pairs them: an opener while a quote is open restarts
///    the quote there (the earlier mark was stray), unless it was typed for a closer (after the
///    quote's last comma or period, with nothing after it that could close); a closer with nothing
///    open is ignored.
/// 3. A quote still open at a paragraph's end continues when the next paragraph opens with a quote
///    mark (the news convention for multi-paragraph quotes); otherwise it is dropped as unbalanced.
///    A single line break (hard-wrapped text, one sentence a line) does not end a quote: it stays
///    open over up to `maxOpenLines` line breaks to its closing mark, unless the next line opens
///    with a quote mark.
struct QuoteMarkPairer {
    /// A paired quote: token indices of its marks and the byte range of the words between them.
    struct Span {
        var openMark: Int
        /// Nil when the quote runs to the paragraph's end and continues in the next paragraph.
        var closeMark: Int?
        /// The quoted words without the marks, trimmed of spaces and of a final comma or colon.
        var content: Range<Int>
        /// Token indices of the words inside.
        var inner: Range<Int>
        /// The paragraph (or line) holding the closing mark, or the last one the quote runs to.
        var paragraph: Int
        /// The paragraph (or line) holding the opening mark: earlier than `paragraph` when the quote
        /// runs over line breaks.
        var firstParagraph: Int
        var continuesInNextParagraph: Bool { closeMark == nil }
    }

    enum Glyph { case opening, closing, ambiguous }

    let text: FinderText

    /// How many single line breaks a quote may run over before it counts as unbalanced.
    static let maxOpenLines = 6

    /// The glyph of a double quote mark token, or nil for single quotes and apostrophes.
    func glyph(_ i: Int) -> Glyph? {
        guard text.kind(i) == .quote else { return nil }
        let r = text.tokens[i].range
        let b = text.bytes
        switch r.count {
        case 1: return b[r.lowerBound] == UInt8(ascii: "\"") ? .ambiguous : nil
        case 2:
            guard b[r.lowerBound] == 0xC2 else { return nil }
            return b[r.lowerBound + 1] == 0xAB ? .opening : (b[r.lowerBound + 1] == 0xBB ? .closing : nil)
        case 3:
            guard b[r.lowerBound] == 0xE2, b[r.lowerBound + 1] == 0x80 else { return nil }
            switch b[r.lowerBound + 2] {
            case 0x9C, 0x9E: return .opening
            case 0x9D: return .closing
            case 0x9F: return .ambiguous
            default: return nil
            }
        default: return nil
        }
    }

    func pairs() -> [Span] {
        var spans: [Span] = []
        var paragraph = 0
        var open: Int? = nil
        var openParagraph = 0
        var openLines = 0
        let n = text.count
        var i = 0
        while i < n {
            if i > 0, text.tokens[i].gap >= .line {
                if let o = open {
                    let opensLine = glyph(i) != nil && canOpen(i)
                    if !opensLine, text.tokens[i].gap == .line, openLines < Self.maxOpenLines {
                        // "“I'm not going to express outrage.⏎The jury has spoken.”": one quote over lines.
                        openLines += 1
                    } else {
                        // A paragraph opening with a quote mark continues a quote left open.
                        if opensLine, let span = span(open: o, close: nil, end: i, paragraphs: openParagraph...paragraph) {
                            spans.append(span)
                        }
                        open = nil
                    }
                }
                paragraph += 1
            }
            if let g = glyph(i) {
                let opens = canOpen(i, g)
                let closes = canClose(i, g) || (open != nil && closesTypedWrongly(i, g))
                if let o = open {
                    if closes {
                        if let span = span(open: o, close: i, end: i, paragraphs: openParagraph...paragraph) { spans.append(span) }
                        open = nil
                    } else if opens {
                        open = i
                        openParagraph = paragraph
                        openLines = 0
                    }
                } else if opens {
                    open = i
                    openParagraph = paragraph
                    openLines = 0
                }
            }
            i += 1
        }
        return spans
    }

    private func canOpen(_ i: Int) -> Bool {
        guard let g = glyph(i) else { return false }
        return canOpen(i, g)
    }

    private func canOpen(_ i: Int, _ g: Glyph) -> Bool {
        switch g {
        case .opening: return true
        case .closing: return openingContext(i) && !closingContext(i)
        case .ambiguous: return openingContext(i) || !closingContext(i)
        }
    }

    private func canClose(_ i: Int, _ g: Glyph) -> Bool {
        switch g {
        case .opening: return closingContext(i) && !openingContext(i)
        case .closing: return true
        case .ambiguous: return closingContext(i) || !openingContext(i)
        }
    }

    /// Space or an opening bracket or dash before, a word touching after.
    private func openingContext(_ i: Int) -> Bool {
        let before = i == 0 || text.tokens[i].gap != .none || text.isPunctuation(i - 1, "(")
            || text.isPunctuation(i - 1, "[") || text.kind(i - 1) == .dash
        let after = i + 1 < text.count && text.tokens[i + 1].gap == .none && text.kind(i + 1) != .punctuation
        return before && after
    }

    /// A word or punctuation touching before, a space, punctuation or the end after.
    private func closingContext(_ i: Int) -> Bool {
        let before = i > 0 && text.tokens[i].gap == .none
        let after = i + 1 >= text.count || text.tokens[i + 1].gap != .none || text.kind(i + 1) == .punctuation
            || text.kind(i + 1) == .dash || text.kind(i + 1) == .quote
        return before && after
    }

    /// An opening mark typed where a closing one belongs: “I made the decision, “said Stefanski.”
    /// It follows the open quote's final comma or sentence punctuation after a space, and no mark
    /// after it in its paragraph could close a quote it opened.
    private func closesTypedWrongly(_ i: Int, _ g: Glyph) -> Bool {
        guard g == .opening, i > 1, text.tokens[i].gap == .space, text.kind(i - 1) == .punctuation,
              text.isPunctuation(i - 1, ",") || text.isSentenceEnd(i - 1), text.kind(i - 2) != .quote else { return false }
        var j = i + 1
        var steps = 0
        while j < text.count, steps < 200, text.tokens[j].gap != .paragraph {
            if let next = glyph(j) {
                // The next line opens with a quote mark: nothing closes this one before it.
                if text.tokens[j].gap == .line, canOpen(j, next) { return true }
                return !canClose(j, next)
            }
            j += 1
            steps += 1
        }
        return true
    }

    /// The span between an opening mark and a closing one (or the paragraph end at token `end`).
    private func span(open: Int, close: Int?, end: Int, paragraphs: ClosedRange<Int>) -> Span? {
        let inner = (open + 1)..<end
        guard !inner.isEmpty else { return nil }
        var last = inner.upperBound - 1
        while last >= inner.lowerBound, text.isPunctuation(last, ",") || text.isPunctuation(last, ":")
            || text.isPunctuation(last, ";") {
            last -= 1
        }
        guard last >= inner.lowerBound else { return nil }
        let content = text.tokens[inner.lowerBound].range.lowerBound..<text.tokens[last].range.upperBound
        return Span(openMark: open, closeMark: close, content: content, inner: inner.lowerBound..<(last + 1),
                    paragraph: paragraphs.upperBound, firstParagraph: paragraphs.lowerBound)
    }
}
