import CrossreadServer
import Testing

@Suite struct ServerSettingsTests {
    @Test func loopbackByDefaultAndSafeWithoutAToken() {
        let settings = ServerSettings()
        #expect(settings.host == "127.0.0.1" && settings.isLoopback)
        #expect(settings.problem == nil)
    }

    @Test(arguments: ["0.0.0.0", "192.168.1.20", "::"])
    func listeningBeyondLoopbackNeedsAToken(_ host: String) {
        #expect(ServerSettings(host: host).problem?.contains("write token") == true)
        #expect(ServerSettings(host: host, writeToken: "s3cret").problem == nil)
    }

    @Test func badPortsAndLimitsAreRefused() {
        #expect(ServerSettings(port: 0).problem != nil)
        #expect(ServerSettings(port: 70000).problem != nil)
        #expect(ServerSettings(maxRequestBytes: 10).problem != nil)
    }
}
