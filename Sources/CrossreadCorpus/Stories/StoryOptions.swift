/// Settings of story and topic clustering, Codable so a configuration file can carry them.
/// The similarity of two documents is `words × cos(words) + names × cos(names) + time × cos(time)`
/// over TF-IDF vectors of content words, named entities and dates. Topics form in two steps: stories
/// sharing words and names (a subject), then pairs of those of one kind of event (`topicKindFloor`).
public struct StoryOptions: Sendable, Equatable, Codable {
    /// Weight of lemmatized content words.
    public var wordWeight: Double
    /// Weight of named entities (people, organizations, places): as much as words by default.
    public var nameWeight: Double
    /// Weight of the time profile (publication or dateline month, years and resolved dates mentioned).
    public var timeWeight: Double
    /// Two stories never merge below this average similarity of their documents.
    public var mergeFloor: Double
    /// Two stories merge only when their cross similarity reaches this share of the geometric mean of
    /// their own internal similarities: one event's halves resemble each other as much as they
    /// resemble themselves, two events of one kind do not.
    public var cohesionRatio: Double
    /// On arrival a document joins a single-document story only at this similarity or above ...
    public var joinPairFloor: Double
    /// ... and a larger story only when its similarity reaches this share of the story's cohesion.
    /// Arrival is conservative; regrouping merges the fragments it leaves.
    public var joinCohesionRatio: Double
    /// Stories join one topic at this average similarity or above, comparing words and names with a
    /// smoothed IDF (what a corpus shares throughout, its subject, still counts).
    public var topicThreshold: Double
    /// Weight of names in topic similarity (words weigh the rest).
    public var topicNameWeight: Double
    /// Two topics whose articles report the same kind of event (each the other's closest by the kinds
    /// of their leads' words) join at this similarity or above; above 1 they never do.
    public var topicKindFloor: Double
    /// ... or, for two topics each closest to the other in kind, at this subject similarity (words and
    /// names) or above.
    public var topicPairSubjectFloor: Double
    /// Updating kept stories with new documents (`StoryClusterer.update`) gives way to a full regrouping
    /// once the corpus holds this share more documents than at its last full regrouping: placing
    /// arrivals one by one never merges two kept stories, so the regrouping catches up now and then.
    public var regroupGrowth: Double

    public init(wordWeight: Double = 0.4, nameWeight: Double = 0.4, timeWeight: Double = 0.2,
                mergeFloor: Double = 0.05, cohesionRatio: Double = 0.6, joinPairFloor: Double = 0.35,
                joinCohesionRatio: Double = 0.8, topicThreshold: Double = 0.2,
                topicNameWeight: Double = 0.5, topicKindFloor: Double = 0.05,
                topicPairSubjectFloor: Double = 0.06, regroupGrowth: Double = 0.25) {
        self.wordWeight = wordWeight
        self.nameWeight = nameWeight
        self.timeWeight = timeWeight
        self.mergeFloor = mergeFloor
        self.cohesionRatio = cohesionRatio
        self.joinPairFloor = joinPairFloor
        self.joinCohesionRatio = joinCohesionRatio
        self.topicThreshold = topicThreshold
        self.topicNameWeight = topicNameWeight
        self.topicKindFloor = topicKindFloor
        self.topicPairSubjectFloor = topicPairSubjectFloor
        self.regroupGrowth = regroupGrowth
    }

    private enum CodingKeys: String, CodingKey {
        case wordWeight, nameWeight, timeWeight, mergeFloor, cohesionRatio, joinPairFloor, joinCohesionRatio,
             topicThreshold, topicNameWeight, topicKindFloor, topicPairSubjectFloor, regroupGrowth
    }

    public init(from decoder: any Decoder) throws {
        let d = StoryOptions()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func value(_ key: CodingKeys, _ fallback: Double) throws -> Double {
            try c.decodeIfPresent(Double.self, forKey: key) ?? fallback
        }
        self.init(wordWeight: try value(.wordWeight, d.wordWeight), nameWeight: try value(.nameWeight, d.nameWeight),
                  timeWeight: try value(.timeWeight, d.timeWeight), mergeFloor: try value(.mergeFloor, d.mergeFloor),
                  cohesionRatio: try value(.cohesionRatio, d.cohesionRatio),
                  joinPairFloor: try value(.joinPairFloor, d.joinPairFloor),
                  joinCohesionRatio: try value(.joinCohesionRatio, d.joinCohesionRatio),
                  topicThreshold: try value(.topicThreshold, d.topicThreshold),
                  topicNameWeight: try value(.topicNameWeight, d.topicNameWeight),
                  topicKindFloor: try value(.topicKindFloor, d.topicKindFloor),
                  topicPairSubjectFloor: try value(.topicPairSubjectFloor, d.topicPairSubjectFloor),
                  regroupGrowth: try value(.regroupGrowth, d.regroupGrowth))
    }
}
