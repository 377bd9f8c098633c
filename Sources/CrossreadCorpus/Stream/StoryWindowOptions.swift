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
    /// An article's story settles once the stream is this many days past it ...
    public var settleDays: Int
    /// ... or when more articles than this wait.
    public var maximumUnsettled: Int

    public init(stories: StoryOptions = StoryOptions(), windowDays: Int = 30, topicWindowDays: Int = 3650,
                storyProfileKeys: Int = 384, topicProfileKeys: Int = 192, settleDays: Int = 3,
                maximumUnsettled: Int = 4000) {
        self.stories = stories
        self.windowDays = windowDays
        self.topicWindowDays = topicWindowDays
        self.storyProfileKeys = storyProfileKeys
        self.topicProfileKeys = topicProfileKeys
        self.settleDays = settleDays
        self.maximumUnsettled = maximumUnsettled
    }
}
