import CrossreadCore
import Foundation

/// The behaviour every store's merged entities (`LibraryEntityStore`) must show; part of
/// `DocumentStoreConformance.checks`, so every backend runs them.
public enum LibraryEntityConformance {
    public typealias Check = DocumentStoreConformance.Check
    typealias Problems = DocumentStoreConformance.Problems

    /// Every check, in a stable order.
    public static let checks: [Check] = [
        Check(name: "library entities merge aliases and spelling variants across documents", body: mergesAcrossDocuments),
        Check(name: "library entities list by documents, filter by type and name, and page", body: listsAndFilters),
        Check(name: "an entity's documents, quotes and months are paged from its postings", body: postingsQuotesAndMonths),
        Check(name: "annotating a document again moves the counts, never doubles them", body: reannotation),
        Check(name: "concurrent annotations keep every library entity count", body: concurrentAnnotations),
        Check(name: "the overview counts documents, sources and dates", body: overview),
    ]

    static func day(_ day: Int, month: Int = 3) -> PublicationDate? { PublicationDate(year: 2024, month: month, day: day) }

    /// Stores a document and annotates it with `entities` (each mentioned `mentions` times) and quotes
    /// spoken by the given stored entity ids.
    static func annotated(_ seed: String, _ entities: [Entity], mentions: Int = 1, quotes: [String] = [],
                          published: PublicationDate? = nil, publisher: String? = nil,
                          in store: any DocumentStore) async throws -> String {
        let doc = DocumentStoreConformance.document(seed, title: "Report \(seed)", paragraphs: ["“Words,” someone said in \(seed)."],
                                                    published: published, publisher: publisher)
        _ = try await store.add(doc)
        var mentionList: [EntityMention] = []
        for entity in entities {
            for _ in 0..<mentions { mentionList.append(EntityMention(range: 0..<4, type: entity.type, entity: entity.id)) }
        }
        let quoteList = quotes.map { Quote(range: 3..<8, speaker: $0, speakerName: $0, cue: "said") }
        try await store.saveAnnotations(Annotations(mentions: mentionList, entities: entities, quotes: quoteList), forDocument: doc.id)
        return doc.id
    }

    static let qassem = Entity(id: "person:qassem-soleimani", name: "Qassem Soleimani", type: .person, roles: ["General"])
    static let qasem = Entity(id: "person:qasem-soleimani", name: "Qasem Soleimani", type: .person)
    static let donald = Entity(id: "person:donald-trump", name: "Donald Trump", type: .person, aliases: ["Trump"])
    static let trump = Entity(id: "person:trump", name: "Trump", type: .person, roles: ["President"])
    static let irgc = Entity(id: "organization:irgc", name: "IRGC", type: .organization)
    static let guards = Entity(id: "organization:islamic-revolutionary-guard-corps", name: "Islamic Revolutionary Guard Corps", type: .organization)
    static let tehran = Entity(id: "place:tehran", name: "Tehran", type: .place)

    static func mergesAcrossDocuments(_ store: any DocumentStore, _ p: inout Problems) async throws {
        _ = try await annotated("merge-1", [qassem, donald, guards], in: store)
        _ = try await annotated("merge-2", [qasem, trump, irgc], mentions: 2, in: store)
        let soleimani = try await store.libraryEntity(id: "person:qasem-soleimani")
        p.expect(soleimani?.entity.id == "person:qassem-soleimani", "Qasem Soleimani did not join Qassem Soleimani: \(String(describing: soleimani))")
        p.expect(soleimani?.documents == 2 && soleimani?.mentions == 3, "Soleimani counts: \(String(describing: soleimani))")
        p.expect(Set(soleimani?.storedIDs ?? []) == [qassem.id, qasem.id], "Soleimani stored ids: \(String(describing: soleimani?.storedIDs))")
        p.expect(soleimani?.entity.aliases.contains("Qasem Soleimani") == true, "aliases: \(String(describing: soleimani?.entity.aliases))")
        let president = try await store.libraryEntity(id: "person:trump")
        p.expect(president?.entity.id == "person:donald-trump" && president?.entity.name == "Donald Trump",
                 "Trump did not join Donald Trump: \(String(describing: president))")
        p.expect(president?.entity.roles.contains("President") == true, "Trump's role was not kept: \(String(describing: president?.entity.roles))")
        let corps = try await store.libraryEntity(id: "organization:irgc")
        p.expect(corps?.entity.id == guards.id && corps?.documents == 2, "IRGC did not join its full name: \(String(describing: corps))")
        let page = try await store.libraryEntities(LibraryEntityQuery(type: .person))
        p.expect(page.total == 2 && page.entities.count == 2, "expected 2 merged people, got \(page.total): \(page.entities.map(\.entity.id))")
        let links = try await store.libraryEntityLinks(document: DocumentStoreConformance.document("merge-2", title: "Report merge-2",
            paragraphs: ["“Words,” someone said in merge-2."]).id)
        p.expect(links == [qasem.id: qassem.id, trump.id: donald.id, irgc.id: guards.id], "links of the second document: \(links)")
        p.expect(try await store.libraryEntity(id: "person:nobody") == nil, "an unknown id found an entity")
    }

