import CrossreadCore
import Foundation

/// Generates a stream of documents in families: each family is one base article and its copies
/// (exact copies, copies with site boilerplate added, sentences dropped or reordered, words swapped).
/// Bases are the real articles given, then composites of sentences drawn from all of them. The family
/// number of every document is the ground truth of near-duplicate groups.
struct VariantGenerator {
    private var random: SplitMix64
    private let articles: [[String]]  // sentences per real article
    private let sentencePool: [String]
    private let vocabulary: [String]
    private var nextArticle = 0
    private(set) var family = 0

    init(articles texts: [String], seed: UInt64) {
        random = SplitMix64(seed: seed)
        articles = texts.map(VariantGenerator.sentences).filter { $0.count >= 3 }
        sentencePool = articles.flatMap { $0 }
        var words = Set<String>()
        for sentence in sentencePool.prefix(4000) {
            for word in sentence.split(separator: " ") where word.count >= 4 && word.allSatisfy(\.isLetter) {
                words.insert(word.lowercased())
            }
        }
        vocabulary = words.sorted()
    }

    /// The headline a generated article gets: its first line of four words or more, at most 90 characters.
    static func headline(of text: String) -> String {
        String(text.split(separator: "\n").first { $0.split(separator: " ").count >= 4 }?.prefix(90) ?? "")
    }

    /// The publication date of the `index`th of `total` generated articles: spread in order over a year.
    static func date(_ index: Int, of total: Int) -> (year: Int, month: Int, day: Int) {
        PublicationDate.civilDate(dayCount: 20_000 + index * 365 / total)
    }

    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            var current = ""
            let words = line.split(separator: " ")
            for (index, word) in words.enumerated() {
                current += current.isEmpty ? String(word) : " " + word
                let ends = word.hasSuffix(".") || word.hasSuffix("?") || word.hasSuffix("!")
                if ends && index + 1 < words.count && words[index + 1].first?.isUppercase == true {
                    out.append(current)
                    current = ""
                }
            }
            if !current.isEmpty { out.append(current) }
        }
        return out.filter { $0.split(separator: " ").count >= 3 }
    }

    /// The next family: its base and variants, at most `limit` documents.
    mutating func nextFamily(limit: Int) -> [String] {
        family += 1
        let base: [String]
        if nextArticle < articles.count {
            base = articles[nextArticle]
            nextArticle += 1
        } else {
            let length = Int.random(in: 12...40, using: &random)
            base = (0..<length).map { _ in sentencePool.randomElement(using: &random)! }
        }
        let roll = Double.random(in: 0..<1, using: &random)
        let size = roll < 0.5 ? 1 : roll < 0.7 ? 2 : roll < 0.8 ? 3 : Int.random(in: 4...8, using: &random)
        var documents = [base.joined(separator: " ")]
        while documents.count < min(size, limit) { documents.append(variant(of: base)) }
        return documents
    }

    private mutating func variant(of base: [String]) -> String {
        if Double.random(in: 0..<1, using: &random) < 0.2 {
            // An exact copy, up to case, spacing and line breaks.
            return base.joined(separator: "\n").uppercased(with: nil)
        }
        var sentences = base
        var edits = ["boilerplate", "drop", "reorder", "substitute"].shuffled(using: &random)
        edits = Array(edits.prefix(Int.random(in: 1...3, using: &random)))
        var header: [String] = [], footer: [String] = []
        for edit in edits {
            switch edit {
            case "boilerplate":
                header = Array(VariantGenerator.headers.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random)))
                footer = Array(VariantGenerator.footers.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)))
            case "drop":
                // Up to a tenth of the sentences, at least one.
                let drops = max(1, Int.random(in: 0...(sentences.count / 10), using: &random))
                for _ in 0..<drops where sentences.count > 3 {
                    sentences.remove(at: Int.random(in: 0..<sentences.count, using: &random))
                }
            case "reorder":
                let i = Int.random(in: 0..<(sentences.count - 1), using: &random)
                sentences.swapAt(i, i + 1)
            default:
                // About one word in a hundred replaced.
                sentences = sentences.map { sentence in
                    sentence.split(separator: " ").map { word in
                        Double.random(in: 0..<1, using: &random) < 0.01 ? vocabulary.randomElement(using: &random)! : String(word)
                    }.joined(separator: " ")
                }
            }
        }
        return (header + sentences + footer).joined(separator: "\n")
    }

    static let headers = [
        "Home | News | World | Business | Sport | Opinion",
        "Breaking: live coverage continues on our app",
        "Subscribe to our daily briefing and never miss a story",
        "Advertisement",
        "Menu Search Sign in Register",
        "From our wire partners",
    ]

    static let footers = [
        "Copyright 2026 The Riverside Ledger. All rights reserved.",
        "Share this article: Facebook Twitter Email Print",
        "Read more: the week's most talked-about stories",
        "Follow us for the latest headlines and alerts.",
        "This story was distributed by a news agency and edited for length.",
        "Comments are closed for this article.",
        "Related coverage: what happens next and why it matters",
    ]
}
