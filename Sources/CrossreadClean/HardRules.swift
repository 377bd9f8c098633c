import CrossreadCore

/// Kinds a line gets from its own shape, whatever surrounds it: lexicon phrases, captions,
/// lines of symbols or bare numbers.
enum HardRules {
    static func kind(_ s: LineStats, _ line: TextLine) -> BlockKind? {
        if s.words == 0 {
            // "*", "|", "1/10", "12", "×": nothing to read.
            return s.hasDate || s.hasTime ? .dateline : .chrome
        }
        if let match = s.lexicon {
            switch match.mode {
            case .whole:
                return match.kind == .dateline && s.words > 3 && !s.hasDate ? nil : match.kind
            case .prefix:
                if let kind = prefixKind(match, s) { return kind }
            case .anywhere:
                switch match.kind {
                case .legal where s.words <= 60: return .legal
                case .readingTime where s.words <= 8: return .readingTime
                case .appeal where s.words <= 30: return .appeal
                default: break
                }
            }
        }
        if isStrongCaption(s) { return .caption }
        return nil
    }

    private static func prefixKind(_ match: ChromeLexicon.Match, _ s: LineStats) -> BlockKind? {
        switch match.kind {
        case .dateline:
            return (s.hasDate || s.hasTime || s.words <= 3) && s.words <= 14 ? .dateline : nil
        case .readingTime:
            return s.words <= 8 ? .readingTime : nil
        case .comments:
            return (match.phraseWords >= 3 && s.words <= 40) || s.words <= 4 ? .comments : nil
        case .legal:
            return s.words <= 40 && (match.phraseWords >= 2 || s.words <= 12) ? .legal : nil
        case .appeal:
            return s.words <= 40 ? .appeal : nil
        case .related:
            // "Also read: <headline>" - but not a sentence that merely starts with "Related".
            if s.words <= 6 { return .related }
            return match.phraseWords >= 2 && s.words <= 30 && !(s.endsSentence && s.sentenceEnds >= 2) ? .related : nil
        case .chrome:
            return s.words <= 30 ? .chrome : nil
        case .ad:
            return s.words <= 20 ? .ad : nil
        case .authorBio:
            return s.words <= 8 ? .authorBio : nil
        default:
            return nil
        }
    }

    /// Kinds that appear between an article's paragraphs without ending it: ads, captions,
    /// dates, reading times, bylines, and inline links such as "Also read: <headline>".
    static func sitsInsideArticles(_ kind: BlockKind, _ s: LineStats) -> Bool {
        switch kind {
        case .ad, .caption, .dateline, .readingTime, .byline: return true
        case .related:
            guard let match = s.lexicon, match.mode == .prefix else { return false }
            return s.words >= match.phraseWords + 3
        default: return false
        }
    }

    /// A caption with a visible credit: "(Name/Agency)" or "(Photo by ...)" at the end,
    /// "Foto: Name" at the start or end, or a © credit in a short line.
    static func isStrongCaption(_ s: LineStats) -> Bool {
        if s.parenthesisAtEnd && (s.slashInFinalParenthesis || s.creditInFinalParenthesis) && s.words <= 80 { return true }
        if s.creditAtStart && s.words <= 30 { return true }
        if s.creditAtEnd && s.words <= 60 { return true }
        if s.hasCopyrightSign && s.words <= 12 { return true }
        // "Agency/Name Surname", "DCV / Name": a bare credit of capitalized names around a slash.
        if s.slashes > 0 && s.words <= 5 && s.capitalized == s.words && s.anyStopWords == 0 && !s.endsSentence
            && !s.urlLike && s.digits == 0 { return true }
        return false
    }
}
