import CrossreadCore

/// A story as streaming analysis keeps it between batches and in the library: its profiles (sums of
/// its documents' story, topic and kind vectors, bounded in size), the sums behind its cohesion, its
/// dates, its name and the surface forms of its strongest keys.
public struct StreamStory: Sendable, Equatable {
    public var id: String
    public var topic: String
    public var title: String
    /// How central the document that gave the title was (its vector's dot product with the profile
    /// then); a headline beats an opening sentence whatever the score.
    var titleScore: Double
    var titleIsHeadline: Bool
    public var size: Int
    /// Sum of the members' squared norms, and the squared norm of their sum: cohesion, the average
    /// similarity of two members, is (sumNormSquared - selfSum) / (n (n - 1)).
    var selfSum: Double
    var sumNormSquared: Double
    var profile: StoryProfile
    var topicProfile: StoryProfile
    var kindProfile: StoryProfile
    /// Earliest and latest publication dates of its documents (arrival days for undated ones).
    public var first: PublicationDate?
    public var last: PublicationDate?
    public var firstDay: Int
    public var lastDay: Int
    var surfaces: [UInt64: String]

    var cohesion: Double? {
        let m = Double(size)
        return size > 1 ? (sumNormSquared - selfSum) / (m * (m - 1)) : nil
    }

    /// Its strongest content words and names, as written.
    public var keywords: [String] { StreamNaming.top(.words, in: profile, surfaces: surfaces, count: 6) }
    public var entities: [String] { StreamNaming.top(.names, in: profile, surfaces: surfaces, count: 6) }

    /// The keys the library indexes the story under, to find it for a new article.
    public var indexKeys: [UInt64] {
        let keys = profile.strongest(StoryWindow.storyIndexKeys, channels: [.words, .names])
        let names = profile.strongest(StoryWindow.storyIndexNames, channels: [.names]).filter { !keys.contains($0) }
        return keys + names
    }

    /// Binary form for the library.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        ByteWriter.append(UInt32(0x4352_5331), to: &out)  // "CRS1"
        ByteWriter.append(titleScore, to: &out)
        ByteWriter.append(UInt32(titleIsHeadline ? 1 : 0), to: &out)
        ByteWriter.append(selfSum, to: &out)
        ByteWriter.append(sumNormSquared, to: &out)
        profile.encode(into: &out)
        topicProfile.encode(into: &out)
        kindProfile.encode(into: &out)
        StreamNaming.encode(surfaces, into: &out)
        return out
    }

    /// A story from its stored columns and `encoded()` bytes; nil when the bytes are not one.
    public init?(id: String, topic: String, title: String, size: Int, first: PublicationDate?, last: PublicationDate?,
                 firstDay: Int, lastDay: Int, encoded bytes: [UInt8]) {
        var reader = ByteReader(bytes)
        guard reader.uint32() == 0x4352_5331, let titleScore = reader.double(), let headline = reader.uint32(),
              let selfSum = reader.double(), let sumNormSquared = reader.double(),
              let profile = StoryProfile(reading: &reader), let topicProfile = StoryProfile(reading: &reader),
              let kindProfile = StoryProfile(reading: &reader), let surfaces = StreamNaming.decodeSurfaces(&reader)
        else { return nil }
        self.init(id: id, topic: topic, title: title, titleScore: titleScore, titleIsHeadline: headline == 1, size: size,
                  selfSum: selfSum, sumNormSquared: sumNormSquared, profile: profile, topicProfile: topicProfile,
                  kindProfile: kindProfile, first: first, last: last, firstDay: firstDay, lastDay: lastDay,
                  surfaces: surfaces)
    }

    init(id: String, topic: String, title: String, titleScore: Double, titleIsHeadline: Bool, size: Int, selfSum: Double,
         sumNormSquared: Double, profile: StoryProfile, topicProfile: StoryProfile, kindProfile: StoryProfile,
         first: PublicationDate?, last: PublicationDate?, firstDay: Int, lastDay: Int, surfaces: [UInt64: String]) {
        self.id = id
        self.topic = topic
        self.title = title
        self.titleScore = titleScore
        self.titleIsHeadline = titleIsHeadline
        self.size = size
        self.selfSum = selfSum
        self.sumNormSquared = sumNormSquared
        self.profile = profile
        self.topicProfile = topicProfile
        self.kindProfile = kindProfile
        self.first = first
        self.last = last
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.surfaces = surfaces
    }
}

/// A topic as streaming analysis keeps it: the sums of its stories' topic and kind profiles.
public struct StreamTopic: Sendable, Equatable {
    public var id: String
    public var title: String
    /// Documents in its stories.
    public var size: Int
    public var stories: Int
    /// Joined with another topic by kind of event: it pairs no further by kind.
    var pairedByKind = false
    var profile: StoryProfile
    var kindProfile: StoryProfile
    public var firstDay: Int
    public var lastDay: Int
    var surfaces: [UInt64: String]

