import CrossreadCore

/// Finds the headline, byline, date lines and publisher line around the start of the body,
/// takes them out of the body, and reads them into metadata.
///
/// 1. The body starts at the first kept line of eight words or more.
/// 2. The headline is the best headline-shaped line among the twelve lines before it: two to
///    thirty words, capitalized, no sentence-final period, not a caption, date or menu item.
///    No such line means no title (a first sentence or a caption is never promoted).
/// 3. Bylines ("By Jane Doe", "Von Jane Doe", or a bare name that the page repeats) and date
///    lines (a date, optionally followed by a line with the time) near the headline.
/// 4. A short name on the very first line, right above the headline, is the publisher.
struct MetadataFinder {
    let page: PageAnalysis
    let bytes: UnsafeBufferPointer<UInt8>
    /// The kinds hard rules gave lines; a line the body model alone left out has none.
    let hard: [BlockKind?]

    func find(_ kinds: inout [BlockKind]) -> DocumentMetadata {
        var metadata = DocumentMetadata()
        let n = page.count
        guard n > 0 else { return metadata }
        // The first paragraph: eight words or more, and not a capitalized line without a period
        // (a headline the body model took for text).
        let bodyStart = (0..<n).first { kinds[$0] == .body && page.stats[$0].words >= 8 && !looksLikeTitle($0) }
            ?? (0..<n).first { kinds[$0] == .body } ?? n
        let headline = findHeadline(before: bodyStart, kinds)
        if let headline {
            kinds[headline] = .headline
            metadata.title = text(headline)
        }
        if let headline { takeBackLead(after: headline, before: bodyStart, &kinds) }
        let anchor = headline ?? bodyStart
        let windowStart = max(0, anchor - 4)
        let windowEnd = min(n, max(anchor + 6, bodyStart))

        // Bylines.
        for i in windowStart..<windowEnd where i != headline && (kinds[i] != .body || i < bodyStart) {
            guard let author = byline(i, nearHeadline: headline != nil) else { continue }
            kinds[i] = .byline
            if !metadata.authors.contains(author) { metadata.authors.append(author) }
        }
        // Date lines, with a time on the next line.
        var i = windowStart
        while i < windowEnd {
            defer { i += 1 }
            guard kinds[i] != .headline, kinds[i] != .caption, kinds[i] != .body || i < bodyStart else { continue }
            let s = page.stats[i]
            // A date line, not a sentence that mentions a date.
            let dated = s.hasDate && s.words <= 14 && !(s.finalMark == 0x2E && s.words >= 6)
            let marker = kinds[i] == .dateline
            guard dated || marker else { continue }
            var date = dated ? PublicationDate.parse(text(i)) : nil
            if date == nil && marker, i + 1 < windowEnd, page.stats[i + 1].hasDate, page.stats[i + 1].words <= 10 {
                // "Published" then the date on the next line.
                continue
            }
            if kinds[i] != .byline { kinds[i] = .dateline }
            if let found = date, found.hour == nil, i + 1 < n, isTimeOnly(i + 1) {
                date = PublicationDate.parse(text(i) + " " + text(i + 1)) ?? found
                kinds[i + 1] = .dateline
                i += 1
            }
            if metadata.published == nil, let date { metadata.published = date }
        }
        // A bare word after a "Published" marker ("on", "am") belongs to it.
        for k in 1..<n where kinds[k - 1] == .dateline && kinds[k] != .dateline && page.stats[k].words == 1
            && page.stats[k].chars <= 4 && page.stats[k].lowerStart && k < bodyStart {
            kinds[k] = .dateline
        }
        // Publisher: a short name alone on the first line, just above the headline.
        if let headline, headline >= 1, headline <= 3, isPublisherName(0), kinds[0] != .body || bodyStart > 0 {
            let between = (1..<headline).allSatisfy { kinds[$0] != .body }
            if between {
                kinds[0] = .publisher
                metadata.publisher = text(0)
            }
        }
        return metadata
    }

