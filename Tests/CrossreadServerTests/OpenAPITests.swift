import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import CrossreadServer

@Suite struct OpenAPITests {
    @Test func everyRouteIsDescribedAndEveryDescribedPathIsARoute() async throws {
        let server = try await ServerFixtures.server(hostile: false)
        let routes = Set(server.router().routes.map { "\($0.method.rawValue.lowercased()) \($0.path.description)" })
        let data = try await ServerFixtures.withClient(server) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                return Data(response.text.utf8)
            }
        }
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        #expect(json["openapi"] as? String == "3.1.0")
        let paths = try #require(json["paths"] as? [String: [String: Any]])
        var described = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys { described.insert("\(method) \(path)") }
        }
        #expect(!routes.isEmpty)
        #expect(routes.subtracting(described).isEmpty, "routes missing from OpenAPI: \(routes.subtracting(described).sorted())")
        #expect(described.subtracting(routes).isEmpty, "OpenAPI paths without a route: \(described.subtracting(routes).sorted())")
        // Every $ref points at a schema that exists.
        let schemas = try #require((json["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let text = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
        for piece in text.components(separatedBy: "#/components/schemas/").dropFirst() {
            let name = String(piece.prefix { $0.isLetter })
            #expect(schemas[name] != nil, "missing schema \(name)")
        }
    }
}
