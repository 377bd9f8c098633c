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
        let vargas = try #require(try await server.store.libraryEntities(LibraryEntityQuery(name: "Elena Vargas")).entities.first)
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
                #expect(json["documentCount"] as? Int == vargas.documents && json["quoteCount"] as? Int == vargas.quotes)
                #expect(((json["documents"] as? [Any]) ?? []).count == vargas.documents)
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

    @Test func storyPagesShowTheLibrarysStoredAnalysis() async throws {
        let server = try await ServerFixtures.server()
        let status = try #require(await server.views.snapshot()?.analysis)
        // The server placed every annotated document (the three read through the pipeline and the
        // hand-annotated one) and compared the stories.
        #expect(status.counts.placed == 4 && status.counts.staleStories == 0, "\(status.counts)")
        let herald = try #require(try await server.store.search(SearchQuery("Linden")).first { $0.publisher == "Coastline Herald" })
        let tribune = try #require(try await server.store.search(SearchQuery("Linden")).first { $0.publisher == "Valley Tribune" })
        let storyOf = try await server.store.storiesOf(documents: [herald.id, tribune.id])
        let storyID = try #require(storyOf[herald.id])
        #expect(storyOf[tribune.id] == storyID, "the two bridge reports are in different stories")
        let story = try #require(try await server.store.stories(StoryQuery(ids: [storyID])).first)
        #expect(story.resultsVersion == story.version, "the story's comparison is not stored for its version")
        try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: "/stories", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(Paths.story(storyID)))
                #expect(response.text.contains(Paths.topic(story.topic)))
                #expect(response.text.contains("id=\"all-stories\""))
            }
            try await client.execute(uri: Paths.story(storyID), method: .get) { response in
                #expect(response.status == .ok)
                let page = response.text
                for section in ["story-title", "story-documents", "story-timeline", "story-corroborated", "story-conflicts", "story-disputes", "story-single-source"] {
                    #expect(page.contains("id=\"\(section)\""), "missing \(section)")
                }
                #expect(page.contains(herald.id) && page.contains(tribune.id))
                #expect(page.contains("Valley Tribune"), "the story page does not name its sources")
                // The two reports agree that the mayor closed the bridge: a corroborated statement.
                #expect(page.contains("class=\"pill ok\""), "no corroborated statement on the story page")
            }
            try await client.execute(uri: "/api" + Paths.story(storyID), method: .get) { response in
                let json = try response.json()
                #expect((json["story"] as? [String: Any])?["id"] as? String == storyID)
                #expect(json["size"] as? Int == 2)
                #expect(json["claims"] is [Any] && json["conflicts"] is [Any] && json["timeline"] is [Any])
            }
            try await client.execute(uri: Paths.topic(story.topic), method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("id=\"topic-title\"") && response.text.contains(Paths.story(storyID)))
            }
            try await client.execute(uri: "/api" + Paths.topic(story.topic), method: .get) { response in
                let json = try response.json()
                #expect((json["topic"] as? [String: Any])?["id"] as? String == story.topic)
                #expect(((json["stories"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == storyID })
            }
            try await client.execute(uri: "/api/stories", method: .get) { response in
                let json = try response.json()
                let listed = (json["stories"] as? [[String: Any]]) ?? []
                #expect(listed.count == status.counts.stories)
                #expect(listed.first?["id"] as? String == storyID, "the largest story is not listed first")
                #expect((json["counts"] as? [String: Any])?["placed"] as? Int == 4)
            }
            try await client.execute(uri: "/api/stories?page=2", method: .get) { response in
                let json = try response.json()
                #expect(((json["stories"] as? [Any]) ?? [1]).isEmpty)
            }
            for bad in ["/stories?page=0", "/api/stories?page=x", "/topics/..", "/topics/topic-nowhere"] {
                try await client.execute(uri: bad, method: .get) { response in
                    #expect(response.status == .badRequest || response.status == .notFound, "\(bad): \(response.status)")
                }
            }
            try await client.execute(uri: Paths.document(herald.id), method: .get) { response in
                #expect(response.text.contains("id=\"document-stories\"") && response.text.contains(Paths.story(storyID)))
            }
        }
    }

    @Test func aStoryPageFollowsTheStoryAsItChanges() async throws {
        let server = try await ServerFixtures.server(hostile: false)
        let herald = try #require(try await server.store.search(SearchQuery("Linden")).first)
        let storyID = try #require(try await server.store.storiesOf(documents: [herald.id])[herald.id])
        try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: "/api" + Paths.story(storyID), method: .get) { response in
                let json = try response.json()
                #expect(json["size"] as? Int == 2)
            }
        }
        // A third report of the closure arrives through the upload path: the story grows, and its
        // page (cached before) shows the new version.
        let third = ServerFixtures.page(
            title: "Linden Street bridge stays shut as engineers count girder cracks", site: "Harbor Post", published: "2025-03-06T10:00:00Z",
            paragraphs: [
                "The Linden Street bridge in Port Halden stayed closed on Wednesday while Marlow Engineering inspected the cracks in its main girder.",
                "Mayor Elena Vargas said the bridge would not reopen until engineers signed off on every beam.",
                "About 18,000 vehicles a day used the bridge over the Halden River before it was closed on Monday.",
            ])
        let intake = DocumentIntake(store: server.store, views: server.views)
        let outcome = try await intake.add([.init(source: "fixtures/bridge-post.html", bytes: Array(third.utf8))])
        #expect(outcome.added.count == 1)
        await server.views.settled()
        let added = try #require(outcome.added.first?.id)
        let placed = try await server.store.storiesOf(documents: [added])[added]
        #expect(placed == storyID, "the third report started another story")
        try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: "/api" + Paths.story(storyID), method: .get) { response in
                let json = try response.json()
                #expect(json["size"] as? Int == 3)
                #expect(((json["story"] as? [String: Any])?["documents"] as? [String] ?? []).contains(added))
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