    /// The lead (standfirst) sits between the headline and the body, often cut off from the
    /// body by a byline, a date or share buttons: prose there is body.
    private func takeBackLead(after headline: Int, before bodyStart: Int, _ kinds: inout [BlockKind]) {
        guard headline + 1 < bodyStart, bodyStart - headline <= 10 else { return }
        for i in (headline + 1)..<bodyStart where kinds[i] == .chrome && hard[i] == nil {
            let s = page.stats[i]
            if s.words >= 8, page.prose[i] || (s.endsSentence && s.stopRatio >= 0.1) { kinds[i] = .body }
        }
    }

    // MARK: Headline

    private func findHeadline(before bodyStart: Int, _ kinds: [BlockKind]) -> Int? {
        guard bodyStart > 0 else { return nil }
        var best: Int?
        var bestScore = 0.0
        let from = max(0, bodyStart - 12)
        for i in from..<bodyStart {
            guard kinds[i] == .body || kinds[i] == .chrome || kinds[i] == .subheading,
                  isHeadlineShaped(i), byline(i, nearHeadline: true) == nil else { continue }
            let s = page.stats[i]
            var score = 1.0
            if s.words >= 4 && s.words <= 20 { score += 1.5 } else if s.words >= 3 { score += 0.5 }
            score += s.capitalizedRatio
            score -= 0.12 * Double(bodyStart - i - 1)
            if page.repeats[i] > 1 { score -= 0.5 }
            if kinds[i] == .subheading || kinds[i] == .body { score += 0.3 }
            // A byline or date right below is the classic headline block.
            for k in (i + 1)..<min(page.count, i + 4) where page.stats[k].hasDate || isBylineStart(k) {
                score += 0.8
                break
            }
            if score > bestScore {
                bestScore = score
                best = i
            }
        }
        return bestScore >= 2.0 ? best : nil
    }

    /// A headline the body model may take for text: no final period, at most 25 words, and
    /// either Title Case or followed within two lines by a date or byline.
    private func looksLikeTitle(_ i: Int) -> Bool {
        let s = page.stats[i]
        guard s.words <= 25, s.finalMark != 0x2E, isHeadlineShaped(i) else { return false }
        if s.capitalizedRatio >= 0.5 { return true }
        for k in (i + 1)..<min(page.count, i + 3) {
            let next = page.stats[k]
            if (next.hasDate && next.words <= 14) || isBylineStart(k) { return true }
        }
        return false
    }

    private func isHeadlineShaped(_ i: Int) -> Bool {
        let s = page.stats[i]
        let line = page.lines[i]
        guard s.words >= 3, s.words <= 30, s.chars <= 250, !line.bullet, !line.numbered,
              !s.lowerStart, s.lexicon == nil, !s.urlLike, s.separators == 0,
              !HardRules.isStrongCaption(s), !(s.hasDate && s.words <= 6), !isBylineStart(i) else { return false }
        if s.endsSentence && s.finalMark == 0x2E { return false }
        if s.endsColon || s.finalMark == 0x2C { return false }
        if s.chars > 0, Double(s.digits) / Double(s.chars) > 0.3 { return false }
        return s.capitalized >= 1
    }

    // MARK: Byline

    /// The author named by line `i`, when it is a byline.
    private func byline(_ i: Int, nearHeadline: Bool) -> String? {
        let s = page.stats[i]
        guard s.words >= 1, s.words <= 12, !s.endsSentence || s.finalMark != 0x2E || s.words <= 6,
              s.lexicon == nil || s.lexicon?.kind == .dateline else { return nil }
        let words = wordSpans(i)
        guard !words.isEmpty else { return nil }
        var nameStart = 0
        if isBylineStart(i) {
            nameStart = 1
            if words.count > 1, lowercasedWord(words[1]) == "the" || lowercasedWord(words[1]) == "der" { return nil }
        } else if !nearHeadline {
            return nil
        }
        // The name: capitalized words up to a date, a separator or the end.
        var name: [Range<Int>] = []
        var k = nameStart
        while k < words.count {
            let w = words[k]
            let first = bytes[w.lowerBound]
            let isDigit = first >= 0x30 && first <= 0x39
            if isDigit { break }
            if isCapitalized(w) {
                name.append(w)
            } else if name.count >= 1, ["and", "und", "et", "y", "i", "e", "en", "van", "von", "de", "der", "del", "di", "da", "le", "la"].contains(lowercasedWord(w)) {
                name.append(w)
            } else {
                break
            }
            // Stop at a separator right after this word: "Jane Doe | News", "Jane Doe, Reporter".
            var j = w.upperBound
            while j < page.lines[i].end, bytes[j] == 0x20 { j += 1 }
            if j < page.lines[i].end, bytes[j] == 0x7C || bytes[j] == 0x2C || bytes[j] == 0x2F { break }
            k += 1
        }
        while let last = name.last, !isCapitalized(last) { name.removeLast() }
        guard name.count >= 2, name.count <= 6 else { return nil }
        let rest = words.count - nameStart - name.count
        let nameText = String(decoding: UnsafeBufferPointer(rebasing: bytes[name.first!.lowerBound..<name.last!.upperBound]), as: UTF8.self)
        if nameStart == 1 { return rest <= 6 || s.hasDate ? nameText : nil }
        // A bare name: all of the line (or the name then a date) and repeated elsewhere on the page.
        guard rest == 0 || s.hasDate, s.stopWords == 0 || s.hasDate else { return nil }
        return occursElsewhere(nameText, besides: i) ? nameText : nil
    }

