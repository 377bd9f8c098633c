import Foundation

/// Word and phrase lists behind entity recognition (places, nationalities and groups,
/// organizations, titles, first names, nicknames, suffix words), looked up by byte hashes of
/// token sequences. Loaded once from the module's `gazetteer.tsv`.
public struct Gazetteer: Sendable {
    /// What a gazetteer entry can be; one phrase may be several ("Georgia": place and first name).
    public struct Kinds: OptionSet, Sendable, Hashable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        public static let place = Kinds(rawValue: 1 << 0)
        /// A city of at least 100,000 people: a weaker hint than `place`.
        public static let city = Kinds(rawValue: 1 << 1)
        public static let group = Kinds(rawValue: 1 << 2)
        public static let organization = Kinds(rawValue: 1 << 3)
        /// A social network or messaging service ("X", "Truth Social").
        public static let platform = Kinds(rawValue: 1 << 4)
        /// A title head ("President", "Minister", "Rep.").
        public static let role = Kinds(rawValue: 1 << 5)
        /// A word that modifies a title ("Prime", "Defense", "Vice").
        public static let roleModifier = Kinds(rawValue: 1 << 6)
        public static let firstName = Kinds(rawValue: 1 << 7)
        public static let nickname = Kinds(rawValue: 1 << 8)
        public static let organizationSuffix = Kinds(rawValue: 1 << 9)
        public static let placeSuffix = Kinds(rawValue: 1 << 10)
        /// The last word of the name of an agreement, law, plan or event ("Accords", "Act", "Summit").
        public static let workSuffix = Kinds(rawValue: 1 << 11)