    public var keywords: [String] { StreamNaming.top(.words, in: profile, surfaces: surfaces, count: 6) }
    public var entities: [String] { StreamNaming.top(.names, in: profile, surfaces: surfaces, count: 6) }
    /// The keys the library indexes the topic under.
    public var indexKeys: [UInt64] { profile.strongest(StoryWindow.topicIndexKeys, channels: [.words, .names]) }

    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        ByteWriter.append(UInt32(0x4352_5431), to: &out)  // "CRT1"
        ByteWriter.append(UInt32(pairedByKind ? 1 : 0), to: &out)
        profile.encode(into: &out)
        kindProfile.encode(into: &out)
        StreamNaming.encode(surfaces, into: &out)
        return out
    }

    public init?(id: String, title: String, size: Int, stories: Int, firstDay: Int, lastDay: Int, encoded bytes: [UInt8]) {
        var reader = ByteReader(bytes)
        guard reader.uint32() == 0x4352_5431, let paired = reader.uint32(), let profile = StoryProfile(reading: &reader),
              let kindProfile = StoryProfile(reading: &reader), let surfaces = StreamNaming.decodeSurfaces(&reader)
        else { return nil }
        self.init(id: id, title: title, size: size, stories: stories, profile: profile, kindProfile: kindProfile,
                  firstDay: firstDay, lastDay: lastDay, surfaces: surfaces)
        pairedByKind = paired == 1
    }

    init(id: String, title: String, size: Int, stories: Int, profile: StoryProfile, kindProfile: StoryProfile,
         firstDay: Int, lastDay: Int, surfaces: [UInt64: String]) {
        self.id = id
        self.title = title
        self.size = size
        self.stories = stories
        self.profile = profile
        self.kindProfile = kindProfile
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.surfaces = surfaces
    }
}

/// Names and keyword lists of streamed stories and topics, from their profiles' strongest keys.
enum StreamNaming {
    /// Surface forms kept per story or topic: those of its strongest keys of each channel.
    static let keptSurfaces = 24

    static func top(_ channel: FeatureChannel, in profile: StoryProfile, surfaces: [UInt64: String], count: Int) -> [String] {
        let ranked = profile.strongest(count * 4, channels: [channel]).compactMap { surfaces[$0] }.filter { $0.count > 1 }
        return StoryNaming.distinct(ranked, channel: channel, count: count)
    }

    /// Only the surfaces of the profile's strongest word and name keys.
    static func trimmed(_ surfaces: [UInt64: String], profile: StoryProfile) -> [UInt64: String] {
        guard surfaces.count > keptSurfaces * 3 else { return surfaces }
        var kept: [UInt64: String] = [:]
        for channel in [FeatureChannel.words, .names] {
            for key in profile.strongest(keptSurfaces, channels: [channel]) { kept[key] = surfaces[key] }
        }
        return kept
    }

    static func topicTitle(stories: Int, firstStoryTitle: String, profile: StoryProfile, surfaces: [UInt64: String]) -> String {
        if stories <= 1 { return firstStoryTitle }
        let names = top(.names, in: profile, surfaces: surfaces, count: 2)
        var nameWords = Set<String>()
        for name in names { for part in name.lowercased().split(separator: " ") { nameWords.insert(String(part)) } }
        let words = top(.words, in: profile, surfaces: surfaces, count: 6).filter { !nameWords.contains($0.lowercased()) }.prefix(3)
        if names.isEmpty { return words.joined(separator: ", ") }
        let subject = names.joined(separator: " and ")
        return words.isEmpty ? subject : subject + ": " + words.joined(separator: ", ")
    }

    static func encode(_ surfaces: [UInt64: String], into out: inout [UInt8]) {
        ByteWriter.append(UInt32(surfaces.count), to: &out)
        for (key, surface) in surfaces.sorted(by: { $0.key < $1.key }) {
            ByteWriter.append(key, to: &out)
            let bytes = Array(surface.utf8.prefix(200))
            ByteWriter.append(UInt32(bytes.count), to: &out)
            out.append(contentsOf: bytes)
        }
    }

    static func decodeSurfaces(_ reader: inout ByteReader) -> [UInt64: String]? {
        guard let count = reader.uint32() else { return nil }
        var surfaces: [UInt64: String] = [:]
        for _ in 0..<count {
            guard let key = reader.uint64(), let length = reader.uint32(), reader.remaining >= Int(length) else { return nil }
            surfaces[key] = String(decoding: reader.bytes[reader.offset..<(reader.offset + Int(length))], as: UTF8.self)
            reader.skip(Int(length))
        }
        return surfaces
    }
}
