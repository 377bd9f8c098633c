import CrossreadCore
import Foundation

/// Makes the n-th generated article from the real ones: a base article with sentences dropped,
/// swapped and substituted from another article on the same event, under an invented outlet,
/// author and date. The same seed and index always give the same article.
struct ArticleVariants: Sendable {
    let bases: [ArticleBase]
    let seed: UInt64
    private let groupMembers: [String: [Int]]

    /// Invented outlets: name and web domain.
    static let outlets: [(name: String, domain: String)] = [
        "Northgate Herald", "The Daily Lantern", "Riverside Courier", "Coastal Ledger", "Metro Dispatch",
        "The Evening Compass", "Harbor Times", "Plainsview Gazette", "Capital Observer", "The Morning Beacon",
        "Valley Tribune", "Lakeside Post", "Granite State Record", "The Summit Review", "Prairie Sentinel",
        "Bay Area Monitor", "Hillcrest Journal", "The Weekly Anchor", "Union Street News", "Eastern Chronicle",
        "Southport Register", "The Midland Voice", "Frontier Wire", "Old Mill Examiner", "Westbrook Bulletin",
        "The Quay Reporter", "Ironbridge Standard", "Crescent City Star", "Pinecrest Telegraph", "The Civic Page",
        "Redwood Dispatch", "Mariner Daily", "The Open Ledger", "Kingsford Press", "Meadowland Times",
        "Silverlake Globe", "The Borough Mail", "Cedar Valley News", "Twin Rivers Post", "The Atlas Report",
    ].map { name in
        (name, name.lowercased().replacingOccurrences(of: "the ", with: "").replacingOccurrences(of: " ", with: "") + ".example")
    }

    static let firstNames = ["Ana", "Ben", "Chloe", "Dmitri", "Esther", "Farid", "Grace", "Hiro", "Ines", "Jonah",
                             "Keira", "Luis", "Maya", "Nikhil", "Olga", "Pavel", "Quinn", "Rosa", "Samir", "Tessa"]
    static let lastNames = ["Abbott", "Brennan", "Castillo", "Dunmore", "Eriksen", "Fowler", "Galloway", "Hartley",
                            "Ibarra", "Jansen", "Kowalski", "Lindqvist", "Morrow", "Nakamura", "Okafor", "Prescott"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    init(bases: [ArticleBase], seed: UInt64) {
        self.bases = bases
        self.seed = seed
        var members: [String: [Int]] = [:]
        for (index, base) in bases.enumerated() { members[base.group, default: []].append(index) }
        groupMembers = members
    }

    /// The `index`-th article: plain text as a scraper would deliver it, with the outlet, author,
    /// date and address also given as metadata (as a feed would).
    func article(_ index: Int) -> RawArticle {
        var random = SplitMix64(seed: seed &+ UInt64(index) &* 0x2545_F491_4F6C_DD1D)
        let base = bases[index % bases.count]
        var sentences = base.sentences
        let neighbours = groupMembers[base.group] ?? []
        var out: [String] = []
        for (position, sentence) in sentences.enumerated() {
            let roll = Double.random(in: 0..<1, using: &random)
            if position == 0 { out.append(sentence); continue }
            if roll < 0.18 { continue }
            if roll < 0.30, neighbours.count > 1,
               let other = neighbours.randomElement(using: &random).map({ bases[$0].sentences }), !other.isEmpty {
                out.append(other.randomElement(using: &random)!)
                continue
            }
            out.append(sentence)
        }
        for position in stride(from: 1, to: max(1, out.count - 1), by: 1) where Double.random(in: 0..<1, using: &random) < 0.2 {
            out.swapAt(position, position + 1)
        }
        if out.count < 2 { out = Array(base.sentences.prefix(3)) }
        sentences = out

        let outlet = Self.outlets.randomElement(using: &random)!
        let author = Self.firstNames.randomElement(using: &random)! + " " + Self.lastNames.randomElement(using: &random)!
        let day = Int.random(in: 0..<900, using: &random)
        let (year, month, dayOfMonth) = PublicationDate.civilDate(dayCount: PublicationDate.dayCount(year: 2023, month: 1, day: 1) + day)
        let published = PublicationDate(year: year, month: month, day: dayOfMonth,
                                        hour: Int.random(in: 6..<23, using: &random), minute: Int.random(in: 0..<60, using: &random))
        let headline = Self.headline(from: sentences[0])
        let slug = headline.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(8).joined(separator: "-")
        let url = "https://\(outlet.domain)/\(year)/\(month < 10 ? "0" : "")\(month)/\(slug)-\(index)"

        var text = ""
        for line in base.header { text += line + "\n" }
        text += headline + "\n\nBy \(author)\n\(outlet.name) · \(Self.months[month - 1]) \(dayOfMonth), \(year)\n\n"
        var paragraph = 0
        for sentence in sentences {
            text += sentence
            paragraph += 1
            if paragraph >= Int.random(in: 1...3, using: &random) || base.group == "pages" {
                text += "\n\n"
                paragraph = 0
            } else {
                text += " "
            }
        }
        text += "\n"
        for line in base.footer { text += line + "\n" }
        let given = DocumentMetadata(title: headline, authors: [author], published: published, publisher: outlet.name,
                                     language: nil, url: url)
        return RawArticle(source: url, format: .text, content: text, original: Array(text.utf8), given: given)
    }

    /// A headline from the lead sentence: its first words, without the closing punctuation.
    static func headline(from sentence: String) -> String {
        let words = sentence.split(separator: " ")
        var headline = words.prefix(words.count > 14 ? 11 : words.count).joined(separator: " ")
        while let last = headline.last, ".,;:\"“”'".contains(last) { headline.removeLast() }
        return headline
    }
}
