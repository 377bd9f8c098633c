import CrossreadCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import CrossreadServer

@Suite struct SafetyTests {
    @Test(arguments: ["/", "/search?q=bridge", "/documents/0000", "/nowhere", "/api/library", "/api/documents/abcd", "/style.css", "/openapi.json"])
    func everyResponseCarriesTheSafetyHeaders(_ uri: String) async throws {
        let server = try await ServerFixtures.server(hostile: false)
        try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.headers[.contentSecurityPolicy] == Responses.contentSecurityPolicy)
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            }
        }
    }

    @Test func articleTextIsEscapedEverywhere() async throws {
        let server = try await ServerFixtures.server()
        let document = ServerFixtures.hostileDocument()
        let entity = try #require(try await server.store.libraryEntity(id: "person:script-alert-name-smith"))
        let pages = ["/", "/documents/\(document.id)", "/search?q=harbor", "/search?q=harbor&entity=smith", Paths.entity(entity.entity.id),
                     "/entities", "/stories", "/search?q=%3Cscript%3E&source=%22%3E%3Cimg"]
        try await ServerFixtures.withClient(server) { client in
            for uri in pages {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let page = response.text
                    #expect(!page.contains("<script"), "\(uri) has a raw <script")
                    #expect(!page.contains("<img"), "\(uri) has a raw <img")
                    #expect(!page.contains("<b>Evil") && !page.contains("<b>never"), "\(uri) has raw <b>")
                    #expect(!page.contains("<u>") && !page.contains("<i>"), "\(uri) has raw markup")
                }
            }
            try await client.execute(uri: "/documents/\(document.id)", method: .get) { response in
                let page = response.text
                #expect(page.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"))
                #expect(page.contains("&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt; Smith"))
                #expect(page.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
                #expect(page.contains("&lt;b&gt;never&lt;/b&gt; again"))
                #expect(page.contains("&lt;script&gt;alert(&#39;removed&#39;)&lt;/script&gt; Menu"))
            }
            try await client.execute(uri: Paths.entity(entity.entity.id), method: .get) { response in
                #expect(response.text.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; Smith"))
                #expect(response.text.contains("&lt;img src=y onerror=alert(4)&gt;"))
            }
        }
    }

    @Test func unknownAndMalformedIdsAreClearErrors() async throws {
        let server = try await ServerFixtures.server(hostile: false)
        try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: "/documents/abcdef123456", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("id=\"error-message\""))
            }
            try await client.execute(uri: "/api/documents/abcdef123456", method: .get) { response in
                #expect(response.status == .notFound)
                let json = try response.json()
                #expect((json["error"] as? [String: Any])?["status"] as? Int == 404)
            }
            for uri in ["/documents/zz", "/api/documents/not-hex", "/entities/not-an-id", "/api/stories/..%2Fx"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                }
            }
            // Encoded slashes never reach anything but a look-up: refused as ids, or no route at all.
            for uri in ["/documents/..%2F..%2Fetc%2Fpasswd", "/entities/..%2Fpasswd", "/documents/../../etc/passwd"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest || response.status == .notFound, "\(uri)")
                }
            }
            for uri in ["/entities/person:nobody", "/api/entities/person:nobody", "/stories/story-000000000000", "/nowhere", "/api/nowhere"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                }
            }
            try await client.execute(uri: "/api/nowhere", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
        }
    }
}
