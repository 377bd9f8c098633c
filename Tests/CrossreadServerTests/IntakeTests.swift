import CrossreadCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import CrossreadServer

@Suite struct IntakeTests {
    static let pastedArticle = """
        Lake Orvik ferry returns after winter repairs
        By Hanne Lyster
        April 2, 2025

        The ferry across Lake Orvik resumed service on Wednesday after four months of repairs to its hull and engines.

        "The boat is in better shape than it has been for twenty years," said harbor master Jonas Eklund, who oversaw the work.

        The crossing takes twenty minutes and runs every hour until late evening. Fares remain unchanged this season.

        Share this article | Subscribe to our newsletter
        """

    static func multipart(boundary: String, files: [(name: String, content: String)], fields: [(String, String)] = []) -> ByteBuffer {
        var body = ""
        for file in files {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n\(file.content)\r\n"
        }
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return ByteBuffer(string: body)
    }

    static func headers(_ contentType: String, _ extra: [(String, String)] = []) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        return headers
    }

    @Test func uploadingAFileAddsAnnotatesAndReportsCopies() async throws {
        let server = try await ServerFixtures.server(hostile: false)
        let article = ServerFixtures.page(title: "Glasshouse museum opens its doors", site: "Harbor Weekly", published: "2025-05-20T10:00:00Z",
                                          paragraphs: ["The Glasshouse museum in Port Halden opened on Saturday with an exhibition of ship models built by local carpenters over two centuries.",
                                                       "“We want every child in the city to see how boats were made,” said curator Amira Haddad at the opening.",
                                                       "Entry is free for residents until the end of the summer, the museum said in a statement on its website."])
        try await ServerFixtures.withClient(server) { client in
            let boundary = "----crossread-test-7f3a"
            let body = Self.multipart(boundary: boundary, files: [("museum.html", article), ("empty.txt", "")])
            try await client.execute(uri: "/add", method: .post, headers: Self.headers("multipart/form-data; boundary=\(boundary)"), body: body) { response in
                #expect(response.status == .ok)
                let page = response.text
                #expect(page.contains("id=\"add-results\""))
                #expect(page.contains("class=\"added\""))
                #expect(page.contains("Glasshouse museum opens its doors"))
                #expect(page.contains("class=\"failed\""))
            }
            try await client.execute(uri: "/add", method: .post, headers: Self.headers("multipart/form-data; boundary=\(boundary)"),
                                     body: Self.multipart(boundary: boundary, files: [("again.html", article)])) { response in
                #expect(response.text.contains("class=\"present\""))
                #expect(!response.text.contains("class=\"added\""))
            }
        }
        let hit = try #require(try await server.store.search(SearchQuery("Glasshouse")).first)
        let stored = try #require(try await server.store.document(id: hit.id))
        #expect(!stored.annotations.sentences.isEmpty)
        await server.views.settled()
        #expect(try await server.store.libraryOverview(sources: 5).documents == 4)
        // The upload's entities joined the library's merged entities as it was stored.
        #expect(try await server.store.libraryEntities(LibraryEntityQuery(name: "Amira Haddad")).entities.map(\.entity.name) == ["Amira Haddad"])
    }

    @Test func pastedTextGoesThroughTheCleaner() async throws {
        let server = try await ServerFixtures.server(hostile: false)
        try await ServerFixtures.withClient(server) { client in
            let form = "format=auto&text=" + FormFields.encode(Self.pastedArticle)
            try await client.execute(uri: "/add", method: .post, headers: Self.headers("application/x-www-form-urlencoded"),
                                     body: ByteBuffer(string: form)) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("class=\"added\""))
            }
            let body = try JSONSerialization.data(withJSONObject: ["inputs": [["name": "ferry.txt", "content": Self.pastedArticle]]])
            try await client.execute(uri: "/api/documents", method: .post, headers: Self.headers("application/json"),
                                     body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .ok)
                let json = try response.json()
                #expect(((json["present"] as? [Any]) ?? []).count == 1)
            }
        }
        let hit = try #require(try await server.store.search(SearchQuery("ferry Orvik")).first)
        let document = try #require(try await server.store.document(id: hit.id))
        #expect(!document.text.contains("Subscribe to our newsletter"))
        #expect(document.removed.contains { $0.text.contains("Subscribe") })
    }

    @Test func oversizedBodiesAre413() async throws {
        let server = try await ServerFixtures.server(settings: ServerSettings(maxRequestBytes: 4096), hostile: false)
        try await ServerFixtures.withClient(server) { client in
            let big = ByteBuffer(string: "{\"inputs\":[{\"name\":\"a.txt\",\"content\":\"" + String(repeating: "word ", count: 2000) + "\"}]}")
            try await client.execute(uri: "/api/documents", method: .post, headers: Self.headers("application/json"), body: big) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.headers[.contentSecurityPolicy] != nil)
            }
            try await client.execute(uri: "/add", method: .post, headers: Self.headers("application/x-www-form-urlencoded"), body: big) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
        #expect(try await server.store.count() == 3)
    }

    @Test func writesNeedTheTokenWhenListeningBeyondLoopback() async throws {
        let settings = ServerSettings(host: "0.0.0.0", writeToken: "s3cret-token")
        let server = try await ServerFixtures.server(settings: settings, hostile: false)
        let body = try JSONSerialization.data(withJSONObject: ["inputs": [["name": "ferry.txt", "content": Self.pastedArticle]]])
        try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: "/api/documents", method: .post, headers: Self.headers("application/json"), body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/documents", method: .post,
                                     headers: Self.headers("application/json", [("Authorization", "Bearer wrong")]), body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/add", method: .get) { response in
                #expect(response.text.contains("id=\"token\""))
            }
            let form = "text=" + FormFields.encode(Self.pastedArticle)
            try await client.execute(uri: "/add", method: .post, headers: Self.headers("application/x-www-form-urlencoded"), body: ByteBuffer(string: form)) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/add", method: .post, headers: Self.headers("application/x-www-form-urlencoded"),
                                     body: ByteBuffer(string: form + "&token=s3cret-token")) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("class=\"added\""))
            }
            let other = try JSONSerialization.data(withJSONObject: ["inputs": [["name": "strike.html", "content": ServerFixtures.page(
                title: "Tram drivers accept new contract", site: "Harbor Weekly", published: "2025-07-01T08:00:00Z",
                paragraphs: ["Tram drivers in Port Halden voted on Monday to accept a new three-year contract, ending months of dispute over shift patterns and overtime pay.",
                             "The agreement raises wages by four percent this year and guarantees two free weekends a month, the drivers' association said."])]]])
            try await client.execute(uri: "/api/documents", method: .post,
                                     headers: Self.headers("application/json", [("Authorization", "Bearer s3cret-token")]), body: ByteBuffer(bytes: other)) { response in
                #expect(response.status == .created)
                let json = try response.json()
                #expect(((json["added"] as? [Any]) ?? []).count == 1)
            }
        }
    }

    @Test func crossSiteWritesAreRefused() async throws {
        let server = try await ServerFixtures.server(hostile: false)
        let form = ByteBuffer(string: "text=" + FormFields.encode(Self.pastedArticle))
        try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: "/add", method: .post,
                                     headers: Self.headers("application/x-www-form-urlencoded", [("Sec-Fetch-Site", "cross-site")]), body: form) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/add", method: .post,
                                     headers: Self.headers("application/x-www-form-urlencoded", [("Origin", "http://evil.example"), ("Host", "127.0.0.1:8080")]),
                                     body: form) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/add", method: .post,
                                     headers: Self.headers("application/x-www-form-urlencoded", [("Origin", "null")]), body: form) { response in
                #expect(response.status == .forbidden)
            }
            // What Chromium sends for the server's own form: the fetch metadata vouches for it.
            try await client.execute(uri: "/add", method: .post,
                                     headers: Self.headers("application/x-www-form-urlencoded",
                                                           [("Origin", "null"), ("Sec-Fetch-Site", "same-origin")]),
                                     body: form) { response in
                #expect(response.status != .forbidden)
            }
        }
        #expect(try await server.store.count() == 4)
    }

    @Test func emptyAndUnsupportedBodiesAreRefused() async throws {
        let server = try await ServerFixtures.server(hostile: false)
        try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: "/api/documents", method: .post, headers: Self.headers("text/plain"), body: ByteBuffer(string: "hello")) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            try await client.execute(uri: "/api/documents", method: .post, headers: Self.headers("application/json"), body: ByteBuffer(string: "{\"nope\": 1}")) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/add", method: .post, headers: Self.headers("application/x-www-form-urlencoded"), body: ByteBuffer(string: "text=")) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("id=\"add-error\""))
            }
        }
    }

    @Test func multipartParserKeepsBinaryAndNames() throws {
        let body = Array("--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"../../etc/a.html\"\r\n\r\n<p>x\r\ny</p>\r\n--b\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\nt\r\n--b--\r\n".utf8)
        let form = try #require(MultipartForm(body: body, boundary: "b"))
        #expect(form.parts.count == 2)
        #expect(String(decoding: form.parts[0].data, as: UTF8.self) == "<p>x\r\ny</p>")
        #expect(form.field("token") == "t")
        #expect(DocumentIntake.label(filename: form.parts[0].filename, fallback: "f") == "upload/a.html")
        #expect(MultipartForm(body: Array("garbage".utf8), boundary: "b") == nil)
    }
}
