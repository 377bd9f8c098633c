import CrossreadCore
import Foundation
import Testing
@testable import CrossreadIngest

@Suite("Progress: plan and files done")
struct ProgressPlanTests {
    @Test func planCountsTheFilesReadWouldReadAndTheirSize() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let a = try folder.write("a.txt", "Alpha article text.")
        let b = try folder.write("sub/b.txt.gz", gzip(Array("Zipped article.".utf8)))
        try folder.write(".hidden.txt", "Never read.")
        let expectedBytes = try [a, b].reduce(0) { $0 + (try FileManager.default.attributesOfItem(atPath: $1)[.size] as! Int) }
        let plan = Ingestor().plan(paths: [folder.path, folder.path + "/missing.txt"])
        #expect(plan.files == 2)
        #expect(plan.bytes == expectedBytes)

        var done: [(String, Int)] = []
        var articles = 0
        Ingestor().read(paths: [folder.path], fileDone: { done.append(($0, $1)) }) { event in
            if event.article != nil { articles += 1 }
        }
        #expect(articles == 2)
        #expect(done.map(\.0) == [a, b])
        #expect(done.map(\.1).reduce(0, +) == plan.bytes)
    }
}
