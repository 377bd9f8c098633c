import CrossreadTestSupport
import Foundation
import Testing
@testable import CrossreadReport

@Suite struct DossierBrowserTests {
    @Test func opensInChromiumWithoutConsoleErrorsAndShowsEscapedText() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crossread-dossier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let page = dir.appendingPathComponent("dossier.html")
        try DossierHTML().render(DossierFixture.analysis).write(to: page, atomically: true, encoding: .utf8)
        guard let load = try HeadlessChromium.load(page, dumpDOM: true) else { return }
        #expect(load.consoleMessages.isEmpty, "console: \(load.consoleMessages)")
        let dom = try #require(load.dom)
        // The injected script is text in the page, not an element.
        #expect(dom.contains("&lt;script&gt;alert"))
        #expect(!dom.contains("<script>alert"))
        #expect(dom.contains("That claim is false."))
    }
}
