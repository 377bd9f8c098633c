import CrossreadCore
import CrossreadSQLite
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import CrossreadServer

@Suite struct PageTests {
    @Test func overviewShowsCountsSourcesPeopleAndStories() async throws {
        let server = try await ServerFixtures.server()
        try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let page = response.text
                #expect(page.contains("id=\"library-counts\""))
                #expect(page.contains("<b>4</b>"))
                #expect(page.contains("Coastline Herald"))
                #expect(page.contains("Elena Vargas"))
                #expect(page.contains("id=\"library-stories\""))
                #expect(page.contains("class=\"story-link\""))
                #expect(page.contains("2025-03-04"))
            }
            try await client.execute(uri: "/api/library", method: .get) { response in
                #expect(response.status == .ok)
                let json = try response.json()
                #expect(json["documents"] as? Int == 4)
                #expect((json["analysis"] as? [String: Any])?["status"] as? String == "ready")
                #expect(((json["topPeople"] as? [[String: Any]]) ?? []).contains { ($0["name"] as? String) == "Elena Vargas" })
            }
        }
    }

    @Test func documentPageMarksEntitiesQuotesAndTimesAndShowsRemovedBlocks() async throws {
        let server = try await ServerFixtures.server()
        let hit = try await server.store.search(SearchQuery("girder Tribune")).first
        let id = try #require(hit?.id)
        try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: "/documents/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                let page = response.text
                #expect(page.contains("id=\"document-title\""))
                #expect(page.contains("<a class=\"mention person\""))
                #expect(page.contains("<q class=\"quote\""))
                #expect(page.contains("<time class=\"time\""))
                #expect(page.contains("id=\"removed-blocks\""))
                #expect(page.contains("class=\"removed-block\""))
                #expect(page.contains("id=\"document-quotes\""))
            }
            try await client.execute(uri: "/api/documents/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                let json = try response.json()
                #expect(json["id"] as? String == id)
                let entities = try #require(json["entities"] as? [[String: Any]])
                #expect(!entities.isEmpty)
                #expect(json["quotes"] is [[String: Any]])
            }
        }
    }

    @Test func documentJSONCountsCodePoints() async throws {
        let server = try await ServerFixtures.server()
        let id = ServerFixtures.hostileDocument().id
        try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: "/api/documents/\(id)", method: .get) { response in
                let json = try response.json()
                let mention = try #require((json["entities"] as? [[String: Any]])?.first)
                // "Zoë met " is 8 code points but 9 UTF-8 bytes.
                #expect(mention["start"] as? Int == 8)
                #expect((mention["text"] as? String)?.hasPrefix("<script>") == true)
            }
        }
    }

    @Test func entityPageShowsAliasesRolesQuotesAndMentionsOverTime() async throws {
        let server = try await ServerFixtures.server()
        let snapshot = try #require(await server.views.snapshot())
        let vargas = try #require(snapshot.entities.first { $0.entity.name == "Elena Vargas" })
        try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: Paths.entity(vargas.entity.id), method: .get) { response in
                #expect(response.status == .ok)
                let page = response.text
                #expect(page.contains("id=\"entity-name\""))
                #expect(page.contains("Elena Vargas"))
                #expect(page.contains("id=\"entity-aliases\""))
                #expect(page.contains("id=\"entity-roles\""))
                #expect(page.contains("id=\"entity-quotes\""))
                #expect(page.contains("will not reopen it"))
                #expect(page.contains("<svg class=\"month-chart\""))
                #expect(page.contains("2025-03"))
            }
            try await client.execute(uri: "/api" + Paths.entity(vargas.entity.id), method: .get) { response in
                let json = try response.json()
                #expect(json["name"] as? String == "Elena Vargas")
                #expect(((json["quotes"] as? [Any]) ?? []).count >= 1)
                #expect(((json["mentionsByMonth"] as? [[String: Any]]) ?? []).first?["month"] as? String == "2025-03")
            }
            try await client.execute(uri: "/entities?type=person", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Elena Vargas"))
                #expect(!response.text.contains("Northwind Airlines</a>"))
            }
            try await client.execute(uri: "/api/entities?q=vargas", method: .get) { response in
                let json = try response.json()
                #expect(json["total"] as? Int == 1)
            }
        }
    }

    @Test func storyPagesShowDocumentsTimelineAndComparison() async throws {
        let server = try await ServerFixtures.server()
        let analysis = try #require(await server.views.snapshot()?.analysis)
        let herald = try #require(try await server.store.search(SearchQuery("Linden")).first { $0.publisher == "Coastline Herald" })
        let story = try #require(analysis.stories.first { $0.documents.contains(herald.id) })
        try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: "/stories", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(Paths.story(story.id)))
            }
            try await client.execute(uri: Paths.story(story.id), method: .get) { response in
                #expect(response.status == .ok)
                let page = response.text
                for section in ["story-title", "story-documents", "story-timeline", "story-corroborated", "story-conflicts", "story-disputes", "story-single-source"] {
                    #expect(page.contains("id=\"\(section)\""), "missing \(section)")
                }
                #expect(page.contains(herald.id))
            }
            try await client.execute(uri: "/api" + Paths.story(story.id), method: .get) { response in
                let json = try response.json()
                #expect((json["story"] as? [String: Any])?["id"] as? String == story.id)
                #expect(json["claims"] is [Any] && json["conflicts"] is [Any] && json["timeline"] is [Any])
            }
            try await client.execute(uri: "/api/stories", method: .get) { response in
                let json = try response.json()
                #expect(((json["stories"] as? [Any]) ?? []).count == analysis.stories.count)
            }
        }
    }

    @Test func stylesheetAndAddFormAreServed() async throws {
        let server = try await ServerFixtures.server(hostile: false)
        try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: "/style.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/css") == true)
            }
            try await client.execute(uri: "/add", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("id=\"add-form\""))
                #expect(!response.text.contains("id=\"token\""))
            }
        }
    }
}

@Suite struct HTMLHelperTests {
    @Test(arguments: [(0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (100_000, "100,000"), (1_234_567, "1,234,567"), (-4200, "-4,200")])
    func numbersHaveThousandsSeparators(_ value: Int, _ shown: String) {
        #expect(HTML.number(value) == shown)
    }

    @Test func aFreshServerAnswersBeforeItsViewsExist() async throws {
        let store = try CrossreadSQLite.SQLiteLibrary.inMemory()
        let server = LibraryServer(store: store)
        try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: "/api/library", method: .get) { response in
                #expect(response.status == .ok)
                let status = (try response.json()["analysis"] as? [String: Any])?["status"] as? String
                #expect(["reading", "computing", "ready"].contains(status ?? ""))
            }
        }
        await server.views.settled()
    }
}
