/// What corpus analysis found across many documents: copies, stories and topics, a timeline, and the
/// cross-source comparison (corroborated and single-source statements, conflicts, disputes). Reports
/// render it; the dossier JSON (`crossread/1`) serializes it.
public struct CorpusAnalysis: Sendable, Equatable {
    public var documents: [Document]
    /// Corpus-wide entities (aliases merged across documents); mentions in `documents` point at these ids.
    public var entities: [Entity]
    /// Groups of document ids that are exact or near copies of each other (each group has 2+ ids).
    public var duplicates: [[String]]
    public var stories: [Story]
    public var topics: [Topic]
    public var timeline: [TimelineEntry]
    public var claims: [CorpusClaim]
    public var conflicts: [Conflict]
    /// The same quote as worded by different sources.
    public var quoteGroups: [QuoteGroup]

    public init(documents: [Document], entities: [Entity] = [], duplicates: [[String]] = [], stories: [Story] = [],
                topics: [Topic] = [], timeline: [TimelineEntry] = [], claims: [CorpusClaim] = [],
                conflicts: [Conflict] = [], quoteGroups: [QuoteGroup] = []) {
        self.documents = documents
        self.entities = entities
        self.duplicates = duplicates
        self.stories = stories
        self.topics = topics
        self.timeline = timeline
        self.claims = claims
        self.conflicts = conflicts
        self.quoteGroups = quoteGroups
    }
}

/// A place in a document: a UTF-8 byte range of its clean text (usually a sentence).
public struct TextReference: Sendable, Hashable, Codable {
    public var document: String
    public var range: Range<Int>

    public init(document: String, range: Range<Int>) {
        self.document = document
        self.range = range
    }
}

/// Articles about one real-world event.
public struct Story: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var documents: [String]
    /// Earliest and latest dates (ISO 8601) of the story's documents and events.
    public var first: String?
    public var last: String?
    public var topic: String

    public init(id: String, title: String, documents: [String], first: String?, last: String?, topic: String) {
        self.id = id
        self.title = title
        self.documents = documents
        self.first = first
        self.last = last
        self.topic = topic
    }
}

/// Related stories.
public struct Topic: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var stories: [String]

    public init(id: String, title: String, stories: [String]) {
        self.id = id
        self.title = title
        self.stories = stories
    }
}

/// A dated event across the corpus, with the sentences that state it.
public struct TimelineEntry: Sendable, Equatable, Codable {
    /// ISO 8601 date (day, month or year precision).
    public var date: String
    public var text: String
    public var documents: [String]
    public var evidence: [TextReference]
    public var story: String?

    public init(date: String, text: String, documents: [String], evidence: [TextReference], story: String? = nil) {
        self.date = date
        self.text = text
        self.documents = documents
        self.evidence = evidence
        self.story = story
    }
}

/// A statement compared across sources: who reports it, who corroborates it, who disputes it.
public struct CorpusClaim: Sendable, Equatable, Codable {
    public var id: String
    public var text: String
    /// Entity id of the speaker when the statement is a quote.
    public var speaker: String?
    /// Documents stating it (copies of one article count once and are listed once).
    public var documents: [String]
    /// Independent documents, other than the first, that state it too (paraphrases matched).
    public var corroboratedBy: [String]
    /// Documents that say it is false, inaccurate, misleading or unfounded.
    public var disputedBy: [String]
    /// The sentences stating it, one or more per document.
    public var evidence: [TextReference]
    /// The sentences disputing it.
    public var disputes: [TextReference]
    public var story: String?

    public init(id: String, text: String, speaker: String?, documents: [String], corroboratedBy: [String],
                disputedBy: [String], evidence: [TextReference], disputes: [TextReference], story: String?) {
        self.id = id
        self.text = text
        self.speaker = speaker
        self.documents = documents
        self.corroboratedBy = corroboratedBy
        self.disputedBy = disputedBy
        self.evidence = evidence
        self.disputes = disputes
        self.story = story
    }

    /// Stated by one independent source only.
    public var isSingleSource: Bool { corroboratedBy.isEmpty }
}

/// Sources disagreeing on a detail: a number, a date, a place, where something was said.
public struct Conflict: Sendable, Equatable, Codable {
    /// What the values describe ("venue of Trump's post", "number of cracks").
    public var about: String
    public var values: [ConflictValue]
    public var story: String?

    public init(about: String, values: [ConflictValue], story: String?) {
        self.about = about
        self.values = values
        self.story = story
    }
}

/// One source's value in a conflict.
public struct ConflictValue: Sendable, Equatable, Codable {
    public var value: String
    public var document: String
    public var evidence: TextReference

    public init(value: String, document: String, evidence: TextReference) {
        self.value = value
        self.document = document
        self.evidence = evidence
    }
}

/// One quote as several sources word it.
public struct QuoteGroup: Sendable, Equatable, Codable {
    public var speaker: String?
    public var speakerName: String?
    /// Each source's wording: the quote span in that document.
    public var variants: [TextReference]

    public init(speaker: String?, speakerName: String?, variants: [TextReference]) {
        self.speaker = speaker
        self.speakerName = speakerName
        self.variants = variants
    }
}
