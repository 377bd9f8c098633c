import CrossreadTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `crossread serve` in a real browser: headless Chromium driven through chromedriver over the
/// example corpus, page by page as a reader would, failing on any console error or HTTP error, with
/// a screenshot of every page in `$CROSSREAD_SCREENSHOTS` (default: a fresh temporary folder).
/// Skips where Chromium or chromedriver is missing, except in CI (`CI=true`), where that fails.
@Suite(.serialized) struct ServeBrowserTests {
    /// A `crossread serve` child process on a free loopback port.
    final class ServedLibrary: @unchecked Sendable {
        let process = Process()
        let base: URL
        let log: URL

        init(db: URL, folder: URL) throws {
            let port = try WebDriverService.freeLoopbackPort()
            base = URL(string: "http://127.0.0.1:\(port)")!
            log = folder.appendingPathComponent("serve.log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            process.executableURL = CrossreadBinary.url
            process.arguments = ["serve", "--db", db.path, "--host", "127.0.0.1", "--port", String(port)]
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
        }

        /// Waits until the server answers `/` (up to `timeout`).
        func waitUntilReady(timeout: TimeInterval = 60) async throws {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                guard process.isRunning else { break }
                if let (_, response) = try? await URLSession.shared.data(from: base),
                   (response as? HTTPURLResponse)?.statusCode == 200 { return }
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw ServeFailure("crossread serve did not answer on \(base) within \(Int(timeout)) s: \(output.suffix(2000))")
        }

        func stop() {
            guard process.isRunning else { return }
            process.terminate()
            process.waitUntilExit()
        }

        deinit { stop() }
    }

    struct ServeFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// The browser, the driver and the page checks of one walk through the app.
    struct Walk {
        let session: WebDriverSession
        let server: ServedLibrary
        let screenshots: URL
        var shots = 0

        /// The page now shown answered 200 and the console has no error since the last check;
        /// saves a screenshot named after the step.
        mutating func checkPage(_ step: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
            let status = try await session.responseStatus()
            let page = try await session.currentURL()?.absoluteString ?? "?"
            #expect(status == 200, "\(step): HTTP \(status.map(String.init) ?? "?") for \(page)",
                    sourceLocation: sourceLocation)
            let errors = try await session.browserLog().filter(\.isError)
            #expect(errors.isEmpty, "\(step): console errors:\n\(errors.map(\.description).joined(separator: "\n"))",
                    sourceLocation: sourceLocation)
            shots += 1
            let file = screenshots.appendingPathComponent(String(format: "%02d-%@.png", shots, step))
            try await session.saveScreenshot(to: file)
        }

