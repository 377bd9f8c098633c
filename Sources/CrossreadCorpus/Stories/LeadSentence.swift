/// The opening sentence of an article, cut to a headline's length: what a story without headlines is
/// named by. Datelines, bylines and other short lines are skipped; a place-and-agency prefix
/// ("LONDON (Reuters) -") and a closing attribution (", police said") are dropped.
enum LeadSentence {
    static let maximumWords = 16

    /// The lead of `text`, or nil when no line has a sentence of six words or more.
    static func of(_ text: String) -> String? {
        for line in text.split(separator: "\n", maxSplits: 12, omittingEmptySubsequences: true) {
            var words = line.split(separator: " ")
            guard words.count >= 6 else { continue }
            words = dropDateline(words)
            words = firstSentence(words)
            words = dropAttribution(words)
            guard words.count >= 5 else { continue }
            return shortened(words)
        }
        return nil
    }

    /// "WASHINGTON (AP) —" or "Paris, May 3 -": a prefix closed by a dash within the first eight words.
    private static func dropDateline(_ words: [Substring]) -> [Substring] {
        for index in words.indices.prefix(8) where words[index] == "-" || words[index] == "—" || words[index] == "--" {
            let rest = Array(words[(index + 1)...])
            return rest.count >= 5 ? rest : words
        }
        return words
    }

    /// Up to the first word that ends a sentence (a period, question or exclamation mark, not after
    /// an initial or a short abbreviation such as "Mr." or "U.S.").
    private static func firstSentence(_ words: [Substring]) -> [Substring] {
        for (index, word) in words.enumerated() where index >= 4 && index + 1 < words.count {
            guard let last = word.last, ".?!".contains(last) else { continue }
            let stem = word.dropLast().filter { $0.isLetter }
            if last == ".", stem.count <= 3, stem.first?.isUppercase == true { continue }
            if let next = words[index + 1].first, next.isUppercase || next == "\"" || next == "“" {
                return Array(words[...index])
            }
        }
        return words
    }

    /// Without a closing ", police said" or ", she says" (a clause of at most four words ending in said or says).
    private static func dropAttribution(_ words: [Substring]) -> [Substring] {
        guard let comma = words.lastIndex(where: { $0.hasSuffix(",") }), words.count - comma - 1 <= 4,
              let final = words.last?.lowercased().trimmingCharacters(".?!"),
              final == "said" || final == "says" || words[(comma + 1)...].contains(where: { $0 == "said" || $0 == "says" })
        else { return words }
        var kept = Array(words[...comma])
        kept[kept.count - 1] = kept[kept.count - 1].dropLast()
        return kept
    }

    /// At most `maximumWords`: cut at the last comma or clause word before the limit, else at the limit
    /// with an ellipsis; a final period dropped, as headlines have none.
    private static func shortened(_ words: [Substring]) -> String {
        var kept = words
        if kept.count > maximumWords {
            let window = kept.prefix(maximumWords)
            let clauseWords: Set<Substring> = ["after", "when", "while", "because", "but", "amid"]
            if let cut = window.indices.last(where: { $0 >= 8 && (window[$0].hasSuffix(",") || clauseWords.contains(window[$0])) }) {
                kept = Array(kept[..<cut]) + (window[cut].hasSuffix(",") ? [window[cut].dropLast()] : [])
                return join(kept, ellipsis: false)
            }
            return join(Array(window), ellipsis: true)
        }
        return join(kept, ellipsis: false)
    }

    private static func join(_ words: [Substring], ellipsis: Bool) -> String {
        var text = words.joined(separator: " ")
        while let last = text.last, ".,;:".contains(last) { text.removeLast() }
        if let first = text.first, first.isLowercase { text = first.uppercased() + text.dropFirst() }
        return ellipsis ? text + " …" : text
    }
}

private extension String {
    func trimmingCharacters(_ set: String) -> String {
        var text = Substring(self)
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
