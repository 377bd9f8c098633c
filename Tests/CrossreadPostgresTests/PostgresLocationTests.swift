import CrossreadCore
import CrossreadPostgres
import Testing

@Suite struct PostgresLocationTests {
    @Test func readsEveryPartOfTheURL() throws {
        let location = try PostgresLocation(url: "postgres://crossread:p%40ss@127.0.0.1:5544/news")
        #expect(location.host == "127.0.0.1" && location.port == 5544)
        #expect(location.user == "crossread" && location.password == "p@ss" && location.database == "news")
        #expect(!location.redacted.contains("p@ss") && !location.redacted.contains("p%40ss"))
        #expect(try PostgresLocation(url: "postgresql://u@localhost/db").port == 5432)
    }

    @Test(arguments: ["", "mysql://u@h/db", "postgres://u@h", "postgres://h/db", "postgres://u:secret@/db",
                      "postgres://u:secret@h:99999/db"])
    func malformedURLsAreRefusedWithoutEchoingThePassword(_ url: String) {
        do {
            _ = try PostgresLocation(url: url)
            Issue.record("\(url) was accepted")
        } catch {
            #expect(error.stage == .configuration && !error.reason.contains("secret"), "\(error)")
        }
    }
}

@Suite struct PostgresSSLModeTests {
    @Test func readsTheSSLModeAsLibpqDoes() throws {
        #expect(try PostgresLocation(url: "postgres://u@h/db").sslMode == .prefer)
        #expect(try PostgresLocation(url: "postgres://u@h/db?sslmode=disable").sslMode == .disable)
        #expect(try PostgresLocation(url: "postgres://u@h/db?sslmode=verify-full").sslMode == .verifyFull)
    }

    @Test(arguments: ["postgres://u:secret@h/db?sslmode=sometimes", "postgres://u:secret@h/db?schema=x"])
    func unknownParametersAreRefused(_ url: String) {
        #expect(throws: CrossreadError.self) { try PostgresLocation(url: url) }
    }
}
