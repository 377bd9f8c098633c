import Foundation

/// Loads a page in Debian's headless Chromium, as a reader would, and reports what its console said.
/// Tests skip with a message where Chromium is not installed (`.ci/run` installs it).
public enum HeadlessChromium {
    public struct PageLoad: Sendable {
        /// Every console message, CSP violations included (Chromium logs them as console messages).
        public var consoleMessages: [String]
        public var screenshot: URL?
        public var dom: String?
    }

    /// The Chromium executable, or nil (and a note on standard error) when none is installed.
    public static var executable: URL? {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        FileHandle.standardError.write(Data("skipped: no headless Chromium here (apt-get install chromium)\n".utf8))
        return nil
    }

    /// Loads `page` and saves a screenshot to `screenshot`; with `dumpDOM`, returns the DOM after load instead.
    public static func load(_ page: URL, screenshot: URL? = nil, dumpDOM: Bool = false,
                            windowSize: String = "1280,2400", timeout: TimeInterval = 90) throws -> PageLoad? {
        guard let executable else { return nil }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("crossread-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        var arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                         "--user-data-dir=\(profile.path)", "--window-size=\(windowSize)",
                         "--enable-logging=stderr", "--v=0"]
        if let screenshot { arguments.append("--screenshot=\(screenshot.path)") }
        if dumpDOM { arguments.append("--dump-dom") }
        arguments.append(page.absoluteString)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        while process.isRunning {
            if Date() > deadline { process.terminate(); break }
            usleep(20_000)
        }
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        let console = String(decoding: errData, as: UTF8.self).split(separator: "\n")
            .filter { $0.contains(":CONSOLE") }.map(String.init)
        return PageLoad(consoleMessages: console, screenshot: screenshot,
                        dom: dumpDOM ? String(decoding: outData, as: UTF8.self) : nil)
    }
}
