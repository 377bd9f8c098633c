import CrossreadCore

/// What story clustering reads from one document: raw counts of lemmatized content words, of named
/// entities (the annotator's entity ids when present, and capitalized word sequences), of time
/// features (the document's month and year, years it names) and of the kinds of event its lead reports,
/// with a readable surface form per key for naming stories.
struct DocumentFeatures: Sendable {
    var counts: [UInt64: Float] = [:]
    var surfaces: [UInt64: String] = [:]
    var date: PublicationDate?
    var title: String?
    /// The opening sentence, cut to a headline's length (names a story that has no headlines).
    var lead: String?

    init(document: Document) {
        date = DocumentDating.date(of: document)
        title = document.metadata.title.flatMap { $0.isEmpty ? nil : $0 }
        lead = LeadSentence.of(document.text)
        var text = document.text
        if let title, !text.hasPrefix(title) { text = title + "\n" + text }
        let scanner = TextScanner(text)
        addWords(scanner)
        addLeadKinds(scanner)
        // The annotator's entities bring aliases together ("President Trump", "Donald Trump"); capitalized
        // runs keep the names it does not tag (events, works, products).
        if document.annotations.mentions.contains(where: { DocumentFeatures.isName($0.type) }) {
            addEntities(document.annotations)
        }
        addCapitalizedNames(scanner)
        addTime(scanner)
    }

    private mutating func add(_ channel: FeatureChannel, _ hash: UInt64, _ weight: Float, surface: @autoclosure () -> String) {
        let key = channel.key(hash)
        if counts[key] == nil { surfaces[key] = surface() }
        counts[key, default: 0] += weight
    }

    private mutating func addWords(_ scanner: TextScanner) {
        for token in scanner.tokens where !token.allDigits && token.end - token.start >= 2 {
            guard !StopWords.contains(token.hash) else { continue }
            let lower = scanner.lowercased(token)
            let stem = Lemmatizer.stem(lower)
            add(.words, TextScanner.hash(lowercased: stem), 1, surface: String(decoding: lower, as: UTF8.self))
        }
    }

    /// Sentences of the lead: the headline (when the text has one) and the opening sentences.
    static let leadSentences = 4

    /// The kinds (`EventKinds`) of the lead's common words, those the text also writes in lower case:
    /// what happened ("firebomb", "bank", "killed"), which the names in the same sentences do not tell.
    private mutating func addLeadKinds(_ scanner: TextScanner) {
        var lowerSeen = Set<UInt64>()
        for token in scanner.tokens where !token.capitalized { lowerSeen.insert(token.hash) }
        var sentences = 0
        var seen = Set<UInt32>()
        for token in scanner.tokens {
            if token.sentenceStart { sentences += 1 }
            if sentences > DocumentFeatures.leadSentences { break }
            guard !token.allDigits, token.end - token.start >= 3, lowerSeen.contains(token.hash),
                  !StopWords.contains(token.hash), let kinds = EventKinds.standard.kinds(ofLowercased: scanner.lowercased(token))
            else { continue }
            seen.removeAll(keepingCapacity: true)
            for kind in kinds where seen.insert(kind).inserted {
                counts[FeatureChannel.kinds.key(UInt64(kind)), default: 0] += 1
            }
        }
    }

    static func isName(_ type: EntityType) -> Bool {
        type == .person || type == .organization || type == .place || type == .group
    }

    /// Each mention counts its entity id and, for a multi-word name, each word of the entity's name,
    /// so "Lindsay Lohan" in one article meets "Lohan" resolved to another id in the next.
    private mutating func addEntities(_ annotations: Annotations) {
        var entities: [String: Entity] = [:]
        for entity in annotations.entities { entities[entity.id] = entity }
        for mention in annotations.mentions where DocumentFeatures.isName(mention.type) {
            let entity = entities[mention.entity]
            let name = entity?.name ?? mention.entity
            add(.names, DocumentFeatures.nameHash(name.lowercased().split(separator: " ").map { Array($0.utf8) }), 1,
                surface: name)
            let parts = name.split(separator: " ")
            if parts.count > 1 {
                for part in parts where part.count > 1 {
                    let lower = Array(part.lowercased().utf8)
                    guard !StopWords.contains(TextScanner.hash(lowercased: lower)) else { continue }
                    add(.names, DocumentFeatures.nameHash([lower]), 1, surface: String(part))
                }
            }
        }
    }

    /// The key of a name from its lowercased words: the same whether it came from the annotator or from
    /// capitalized words.
    static func nameHash(_ words: [[UInt8]]) -> UInt64 {
        var hash: UInt64 = 0x51_7C_C1_B7_27_22_0A_95
        for word in words { hash = WordHasher.finalize(hash ^ TextScanner.hash(lowercased: word)) }
        return hash
    }

    /// Runs of capitalized words on one line, only spaces between them, outside title-case lines. A
    /// run's first word at a sentence start counts only if the text also capitalizes it mid-sentence.
    /// Each run counts whole and, when longer than one word, each word again ("Lindsay Lohan" also
    /// counts "Lohan", so a later "Lohan" alone matches).
    private mutating func addCapitalizedNames(_ scanner: TextScanner) {
        let tokens = scanner.tokens
        var midSentence = Set<UInt64>()
        for token in tokens where token.capitalized && !token.sentenceStart && !token.inTitleCaseLine {
            midSentence.insert(token.hash)
        }
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard token.capitalized, !token.inTitleCaseLine, !token.allDigits else { index += 1; continue }
            var run = [index]
            var next = index + 1
            while next < tokens.count, tokens[next].capitalized, tokens[next].joinedToPrevious,
                  !tokens[next].inTitleCaseLine, !tokens[next].allDigits {
                run.append(next)
                next += 1
            }
            index = next
            if tokens[run[0]].sentenceStart, !midSentence.contains(tokens[run[0]].hash) { run.removeFirst() }
            if run.count == 1, StopWords.contains(tokens[run[0]].hash) { continue }
            guard !run.isEmpty else { continue }
            let lowered = run.map { scanner.lowercased(tokens[$0]) }
            let words = run.map { String(decoding: scanner.bytes[tokens[$0].start..<tokens[$0].end], as: UTF8.self) }
            add(.names, DocumentFeatures.nameHash(lowered), 1, surface: words.joined(separator: " "))
            if run.count > 1 {
                for (offset, position) in run.enumerated() where !StopWords.contains(tokens[position].hash) {
                    add(.names, DocumentFeatures.nameHash([lowered[offset]]), 1, surface: words[offset])
                }
            }
        }
    }

    /// The document's own month and year weigh two; every year (1900 to 2099) the text names adds one.
    /// Dates resolved from relative expressions are left out: they repeat the publication month, and
    /// dates of earlier events blur which event an article reports (stories B3 F1 on ECB+ 0.931 with
    /// them, 0.947 without).
    private mutating func addTime(_ scanner: TextScanner) {
        if let date {
            addTimeKey("year:\(date.year)", 2)
            addTimeKey("month:\(date.year)-\(date.month)", 2)
        }
        for token in scanner.tokens where token.allDigits && token.end - token.start == 4 {
            let digits = scanner.bytes[token.start..<token.end].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            if (1900...2099).contains(digits) { addTimeKey("year:\(digits)", 1) }
        }
    }

    private mutating func addTimeKey(_ name: String, _ weight: Float) {
        add(.time, TextScanner.hash(lowercased: Array(name.utf8)), weight, surface: name)
    }
}
