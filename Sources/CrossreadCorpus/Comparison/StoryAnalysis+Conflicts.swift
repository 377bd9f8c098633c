import CrossreadCore

extension StoryAnalysis {
    // MARK: - Quote groups

    func quoteItems() -> [QuoteGrouper.Item] {
        documents.flatMap { QuoteGrouper.items(of: $0, source: sources[$0.id]) }
    }

    func buildQuoteGroups() -> [QuoteGroup] {
        let items = quoteItems()
        return QuoteGrouper(overlap: options.quoteOverlap).groups(items).map { group in
            let speaker = group.lazy.compactMap { items[$0].quote.speaker }.first
            let name = group.lazy.compactMap { items[$0].quote.speakerName }.first
            return QuoteGroup(speaker: speaker, speakerName: name,
                              variants: group.map { TextReference(document: items[$0].document, range: items[$0].quote.range) })
        }
    }

    // MARK: - Conflicts

    /// Venues of one quote, figures for one thing, dates and places of one event that differ
    /// between independent sources.
    func buildConflicts() -> [Conflict] {
        var conflicts: [Conflict] = []
        conflicts += venueConflicts()
        let placesNamed = documentPlaces()
        for (a, b, judgement) in related {
            let x = statements[a]
            let y = statements[b]
            guard judgement.wholeCosine >= options.matchThreshold else { continue }
            for (m, n) in judgement.numberConflicts {
                add(&conflicts, about: "number of \(m.nounText)",
                    values: [value(m.text, x), value(n.text, y)])
            }
            guard judgement.isMatch else { continue }
            // Only dates the texts name outright: a weekday's value hangs on a publication date.
            let daysX = Set(x.explicitDates.filter { $0.utf8.count == 10 })
            let daysY = Set(y.explicitDates.filter { $0.utf8.count == 10 })
            if !daysX.isEmpty, !daysY.isEmpty, daysX.isDisjoint(with: daysY) {
                add(&conflicts, about: "date of “\(Self.shortened(x.text))”",
                    values: [value(daysX.sorted()[0], x), value(daysY.sorted()[0], y)])
            }
            // Places conflict only where each source is silent about the other's place (Banstead is in
            // Surrey: a source naming both does not contradict one naming Surrey).
            if x.places.count == 1, y.places.count == 1, judgement.wholeCosine >= 0.55,
               let p = x.places.first, let q = y.places.first, !Self.samePlace(x.places, y.places),
               !Self.samePlace([q], placesNamed[x.document] ?? []), !Self.samePlace([p], placesNamed[y.document] ?? []) {
                add(&conflicts, about: "place of “\(Self.shortened(x.text))”", values: [value(p, x), value(q, y)])
            }
        }
        return conflicts
    }

    /// Where a quote was said, per source, when the sources name different venues.
    private func venueConflicts() -> [Conflict] {
        let items = quoteItems()
        let grouper = QuoteGrouper(overlap: options.quoteOverlap)
        var out: [Conflict] = []
        for group in grouper.groups(items) {
            let withVenue = group.filter { items[$0].quote.venue != nil }
            let venues = Set(withVenue.map { Self.venueKey(items[$0].quote.venue!) })
            guard venues.count >= 2 else { continue }
            let speaker = group.lazy.compactMap { items[$0].quote.speakerName }.first
            // Name the quote by its shortest wording that still says something (three content words).
            let telling = group.filter { items[$0].terms.count >= 3 }
            let shortest = (telling.isEmpty ? group : telling).min { items[$0].quote.range.count < items[$1].quote.range.count }!
            let isPost = group.contains { index in
                let cue = items[index].quote.cue?.lowercased() ?? ""
                return ["post", "tweet", "wrote", "write"].contains { cue.contains($0) }
            }
            let noun = isPost ? "post" : "statement"
            let quoteText = Self.shortened(text(of: items[shortest]).trimmingPunctuation())
            let about = "venue of " + (speaker.map { "\($0)’s " } ?? "the ") + noun + " “\(quoteText)”"
            var values: [ConflictValue] = []
            for index in withVenue {
                let item = items[index]
                let document = documents.first { $0.id == item.document }!
                let sentence = sentenceRange(containing: item.quote.range.lowerBound, in: document) ?? item.quote.range
                let entry = ConflictValue(value: item.quote.venue!, document: item.document,
                                          evidence: TextReference(document: item.document, range: sentence))
                if !values.contains(where: { sources[$0.document] == sources[entry.document] && Self.venueKey($0.value) == Self.venueKey(entry.value) }) {
                    values.append(entry)
                }
            }
            out.append(Conflict(about: about, values: values, story: story))
        }
        return out
    }