    static func listsAndFilters(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let vargas = Entity(id: "person:elena-vargas", name: "Elena Vargas", type: .person, aliases: ["Vargas"])
        let council = Entity(id: "organization:city-council", name: "City Council", type: .organization)
        for i in 0..<3 { _ = try await annotated("list-\(i)", [tehran] + (i < 2 ? [vargas] : []) + (i == 0 ? [council] : []), in: store) }
        let all = try await store.libraryEntities(LibraryEntityQuery())
        p.expect(all.entities.map(\.entity.id) == [tehran.id, vargas.id, council.id], "order by documents: \(all.entities.map(\.entity.id))")
        p.expect(all.total == 3, "total \(all.total)")
        p.expect(all.entities.map(\.documents) == [3, 2, 1], "document counts \(all.entities.map(\.documents))")
        let second = try await store.libraryEntities(LibraryEntityQuery(offset: 1, limit: 1))
        p.expect(second.entities.map(\.entity.id) == [vargas.id] && second.total == 3, "offset 1 limit 1: \(second.entities.map(\.entity.id))")
        let beyond = try await store.libraryEntities(LibraryEntityQuery(offset: 3, limit: 10))
        p.expect(beyond.entities.isEmpty, "a page past the end is not empty")
        let places = try await store.libraryEntities(LibraryEntityQuery(type: .place))
        p.expect(places.entities.map(\.entity.id) == [tehran.id] && places.total == 1, "type filter: \(places.entities.map(\.entity.id)), \(places.total)")
        for needle in ["varg", "VARGAS", "elena v", "Elena"] {
            let found = try await store.libraryEntities(LibraryEntityQuery(name: needle))
            p.expect(found.entities.map(\.entity.id) == [vargas.id] && found.total == 1, "name \(needle): \(found.entities.map(\.entity.id))")
        }
        let none = try await store.libraryEntities(LibraryEntityQuery(type: .place, name: "vargas"))
        p.expect(none.entities.isEmpty && none.total == 0, "a name of another type matched: \(none.entities.map(\.entity.id))")
        let infix = try await store.libraryEntities(LibraryEntityQuery(name: "ouncil"))
        p.expect(infix.entities.isEmpty, "the name filter matches word prefixes, yet 'ouncil' matched")
    }

    static func postingsQuotesAndMonths(_ store: any DocumentStore, _ p: inout Problems) async throws {
        var ids: [String] = []
        for (i, date) in [day(2, month: 1), day(5, month: 3), day(9, month: 3), nil].enumerated() {
            let entities = i == 1 ? [donald] : [trump]
            ids.append(try await annotated("posting-\(i)", entities, quotes: [entities[0].id, entities[0].id], published: date, in: store))
        }
        let merged = try await store.libraryEntity(id: donald.id)
        p.expect(merged?.documents == 4 && merged?.quotes == 8, "counts: \(String(describing: merged))")
        p.expect(merged?.firstDay == "2024-01-02" && merged?.lastDay == "2024-03-09", "days: \(String(describing: merged))")
        let id = merged?.entity.id ?? ""
        let first = try await store.libraryEntityDocuments(id, offset: 0, limit: 2).map(\.id)
        let rest = try await store.libraryEntityDocuments(id, offset: 2, limit: 10).map(\.id)
        p.expect(first == [ids[2], ids[1]], "newest first: \(first), documents \(ids)")
        p.expect(rest == [ids[0], ids[3]], "then older, undated last: \(rest)")
        let quotes = try await store.libraryEntityQuotes(id, offset: 3, limit: 3)
        p.expect(quotes.map(\.document) == [ids[1], ids[2], ids[2]], "quotes 3 to 5 in ingest order: \(quotes.map(\.document))")
        p.expect(quotes.first?.title == "Report posting-1" && quotes.first?.text == "Words", "quote fields: \(String(describing: quotes.first))")
        let months = try await store.libraryEntityMonths(id)
        p.expect(months == [LibraryEntityMonth(month: "2024-01", documents: 1), LibraryEntityMonth(month: "2024-03", documents: 2)],
                 "months: \(months)")
    }

