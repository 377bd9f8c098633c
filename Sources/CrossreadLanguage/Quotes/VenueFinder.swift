import CrossreadCore

/// Finds where a quote was said when the attribution says so: a platform ("in a post on Truth
/// Social", "on X"), an outlet ("told Axios", "in an interview with CNN"), or a medium ("in a July
/// interview", "at a press conference").
struct VenueFinder {
    let text: FinderText
    let speakers: SpeakerResolver

    /// The venue named in `window` (token indices, quote interiors already excluded by the caller).
    func venue(in window: Range<Int>) -> String? {
        var medium: String? = nil
        var t = window.lowerBound
        while t < window.upperBound {
            defer { t += 1 }
            guard text.isWord(t) else { continue }
            if let platform = platform(at: t, window: window) { return platform }
            if text.token(t, is: "told"), let outlet = organization(at: t + 1) { return outlet }
            if medium == nil, let found = mediumPhrase(at: t, window: window) { medium = found }
        }
        return medium
    }

    /// "on X", "to his Truth Social account", "via Telegram".
    private func platform(at t: Int, window: Range<Int>) -> String? {
        guard text.isCapitalized(t), let name = SpeechLexicon.platforms.value(text.bytes, text.tokens[t].range) else { return nil }
        if name == "Truth Social", !text.token(t + 1, is: "social") { return nil }
        var j = t - 1
        if j >= window.lowerBound, text.token(j, isOneOf: SpeechLexicon.determiners) { j -= 1 }
        guard j >= window.lowerBound, text.token(j, is: "on") || text.token(j, is: "to") || text.token(j, is: "via")
            || text.token(j, is: "from") else { return nil }
        return name
    }

    /// An organization mention starting at token `t` ("told Axios").
    private func organization(at t: Int) -> String? {
        guard t < text.count, !text.token(t, isOneOf: SpeechLexicon.audiences) else { return nil }
        for ref in speakers.mentions where ref.tokens.lowerBound == t && ref.mention.type == .organization {
            return text.string(ref.mention.range)
        }
        return nil
    }

    /// "in a July interview", "at a news conference", "during a speech", "in an interview with CNN".
    private func mediumPhrase(at t: Int, window: Range<Int>) -> String? {
        guard text.token(t, is: "in") || text.token(t, is: "at") || text.token(t, is: "during") else { return nil }
        var j = t + 1
        guard j < window.upperBound, text.token(j, isOneOf: SpeechLexicon.determiners) else { return nil }
        j += 1
        var steps = 0
        while j < window.upperBound, steps < 4 {
            if text.isWord(j), text.token(j, isOneOf: SpeechLexicon.media) {
                var end = j + 1
                // "op-ed", "press conference", "news conference", "town hall".
                if text.kind(end) == .hyphen, text.isWord(end + 1) { end += 2 }
                if text.isWord(end), text.token(end, isOneOf: SpeechLexicon.media), end < window.upperBound { j = end; end += 1 }
                var start = j
                if text.token(j - 1, is: "press") || text.token(j - 1, is: "news") || text.token(j - 1, is: "video") { start = j - 1 }
                // "with CNN", "on Fox News": the outlet is the venue.
                if text.token(end, is: "with") || text.token(end, is: "on") || text.token(end, is: "to") {
                    if let outlet = organization(at: end + 1) { return outlet }
                }
                return text.string(tokens: start..<end).lowercased()
            }
            guard text.isWord(j) || text.kind(j) == .number || text.kind(j) == .hyphen else { return nil }
            j += 1
            steps += 1
        }
        return nil
    }
}
