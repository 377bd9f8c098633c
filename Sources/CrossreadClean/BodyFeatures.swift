import Foundation

/// Turns a page's line measurements into the feature vectors the body model reads: shape of the
/// line itself, what the lexicons say, where it sits, and how much prose surrounds it.
enum BodyFeatures {
    static let names: [String] = [
        "bias", "logChars", "words", "stopRatio", "anyStopRatio", "endsSentence", "endsColon",
        "sentences", "commaRate", "capitalizedRatio", "digitRatio", "bullet", "numbered",
        "lowerStart", "hasDate", "hasTime", "actionRatio", "separators", "urlLike", "repeated",
        "lexiconWhole", "lexiconPrefix", "lexiconAnywhere", "veryShort", "headlineShape",
        "groupSize", "groupBulletRatio", "relativePosition", "relativePositionSquared",
        "captionShape", "allCapsRatio", "proseAround", "distanceToProse", "prose", "longWord",
        "isolated", "proseRunLength", "inLongestProseRun", "afterMainRun", "beforeMainRun",
        "runShare", "previousProse", "nextProse", "neighborStopRatio", "neighborWords",
        "proseOutsideMainRun", "shortInsideMainRun", "repeatedAround", "datesAround",
        "sharedWithMainRun", "sharedWithMainRunOutside",
    ]

    static var count: Int { names.count }

