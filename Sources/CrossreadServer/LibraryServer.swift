import CrossreadCore
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The local web app and JSON API over one library (`any DocumentStore`): pages for the overview,
/// search, documents, entities, stories and adding articles, the same under `/api/`, and `/openapi.json`.
public struct LibraryServer: Sendable {
    public let store: any DocumentStore
    public let settings: ServerSettings
    /// The state of the library's analysis, brought up to date after every write.
    public let views: LibraryViews
    /// Story pages' slices of the analysis, kept while their stories do not change.
    let slices = StorySlices()

    public init(store: any DocumentStore, settings: ServerSettings = ServerSettings()) {
        self.store = store
        self.settings = settings
        views = LibraryViews(store: store)
    }

    /// Every route, behind the safety middleware (error pages, security headers).
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SafetyMiddleware())
        let routes = ServerRoutes(store: store, views: views, slices: slices, settings: settings)
        routes.addOverviewRoutes(to: router)
        routes.addSearchRoutes(to: router)
        routes.addDocumentRoutes(to: router)
        routes.addEntityRoutes(to: router)
        routes.addStoryRoutes(to: router)
        routes.addIntakeRoutes(to: router)
        routes.addAssetRoutes(to: router)
        return router
    }

    /// The application, listening where the settings say; `onListening` gets the URL once it does.
    public func application(onListening: @escaping @Sendable (String) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "crossread.serve")
        logger.logLevel = .warning
        let host = settings.host
        return Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: settings.port), serverName: "Crossread"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                await onListening("http://\(shown):\(port)/")
            },
            logger: logger)
    }

    /// Computes the first views in the background, then serves until SIGINT or SIGTERM; documents
    /// other processes add to the library are noticed within 30 seconds.
    public func run(onListening: @escaping @Sendable (String) async -> Void = { _ in }) async throws {
        await views.refresh()
        let views = self.views
        let watcher = Task { await views.watch(every: .seconds(30)) }
        defer { watcher.cancel() }
        try await application(onListening: onListening).runService()
    }
}

/// What every route group needs: the store, the cached views and story slices, and the settings.
struct ServerRoutes: Sendable {
    let store: any DocumentStore
    let views: LibraryViews
    let slices: StorySlices
    let settings: ServerSettings

    /// The latest state of the library's analysis (without one before the first update started).
    func snapshot() async -> LibrarySnapshot {
        if let snapshot = await views.snapshot() { return snapshot }
        await views.refresh()
        return LibrarySnapshot(builtAt: Date())
    }
}
