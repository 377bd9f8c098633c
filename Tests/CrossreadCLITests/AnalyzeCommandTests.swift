import CrossreadTestSupport
import Foundation
import Testing

@Suite struct AnalyzeCommandTests {
    let examples = SharedCorpus.packageRoot.appendingPathComponent("Examples/corpus")

    struct Dossier {
        let json: [String: Any]
        let html: String
        /// Document id by the first three characters of its file name (seeds are 000_… to 004_…).
        let idByPrefix: [String: String]

        func claims() -> [[String: Any]] { json["claims"] as? [[String: Any]] ?? [] }
        func stories() -> [[String: Any]] { json["stories"] as? [[String: Any]] ?? [] }
        func storyOf(_ prefix: String) -> String? {
            let id = idByPrefix[prefix]
            return stories().first { ($0["documents"] as? [String] ?? []).contains(id ?? "") }?["id"] as? String
        }
    }

    func analyze(_ folder: URL) throws -> Dossier {
        let dir = try CrossreadBinary.temporaryDirectory()
        let run = try CrossreadBinary.run(["analyze", folder.path, "--db", dir.appendingPathComponent("lib.db").path,
                                           "-o", dir.appendingPathComponent("d.html").path,
                                           "--json", dir.appendingPathComponent("d.json").path,
                                           "--markdown", dir.appendingPathComponent("d.md").path])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("d.json"))) as? [String: Any])
        let html = try String(contentsOf: dir.appendingPathComponent("d.html"), encoding: .utf8)
        var ids: [String: String] = [:]
        for document in json["documents"] as? [[String: Any]] ?? [] {
            let source = (document["source"] as? String ?? "").split(separator: "/").last.map(String.init) ?? ""
            ids[String(source.prefix(3))] = document["id"] as? String
        }
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("d.md").path))
        return Dossier(json: json, html: html, idByPrefix: ids)
    }

    @Test func examplesMakeADossierWithEveryPart() throws {
        let dossier = try analyze(examples)
        #expect(dossier.json["schema"] as? String == "crossread/1")
        // Nine files and the three pages of the example crawl.
        #expect((dossier.json["documents"] as? [Any])?.count == 12)
        #expect(!dossier.stories().isEmpty)
        #expect(!(dossier.json["timeline"] as? [Any] ?? []).isEmpty)
        #expect(dossier.html.contains("<svg"))
        // The opinion piece says the mayor's "no warning at all" claim is false.
        #expect(dossier.claims().contains { !($0["disputedBy"] as? [String] ?? []).isEmpty })
    }

    @Test func seedsMeetTheDossierAcceptance() throws {
        guard let seeds = SharedCorpus.path("seeds") else { return }
        let dossier = try analyze(seeds)
        // 000 and 001 share a story; 003 and 004 share a story; the pairs are apart; one topic holds all.
        let s000 = try #require(dossier.storyOf("000")), s003 = try #require(dossier.storyOf("003"))
        #expect(dossier.storyOf("001") == s000)
        #expect(dossier.storyOf("004") == s003)
        #expect(s000 != s003)
        let topics = Set(dossier.stories().compactMap { $0["topic"] as? String })
        #expect(topics.count == 1)
        // "We are on the same side of every issue" is disputed by 003.
        let sameSide = dossier.claims().first { ($0["text"] as? String ?? "").contains("same side of every issue") }
        let disputedBy: [String] = sameSide?["disputedBy"] as? [String] ?? []
        let id003: String = dossier.idByPrefix["003"] ?? "?"
        #expect(disputedBy.contains(id003), "disputedBy \(disputedBy)")
        // X (003) against Truth Social (004) as the venue of the post.
        let conflicts = dossier.json["conflicts"] as? [[String: Any]] ?? []
        let venue = conflicts.first { conflict in
            let values = (conflict["values"] as? [[String: Any]] ?? []).map { ($0["value"] as? String ?? "", $0["document"] as? String ?? "") }
            return values.contains { $0 == ("X", dossier.idByPrefix["003"] ?? "?") }
                && values.contains { $0 == ("Truth Social", dossier.idByPrefix["004"] ?? "?") }
        }
        #expect(venue != nil, "no X vs Truth Social conflict in \(conflicts)")
        // Facts 000 and 001 both report are corroborated; the rally only 001 reports is single-source.
        let both = dossier.claims().filter {
            let documents = $0["documents"] as? [String] ?? []
            return documents.contains(dossier.idByPrefix["000"] ?? "?") && documents.contains(dossier.idByPrefix["001"] ?? "?")
                && !($0["corroboratedBy"] as? [String] ?? []).isEmpty
        }
        #expect(both.count >= 2)
        let rally = dossier.claims().filter { ($0["text"] as? String ?? "").contains("rally") }
        #expect(!rally.isEmpty)
        for claim in rally { #expect((claim["corroboratedBy"] as? [String] ?? []).isEmpty) }
    }

    @Test func analyzeWithoutPathsReportsOnSlicesOfTheLibrary() throws {
        let dir = try CrossreadBinary.temporaryDirectory()
        let db = dir.appendingPathComponent("lib.db").path
        let whole = dir.appendingPathComponent("whole.json").path
        let first = try CrossreadBinary.run(["analyze", examples.path, "--db", db, "-o", dir.appendingPathComponent("a.html").path,
                                             "--json", whole])
        #expect(first.status == 0, "\(first.stderr)")
        // Nothing new: the library's analysis is only read.
        let sliceFile = dir.appendingPathComponent("slice.json").path
        let sliced = try CrossreadBinary.run(["analyze", "--db", db, "--query", "corrosion", "-o", dir.appendingPathComponent("b.html").path,
                                              "--json", sliceFile])
        #expect(sliced.status == 0, "\(sliced.stderr)")
        #expect(sliced.stdout.contains("0 annotated, 0 placed"), "\(sliced.stdout)")
        let all = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: whole))) as? [String: Any])
        let slice = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sliceFile))) as? [String: Any])
        let stories = slice["stories"] as? [[String: Any]] ?? []
        let documents = slice["documents"] as? [[String: Any]] ?? []
        #expect(!stories.isEmpty)
        #expect(stories.count < (all["stories"] as? [Any] ?? []).count, "the search selects some stories, not all")
        // Every story of the slice holds a document that matches, and is whole.
        for story in stories {
            let ids = Set(story["documents"] as? [String] ?? [])
            #expect(documents.contains { ids.contains($0["id"] as? String ?? "") && ($0["text"] as? String ?? "").lowercased().contains("corrosion") })
            #expect(ids.isSubset(of: Set(documents.compactMap { $0["id"] as? String })))
        }
        // A slice that selects nothing is an error that says so.
        let empty = try CrossreadBinary.run(["analyze", "--db", db, "--from", "2100-01-01", "-o", dir.appendingPathComponent("c.html").path])
        #expect(empty.status != 0)
        #expect(empty.stderr.contains("no story"), "\(empty.stderr)")
    }

    @Test func analyzingAgainReusesTheLibrary() throws {
        let dir = try CrossreadBinary.temporaryDirectory()
        let db = dir.appendingPathComponent("lib.db").path
        let first = try CrossreadBinary.run(["analyze", examples.path, "--db", db, "-o", dir.appendingPathComponent("a.html").path])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CrossreadBinary.run(["analyze", examples.path, "--db", db, "-o", dir.appendingPathComponent("b.html").path])
        #expect(second.stdout.contains("0 new, 13 already present"), "\(second.stdout)")
        let quotes = try CrossreadBinary.run(["quotes", "--speaker", "marsh", "--json", "--db", db])
        let lines = quotes.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let quote = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(quote["speakerName"] as? String == "Elena Marsh")
        }
        let entities = try CrossreadBinary.run(["entities", "--type", "person", "--db", db])
        #expect(entities.stdout.contains("Elena Marsh"))
        // The merged entities the library keeps, most documents first, with counts.
        let listed = try CrossreadBinary.run(["entities", "--type", "person", "--json", "--db", db]).stdout.split(separator: "\n")
        var counts: [Int] = []
        var names: [String] = []
        for line in listed {
            let person = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            counts.append(try #require(person["documents"] as? Int))
            let entity = try #require(person["entity"] as? [String: Any])
            names.append(entity["name"] as? String ?? "")
        }
        let descending = counts.sorted(by: >)
        #expect(!counts.isEmpty && counts == descending && counts[0] >= 1, "\(counts)")
        #expect(names.contains("Elena Marsh"))
    }
}