    /// Feature vectors of every line, row after row (for training).
    static func matrix(_ page: PageAnalysis) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(page.count * count)
        forEachRow(page) { _, row in out.append(contentsOf: row) }
        return out
    }

    /// Calls `body` with each line's index and feature vector, in order, reusing one buffer.
    static func forEachRow(_ page: PageAnalysis, _ body: (Int, UnsafeBufferPointer<Double>) -> Void) {
        let n = page.count
        let dim = count
        guard n > 0 else { return }

        // Group sizes and bullet shares.
        var groupSize: [Int: Int] = [:]
        var groupBullets: [Int: Int] = [:]
        for line in page.lines {
            groupSize[line.group, default: 0] += 1
            if line.bullet || line.numbered { groupBullets[line.group, default: 0] += 1 }
        }
        // Distance to the nearest prose line, both directions.
        var distance = [Int](repeating: 1_000, count: n)
        var last = -1_000
        for i in 0..<n {
            if page.prose[i] { last = i }
            distance[i] = i - last
        }
        last = 1_000_000
        for i in stride(from: n - 1, through: 0, by: -1) {
            if page.prose[i] { last = i }
            distance[i] = min(distance[i], last - i)
        }
        // Prose chars in a window of three lines on each side.
        var proseChars = [Int](repeating: 0, count: n + 1)
        var allChars = [Int](repeating: 0, count: n + 1)
        for i in 0..<n {
            proseChars[i + 1] = proseChars[i] + (page.prose[i] ? page.stats[i].chars : 0)
            allChars[i + 1] = allChars[i] + page.stats[i].chars
        }
        // Runs of prose lines, allowing one short non-prose line inside a run.
        var runLength = [Int](repeating: 0, count: n)
        var runId = [Int](repeating: -1, count: n)
        var runChars: [Int] = []
        var i = 0
        while i < n {
            guard page.prose[i] else { i += 1; continue }
            var j = i
            var proseInRun = 0
            var chars = 0
            var end = i
            while j < n {
                if page.prose[j] {
                    proseInRun += 1
                    chars += page.stats[j].chars
                    end = j
                    j += 1
                } else if j + 1 < n, page.prose[j + 1], page.stats[j].words <= 20 {
                    j += 1
                } else {
                    break
                }
            }
            for k in i...end {
                runLength[k] = proseInRun
                runId[k] = runChars.count
            }
            runChars.append(chars)
            i = end + 1
        }
        let longestRun = runChars.indices.max(by: { runChars[$0] < runChars[$1] }) ?? -1
        let totalProse = max(runChars.reduce(0, +), 1)
        var mainStart = n, mainEnd = -1
        if longestRun >= 0 {
            for k in 0..<n where runId[k] == longestRun {
                mainStart = min(mainStart, k)
                mainEnd = max(mainEnd, k)
            }
        }

        // Repeated lines and dated lines in a window of five lines on each side.
        var repeatedPrefix = [Int](repeating: 0, count: n + 1)
        var datedPrefix = [Int](repeating: 0, count: n + 1)
        for k in 0..<n {
            repeatedPrefix[k + 1] = repeatedPrefix[k] + (page.repeats[k] > 1 && page.stats[k].words > 0 ? 1 : 0)
            datedPrefix[k + 1] = datedPrefix[k] + (page.stats[k].hasDate || page.stats[k].hasTime ? 1 : 0)
        }
        // Vocabulary of the main prose run: how many of a line's content words it shares.
        var mainVocabulary: [UInt64: Int] = [:]
        if mainEnd >= 0 {
            for k in mainStart...mainEnd { for w in page.contentWords(of: k) { mainVocabulary[w, default: 0] += 1 } }
        }

        var buffer = [Double](repeating: 0, count: dim)
        buffer.withUnsafeMutableBufferPointer { f in
        for i in 0..<n {
            let s = page.stats[i]
            let line = page.lines[i]
            let words = Double(max(s.words, 1))
            for k in 0..<dim { f[k] = 0 }
            f[0] = 1
            f[1] = log(1 + Double(s.chars)) / 6
            f[2] = Double(min(s.words, 80)) / 80
            f[3] = s.stopRatio
            f[4] = s.anyStopRatio
            f[5] = s.endsSentence ? 1 : 0
            f[6] = s.endsColon ? 1 : 0
            f[7] = Double(min(s.sentenceEnds, 6)) / 6
            f[8] = s.words == 0 ? 0 : min(Double(s.commas) / words * 5, 1)
            f[9] = s.capitalizedRatio
            f[10] = s.chars == 0 ? 0 : Double(s.digits) / Double(s.chars)
            f[11] = line.bullet ? 1 : 0
            f[12] = line.numbered ? 1 : 0
            f[13] = s.lowerStart ? 1 : 0
            f[14] = s.hasDate ? 1 : 0
            f[15] = s.hasTime ? 1 : 0
            f[16] = s.words == 0 ? 0 : min(Double(s.actionWords) / words, 1)
            f[17] = s.separators > 0 ? 1 : 0
            f[18] = s.urlLike ? 1 : 0
            f[19] = page.repeats[i] > 1 ? 1 : 0
            if let match = s.lexicon {
                switch match.mode {
                case .whole: f[20] = 1
                case .prefix: f[21] = max(match.coverage, 0.3)
                case .anywhere: f[22] = max(match.coverage, 0.3)
                }
            }
            f[23] = s.words <= 3 ? 1 : 0
            f[24] = (s.words >= 4 && s.words <= 20 && !s.endsSentence && !line.bullet) ? 1 : 0
            let size = groupSize[line.group] ?? 1
            f[25] = log(Double(size)) / 3
            f[26] = Double(groupBullets[line.group] ?? 0) / Double(size)
            let position = n > 1 ? Double(i) / Double(n - 1) : 0.5
            f[27] = position
            f[28] = position * position
            f[29] = CaptionShape.looksLikeCaption(s) ? 1 : 0
            f[30] = s.allCaps > 0 ? Double(s.allCaps) / words : 0
            let lo = max(0, i - 3), hi = min(n, i + 4)
            let windowAll = allChars[hi] - allChars[lo] - s.chars
            let windowProse = proseChars[hi] - proseChars[lo] - (page.prose[i] ? s.chars : 0)
            f[31] = windowAll > 0 ? Double(windowProse) / Double(windowAll) : 0
            f[32] = Double(min(distance[i], 10)) / 10
            f[33] = page.prose[i] ? 1 : 0
            f[34] = s.longestWord > 30 ? 1 : 0
            f[35] = line.blankBefore && line.blankAfter ? 1 : 0
            f[36] = log(1 + Double(runLength[i])) / 3
            let inMain = runId[i] >= 0 && runId[i] == longestRun
            f[37] = inMain ? 1 : 0
            if mainEnd >= 0 {
                f[38] = i > mainEnd ? Double(min(i - mainEnd, 30)) / 30 : 0
                f[39] = i < mainStart ? Double(min(mainStart - i, 30)) / 30 : 0
            }
            f[40] = runId[i] >= 0 ? Double(runChars[runId[i]]) / Double(totalProse) : 0
            f[41] = i > 0 && page.prose[i - 1] ? 1 : 0
            f[42] = i + 1 < n && page.prose[i + 1] ? 1 : 0
            let previous = i > 0 ? page.stats[i - 1] : LineStats()
            let next = i + 1 < n ? page.stats[i + 1] : LineStats()
            f[43] = (previous.stopRatio + next.stopRatio) / 2
            f[44] = log(1 + Double(previous.words + next.words) / 2) / 4
            f[45] = page.prose[i] && !inMain && mainEnd >= 0 && (i > mainEnd || i < mainStart) ? 1 : 0
            f[46] = s.words <= 6 && mainEnd >= 0 && i >= mainStart && i <= mainEnd ? 1 : 0
            let wlo = max(0, i - 5), whi = min(n, i + 6)
            let windowLines = Double(whi - wlo)
            f[47] = Double(repeatedPrefix[whi] - repeatedPrefix[wlo]) / windowLines
            f[48] = Double(datedPrefix[whi] - datedPrefix[wlo]) / windowLines
            let own = page.contentWords(of: i)
            if !own.isEmpty {
                let inside = mainEnd >= 0 && i >= mainStart && i <= mainEnd
                var shared = 0
                for w in own {
                    let count = mainVocabulary[w] ?? 0
                    if count - (inside ? 1 : 0) > 0 { shared += 1 }
                }
                f[49] = Double(shared) / Double(own.count)
                f[50] = inside ? 0 : f[49]
            }
            body(i, UnsafeBufferPointer(f))
        }
        }
    }
}
