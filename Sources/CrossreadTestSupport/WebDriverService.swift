import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A local `chromedriver` (Debian's `chromium-driver`) run as a child process on a free loopback
/// port; it opens `WebDriverSession`s on headless Chromium. Stop it with `stop()` when done.
public final class WebDriverService: @unchecked Sendable {
    /// Where the driver answers, e.g. `http://127.0.0.1:41234`.
    public let endpoint: URL
    private let process: Process
    private let lock = NSLock()

    /// The chromedriver executable, or nil (and a note on standard error) when none is installed.
    public static var driverExecutable: URL? {
        var candidates = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver", "/usr/local/bin/chromedriver"]
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            candidates.append(folder + "/chromedriver")
        }
        if let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            return URL(fileURLWithPath: path)
        }
        FileHandle.standardError.write(Data("skipped: no chromedriver here (apt-get install chromium-driver)\n".utf8))
        return nil
    }

    /// Starts chromedriver on a free loopback port and waits (up to `timeout`) until it reports ready.
    public init(driver: URL, timeout: TimeInterval = 20) async throws {
        let port = try Self.freeLoopbackPort()
        endpoint = URL(string: "http://127.0.0.1:\(port)")!
        process = Process()
        process.executableURL = driver
        process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1", "--log-level=OFF"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let (data, _) = try? await WebDriverHTTP.send("GET", endpoint.appendingPathComponent("status")),
               let status = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
               let value = status["value"] as? [String: Any], value["ready"] as? Bool == true {
                return
            }
            guard process.isRunning else {
                throw WebDriverError(command: "start chromedriver", status: Int(process.terminationStatus),
                                     error: "driver exited", message: "\(driver.path) exited with status \(process.terminationStatus)")
            }
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                throw WebDriverError(command: "start chromedriver", status: 0, error: "timeout",
                                     message: "\(driver.path) did not report ready within \(Int(timeout)) s")
            }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
    }

    /// Opens a browser session: headless Chromium with the browser log kept, so tests can read
    /// every console message.
    public func newSession(browser: URL? = nil, windowSize: String = "1280,1800") async throws -> WebDriverSession {
        var chromeOptions: [String: Any] = [
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=\(windowSize)",
                     "--hide-scrollbars", "--no-first-run", "--disable-dev-shm-usage"],
        ]
        if let browser { chromeOptions["binary"] = browser.path }
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "pageLoadStrategy": "normal",
                    "goog:chromeOptions": chromeOptions,
                    "goog:loggingPrefs": ["browser": "ALL"],
                ] as [String: Any],
            ],
        ]
        let value = try await WebDriverHTTP.command("POST", endpoint.appendingPathComponent("session"), body: capabilities,
                                                    name: "new session")
        guard let object = value as? [String: Any], let id = object["sessionId"] as? String else {
            throw WebDriverError(command: "new session", status: 0, error: "bad response", message: "no sessionId in \(value)")
        }
        return WebDriverSession(endpoint: endpoint, id: id)
    }

    /// Stops the driver (and any browser it still runs): its `/shutdown` command, then SIGKILL if it
    /// is still there after two seconds (chromedriver ignores SIGTERM).
    public func stop() {
        lock.withLock {
            guard process.isRunning else { return }
            _ = try? WebDriverHTTP.exchange("GET", endpoint.appendingPathComponent("shutdown"), body: nil, timeout: 2)
            let deadline = Date().addingTimeInterval(2)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

    /// A TCP port on 127.0.0.1 that nothing listens on right now (the kernel picks it).
    public static func freeLoopbackPort() throws -> Int {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw WebDriverError(command: "free port", status: 0, error: "socket", message: "errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw WebDriverError(command: "free port", status: 0, error: "bind", message: "errno \(errno)") }
        var assigned = sockaddr_in()
        var assignedLength = length
        _ = withUnsafeMutablePointer(to: &assigned) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &assignedLength) }
        }
        return Int(UInt16(bigEndian: assigned.sin_port))
        #else
        return Int.random(in: 20000..<60000)
        #endif
    }
}