    private func isBylineStart(_ i: Int) -> Bool {
        guard let first = wordSpans(i, limit: 2).first else { return false }
        let word = lowercasedWord(first)
        let next = first.upperBound < page.lines[i].end ? bytes[first.upperBound] : 0
        guard Lexicons.bylineWords.contains(WordHasher.hashes(of: word).first ?? 0) else { return false }
        // "By Jane", "Von Jane", "Autor: Jane", "Text: Jane".
        let words = wordSpans(i, limit: 3)
        guard words.count >= 2, isCapitalized(words[1]) else { return false }
        return next == 0x20 || next == 0x3A
    }

    private func occursElsewhere(_ name: String, besides i: Int) -> Bool {
        let needle = Array(name.utf8)
        guard needle.count >= 5 else { return false }
        for (k, line) in page.lines.enumerated() where k != i {
            if line.end - line.start < needle.count { continue }
            var p = line.start
            let last = line.end - needle.count
            while p <= last {
                if bytes[p] == needle[0] {
                    var same = true
                    for q in 1..<needle.count where bytes[p + q] != needle[q] { same = false; break }
                    if same { return true }
                }
                p += 1
            }
        }
        return false
    }

    // MARK: Dates and publisher

    private func isTimeOnly(_ i: Int) -> Bool {
        let s = page.stats[i]
        return s.hasTime && !s.hasDate && s.words <= 2 && s.chars <= 20
    }

    private func isPublisherName(_ i: Int) -> Bool {
        let s = page.stats[i]
        guard s.words >= 1, s.words <= 4, s.chars <= 40, s.digits == 0, s.lexicon == nil, !s.endsSentence,
              !page.lines[i].bullet else { return false }
        return s.capitalized == s.words
    }

    // MARK: Words

    private func text(_ i: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[page.lines[i].contentStart..<page.lines[i].end]), as: UTF8.self)
    }

    /// Byte ranges of the words of line `i` (letters, digits, apostrophes and inner hyphens).
    private func wordSpans(_ i: Int, limit: Int = 40) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var p = page.lines[i].contentStart
        let end = page.lines[i].end
        while p < end, spans.count < limit {
            while p < end, !isWordByte(bytes[p]) { p += 1 }
            let s = p
            while p < end, isWordByte(bytes[p]) || ((bytes[p] == 0x2D || bytes[p] == 0x27 || bytes[p] == 0x2E) && p + 1 < end && isWordByte(bytes[p + 1])) { p += 1 }
            if p > s { spans.append(s..<p) }
        }
        return spans
    }

    private func isWordByte(_ b: UInt8) -> Bool {
        let lower = b | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0xC0 || (b >= 0x80 && b < 0xC0)
    }

    private func isCapitalized(_ w: Range<Int>) -> Bool {
        let b = bytes[w.lowerBound]
        if b >= 0x41 && b <= 0x5A { return true }
        if b >= 0xC3, w.count >= 2 {
            var first = b, second = bytes[w.lowerBound + 1]
            let was = (first, second)
            LanguageGuess.lowercaseLatin(&first, &second)
            return (first, second) != was
        }
        return false
    }

    private func lowercasedWord(_ w: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[w]), as: UTF8.self).lowercased()
    }
}
