import CrossreadCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import CrossreadServer

@Suite struct SearchRouteTests {
    @Test func searchHighlightsMatchesAndLinksDocuments() async throws {
        let server = try await ServerFixtures.server()
        try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: "/search?q=girder", method: .get) { response in
                #expect(response.status == .ok)
                let page = response.text
                #expect(page.contains("id=\"search-results\""))
                #expect(page.contains("<mark>girder</mark>"))
                #expect(page.components(separatedBy: "class=\"hit\"").count - 1 == 2)
            }
            try await client.execute(uri: "/api/search?q=girder", method: .get) { response in
                let json = try response.json()
                let hits = try #require(json["hits"] as? [[String: Any]])
                #expect(hits.count == 2)
                let first = try #require(hits.first)
                let snippet = try #require(first["snippet"] as? String)
                let highlight = try #require((first["highlights"] as? [[String: Int]])?.first)
                let scalars = Array(snippet.unicodeScalars)
                #expect(String(String.UnicodeScalarView(scalars[highlight["start"]!..<highlight["end"]!])).lowercased() == "girder")
            }
        }
    }

    @Test func filtersNarrowByEntitySourceAndDate() async throws {
        let server = try await ServerFixtures.server()
        try await ServerFixtures.withClient(server) { client in
            func hits(_ query: String) async throws -> [[String: Any]] {
                try await client.execute(uri: "/api/search?" + query, method: .get) { response in
                    #expect(response.status == .ok, "\(query)")
                    return (try response.json()["hits"] as? [[String: Any]]) ?? []
                }
            }
            #expect(try await hits("q=bridge").count == 2)
            #expect(try await hits("q=bridge&source=valley").count == 1)
            #expect(try await hits("q=bridge&source=coastline+herald").count == 1)
            #expect(try await hits("q=bridge&from=2025-03-05").count == 1)
            #expect(try await hits("q=bridge&through=2025-03-04").count == 1)
            #expect(try await hits("q=bridge&from=2025-04-01").isEmpty)
            #expect(try await hits("q=said&entity=Tomas+Berg").count == 1)
            #expect(try await hits("q=said&entity=Solberg").count == 1)
            #expect(try await hits("q=said&entity=nobody-of-that-name").isEmpty)
            try await client.execute(uri: "/search?q=said&entity=Tomas", method: .get) { response in
                #expect(response.text.contains("id=\"entity-filter\""))
                #expect(response.text.components(separatedBy: "class=\"hit\"").count - 1 == 1)
            }
        }
    }

    @Test func pagingWalksThroughHits() async throws {
        let server = try await ServerFixtures.server()
        try await ServerFixtures.withClient(server) { client in
            let first = try await client.execute(uri: "/api/search?q=said&limit=1", method: .get) { try $0.json() }
            #expect(first["hasMore"] as? Bool == true)
            let second = try await client.execute(uri: "/api/search?q=said&limit=1&page=2", method: .get) { try $0.json() }
            let a = (first["hits"] as? [[String: Any]])?.first?["id"] as? String
            let b = (second["hits"] as? [[String: Any]])?.first?["id"] as? String
            #expect(a != nil && b != nil && a != b)
            try await client.execute(uri: "/search?q=said&limit=1", method: .get) { response in
                #expect(response.text.contains("id=\"next-page\""))
                #expect(!response.text.contains("id=\"prev-page\""))
            }
        }
    }

    @Test(arguments: ["from=2025-13-01", "from=yesterday", "through=2025-02-30", "page=0", "page=abc", "limit=1000",
                      "from=2025-05-01&through=2025-04-01"])
    func badFiltersAre400(_ filter: String) async throws {
        let server = try await ServerFixtures.server(hostile: false)
        try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: "/api/search?q=bridge&" + filter, method: .get) { response in
                #expect(response.status == .badRequest)
                let error = try response.json()["error"] as? [String: Any]
                #expect((error?["message"] as? String)?.isEmpty == false)
            }
            try await client.execute(uri: "/search?q=bridge&" + filter, method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("id=\"search-error\""))
                #expect(response.text.contains("id=\"search-form\""))
            }
        }
    }

    @Test func apiSearchNeedsWords() async throws {
        let server = try await ServerFixtures.server(hostile: false)
        try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: "/api/search?source=valley", method: .get) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/search", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("id=\"search-hint\""))
            }
        }
    }
}
