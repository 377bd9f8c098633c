import CrossreadCore
import Foundation

/// The dossier as versioned JSON (`"schema": "crossread/1"`), described by
/// `schemas/crossread-1.schema.json`. Offsets count Unicode code points into each document's `text`.
public struct DossierJSON: Sendable {
    public init() {}

    public func render(_ analysis: CorpusAnalysis) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .prettyPrinted]
        let data = (try? encoder.encode(Root(analysis))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct Reference: Encodable {
        var document: String
        var start: Int
        var end: Int
    }

    struct Root: Encodable {
        let analysis: CorpusAnalysis
        let offsets: [String: CodePointOffsets]

        init(_ analysis: CorpusAnalysis) {
            self.analysis = analysis
            offsets = Dictionary(analysis.documents.map { ($0.id, CodePointOffsets($0.text)) }, uniquingKeysWith: { a, _ in a })
        }

        func reference(_ r: TextReference) -> Reference {
            let table = offsets[r.document]
            return Reference(document: r.document, start: table?.codePoint(atUTF8: r.range.lowerBound) ?? 0,
                             end: table?.codePoint(atUTF8: r.range.upperBound) ?? 0)
        }

        enum Key: String, CodingKey {
            case schema, documents, entities, duplicates, stories, topics, timeline, claims, conflicts, quoteGroups
        }

        struct TimelineJSON: Encodable { var date: String; var text: String; var documents: [String]; var evidence: [Reference]; var story: String? }
        struct ClaimJSON: Encodable {
            var id: String, text: String, speaker: String?, documents: [String], corroboratedBy: [String], disputedBy: [String]
            var evidence: [Reference], disputes: [Reference], story: String?
            enum CodingKeys: String, CodingKey { case id, text, speaker, documents, corroboratedBy, disputedBy, evidence, disputes, story }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(id, forKey: .id); try c.encode(text, forKey: .text); try c.encode(speaker, forKey: .speaker)
                try c.encode(documents, forKey: .documents); try c.encode(corroboratedBy, forKey: .corroboratedBy)
                try c.encode(disputedBy, forKey: .disputedBy); try c.encode(evidence, forKey: .evidence)
                try c.encode(disputes, forKey: .disputes); try c.encode(story, forKey: .story)
            }
        }
        struct StoryJSON: Encodable {
            var id: String, title: String, documents: [String], first: String?, last: String?, topic: String
            enum CodingKeys: String, CodingKey { case id, title, documents, first, last, topic }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(id, forKey: .id); try c.encode(title, forKey: .title); try c.encode(documents, forKey: .documents)
                try c.encode(first, forKey: .first); try c.encode(last, forKey: .last); try c.encode(topic, forKey: .topic)
            }
        }
        struct ConflictValueJSON: Encodable { var value: String; var document: String; var evidence: Reference }
        struct ConflictJSON: Encodable { var about: String; var values: [ConflictValueJSON]; var story: String? }
        struct QuoteGroupJSON: Encodable { var speaker: String?; var speakerName: String?; var variants: [Reference] }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode("crossread/1", forKey: .schema)
            try c.encode(analysis.documents.map { DocumentJSON($0, includeAnnotations: true) }, forKey: .documents)
            try c.encode(analysis.entities, forKey: .entities)
            try c.encode(analysis.duplicates, forKey: .duplicates)
            try c.encode(analysis.stories.map {
                StoryJSON(id: $0.id, title: $0.title, documents: $0.documents, first: $0.first, last: $0.last, topic: $0.topic)
            }, forKey: .stories)
            try c.encode(analysis.topics, forKey: .topics)
            try c.encode(analysis.timeline.map {
                TimelineJSON(date: $0.date, text: $0.text, documents: $0.documents, evidence: $0.evidence.map(reference), story: $0.story)
            }, forKey: .timeline)
            try c.encode(analysis.claims.map {
                ClaimJSON(id: $0.id, text: $0.text, speaker: $0.speaker, documents: $0.documents, corroboratedBy: $0.corroboratedBy,
                          disputedBy: $0.disputedBy, evidence: $0.evidence.map(reference), disputes: $0.disputes.map(reference), story: $0.story)
            }, forKey: .claims)
            try c.encode(analysis.conflicts.map { conflict in
                ConflictJSON(about: conflict.about, values: conflict.values.map {
                    ConflictValueJSON(value: $0.value, document: $0.document, evidence: reference($0.evidence))
                }, story: conflict.story)
            }, forKey: .conflicts)
            try c.encode(analysis.quoteGroups.map {
                QuoteGroupJSON(speaker: $0.speaker, speakerName: $0.speakerName, variants: $0.variants.map(reference))
            }, forKey: .quoteGroups)
        }
    }
}
