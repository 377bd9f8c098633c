import CrossreadCore

/// Groups the quotes of a story that are one quote worded differently by different sources: the
/// same speaker (by surname) and most of the shorter quote's content words in the longer one.
struct QuoteGrouper: Sendable {
    var overlap: Double

    /// One quote of one document, with its folded speaker surname and content terms.
    struct Item: Sendable {
        var document: String
        var source: Int
        var quote: Quote
        var speakerKey: String?
        var terms: Set<String>
    }

    static func items(of document: Document, source: Int) -> [Item] {
        let bytes = Array(document.text.utf8)
        let tokenizer = StatementTokenizer()
        return document.annotations.quotes.map { quote in
            let terms = Set(tokenizer.tokens(bytes, in: quote.range).filter(\.isContent).map(\.term))
            let name = quote.speaker.flatMap { id in document.annotations.entities.first { $0.id == id }?.name }
                ?? quote.speakerName
            return Item(document: document.id, source: source, quote: quote,
                        speakerKey: name.map(StatementExtractor.surnameKey), terms: terms)
        }
    }

    /// Groups (as item indices) spanning two or more sources.
    func groups(_ items: [Item]) -> [[Int]] {
        var sets = DisjointSets()
        for _ in items { sets.add() }
        for a in items.indices {
            for b in (a + 1)..<items.count where items[a].source != items[b].source && isSameQuote(items[a], items[b]) {
                sets.union(a, b)
            }
        }
        return sets.groups().filter { members in Set(members.map { items[$0].source }).count >= 2 }
    }

    func isSameQuote(_ a: Item, _ b: Item) -> Bool {
        let smaller = min(a.terms.count, b.terms.count)
        guard smaller >= 2 else { return false }
        let shared = a.terms.intersection(b.terms).count
        let share = Double(shared) / Double(smaller)
        switch (a.speakerKey, b.speakerKey) {
        case let (x?, y?): return x == y && share >= overlap && shared >= min(3, smaller)
        default: return share >= max(overlap, 0.8) && shared >= 4
        }
    }
}
