/// A figure and what it counts: "three times", "17% tariff", "a 15-year veteran" (counts veterans'
/// years, so its noun is "veteran"). Years, times of day, phone numbers, identifiers ("AK-47"),
/// bounds ("at least two") and parts ("two of the boats") are not figures to compare.
struct NumberMention: Sendable, Equatable {
    var value: Double
    /// The counted noun's comparison term and its surface form.
    var noun: String
    var nounText: String
    var isPercent: Bool
    var isCurrency: Bool
    /// "about 200", "some 2.4 million": differs from another figure only beyond a quarter.
    var isApproximate: Bool
    var range: Range<Int>
    var text: String

    /// Another figure for the same thing with a different value.
    func conflicts(with other: NumberMention) -> Bool {
        guard noun == other.noun, isPercent == other.isPercent, isCurrency == other.isCurrency else { return false }
        let scale = max(abs(value), abs(other.value), 1)
        let tolerance = isApproximate || other.isApproximate ? 0.15 : 0.005
        return abs(value - other.value) / scale > tolerance
    }

    private static let timeOfDay: Set<String> = [
        "gmt", "bst", "utc", "est", "edt", "pst", "pdt", "cet", "cest", "am", "pm", "a.m.", "p.m.", "oclock", "hrs",
    ]
    private static let bounds: Set<String> = ["least", "most", "than", "over", "under", "to", "nearly", "almost", "beyond", "upwards"]
    private static let approximations: Set<String> = ["about", "around", "roughly", "approximately", "some", "estimated", "nearly", "almost", "dozen"]

    static func find(in tokens: [StatementToken], bytes: [UInt8], skipping dates: [Range<Int>]) -> [NumberMention] {
        var out: [NumberMention] = []
        for (index, token) in tokens.enumerated() where token.kind == .number {
            guard let value = token.value, !dates.contains(where: { $0.overlaps(token.range) }) else { continue }
            let previous = index > 0 ? tokens[index - 1] : nil
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            let isYear = !token.isPercent && !token.isCurrency && value >= 1800 && value <= 2100
                && value == value.rounded() && token.folded.utf8.count == 4
            // Identifiers and codes: "AK-47", "0845 125 2222", "6:00", "the 1990s" are no counts.
            func touches(_ other: StatementToken?) -> Bool {
                guard let other, other.folded == ":" || other.folded == "/" || other.folded == "-" else { return false }
                return other.range.upperBound == token.range.lowerBound || other.range.lowerBound == token.range.upperBound
            }
            let isCode = (previous?.folded == "-" && index >= 2 && tokens[index - 2].kind != .punctuation && touches(previous))
                || previous?.kind == .number || next?.kind == .number
                || (touches(previous) && previous?.folded != "-") || (touches(next) && next?.folded != "-")
                || (token.folded.hasPrefix("0") && token.folded.count > 1 && !token.folded.hasPrefix("0."))
            let isBound = previous.map { bounds.contains($0.folded) } ?? false
            let isPart = next?.folded == "of" && !token.isPercent
            if isYear || isCode || isBound || isPart || token.folded == "one" && previous?.folded != "only" { continue }
            let approximate = (previous.map { approximations.contains($0.folded) } ?? false) || token.folded == "dozen"
            guard let (noun, end) = countedNoun(tokens, after: index) else { continue }
            if timeOfDay.contains(noun.folded) { continue }
            out.append(NumberMention(value: value, noun: noun.term, nounText: noun.folded, isPercent: token.isPercent,
                                     isCurrency: token.isCurrency, isApproximate: approximate,
                                     range: token.range.lowerBound..<end,
                                     text: StatementExtractor.trimmedText(bytes, token.range.lowerBound..<end)))
        }
        return out
    }

    /// The noun a figure counts: the next content word, or for a compound ("15-year veteran",
    /// "40,000-seat stadium") the word the compound qualifies.
    private static func countedNoun(_ tokens: [StatementToken], after index: Int) -> (StatementToken, Int)? {
        var k = index + 1
        while k < tokens.count, k <= index + 4 {
            let next = tokens[k]
            if next.kind == .punctuation {
                if next.folded == "-", k + 1 < tokens.count, tokens[k + 1].isWord {
                    let compound = tokens[k + 1]
                    // "a 36-year-old driver": an age, told apart from counts of years.
                    if k + 3 < tokens.count, tokens[k + 2].folded == "-", tokens[k + 3].folded == "old" {
                        var age = compound
                        age.term = "age:" + (k + 4 < tokens.count && tokens[k + 4].isWord ? tokens[k + 4].term : "")
                        return (age, tokens[k + 3].range.upperBound)
                    }
                    if k + 2 < tokens.count, tokens[k + 2].isWord, tokens[k + 2].isContent,
                       !ComparisonLexicon.numberFillers.contains(tokens[k + 2].folded) {
                        return (tokens[k + 2], tokens[k + 2].range.upperBound)
                    }
                    return (compound, compound.range.upperBound)
                }
                guard next.folded == "%" else { return nil }
            } else if next.kind == .word, next.isContent, !ComparisonLexicon.numberFillers.contains(next.folded) {
                return (next, next.range.upperBound)
            } else if next.kind == .number {
                return nil
            }
            k += 1
        }
        return nil
    }
}
