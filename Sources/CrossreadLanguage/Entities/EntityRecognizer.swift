import CrossreadCore

/// Finds people, organizations, places, groups (nationalities, religions, parties), amounts and
/// percentages in clean text: a learned BIO tagger for names, then gazetteers and rules for
/// titles and roles, possessives, hyphenated pairs, headlines, groups and numbers.
///
/// Mentions carry a provisional entity id (type and slug of their text); `EntityResolver` merges them.
public struct EntityRecognizer: Sendable {
    /// What runs; the defaults are what Crossread uses.
    public struct Options: Sendable {
        /// Apply the rules after the tagger (titles, groups, gazetteer places, hyphens, headlines,
        /// document consistency, amounts). Off only to measure the tagger alone.
        public var rules = true
        public init() {}
    }

    let tagger: EntityTagger?
    let gazetteer: Gazetteer
    let commonLower: HashIndex
    let clusters: WordClusters
    let lexicon: TaggerLexicon
    public var options: Options

    /// A recognizer with the shipped model and gazetteer. Without a model only the rules run.
    public init(model: TaggerModel? = TaggerModel.standard, gazetteer: Gazetteer = .standard,
                clusters: WordClusters = .standard, lexicon: TaggerLexicon = .standard, options: Options = Options()) {
        self.gazetteer = gazetteer
        self.clusters = clusters
        self.lexicon = lexicon
        self.tagger = model.map { EntityTagger(model: $0, gazetteer: gazetteer) }
        self.commonLower = model?.commonLower ?? HashIndex()
        self.options = options
    }

    /// Mentions in `text`, in order of their start.
    public func recognize(_ text: String) -> [EntityMention] {
        let tokens = Tokenizer().tokenize(text)
        var text = text
        let sentences = text.withUTF8 { SentenceSplitter().tokenRanges($0, tokens: tokens) }
        return recognize(text, tokens: tokens, sentences: sentences)
    }

    /// Mentions in `text` from its tokens and sentences (token index ranges, as `SentenceSplitter.tokenRanges`).
    public func recognize(_ text: String, tokens: [Token], sentences: [Range<Int>]) -> [EntityMention] {
        var text = text
        return text.withUTF8 { bytes in
            let profiles = TokenProfile.profiles(bytes, tokens, gazetteer: gazetteer, commonLower: commonLower, clusters: clusters, lexicon: lexicon)
            let tags = tagger?.tag(bytes, tokens, sentences: sentences, profiles: profiles)
                ?? [EntityTag](repeating: .outside, count: tokens.count)
            var candidates = EntityRecognizer.spans(from: tags)
            if options.rules {
                var rules = EntityRules(bytes: bytes, tokens: tokens, sentences: sentences, profiles: profiles, gazetteer: gazetteer)
                candidates = rules.apply(to: candidates)
            }
            return candidates.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }.map { candidate in
                let range = tokens[candidate.tokens.lowerBound].range.lowerBound..<tokens[candidate.tokens.upperBound - 1].range.upperBound
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                return EntityMention(range: range, type: candidate.type, entity: EntityNames.id(type: candidate.type, name: name),
                                     role: candidate.role)
            }
        }
    }

    /// Spans of the tagger's BIO tags (an inside tag after a different type starts a span).
    static func spans(from tags: [EntityTag]) -> [EntityCandidate] {
        var result: [EntityCandidate] = []
        var start = -1
        var type = 0
        for (k, tag) in tags.enumerated() {
            if tag == .outside || tag.isBegin || tag.type != type {
                if start >= 0 { result.append(EntityCandidate(tokens: start..<k, type: EntityCandidate.entityType(type))) }
                start = tag == .outside ? -1 : k
                type = tag == .outside ? 0 : tag.type
            }
        }
        if start >= 0 { result.append(EntityCandidate(tokens: start..<tags.count, type: EntityCandidate.entityType(type))) }
        return result
    }
}

/// A mention being built: token range, type, and the title stated with it.
struct EntityCandidate {
    var tokens: Range<Int>
    var type: EntityType
    var role: String?
    /// Found by the tagger (false: by a gazetteer or a rule).
    var fromTagger = true

    static func entityType(_ taggerType: Int) -> EntityType {
        switch taggerType {
        case 1: return .person
        case 2: return .organization
        default: return .place
        }
    }
}