    static func reannotation(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let doc = try await annotated("again-1", [tehran, donald], mentions: 2, quotes: [donald.id], published: day(4), in: store)
        _ = try await annotated("again-2", [tehran], published: day(6), in: store)
        let same = Annotations(mentions: [EntityMention(range: 0..<4, type: .place, entity: tehran.id)], entities: [tehran, donald],
                               quotes: [Quote(range: 3..<8, speaker: donald.id)])
        try await store.saveAnnotations(same, forDocument: doc)
        try await store.saveAnnotations(same, forDocument: doc)
        let place = try await store.libraryEntity(id: tehran.id)
        p.expect(place?.documents == 2 && place?.mentions == 2, "after saving twice: \(String(describing: place))")
        p.expect(try await store.libraryEntity(id: donald.id)?.quotes == 1, "quotes doubled")
        let months = try await store.libraryEntityMonths(tehran.id)
        p.expect(months == [LibraryEntityMonth(month: "2024-03", documents: 2)], "months after saving again: \(months)")
        try await store.saveAnnotations(Annotations(entities: [tehran]), forDocument: doc)
        let gone = try await store.libraryEntity(id: donald.id)
        p.expect(gone?.documents == 0 && gone?.quotes == 0, "an entity the document no longer names kept it: \(String(describing: gone))")
        let listed = try await store.libraryEntities(LibraryEntityQuery())
        p.expect(listed.entities.map(\.entity.id) == [tehran.id] && listed.total == 1, "list after: \(listed.entities.map(\.entity.id)), \(listed.total)")
        p.expect(try await store.libraryOverview(sources: 5).entities == 1, "the overview still counts the entity no document names")
        p.expect(try await store.libraryEntityDocuments(donald.id, offset: 0, limit: 10).isEmpty, "its postings remain")
    }

    static func concurrentAnnotations(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let spellings = ["Ana Ruiz", "Ana Ruíz", "Ruiz"]
        let docs = (0..<12).map { DocumentStoreConformance.document("concurrent-entity-\($0)", paragraphs: ["Ruiz spoke, item \($0)."]) }
        for doc in docs { _ = try await store.add(doc) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (i, doc) in docs.enumerated() {
                group.addTask {
                    let name = spellings[i % spellings.count]
                    let person = Entity(id: "person:" + name.lowercased().replacingOccurrences(of: " ", with: "-"), name: name, type: .person)
                    let harbor = Entity(id: "place:harbor-\(i % 2)", name: "Harbor \(i % 2)", type: .place)
                    try await store.saveAnnotations(Annotations(mentions: Array(repeating: EntityMention(range: 0..<4, type: .person, entity: person.id), count: 3),
                                                                entities: [person, harbor]), forDocument: doc.id)
                }
            }
            try await group.waitForAll()
        }
        let people = try await store.libraryEntities(LibraryEntityQuery(type: .person))
        p.expect(people.total == 1 && people.entities.count == 1, "one person expected: \(people.entities.map { ($0.entity.id, $0.documents) })")
        p.expect(people.entities.first?.documents == 12 && people.entities.first?.mentions == 36,
                 "counts after concurrent saves: \(String(describing: people.entities.first))")
        let places = try await store.libraryEntities(LibraryEntityQuery(type: .place))
        p.expect(places.entities.map(\.documents) == [6, 6], "places: \(places.entities.map { ($0.entity.id, $0.documents) })")
        p.expect(try await store.libraryOverview(sources: 1).entities == 3, "entity count after concurrent saves")
    }

