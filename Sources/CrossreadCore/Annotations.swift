/// What language analysis found in a document's clean text. Every span is a UTF-8 byte range into
/// `Document.text`; JSON output converts to Unicode code points.
public struct Annotations: Sendable, Equatable, Codable {
    public var sentences: [Sentence]
    public var mentions: [EntityMention]
    /// The entities this document mentions, each mention's `entity` pointing at one of these ids.
    public var entities: [Entity]
    public var quotes: [Quote]
    public var times: [TimeExpression]
    public var claims: [Claim]
    /// Quoted words that are not speech (titles, terms, nicknames); absent in annotations stored
    /// before they were found, which decode with none.
    public var terms: [QuotedTerm]

    public init(sentences: [Sentence] = [], mentions: [EntityMention] = [], entities: [Entity] = [],
                quotes: [Quote] = [], times: [TimeExpression] = [], claims: [Claim] = [], terms: [QuotedTerm] = []) {
        self.sentences = sentences
        self.mentions = mentions
        self.entities = entities
        self.quotes = quotes
        self.times = times
        self.claims = claims
        self.terms = terms
    }
}

extension Annotations {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(sentences: try c.decode([Sentence].self, forKey: .sentences),
                  mentions: try c.decode([EntityMention].self, forKey: .mentions),
                  entities: try c.decode([Entity].self, forKey: .entities),
                  quotes: try c.decode([Quote].self, forKey: .quotes),
                  times: try c.decode([TimeExpression].self, forKey: .times),
                  claims: try c.decode([Claim].self, forKey: .claims),
                  terms: try c.decodeIfPresent([QuotedTerm].self, forKey: .terms) ?? [])
    }
}

/// A sentence of the clean text.
public struct Sentence: Sendable, Equatable, Codable {
    public var range: Range<Int>
    public init(range: Range<Int>) { self.range = range }
}

/// The kinds of things entity recognition finds.
public enum EntityType: String, Sendable, Codable, CaseIterable {
    case person, organization, place
    /// Nationalities, religious and political groups ("Israeli", "Iranian"): not places.
    case group
    case amount, percent
}

/// One mention of an entity in the text.
public struct EntityMention: Sendable, Equatable, Codable {
    public var range: Range<Int>
    public var type: EntityType
    /// The id of the `Entity` this mention names.
    public var entity: String
    /// A title or role stated with this mention ("Prime Minister", "Minister of Strategic Affairs"), not part of `range`.
    public var role: String?

    public init(range: Range<Int>, type: EntityType, entity: String, role: String? = nil) {
        self.range = range
        self.type = type
        self.entity = entity
        self.role = role
    }
}

/// A real-world thing named in one or more mentions: canonical name, aliases, type and roles.
public struct Entity: Sendable, Equatable, Codable {
    /// Stable, readable id: type prefix and slug of the canonical name ("person:benjamin-netanyahu").
    public var id: String
    public var name: String
    public var type: EntityType
    public var aliases: [String]
    public var roles: [String]

    public init(id: String, name: String, type: EntityType, aliases: [String] = [], roles: [String] = []) {
        self.id = id
        self.name = name
        self.type = type
        self.aliases = aliases
        self.roles = roles
    }
}

/// Direct speech or a quoted post, with who said it, how and where.
public struct Quote: Sendable, Equatable, Codable {
    /// The quoted words, without the quote marks. A split quote ("“A,” she said. “B.”") is two quotes
    /// with the same speaker, cue and venue, so each range holds quoted words only.
    public var range: Range<Int>
    /// The speaker's entity id, when resolved.
    public var speaker: String?
    /// The speaker as the text names them (or the resolved name for "he"/"she").
    public var speakerName: String?
    /// The reporting verb or phrase ("said", "posted", "according to").
    public var cue: String?
    /// Where it was said when the text says so ("Truth Social", "X", "an interview").
    public var venue: String?

    public init(range: Range<Int>, speaker: String? = nil, speakerName: String? = nil, cue: String? = nil, venue: String? = nil) {
        self.range = range
        self.speaker = speaker
        self.speakerName = speakerName
        self.cue = cue
        self.venue = venue
    }
}

/// Quoted words that are not speech: the title of a work, show or event ("said on “Fox News
/// Sunday”"), a term in scare quotes ("a phenomenon called “differential nonresponse”"), a nickname,
/// a slogan. `range` holds the words without the marks, like a quote's.
public struct QuotedTerm: Sendable, Equatable, Codable {
    public var range: Range<Int>
    public init(range: Range<Int>) { self.range = range }
}

/// A time expression, resolved against the publication date when it is relative.
public struct TimeExpression: Sendable, Equatable, Codable {
    public var range: Range<Int>
    /// Normalized value: `2024-11-10`, `2024-11`, `2024`, `2024-W45`, or nil when unresolved.
    public var value: String?
    /// Why `value` is nil ("relative date and the publication date is unknown").
    public var unresolvedReason: String?

    public init(range: Range<Int>, value: String?, unresolvedReason: String? = nil) {
        self.range = range
        self.value = value
        self.unresolvedReason = unresolvedReason
    }
}

/// A sentence that asserts something checkable.
public struct Claim: Sendable, Equatable, Codable {
    public var range: Range<Int>
    /// Check-worthiness in 0...1.
    public var score: Double
    /// Entity id of the speaker when the claim is quoted.
    public var speaker: String?
    /// Why it is checkable: "quote", "number", "dated event", "comparison".
    public var kinds: [String]

    public init(range: Range<Int>, score: Double, speaker: String? = nil, kinds: [String] = []) {
        self.range = range
        self.score = score
        self.speaker = speaker
        self.kinds = kinds
    }
}

/// A per-document language stage: reads a document's clean text (and publication date), writes
/// its annotations. Requires: `Document.text`. Produces: `Annotations`.
public protocol DocumentAnnotator: Sendable {
    func annotate(_ document: Document) -> Annotations
}
