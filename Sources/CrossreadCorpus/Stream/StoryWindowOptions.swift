/// Settings of streaming story analysis: the story settings, and how far in time a story stays open.
public struct StoryWindowOptions: Sendable, Equatable, Codable {
    public var stories: StoryOptions
    /// A new article joins only stories whose dates come within this many days of its own.
    public var windowDays: Int
    /// Topics stay open this many days after their last article (events of one kind recur years apart).
    public var topicWindowDays: Int
    /// Keys kept per story profile (the strongest), and per topic profile.
    public var storyProfileKeys: Int
    public var topicProfileKeys: Int
    /// A lone article merges into a story at the end of a batch only at this share of the story's
    /// cohesion, and into another lone article only at `pairFloor`: batch regrouping waits for all
    /// articles before it merges a lone one into its best partner, a stream cannot, so it asks more.
    public var loneCohesionRatio: Double
    public var pairFloor: Double

    public init(stories: StoryOptions = StoryOptions(), windowDays: Int = 30, topicWindowDays: Int = 3650,
                storyProfileKeys: Int = 384, topicProfileKeys: Int = 192, loneCohesionRatio: Double = 0.6,
                pairFloor: Double = 0.15) {
        self.stories = stories
        self.windowDays = windowDays
        self.topicWindowDays = topicWindowDays
        self.storyProfileKeys = storyProfileKeys
        self.topicProfileKeys = topicProfileKeys
        self.loneCohesionRatio = loneCohesionRatio
        self.pairFloor = pairFloor
    }
}