    static func overview(_ store: any DocumentStore, _ p: inout Problems) async throws {
        let empty = try await store.libraryOverview(sources: 10)
        p.expect(empty.documents == 0 && empty.sources.isEmpty && empty.firstPublished == nil, "empty library: \(empty)")
        let plan: [(String?, PublicationDate?)] = [("Valley Tribune", day(3)), ("Valley Tribune", day(1, month: 2)), ("Harbor News", nil),
                                                   ("Valley Tribune", day(28, month: 4)), (nil, day(7))]
        for (i, (publisher, date)) in plan.enumerated() {
            _ = try await store.add(DocumentStoreConformance.document("overview-\(i)", paragraphs: ["Item \(i)."], published: date, publisher: publisher))
        }
        _ = try await store.add(DocumentStoreConformance.document("overview-0", paragraphs: ["Item 0."], published: day(3), publisher: "Valley Tribune"))
        let overview = try await store.libraryOverview(sources: 2)
        p.expect(overview.documents == 5, "documents \(overview.documents)")
        p.expect(overview.sourceCount == 3, "sources \(overview.sourceCount)")
        p.expect(overview.sources == [LibraryOverview.SourceCount(name: "Valley Tribune", documents: 3),
                                      LibraryOverview.SourceCount(name: "fixtures", documents: 1)]
                 || overview.sources == [LibraryOverview.SourceCount(name: "Valley Tribune", documents: 3),
                                         LibraryOverview.SourceCount(name: "Harbor News", documents: 1)],
                 "top sources \(overview.sources)")
        p.expect(overview.sources.count == 2, "the top-N bound was not kept: \(overview.sources)")
        p.expect(overview.firstPublished == "2024-02-01" && overview.lastPublished == "2024-04-28",
                 "dates \(String(describing: overview.firstPublished)) – \(String(describing: overview.lastPublished))")
    }
}

extension LibraryEntityConformance {
    /// Everything the stored merged entities say, for comparing a library before and after its merged
    /// entities were rebuilt from its documents (the migration's backfill).
    public struct State: Equatable, CustomStringConvertible {
        public var entities: [LibraryEntity]
        public var documents: [String: [String]]
        public var quotes: [String: [LibraryQuote]]
        public var months: [String: [LibraryEntityMonth]]
        public var links: [String: [String: String]]
        public var overview: LibraryOverview

        public var description: String {
            entities.map { "\($0.entity.id) \($0.entity.name) \($0.entity.aliases) d\($0.documents) m\($0.mentions) q\($0.quotes)" }
                .joined(separator: "; ") + " | \(overview)"
        }
    }

    /// Fills an empty store with annotated documents whose entities merge in every way the merge knows
    /// (spelling variants, surnames, acronyms, plurals), with dates, sources and quotes.
    public static func fillForBackfill(_ store: any DocumentStore) async throws {
        let israeli = Entity(id: "group:israeli", name: "Israeli", type: .group)
        let israelis = Entity(id: "group:israelis", name: "Israelis", type: .group)
        _ = try await annotated("backfill-1", [qassem, donald, guards, tehran], mentions: 2, quotes: [donald.id],
                                published: day(3, month: 1), publisher: "Valley Tribune", in: store)
        _ = try await annotated("backfill-2", [qasem, trump, irgc, israeli], quotes: [trump.id, qasem.id],
                                published: day(9, month: 2), publisher: "Harbor News", in: store)
        _ = try await annotated("backfill-3", [israelis, tehran], published: nil, publisher: "Valley Tribune", in: store)
        _ = try await store.add(DocumentStoreConformance.document("backfill-plain", paragraphs: ["Nothing annotated."],
                                                                   published: day(12, month: 4)))
    }

    /// The state of a store's merged entities, read through `LibraryEntityStore`.
    public static func state(_ store: any DocumentStore) async throws -> State {
        var entities = try await store.libraryEntities(LibraryEntityQuery(limit: 1000)).entities
        var documents: [String: [String]] = [:], quotes: [String: [LibraryQuote]] = [:], months: [String: [LibraryEntityMonth]] = [:]
        var links: [String: [String: String]] = [:]
        for (position, entity) in entities.enumerated() {
            let id = entity.entity.id
            entities[position].storedIDs = try await store.libraryEntity(id: id)?.storedIDs ?? []
            documents[id] = try await store.libraryEntityDocuments(id, offset: 0, limit: 1000).map(\.id)
            quotes[id] = try await store.libraryEntityQuotes(id, offset: 0, limit: 1000)
            months[id] = try await store.libraryEntityMonths(id)
            for document in documents[id] ?? [] where links[document] == nil {
                links[document] = try await store.libraryEntityLinks(document: document)
            }
        }
        return State(entities: entities, documents: documents, quotes: quotes, months: months, links: links,
                     overview: try await store.libraryOverview(sources: 10))
    }
}
