import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `crossread serve` end to end: the built binary on a port the system picks, one page fetched over
/// the socket, then a clean stop on SIGINT.
@Suite struct ServeCommandTests {
    @Test func servesAPageAndStopsOnSIGINT() async throws {
        let folder = try CrossreadBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = folder.appendingPathComponent("note.txt")
        try "Harbor cranes idle as dock workers strike\n\nDock workers at the Port Halden container terminal stopped work on Friday, leaving six ships waiting offshore.\n\nThe union said the strike would last until Sunday."
            .write(to: article, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("library.db").path
        #expect(try CrossreadBinary.run(["ingest", article.path, "--db", db]).status == 0)

        let process = Process()
        process.executableURL = CrossreadBinary.url
        process.arguments = ["serve", "--db", db, "--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // The first line names the URL, with the port the system picked.
        let announced = try #require(await Self.firstLine(of: output.fileHandleForReading, timeout: 60))
        let url = try #require(announced.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }.map(String.init))

        let (data, response) = try await URLSession.shared.data(from: URL(string: url + "search?q=cranes")!)
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 200)
        #expect((http.value(forHTTPHeaderField: "Content-Security-Policy") ?? "").contains("default-src 'none'"))
        #expect(String(decoding: data, as: UTF8.self).contains("<mark>cranes</mark>"))

        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline { try await Task.sleep(nanoseconds: 50_000_000) }
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 0)
    }

    /// The first line the handle yields, or nil after `timeout` seconds.
    static func firstLine(of handle: FileHandle, timeout: TimeInterval) async -> String? {
        await withCheckedContinuation { continuation in
            let once = ResumeOnce(continuation)
            Thread {
                var buffer = Data()
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    buffer.append(chunk)
                    if let newline = buffer.firstIndex(of: 0x0A) {
                        once.resume(String(decoding: buffer[..<newline], as: UTF8.self))
                        return
                    }
                }
                once.resume(nil)
            }.start()
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { once.resume(nil) }
        }
    }

    /// Resumes a continuation once, from whichever side comes first.
    final class ResumeOnce: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<String?, Never>?
        init(_ continuation: CheckedContinuation<String?, Never>) { self.continuation = continuation }
        func resume(_ value: String?) {
            lock.lock()
            let pending = continuation
            continuation = nil
            lock.unlock()
            pending?.resume(returning: value)
        }
    }
}
