import CrossreadCore

/// Boilerplate that spans several lines near the end of an article: a donation or subscription
/// appeal (from its first call to the publisher's signature) and an author bio under an
/// "About the author" heading.
enum TailBlocks {
    static func mark(_ page: PageAnalysis, _ kinds: inout [BlockKind]) {
        markAppeals(page, &kinds)
        markBios(page, &kinds)
        markCommentThread(page, &kinds)
    }

    /// A comment thread after the article: a comments heading followed within a few lines by a
    /// comment header ("Jane on May 5, 2024 at 4:47 pm said:", "Max schreibt:"). From the
    /// heading on, what the body model kept is comments.
    /// Without a heading, two or more headers that name their verb ("jane says:") make a thread
    /// from the first one on.
    private static func markCommentThread(_ page: PageAnalysis, _ kinds: inout [BlockKind]) {
        let n = page.count
        var proseSeen = 0
        var threadStart: Int?
        var headersWithVerb: [Int] = []
        for i in 0..<n {
            if kinds[i] == .body && page.prose[i] { proseSeen += 1 }
            guard proseSeen >= 2 else { continue }
            if threadStart == nil, kinds[i] == .comments, page.stats[i].words <= 6,
               ((i + 1)..<min(n, i + 6)).contains(where: { isCommentHeader(page, $0) }) {
                threadStart = i + 1
            }
            let s = page.stats[i]
            if s.commentVerb && s.endsColon && s.words <= 8 { headersWithVerb.append(i) }
        }
        if threadStart == nil, headersWithVerb.count >= 2 { threadStart = headersWithVerb[0] }
        guard let start = threadStart else { return }
        for k in start..<n where kinds[k] == .body || kinds[k] == .subheading { kinds[k] = .comments }
    }

    /// "Name on <date> at <time> said:", "Name sagt: <date>", "Name schreibt:" and the like.
    private static func isCommentHeader(_ page: PageAnalysis, _ i: Int) -> Bool {
        let s = page.stats[i]
        guard s.words <= 14 else { return false }
        if s.commentVerb && (s.endsColon || s.hasDate || s.hasTime) { return true }
        return s.endsColon && s.hasDate && s.hasTime
    }

    /// Two appeal lines close together in the last part of the page make everything between
    /// them an appeal, and a short signature line right after ("— Name, Publisher") too.
    private static func markAppeals(_ page: PageAnalysis, _ kinds: inout [BlockKind]) {
        let n = page.count
        let tailStart = n / 3
        var triggers: [Int] = []
        for i in tailStart..<n {
            if let match = page.stats[i].lexicon, match.kind == .appeal, page.stats[i].words <= 60 {
                triggers.append(i)
            }
        }
        guard let first = triggers.first else { return }
        // An appeal follows the article: at least two paragraphs must come before it.
        let paragraphsBefore = (0..<first).filter { kinds[$0] == .body && page.prose[$0] }.count
        guard paragraphsBefore >= 2 else { return }
        var lastAppeal = first
        for (a, b) in zip(triggers, triggers.dropFirst()) where b - a <= 6 {
            for k in a...b { kinds[k] = .appeal }
            lastAppeal = b
        }
        if kinds[first] == .body, page.stats[first].words <= 40 { kinds[first] = .appeal }
        guard kinds[lastAppeal] == .appeal else { return }
        // A signature: a short line starting with a dash, right after the appeal.
        var next = lastAppeal + 1
        while next < n, next <= lastAppeal + 2 {
            if isSignature(page, next) {
                for k in (lastAppeal + 1)...next { kinds[k] = .appeal }
                break
            }
            next += 1
        }
    }

    /// "— Jane Doe, Publisher and CEO": a dash, then at most a dozen words without a sentence.
    private static func isSignature(_ page: PageAnalysis, _ i: Int) -> Bool {
        let s = page.stats[i]
        return page.lines[i].bullet || (s.words <= 12 && !s.endsSentence && page.startsWithDash[i])
    }

    /// The lines under an author-bio heading (same paragraph, or the next one when the
    /// heading stands alone), at most three, become the bio.
    private static func markBios(_ page: PageAnalysis, _ kinds: inout [BlockKind]) {
        let n = page.count
        for i in 0..<n where kinds[i] == .authorBio && page.stats[i].words <= 8 {
            guard i >= n / 2 else { continue }
            var k = i + 1
            let group = page.lines[i].group
            let headingAlone = k >= n || page.lines[k].group != group
            while k < n, k <= i + 3 {
                let sameGroup = page.lines[k].group == group
                let nextGroup = headingAlone && page.lines[k].group == group + 1
                guard sameGroup || nextGroup, page.stats[k].lexicon == nil else { break }
                kinds[k] = .authorBio
                k += 1
            }
        }
    }
}
