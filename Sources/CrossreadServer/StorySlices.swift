import CrossreadCore
import CrossreadPipeline

/// The slices of the library's analysis that story pages show, one story each, read from the store
/// (`LibrarySlice`) and kept while the story is unchanged: an entry is used again only for the same
/// story version and the same version of its stored comparison, so a page never shows an analysis older than the
/// library's. At most `capacity` stories are kept, the least recently shown dropped first.
actor StorySlices {
    private struct Entry {
        var version: Int
        var resultsVersion: Int
        var view: AnalysisView
        var used: Int
    }

    /// Documents a story page reads (the earliest of the story).
    static let documentsShown = 500
    let capacity: Int
    private var entries: [String: Entry] = [:]
    private var clock = 0

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// The slice of `story`, from the cache when the story and its stored comparison are unchanged.
    func view(of story: StoredStory, in store: any DocumentStore) async throws -> AnalysisView {
        clock += 1
        if var entry = entries[story.id], entry.version == story.version, entry.resultsVersion == story.resultsVersion {
            entry.used = clock
            entries[story.id] = entry
            return entry.view
        }
        let slice = LibrarySlice(stories: [story.id], storyLimit: 1, documentsPerStory: Self.documentsShown)
        let view = AnalysisView(try await slice.analysis(in: store))
        entries[story.id] = Entry(version: story.version, resultsVersion: story.resultsVersion, view: view, used: clock)
        if entries.count > capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
            entries[oldest] = nil
        }
        return view
    }
}
