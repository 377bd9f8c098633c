import CrossreadCore

/// Lookups a report needs: documents and entities by id, the sentence that holds an offset, a short
/// label for each source.
struct DossierIndex {
    let analysis: CorpusAnalysis
    let documents: [String: Document]
    let entities: [String: Entity]
    /// Per document: the start offsets of its sentences, for binary search.
    private let sentenceStarts: [String: [Int]]
    private let paragraphStarts: [String: [Int]]

    init(_ analysis: CorpusAnalysis) {
        self.analysis = analysis
        var documents: [String: Document] = [:]
        var sentenceStarts: [String: [Int]] = [:]
        var paragraphStarts: [String: [Int]] = [:]
        var entities: [String: Entity] = [:]
        for document in analysis.documents {
            documents[document.id] = document
            sentenceStarts[document.id] = document.annotations.sentences.map(\.range.lowerBound)
            paragraphStarts[document.id] = document.paragraphs.map(\.range.lowerBound)
            for entity in document.annotations.entities where entities[entity.id] == nil { entities[entity.id] = entity }
        }
        for entity in analysis.entities { entities[entity.id] = entity }
        self.documents = documents
        self.entities = entities
        self.sentenceStarts = sentenceStarts
        self.paragraphStarts = paragraphStarts
    }

    /// The anchor of the sentence (or, without sentences, the paragraph) holding `reference`.
    func anchor(_ reference: TextReference) -> String {
        if let starts = sentenceStarts[reference.document], !starts.isEmpty {
            return "s-\(reference.document)-\(Self.lastIndex(in: starts, atMost: reference.range.lowerBound))"
        }
        if let starts = paragraphStarts[reference.document], !starts.isEmpty {
            return "p-\(reference.document)-\(Self.lastIndex(in: starts, atMost: reference.range.lowerBound))"
        }
        return "d-\(reference.document)"
    }

    static func lastIndex(in starts: [Int], atMost offset: Int) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The text at a reference.
    func text(_ reference: TextReference) -> String {
        guard let document = documents[reference.document] else { return "" }
        let bytes = document.text.utf8
        let lower = min(max(0, reference.range.lowerBound), bytes.count)
        let upper = min(max(lower, reference.range.upperBound), bytes.count)
        return String(decoding: Array(bytes)[lower..<upper], as: UTF8.self)
    }

    /// A short name for a document's source: publisher, else the URL's host, else the file name.
    func sourceLabel(_ id: String) -> String {
        guard let document = documents[id] else { return id }
        if let publisher = document.metadata.publisher, !publisher.isEmpty { return publisher }
        let source = document.metadata.url ?? document.source
        if let schemeEnd = source.range(of: "://") {
            let rest = source[schemeEnd.upperBound...]
            let host = rest.prefix { $0 != "/" }
            return host.hasPrefix("www.") ? String(host.dropFirst(4)) : String(host)
        }
        let file = source.split(separator: "/").last.map(String.init) ?? source
        for suffix in [".gz", ".txt", ".html", ".htm", ".jsonl", ".rss", ".atom", ".xml"] where file.hasSuffix(suffix) {
            return String(file.dropLast(suffix.count))
        }
        return file
    }

    /// A document's title, or the start of its text.
    func title(_ id: String) -> String {
        guard let document = documents[id] else { return id }
        if let title = document.metadata.title, !title.isEmpty { return title }
        let firstLine = document.text.prefix { $0 != "\n" }
        return firstLine.count > 90 ? String(firstLine.prefix(89)) + "…" : String(firstLine)
    }

    func entityName(_ id: String?) -> String? {
        guard let id else { return nil }
        return entities[id]?.name
    }

    /// Documents ordered by publication date, undated last.
    var documentsByDate: [Document] {
        analysis.documents.sorted { a, b in
            switch (a.metadata.published, b.metadata.published) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.source < b.source
            }
        }
    }

    /// Mentions per entity id across the corpus, and documents mentioning each.
    var mentionCounts: [String: (mentions: Int, documents: Set<String>)] {
        var counts: [String: (mentions: Int, documents: Set<String>)] = [:]
        for document in analysis.documents {
            for mention in document.annotations.mentions {
                counts[mention.entity, default: (0, [])].mentions += 1
                counts[mention.entity, default: (0, [])].documents.insert(document.id)
            }
        }
        return counts
    }
}
