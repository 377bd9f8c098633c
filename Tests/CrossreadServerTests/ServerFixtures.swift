import CrossreadCore
import CrossreadSQLite
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import CrossreadServer

/// A small library for the server tests: three articles written for these tests (two about one
/// bridge closure, one about an airline strike) read through the pipeline, and one document whose
/// title, text, entity names and quotes carry markup, stored with hand-made annotations.
enum ServerFixtures {
    static func page(title: String, site: String, published: String, paragraphs: [String]) -> String {
        """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(title) | \(site)</title>
        <meta property="og:title" content="\(title)"><meta property="og:site_name" content="\(site)">
        <meta property="article:published_time" content="\(published)">
        </head><body>
        <nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a> | <a href="/subscribe">Subscribe</a></nav>
        <article><h1>\(title)</h1>
        \(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </article>
        <aside><h3>Most read</h3><ul><li><a href="/a">Ten gardens to visit this spring</a></li><li><a href="/b">Crossword answers</a></li></ul></aside>
        <footer>© 2025 \(site). All rights reserved. Cookie settings</footer>
        </body></html>
        """
    }

    static let bridgeHerald = page(
        title: "Linden Street bridge shut after engineers find cracks", site: "Coastline Herald", published: "2025-03-04T09:00:00Z",
        paragraphs: [
            "Mayor Elena Vargas ordered the Linden Street bridge in Port Halden closed on Monday after inspectors found three cracks in its main girder.",
            "“We will not reopen it until the engineers sign off on every beam,” Vargas told reporters at City Hall on Monday afternoon.",
            "The bridge carries about 18,000 vehicles a day across the Halden River. Buses will be rerouted over the Quay Road crossing for at least two weeks, the city transport office said.",
            "Inspectors from Marlow Engineering found the cracks during a routine survey last Thursday. The firm said the damage was probably caused by salt corrosion.",
            "Residents of the east bank complained that the detour adds forty minutes to a commute. Shop owners near the bridge said trade had already fallen.",
        ])

    static let bridgeTribune = page(
        title: "Port Halden closes Linden Street bridge over girder damage", site: "Valley Tribune", published: "2025-03-05T07:30:00Z",
        paragraphs: [
            "Port Halden has closed the Linden Street bridge after cracks were discovered in the main girder, Mayor Elena Vargas announced on Monday.",
            "“We will not reopen it until engineers have signed off on every beam,” the mayor said at a press conference at City Hall.",
            "Marlow Engineering, which carried out the inspection, found four cracks, according to a report seen by the Valley Tribune.",
            "The bridge carries roughly 18,000 vehicles a day. Transport Minister Tomas Berg said the national government would help pay for the repairs.",
            "Commuters from the east bank face long detours over the Quay Road crossing while the repairs go on.",
        ])

    static let strike = page(
        title: "Northwind Airlines pilots walk out over pay", site: "Coastline Herald", published: "2025-06-10T12:00:00Z",
        paragraphs: [
            "Pilots at Northwind Airlines began a 48-hour strike on Tuesday after talks over pay broke down, grounding most of the carrier's flights.",
            "“Our members have waited three years for a fair offer,” said Ingrid Solberg, who leads the pilots' union.",
            "Northwind Airlines said it had cancelled 212 flights and offered refunds to passengers. Chief executive Mark Ellison called the strike regrettable.",
            "The union said further walkouts were planned for July if no agreement was reached.",
        ])

    static let hostileTitle = "<script>alert('title')</script> \"><img src=x onerror=alert(1)> Harbor report"
    static let hostileName = "<script>alert('name')</script> Smith"
    static let hostileSpeaker = "\"><img src=x onerror=alert(2)>"

    /// A document whose title, text, entity names and quotes carry markup, with annotations made by hand.
    static func hostileDocument() -> Document {
        let text = "Zoë met <script>alert('text')</script> Smith at the harbor. \"><img src=x onerror=alert(3)> said: “<b>never</b> again”."
        let bytes = Array(text.utf8)
        func range(of piece: String) -> Range<Int> {
            let needle = Array(piece.utf8)
            let start = (0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle }!
            return start..<start + needle.count
        }
        let entity = Entity(id: "person:script-alert-name-smith", name: hostileName, type: .person,
                            aliases: ["<img src=y onerror=alert(4)>"], roles: ["<i>harbor</i> master"])
        let annotations = Annotations(
            sentences: [Sentence(range: 0..<bytes.count)],
            mentions: [EntityMention(range: range(of: "<script>alert('text')</script> Smith"), type: .person, entity: entity.id)],
            entities: [entity],
            quotes: [Quote(range: range(of: "<b>never</b> again"), speaker: entity.id, speakerName: hostileSpeaker, cue: "said", venue: "<u>X</u>")],
            times: [], claims: [])
        let original = Array(("hostile fixture " + text).utf8)
        return Document(contentHash: SHA256.hex(original), source: "fixtures/hostile.txt", format: .text, original: original, text: text,
                        paragraphs: [Paragraph(range: 0..<bytes.count, kind: .body)],
                        metadata: DocumentMetadata(title: hostileTitle, published: PublicationDate(year: 2025, month: 4, day: 1),
                                                   publisher: "<b>Evil</b> Gazette"),
                        removed: [RemovedBlock(kind: .chrome, text: "<script>alert('removed')</script> Menu")], annotations: annotations)
    }

    /// A server over a fresh in-memory library holding the fixtures, its views computed.
    static func server(settings: ServerSettings = ServerSettings(), hostile: Bool = true) async throws -> LibraryServer {
        let store = try SQLiteLibrary.inMemory()
        let server = LibraryServer(store: store, settings: settings)
        let intake = DocumentIntake(store: store, views: server.views)
        let outcome = try await intake.add([
            .init(source: "fixtures/bridge-herald.html", bytes: Array(bridgeHerald.utf8)),
            .init(source: "fixtures/bridge-tribune.html", bytes: Array(bridgeTribune.utf8)),
            .init(source: "fixtures/strike.html", bytes: Array(strike.utf8)),
        ])
        precondition(outcome.added.count == 3, "fixtures: \(outcome)")
        if hostile { _ = try await store.add(hostileDocument()) }
        await server.views.refresh()
        await server.views.settled()
        return server
    }

    /// Runs `body` with a test client over the server's router (no socket).
    static func withClient<T: Sendable>(_ server: LibraryServer, _ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await Application(router: server.router()).test(.router, body)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }
}