        static let byName: [String: Kinds] = [
            "place": .place, "city": .city, "group": .group, "organization": .organization, "platform": .platform,
            "role": .role, "rolemod": .roleModifier, "first": .firstName, "nickname": .nickname,
            "orgsuffix": .organizationSuffix, "placesuffix": .placeSuffix, "worksuffix": .workSuffix,
        ]
    }

    struct Entry: Sendable {
        var kinds: Kinds
        /// The canonical name of a place alias ("U.S." -> "United States") or a nickname's formal name.
        var canonical: String?
        /// Hash of the phrase in its written case, for acronyms that must match exactly ("US" but not "us").
        var exactHash: UInt64?
    }

    private var entries: [Entry] = []
    private var phrases = HashIndex(capacity: 8192)
    /// First token of every multi-token phrase -> the longest such phrase, in tokens.
    private var phraseStarts = HashIndex(capacity: 1024)
    private(set) var maxPhraseTokens = 1
    /// Lower-cased nickname -> lower-cased formal first names ("bibi" -> ["benjamin", "binyamin"]).
    private var nicknames: [String: Set<String>] = [:]

    /// The gazetteer shipped with the module.
    public static let standard: Gazetteer = {
        guard let url = Bundle.module.url(forResource: "gazetteer", withExtension: "tsv"),
              let data = try? Data(contentsOf: url) else { return Gazetteer(tsv: "") }
        return Gazetteer(tsv: String(decoding: data, as: UTF8.self))
    }()

    /// Parses lines of `kind<TAB>name[<TAB>canonical]`; `#` starts a comment line.
    public init(tsv: String) {
        let tokenizer = Tokenizer()
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, let kind = Kinds.byName[String(fields[0])] else { continue }
            let name = String(fields[1])
            let canonical = fields.count >= 3 && !fields[2].isEmpty ? String(fields[2]) : nil
            if kind == .nickname, let canonical { nicknames[name.lowercased(), default: []].insert(canonical.lowercased()) }
            add(name, kind: kind, canonical: canonical, tokenizer: tokenizer)
        }
    }

    private mutating func add(_ name: String, kind: Kinds, canonical: String?, tokenizer: Tokenizer) {
        var name = name
        let tokens = tokenizer.tokenize(name)
        guard !tokens.isEmpty else { return }
        let (key, exact) = name.withUTF8 { bytes in
            (Gazetteer.phraseHash(bytes, tokens, 0..<tokens.count, lowercased: true),
             Gazetteer.phraseHash(bytes, tokens, 0..<tokens.count, lowercased: false))
        }
        let letters = name.unicodeScalars.filter { $0.properties.isAlphabetic }
        let isAcronym = letters.count <= 5 && !letters.contains { $0.properties.isLowercase }
        if let index = phrases.value(for: key) {
            entries[Int(index)].kinds.insert(kind)
            if entries[Int(index)].canonical == nil { entries[Int(index)].canonical = canonical }
            if !isAcronym { entries[Int(index)].exactHash = nil }
        } else {
            phrases.set(key, Int32(entries.count))
            entries.append(Entry(kinds: kind, canonical: canonical, exactHash: isAcronym ? exact : nil))
        }
        if tokens.count > 1 {
            let first = name.withUTF8 { ByteHash.hash($0, tokens[0].range) }
            let longest = max(Int(phraseStarts.value(for: first) ?? 0), tokens.count)
            phraseStarts.set(first, Int32(longest))
            maxPhraseTokens = max(maxPhraseTokens, tokens.count)
        }
    }

    /// Hash of the tokens `range` as a phrase: words joined by one space, touching tokens
    /// ("Mar-a-Lago", "U.S.") joined as written.
    @inline(__always)
    static func phraseHash(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ range: Range<Int>, lowercased: Bool) -> UInt64 {
        var h = ByteHash.hash(bytes, tokens[range.lowerBound].range, lowercased: lowercased)
        var k = range.lowerBound + 1
        while k < range.upperBound {
            let t = tokens[k]
            h = t.gap == .none ? ByteHash.hash(bytes, t.range, lowercased: lowercased, seed: h)
                : ByteHash.extend(h, bytes, t.range, lowercased: lowercased)
            k += 1
        }
        return h
    }

    /// A phrase found in the text: its token range and entry.
    struct Match {
        var tokens: Range<Int>
        var kinds: Kinds
        var canonical: String?
    }

    /// The longest phrase starting at token `start` (not crossing a line break or `limit`).
    @inline(__always)
    func longestMatch(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], at start: Int, limit: Int) -> Match? {
        let firstHash = ByteHash.hash(bytes, tokens[start].range)
        var longest = 1
        if let n = phraseStarts.value(for: firstHash) { longest = Int(n) }
        var end = min(limit, start + longest)
        var k = start + 1
        while k < end {
            if tokens[k].gap >= .line { end = k; break }
            k += 1
        }
        var length = end - start
        while length >= 1 {
            let range = start..<(start + length)
            let key = length == 1 ? firstHash : Gazetteer.phraseHash(bytes, tokens, range, lowercased: true)
            if let index = phrases.value(for: key) {
                let entry = entries[Int(index)]
                if let exact = entry.exactHash, exact != Gazetteer.phraseHash(bytes, tokens, range, lowercased: false) {
                    length -= 1
                    continue
                }
                return Match(tokens: range, kinds: entry.kinds, canonical: entry.canonical)
            }
            length -= 1
        }
        return nil
    }

    /// The kinds of a single token (with its exact case checked for acronyms).
    @inline(__always)
    func kinds(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Kinds {
        guard let index = phrases.value(for: ByteHash.hash(bytes, range)) else { return [] }
        let entry = entries[Int(index)]
        if let exact = entry.exactHash, exact != ByteHash.hash(bytes, range, lowercased: false) { return [] }
        return entry.kinds
    }

    /// The entry for a whole name written as text ("U.S.", "Bibi"), if any.
    func entry(for name: String) -> (kinds: Kinds, canonical: String?)? {
        var name = name
        let tokens = Tokenizer().tokenize(name)
        guard !tokens.isEmpty else { return nil }
        return name.withUTF8 { bytes -> (kinds: Kinds, canonical: String?)? in
            guard let index = phrases.value(for: Gazetteer.phraseHash(bytes, tokens, 0..<tokens.count, lowercased: true)) else { return nil }
            let entry = entries[Int(index)]
            if let exact = entry.exactHash, exact != Gazetteer.phraseHash(bytes, tokens, 0..<tokens.count, lowercased: false) { return nil }
            return (entry.kinds, entry.canonical)
        }
    }

    /// The kinds listed for a name written as text.
    public func kinds(of name: String) -> Kinds { entry(for: name)?.kinds ?? [] }

    /// The canonical name of a place alias ("U.S." -> "United States"), or nil.
    public func canonicalPlace(_ name: String) -> String? {
        guard let entry = entry(for: name), entry.kinds.contains(.place) else { return nil }
        return entry.canonical
    }

    /// The formal first names a nickname stands for, lower case ("bibi" -> ["benjamin", "binyamin"]).
    public func formalFirstNames(_ nickname: String) -> Set<String> {
        nicknames[nickname.lowercased()] ?? []
    }
}
