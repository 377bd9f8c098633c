import CrossreadCore
import Foundation
import Testing
@testable import CrossreadReport

@Suite struct DossierHTMLTests {
    let html = DossierHTML().render(DossierFixture.analysis)

    @Test func articleTextIsEscaped() {
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<b>now</b>"))
        #expect(!html.contains("<i>at all</i>"))
        #expect(!html.contains("Valley <Post>"))
        #expect(!html.contains("<Tuesday>"))
        #expect(!html.contains("<warnings>"))
    }

    @Test func isSelfContained() {
        for pattern in ["<script", "<link", "src=\"http", "src='http", "url(", "@import", "@font-face"] {
            #expect(!html.lowercased().contains(pattern), "found \(pattern)")
        }
        #expect(html.contains("Content-Security-Policy"))
    }

    @Test func everyInternalLinkHasATarget() throws {
        let ids = Set(matches(of: " id=\"", in: html))
        let targets = matches(of: "href=\"#", in: html)
        #expect(!targets.isEmpty)
        for target in targets { #expect(ids.contains(target), "no element with id \(target)") }
    }

    @Test func claimsLinkToTheirSourceSentences() {
        let analysis = DossierFixture.analysis
        let b = analysis.documents[1].id, c = analysis.documents[2].id
        // "She said the city had no warning." is sentence 1 of document b; the dispute is sentence 1 of c.
        #expect(html.contains("href=\"#s-\(b)-1\""))
        #expect(html.contains("href=\"#s-\(c)-1\""))
        #expect(html.contains("id=\"s-\(c)-1\">That claim is false.</span>"))
    }

    @Test func showsSectionsAnAnalystNeeds() {
        for heading in ["Stories", "Timeline", "People and organizations", "Quotes", "Disputes and conflicts", "Articles",
                        "Corroboration matrix", "Removed boilerplate", "disputed by"] {
            #expect(html.contains(heading), "missing \(heading)")
        }
        #expect(html.contains("<svg"))
    }

    @Test func marksStatementsThatRestOnOneSource() {
        var analysis = DossierFixture.analysis
        let c = analysis.documents[2]
        analysis.claims.append(CorpusClaim(id: "c3", text: "Only the review says this.", speaker: nil, documents: [c.id],
                                           corroboratedBy: [], disputedBy: [], evidence: [TextReference(document: c.id, range: 0..<10)],
                                           disputes: [], story: "story-1"))
        let page = DossierHTML().render(analysis)
        #expect(page.contains("Resting on one source"))
        #expect(page.contains("single source"))
    }

    func matches(of prefix: String, in text: String) -> [String] {
        var out: [String] = []
        var rest = text[...]
        while let found = rest.range(of: prefix) {
            let after = rest[found.upperBound...]
            let value = after.prefix { $0 != "\"" }
            out.append(String(value))
            rest = after
        }
        return out
    }
}

@Suite struct DossierJSONTests {
    @Test func carriesSchemaAndContractFields() throws {
        let json = DossierJSON().render(DossierFixture.analysis)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "crossread/1")
        for key in ["documents", "entities", "duplicates", "stories", "topics", "timeline", "claims", "conflicts"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let claims = try #require(object["claims"] as? [[String: Any]])
        let disputed = try #require(claims.first { $0["id"] as? String == "c2" })
        #expect((disputed["disputedBy"] as? [String])?.count == 1)
        let documents = try #require(object["documents"] as? [[String: Any]])
        // Evidence offsets are code points into the document text.
        let evidence = try #require((disputed["disputes"] as? [[String: Any]])?.first)
        let document = try #require(documents.first { $0["id"] as? String == evidence["document"] as? String })
        let text = Array((document["text"] as? String ?? "").unicodeScalars)
        let start = evidence["start"] as! Int, end = evidence["end"] as! Int
        #expect(String(String.UnicodeScalarView(text[start..<end])) == "That claim is false.")
    }

    @Test func schemaFileDescribesTheTopLevelKeys() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schemas/crossread-1.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        let json = DossierJSON().render(DossierFixture.analysis)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        for key in object.keys { #expect(properties[key] != nil, "schema lacks \(key)") }
    }
}

@Suite struct DossierMarkdownTests {
    @Test func listsStoriesClaimsAndArticles() {
        let markdown = DossierMarkdown().render(DossierFixture.analysis)
        #expect(markdown.contains("## Topic: Port infrastructure"))
        #expect(markdown.contains("**Disputed**"))
        #expect(markdown.contains("**Conflict: day of closure**"))
        #expect(markdown.contains("## Articles"))
    }
}
