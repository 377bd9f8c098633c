/// Stories and topics as one run left them, kept so the next run over a grown corpus places only the
/// documents it adds (`StoryClusterer.update`) instead of regrouping everything.
public struct StoryState: Sendable, Equatable, Codable {
    /// The settings the stories were made with: other settings mean a full regrouping.
    public var options: StoryOptions
    /// How many documents the last full regrouping grouped; the corpus regroups in full again once it
    /// has grown past `options.regroupGrowth` times that.
    public var regroupedDocuments: Int
    public var clustering: StoryClustering
    /// True when this state came from a full regrouping, false when documents were placed into kept stories.
    public var regrouped: Bool

    public init(options: StoryOptions, regroupedDocuments: Int, clustering: StoryClustering, regrouped: Bool) {
        self.options = options
        self.regroupedDocuments = regroupedDocuments
        self.clustering = clustering
        self.regrouped = regrouped
    }

    /// Every document the stories hold.
    public var documents: Set<String> {
        var out = Set<String>()
        for story in clustering.stories { out.formUnion(story.documents) }
        return out
    }
}
