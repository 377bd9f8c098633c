import CrossreadCore
import CrossreadPostgres
import CrossreadTestSupport
import Foundation
import Testing

/// Four `crossread ingest --postgres` processes at once over overlapping folders (the same files
/// under other names and in other folders) end with exactly one row per distinct document.
/// Skipped without `CROSSREAD_TEST_POSTGRES`.
@Suite struct PostgresIngestTests {
    /// Messy little articles of our own; each file's bytes are one distinct document.
    static let articles: [String: String] = [
        "pier.txt": "Night Ferry Returns to the Old Pier\n\nBy Staff Reporter | 3 min read\n\nThe night ferry docked at the old pier on Thursday for the first time since the storm, the harbour office said.\n\nPassengers queued in the rain; one called the crossing \"rough but worth it\".\n\nSubscribe to our newsletter!\n",
        "orchard.txt": "Orchard Growers Count Frost Damage\n\nGrowers in the upper valley said on Monday that a late frost had damaged about a third of the apple blossom.\n\n“We have seen worse, but not often,” said Mara Lind, who farms twelve hectares.\n\nAdvertisement\n",
        "library.txt": "Library Extends Evening Hours\n\nThe central library will stay open until nine on weekdays from next month, the council announced.\n\nThe change costs less than expected because volunteers will staff the reading room.\n",
        "bridge.txt": "Bridge Inspection Finds Rusted Bolts\n\nInspectors found rusted bolts on the east span of the river bridge, a report released on Wednesday shows.\n\nThe city said traffic would not be affected before repairs begin in autumn.\n\nRelated: Ferry timetable changes\n",
        "choir.txt": "Youth Choir Wins Regional Prize\n\nThe town's youth choir won first prize at the regional festival on Saturday, beating nineteen other choirs.\n\nIts director, Paulo Sørensen, thanked the parents who drove the singers across the mountains.\n",
        "market.txt": "Market Square Reopens After Paving\n\nStalls returned to the market square on Sunday after six weeks of paving works.\n\nTraders said footfall was already back to normal by noon — \"better than before\", one fishmonger said.\n",
    ]

    @Test func fourWorkersOverOverlappingFoldersStoreEachDocumentOnce() async throws {
        guard let url = ProcessInfo.processInfo.environment["CROSSREAD_TEST_POSTGRES"], !url.isEmpty else {
            print("PostgreSQL tests skipped: set CROSSREAD_TEST_POSTGRES=postgres://... (.ci/run starts a server)")
            return
        }
        let server = try PostgresLocation(url: url)
        let dir = try CrossreadBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Four folders: all six, the first four renamed, the last four in a subfolder, and every
        // file twice under two names.
        let names = Self.articles.keys.sorted()
        func write(_ name: String, as file: String, in folder: String) throws {
            let target = dir.appendingPathComponent(folder).appendingPathComponent(file)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(Self.articles[name]!.utf8).write(to: target)
        }
        for name in names { try write(name, as: name, in: "w1") }
        for name in names.prefix(4) { try write(name, as: "copy-of-\(name)", in: "w2") }
        for name in names.suffix(4) { try write(name, as: name, in: "w3/nested/deeper") }
        for name in names {
            try write(name, as: "a-\(name)", in: "w4")
            try write(name, as: "b-\(name)", in: "w4/again")
        }

        let database = "crossread_cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let location = try await PostgresDatabases.create(String(database), on: server)
        let libraryURL = Self.url(location, password: server.password)

        let workers = try ["w1", "w2", "w3", "w4"].map { folder in
            try Worker(arguments: ["ingest", dir.appendingPathComponent(folder).path, "--postgres", libraryURL], in: dir)
        }
        let outputs = workers.map { $0.wait() }
        var added = 0
        for (index, output) in outputs.enumerated() {
            #expect(output.status == 0, "worker \(index + 1) failed: \(output.stderr)")
            #expect(output.stdout.contains(" 0 failed"), "worker \(index + 1): \(output.stdout)")
            #expect(!output.stdout.contains(url), "the summary shows the password-bearing URL")
            if let new = output.stdout.split(separator: " ").first.flatMap({ Int($0) }) { added += new }
        }
        #expect(added == names.count, "the workers added \(added) documents in all, expected \(names.count)")

        let list = try CrossreadBinary.run(["list", "--json", "--postgres", libraryURL])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.split(separator: "\n").count == names.count, "\(list.stdout)")
        let search = try CrossreadBinary.run(["search", "frost", "--postgres", libraryURL])
        #expect(search.status == 0 && search.stdout.contains("Orchard"), "\(search.stdout) \(search.stderr)")
        try await PostgresDatabases.drop(String(database), on: server)
    }

    @Test func aBadURLOrAnUnreachableServerIsAClearError() throws {
        let bad = try CrossreadBinary.run(["list", "--postgres", "mysql://u:secret@h/db"])
        #expect(bad.status != 0 && bad.stderr.contains("postgres://"), "\(bad.stderr)")
        #expect(!bad.stderr.contains("secret"))
        let both = try CrossreadBinary.run(["list", "--postgres", "postgres://u@127.0.0.1/db", "--db", "other.db"])
        #expect(both.status != 0 && both.stderr.contains("--db and --postgres"), "\(both.stderr)")
        let started = Date()
        let down = try CrossreadBinary.run(["list", "--postgres", "postgres://u:secret@127.0.0.1:1/db"])
        #expect(down.status != 0 && down.stderr.contains("refused"), "\(down.stderr)")
        #expect(!down.stderr.contains("secret"))
        #expect(Date().timeIntervalSince(started) < 30, "a hang would be the pool's minute of retries")
    }

    /// The URL of `location`, with the password put back.
    static func url(_ location: PostgresLocation, password: String?) -> String {
        let secret = password.map { ":" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) } ?? ""
        return "postgres://\(location.user)\(secret)@\(location.host):\(location.port)/\(location.database)"
    }

    /// A `crossread` process started now, its output going to files, so several run at once.
    struct Worker {
        let process = Process()
        let out: URL
        let err: URL

        init(arguments: [String], in directory: URL) throws {
            let id = UUID().uuidString
            out = directory.appendingPathComponent("worker-\(id).out")
            err = directory.appendingPathComponent("worker-\(id).err")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            process.executableURL = CrossreadBinary.url
            process.arguments = arguments
            process.currentDirectoryURL = directory
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        func wait() -> CrossreadBinary.Output {
            process.waitUntilExit()
            let stdout = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            return CrossreadBinary.Output(status: process.terminationStatus, stdout: stdout, stderr: stderr)
        }
    }
}
