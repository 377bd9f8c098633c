import CrossreadCore

/// Decides the kind of every line of a page:
///
///     lines ─▶ hard kinds (lexicons, captions, symbols)        certain boilerplate
///           ─▶ body model (two logistic stages per line)       log-odds of body
///           ─▶ two-state Viterbi over the lines                 body stretches, smoothed
///           ─▶ main stretch and its neighbours                  far, thin stretches dropped
///           ─▶ tail blocks (appeals, author bios)               removed
///           ─▶ subheadings and stray headlines inside the body
struct BlockClassifier {
    var model: BodyModel
    /// Cost of entering or leaving the body, in log-odds.
    var switchCost: Double
    /// Added to every line's log-odds: above zero keeps more, below zero keeps less.
    var bias: Double
    /// Body stretches this many lines or fewer from the main stretch join it.
    var joinGap: Int
    /// A stretch far from the main one stays only with at least this share of its mass.
    var farShare: Double

    /// Kinds per line, with the log-odds the regions were cut from.
    struct Decision {
        var kinds: [BlockKind]
        var logits: [Double]
        /// The kind hard rules gave each line, if any.
        var hard: [BlockKind?]
    }

    func classify(_ page: PageAnalysis, _ bytes: UnsafeBufferPointer<UInt8>) -> Decision {
        let n = page.count
        guard n > 0 else { return Decision(kinds: [], logits: [], hard: []) }
        var (logits, hard) = model.scores(page)
        for i in 0..<n {
            // Markers inside articles are transparent: they neither extend nor cut the body.
            if let kind = hard[i], HardRules.sitsInsideArticles(kind, page.stats[i]) {
                logits[i] = 0
            } else {
                logits[i] += bias
            }
        }
        var inBody = Self.viterbi(logits, switchCost: switchCost)
        keepMainRegion(page, logits, &inBody)
        var kinds = [BlockKind](repeating: .chrome, count: n)
        for i in 0..<n {
            if let kind = hard[i] { kinds[i] = kind } else if inBody[i] { kinds[i] = .body }
        }
        TailBlocks.mark(page, &kinds)
        markSubheadings(page, hard, &kinds)
        return Decision(kinds: kinds, logits: logits, hard: hard)
    }

    /// The contiguous stretch of lines with the largest sum of log-odds (Kadane).
    static func bestStretch(_ logits: [Double]) -> (Int, Int) {
        var best = 0.0, bestStart = 0, bestEnd = 0
        var current = 0.0, currentStart = 0
        for (i, value) in logits.enumerated() {
            if current <= 0 { current = 0; currentStart = i }
            current += value
            if current > best { best = current; bestStart = currentStart; bestEnd = i + 1 }
        }
        return (bestStart, bestEnd)
    }

    /// Best path of a two-state chain (outside, body): a body line earns its log-odds, an
    /// outside line earns nothing, and each change of state costs `switchCost`.
    static func viterbi(_ logits: [Double], switchCost: Double) -> [Bool] {
        let n = logits.count
        var outScore = 0.0
        var inScore = -switchCost
        // back[i] bit 0: the best way into "outside" at i came from "body"; bit 1: into "body" from "outside".
        var back = [UInt8](repeating: 0, count: n)
        for i in 0..<n {
            let stayOut = outScore, enterOut = inScore - switchCost
            let stayIn = inScore, enterIn = outScore - switchCost
            var flags: UInt8 = 0
            let newOut: Double
            if enterOut > stayOut { newOut = enterOut; flags |= 1 } else { newOut = stayOut }
            let newIn: Double
            if enterIn > stayIn { newIn = enterIn; flags |= 2 } else { newIn = stayIn }
            outScore = newOut
            inScore = newIn + logits[i]
            back[i] = flags
        }
        var state = inScore - switchCost > outScore ? 1 : 0
        var result = [Bool](repeating: false, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            result[i] = state == 1
            if state == 1 {
                if back[i] & 2 != 0 { state = 0 }
            } else {
                if back[i] & 1 != 0 { state = 1 }
            }
        }
        return result
    }

    /// Keeps the stretch of body with the most text, the stretches chained to it by small gaps,
    /// and far stretches only when they carry a good share of the main one's text.
    private func keepMainRegion(_ page: PageAnalysis, _ logits: [Double], _ inBody: inout [Bool]) {
        var stretches: [(start: Int, end: Int, mass: Double)] = []
        var i = 0
        let n = inBody.count
        while i < n {
            guard inBody[i] else { i += 1; continue }
            var j = i
            var mass = 0.0
            while j < n, inBody[j] {
                if logits[j] > 0 { mass += Double(page.stats[j].chars) }
                j += 1
            }
            stretches.append((i, j, mass))
            i = j
        }
        guard let main = stretches.indices.max(by: { stretches[$0].mass < stretches[$1].mass }) else { return }
        var keep = [Bool](repeating: false, count: stretches.count)
        keep[main] = true
        var k = main
        while k > 0, stretches[k].start - stretches[k - 1].end <= joinGap { keep[k - 1] = true; k -= 1 }
        k = main
        while k + 1 < stretches.count, stretches[k + 1].start - stretches[k].end <= joinGap { keep[k + 1] = true; k += 1 }
        let mainMass = stretches[main].mass
        for (index, stretch) in stretches.enumerated() where !keep[index] {
            if stretch.mass >= farShare * mainMass { continue }
            for line in stretch.start..<stretch.end { inBody[line] = false }
        }
    }

    /// Short kept lines without a sentence end become subheadings when body follows; the same
    /// shape starting in lowercase is a stray related-story link. A line of that shape the model
    /// left out is taken back as a subheading when it sits between two paragraphs (ads and
    /// captions aside).
    private func markSubheadings(_ page: PageAnalysis, _ hard: [BlockKind?], _ kinds: inout [BlockKind]) {
        let n = page.count
        func isMarker(_ k: Int) -> Bool { kinds[k] == .ad || kinds[k] == .caption }
        // A short label ending in a colon ("Sources:", "More information:") introduces what
        // follows; when that was left out, the label goes too.
        for i in 0..<n where kinds[i] == .body && page.stats[i].endsColon && page.stats[i].words <= 4 {
            let next = i + 1
            if next >= n || (kinds[next] != .body && kinds[next] != .subheading) { kinds[i] = .chrome }
        }
        for i in 0..<n {
            let rescued = kinds[i] == .chrome && hard[i] == nil
            guard kinds[i] == .body || rescued else { continue }
            let s = page.stats[i]
            let line = page.lines[i]
            guard !line.bullet, !line.numbered, s.words >= 1, s.words <= 20, s.chars <= 160,
                  !s.endsSentence, !s.endsColon, s.finalMark != 0x2C, s.finalMark != 0x3B else { continue }
            var next = i + 1
            while next < n, isMarker(next) { next += 1 }
            let bodyFollows = next < n && kinds[next] == .body && page.stats[next].words >= 6
            if !rescued {
                if s.lowerStart && s.words >= 4 {
                    kinds[i] = .related
                } else if bodyFollows && !s.lowerStart {
                    kinds[i] = .subheading
                }
                continue
            }
            var previous = i - 1
            while previous >= 0, isMarker(previous) { previous -= 1 }
            if bodyFollows, !s.lowerStart, s.words <= 12, previous >= 0,
               kinds[previous] == .body || kinds[previous] == .subheading {
                kinds[i] = .subheading
            }
        }
    }
}
