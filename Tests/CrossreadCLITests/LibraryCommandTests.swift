import CrossreadTestSupport
import Foundation
import Testing

@Suite struct LibraryCommandTests {
    let examples = SharedCorpus.packageRoot.appendingPathComponent("Examples/corpus")

    func library() throws -> String {
        let dir = try CrossreadBinary.temporaryDirectory()
        let db = dir.appendingPathComponent("lib.db").path
        let run = try CrossreadBinary.run(["ingest", examples.path, "--db", db, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        return db
    }

    @Test func searchRanksAndHighlights() throws {
        let db = try library()
        let run = try CrossreadBinary.run(["search", "ferry", "--json", "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        let hits = run.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(!hits.isEmpty)
        for hit in hits {
            let snippet = Array((hit["snippet"] as? String ?? "").unicodeScalars)
            let ranges = hit["highlights"] as? [[Int]] ?? []
            #expect(!ranges.isEmpty)
            for range in ranges {
                let word = String(String.UnicodeScalarView(snippet[range[0]..<range[1]])).lowercased()
                #expect(word.hasPrefix("ferr"), "highlight \(word)")
            }
        }
        let plain = try CrossreadBinary.run(["search", "U.S.-Israel\"(", "--db", db])
        #expect(plain.status == 0, "\(plain.stderr)")
    }

    @Test func searchFiltersByEntitySourceAndDay() throws {
        let dir = try CrossreadBinary.temporaryDirectory()
        let db = dir.appendingPathComponent("lib.db").path
        let analyze = try CrossreadBinary.run(["analyze", examples.path, "--db", db, "-o", dir.appendingPathComponent("d.html").path])
        #expect(analyze.status == 0, "\(analyze.stderr)")
        func hits(_ arguments: [String]) throws -> [[String: Any]] {
            let run = try CrossreadBinary.run(["search", "bridge", "--json", "--db", db] + arguments)
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }
        let all = try hits([])
        let okafor = try hits(["--entity", "okafor"])
        #expect(!okafor.isEmpty && okafor.count < all.count, "\(okafor.count) of \(all.count)")
        for hit in okafor {
            let show = try CrossreadBinary.run(["show", hit["id"] as! String, "--db", db])
            #expect(show.stdout.contains("Okafor"), "hit \(hit["id"]!) does not name Okafor")
        }
        let oneDay = try hits(["--from", "2026-02-05", "--through", "2026-02-05"])
        #expect(!oneDay.isEmpty && oneDay.count < all.count)
        for hit in oneDay { #expect((hit["published"] as? String)?.hasPrefix("2026-02-05") == true, "\(hit)") }
        let wire = try hits(["--source", "regional wire"])
        #expect(!wire.isEmpty && wire.allSatisfy { $0["publisher"] as? String == "Regional Wire" }, "\(wire)")
        let badDay = try CrossreadBinary.run(["search", "bridge", "--from", "Feb 5", "--db", db])
        #expect(badDay.status != 0 && badDay.stderr.contains("YYYY-MM-DD"))
        let nobody = try CrossreadBinary.run(["search", "bridge", "--entity", "Zebulon Quix", "--db", db])
        #expect(nobody.status != 0 && nobody.stderr.contains("Zebulon Quix"))
    }

    @Test func showPrintsDocumentJSONWithTheContractFields() throws {
        let db = try library()
        let list = try CrossreadBinary.run(["list", "--json", "--db", db])
        let first = try #require(list.stdout.split(separator: "\n").first)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        let id = try #require(summary["id"] as? String)
        let show = try CrossreadBinary.run(["show", String(id.prefix(6)), "--json", "--db", db])
        #expect(show.status == 0, "\(show.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        for key in ["id", "source", "title", "authors", "published", "publisher", "language", "text", "removed"] {
            #expect(document.keys.contains(key), "missing \(key)")
        }
        #expect(document["id"] as? String == id)
        let text = try #require(document["text"] as? String)
        let scalars = Array(text.unicodeScalars)
        for paragraph in document["paragraphs"] as? [[String: Any]] ?? [] {
            let start = paragraph["start"] as! Int, end = paragraph["end"] as! Int
            let slice = String(String.UnicodeScalarView(scalars[start..<end]))
            #expect(!slice.isEmpty && !slice.contains("\n\n"))
        }
        let missing = try CrossreadBinary.run(["show", "ffffffffffff", "--db", db])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("ffffffffffff"))
    }

    @Test func exampleHTMLIsExtractedWithMetadata() throws {
        let page = examples.appendingPathComponent("valley-post-bridge.html")
        let run = try CrossreadBinary.run(["extract", page.path, "--format", "jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["title"] as? String == "Bridge closure splits Port Carrow as repair bill grows")
        #expect(document["authors"] as? [String] == ["Tomas Reyes"])
        #expect((document["published"] as? String)?.hasPrefix("2026-02-04T18:05") == true)
        #expect(document["publisher"] as? String == "The Valley Post")
        let text = try #require(document["text"] as? String)
        #expect(text.contains("40 cracks"))
        #expect(!text.contains("Accept all"))
        #expect(!text.contains("Related stories"))
        #expect(!text.contains("Sign up for our newsletter"))
    }

    @Test func everyCommandHasHelpWithAnExample() throws {
        for command in ["ingest", "extract", "list", "show", "search"] {
            let run = try CrossreadBinary.run([command, "--help"])
            #expect(run.status == 0)
            #expect(run.stdout.contains("Example"), "\(command) --help has no example")
        }
    }

    @Test func listAndShowWithoutALibrarySayWhatToDo() throws {
        let dir = try CrossreadBinary.temporaryDirectory()
        let run = try CrossreadBinary.run(["list"], in: dir)
        #expect(run.status != 0)
        #expect(run.stderr.contains("crossread ingest"))
    }
}