        func open(_ path: String) async throws {
            try await session.navigate(to: URL(string: path, relativeTo: server.base)!.absoluteURL)
        }
    }

    /// Chromium and chromedriver, or nil after a note (a failure in CI).
    static func browser() -> (chromium: URL, driver: URL)? {
        let chromium = HeadlessChromium.executable, driver = WebDriverService.driverExecutable
        if let chromium, let driver { return (chromium, driver) }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("CI=true but the browser is missing: apt-get install -y chromium chromium-driver")
        }
        return nil
    }

    static func screenshotFolder() throws -> URL {
        let folder = ProcessInfo.processInfo.environment["CROSSREAD_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("crossread-screenshots-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        print("ServeBrowserTests: screenshots in \(folder.path)")
        return folder
    }

    @Test func readerWalksThroughTheLibraryAndAddsAnArticle() async throws {
        guard let browser = Self.browser() else { return }
        let folder = try CrossreadBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("library.db")
        let examples = SharedCorpus.packageRoot.appendingPathComponent("Examples/corpus")
        let analyzed = try CrossreadBinary.run(["analyze", examples.path, "--db", db.path,
                                                "-o", folder.appendingPathComponent("dossier.html").path])
        try #require(analyzed.status == 0, "crossread analyze failed: \(analyzed.stderr)")

        let server = try ServedLibrary(db: db, folder: folder)
        defer { server.stop() }
        try await server.waitUntilReady()
        let driver = try await WebDriverService(driver: browser.driver)
        defer { driver.stop() }
        let session = try await driver.newSession(browser: browser.chromium)
        var walk = Walk(session: session, server: server, screenshots: try Self.screenshotFolder())
        do {
            try await walkThrough(&walk)
        } catch {
            try? await session.saveScreenshot(to: walk.screenshots.appendingPathComponent("failed.png"))
            let page = (try? await session.currentURL())??.absoluteString ?? "?"
            let status = (try? await session.responseStatus()).flatMap { $0 }.map(String.init) ?? "?"
            let shown = ((try? await session.element("main").text()) ?? "").prefix(300)
            try? await session.delete()
            let log = (try? String(contentsOf: server.log, encoding: .utf8)) ?? ""
            Issue.record("\(error)\nat \(page) (HTTP \(status)), showing: \(shown)\nserver log:\n\(log.suffix(3000))")
            return
        }
        try await session.delete()
    }

    func walkThrough(_ walk: inout Walk) async throws {
        let session = walk.session

        // The library at a glance: counts, people, sources, stories.
        try await walk.open("/")
        _ = try await session.waitForElement("#library-counts")
        #expect(try await session.elements("#top-people li").count >= 1, "no people on the overview")
        #expect(try await session.elements("#library-sources li").count >= 2, "fewer than two sources on the overview")
        try await walk.checkPage("overview")

        // Search with a filter, typed into the form and submitted.
        try await session.element("#nav-search").click()
        let words = try await session.waitForElement("#q")
        try await words.sendKeys("bridge")
        try await session.element("#entity").sendKeys("Marsh")
        try await session.element("#search-submit").click()
        _ = try await session.waitForElement("#search-results")
        let url = try await session.currentURL()?.absoluteString ?? ""
        #expect(url.contains("q=bridge") && url.contains("entity=Marsh"), "the form did not submit its fields: \(url)")
        let hits = try await session.elements("#search-results .hit")
        #expect(hits.count >= 1, "no hit for bridge naming Marsh")
        #expect(try await session.elements("#search-results .snippet mark").count >= 1, "no highlighted word in the snippets")
        try await walk.checkPage("search")

        // A document from the results (the one whose page had menus and share buttons): entities,
        // quotes and times marked, removed boilerplate apart.
        var opened = false
        for link in try await session.elements("#search-results .hit-title") where try await link.text().contains("Closed") {
            try await link.click()
            opened = true
            break
        }
        if !opened { try await session.element("#search-results .hit-title").click() }
        let text = try await session.waitForElement("#document-text")
        #expect(try await text.elements(".mention").count >= 3, "few entity mentions marked in the text")
        #expect(try await text.elements(".quote").count >= 1, "no quote marked in the text")
        #expect(try await text.elements(".time").count >= 1, "no time expression marked in the text")
        let removed = try await session.element("#removed-blocks")
        try await removed.elements("summary").first?.click()
        #expect(try await removed.elements(".removed-block").count >= 1, "no removed boilerplate shown")
        let shown = try await text.text()
        #expect(!shown.contains("Share this article") && !shown.contains("Leave a Reply"), "boilerplate in the article text")
        try await walk.checkPage("document")

        // An entity from the document.
        try await session.element("#document-entities a.entity-link").click()
        let name = try await session.waitForElement("#entity-name")
        #expect(!(try await name.text()).isEmpty)
        #expect(try await session.elements("#entity-documents li").count >= 1, "the entity lists no document")
        try await walk.checkPage("entity")

        // A story: stories are computed after start, so wait until they are listed.
        let deadline = Date().addingTimeInterval(20)
        while true {
            try await walk.open("/stories")
            if !(try await session.elements(".story-link")).isEmpty { break }
            _ = try await session.browserLog()
            guard Date() < deadline else { throw ServeFailure("no story listed on /stories within 20 s") }
            try await Task.sleep(nanoseconds: 500_000_000)
        }
        try await walk.checkPage("stories")
        try await session.element(".story-link").click()
        _ = try await session.waitForElement("#story-title")
        #expect(try await session.elements("#story-documents li").count >= 2, "a story of fewer than two documents")
        try await walk.checkPage("story")

        // Paste an article into the upload form.
        try await session.element("#nav-add").click()
        let paste = try await session.waitForElement("#paste")
        try await paste.sendKeys(Self.pastedArticle)
        try await walk.checkPage("add-form")
        try await session.element("#add-submit").click()
        let results = try await session.waitForElement("#add-results")
        let outcome = try await results.text()
        #expect(try await results.elements("li.added").count == 1, "the pasted article was not added: \(outcome)")
        try await walk.checkPage("added")
        try await results.elements("li.added a").first?.click()
        let title = try await session.waitForElement("#document-title")
        #expect(try await title.text().contains("Ferry"), "the added document's page shows another title")
        try await walk.checkPage("added-document")
    }

    /// An article written for this test: a headline, a byline, a date, a quote, and a share line.
    static let pastedArticle = """
        Night Ferry Returns to Port Carrow as Bridge Repairs Drag On

        By Tomas Reyes
        February 20, 2026

        The Tessel Lines night ferry will run again from Friday, the company's director Maren Holt said on Thursday, \
        after commuters complained that the last crossing left at 7 p.m.
        "People work late shifts at the hospital and they deserve a way home," Holt said at the harbor office.
        The ferry will leave Port Carrow at 9:30 p.m. and 11 p.m. until the bridge reopens.

        Share this article
        """
}