    /// Every place each document names, by document id.
    private func documentPlaces() -> [String: [String]] {
        var out: [String: [String]] = [:]
        for document in documents {
            let bytes = Array(document.text.utf8)
            out[document.id] = document.annotations.mentions.filter { $0.type == .place }
                .map { StatementExtractor.placeName(StatementExtractor.trimmedText(bytes, $0.range)) }
        }
        return out
    }

    private func value(_ text: String, _ statement: Statement) -> ConflictValue {
        ConflictValue(value: text, document: statement.document,
                      evidence: TextReference(document: statement.document, range: statement.sentence))
    }

    /// Adds a conflict, or merges its values into one about the same thing.
    private func add(_ conflicts: inout [Conflict], about: String, values: [ConflictValue]) {
        // Copies of one article give one value.
        func known(_ list: [ConflictValue], _ v: ConflictValue) -> Bool {
            list.contains { $0.value == v.value && sources[$0.document] == sources[v.document] }
        }
        if let k = conflicts.firstIndex(where: { $0.about == about }) {
            for v in values where !known(conflicts[k].values, v) { conflicts[k].values.append(v) }
        } else {
            var unique: [ConflictValue] = []
            for v in values where !known(unique, v) { unique.append(v) }
            conflicts.append(Conflict(about: about, values: unique, story: story))
        }
    }

    private func text(of item: QuoteGrouper.Item) -> String {
        let document = documents.first { $0.id == item.document }!
        let bytes = Array(document.text.utf8)
        return StatementExtractor.trimmedText(bytes, item.quote.range)
    }

    private func sentenceRange(containing offset: Int, in document: Document) -> Range<Int>? {
        if let sentence = document.annotations.sentences.first(where: { $0.range.contains(offset) }) { return sentence.range }
        return FallbackSentenceSplitter.sentences(in: Array(document.text.utf8)).first { $0.contains(offset) }
    }

    /// A venue's comparison form: lowercased, without articles and possessives; old platform names
    /// folded to current ones ("Twitter" is X).
    static func venueKey(_ venue: String) -> String {
        var words = venue.lowercased().split(separator: " ").map(String.init)
        while let first = words.first, ["the", "a", "an", "his", "her", "their", "its"].contains(first) { words.removeFirst() }
        let key = words.joined(separator: " ").trimmingPunctuation()
        return ["twitter": "x", "x.com": "x", "twitter.com": "x"][key] ?? key
    }

    /// Two place lists name the same place (equal, or one name inside the other: "Washington" and "Washington D.C.").
    static func samePlace(_ a: [String], _ b: [String]) -> Bool {
        for x in a {
            for y in b {
                let p = x.lowercased()
                let q = y.lowercased()
                if p == q || p.contains(q) || q.contains(p) { return true }
            }
        }
        return false
    }

    /// The first words of a text, at most about 70 characters.
    static func shortened(_ text: String, limit: Int = 70) -> String {
        guard text.count > limit else { return text }
        var out = ""
        for word in text.split(separator: " ") {
            if out.count + word.count + 1 > limit { break }
            out += out.isEmpty ? String(word) : " " + word
        }
        return out + "…"
    }
}
