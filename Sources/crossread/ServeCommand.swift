import ArgumentParser
import CrossreadCore
import CrossreadServer
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Browse, search and add to the library in a web browser; a JSON API under /api/.",
        discussion: """
        Serves the library on http://127.0.0.1:8080/ by default: the library at a glance, search with
        filters, each document with its entities, quotes and dates marked, a page per person or
        organization and per story, and a form to add articles. The JSON API is described at
        /openapi.json. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.

        Listening beyond this machine (--host 0.0.0.0) needs a write token: adding documents then takes
        `Authorization: Bearer TOKEN` (or the token field of the form).

        Examples:
          crossread serve --db newsroom.db
          CROSSREAD_TOKEN=s3cret crossread serve --host 0.0.0.0 --port 9000
        """)

    @OptionGroup var library: LibraryOptions

    @Option(name: .long, help: ArgumentHelp("The address to listen on (default 127.0.0.1, this machine only).", valueName: "address"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0 picks a free one).", valueName: "port"))
    var port: Int = 8080

    @Option(name: .long, help: ArgumentHelp("Write token (default: $CROSSREAD_TOKEN); needed off loopback.", valueName: "token"))
    var token: String?

    @Option(name: .long, help: ArgumentHelp("Largest request body, in MB (default 25).", valueName: "MB"))
    var maxRequestMb: Double = 25

    func validate() throws {
        guard maxRequestMb > 0, maxRequestMb <= 4096 else { throw ValidationError("--max-request-mb must be between 0 and 4096") }
        // Port 0 asks the system for a free port; ServerSettings checks the rest.
        if let problem = settings(port: port == 0 ? 1 : port).problem { throw ValidationError(problem) }
    }

    private func settings(port: Int) -> ServerSettings {
        let token = self.token ?? ProcessInfo.processInfo.environment["CROSSREAD_TOKEN"]
        return ServerSettings(host: host, port: port, writeToken: token.flatMap { $0.isEmpty ? nil : $0 },
                              maxRequestBytes: Int(maxRequestMb * 1024 * 1024))
    }

    func run() async throws {
        let store = try await library.open()
        let server = LibraryServer(store: store, settings: settings(port: port))
        try await server.run { url in
            Terminal.out("Crossread is serving the library at \(url)\n(Ctrl-C to stop)\n")
        }
        Terminal.err("Stopped.\n")
    }
}
