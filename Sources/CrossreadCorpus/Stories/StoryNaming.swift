import CrossreadCore

/// Names and dates stories and topics: a story takes the headline of its most central article (the one
/// most similar to the story's centroid) or, without headlines, its main names and keywords.
struct StoryNaming {
    let ids: [String]
    let features: [DocumentFeatures]
    let vectors: [SparseVector]
    let surfaces: [UInt64: String]

    func story(members: [Int], sum: [UInt64: Double]) -> StoryCluster {
        let keywords = top(.words, in: sum, count: 6)
        let entities = top(.names, in: sum, count: 6)
        // A headline has three words or more; a shorter "title" is usually a byline or a section name.
        let titled = members.filter { (features[$0].title?.split(separator: " ").count ?? 0) >= 3 }
        let central = mostCentral(titled, sum: sum)
        // Without headlines, the opening sentence of the most central article says what happened.
        let led = mostCentral(members.filter { features[$0].lead != nil }, sum: sum)
        let title = central.flatMap { features[$0].title } ?? led.flatMap { features[$0].lead }
            ?? fallbackTitle(entities: entities, keywords: keywords)
        let dates = members.compactMap { features[$0].date }
        return StoryCluster(id: "story-" + ids[members[0]], title: title, documents: members.map { ids[$0] },
                     first: dates.min(), last: dates.max(), topic: "", keywords: keywords, entities: entities)
    }

    /// The member most similar to the story's centroid. Scores within rounding of each other tie (the
    /// centroid's sums depend on hashing order, which changes from run to run), and a tie goes to the
    /// earliest member, so a story's name is the same on every run.
    private func mostCentral(_ candidates: [Int], sum: [UInt64: Double]) -> Int? {
        var best: (member: Int, score: Double)?
        for member in candidates {
            let score = vectors[member].dot(sum)
            guard let current = best else { best = (member, score); continue }
            let tolerance = 1e-9 * max(1, abs(current.score))
            if score > current.score + tolerance || (abs(score - current.score) <= tolerance && member < current.member) {
                best = (member, score)
            }
        }
        return best?.member
    }

    func topic(stories: [StoryCluster], sum: [UInt64: Double]) -> TopicCluster {
        let keywords = top(.words, in: sum, count: 6)
        let entities = top(.names, in: sum, count: 6)
        let title = stories.count == 1 ? stories[0].title : topicTitle(stories: stories, entities: entities, keywords: keywords)
        let firstDates = stories.compactMap(\.first)
        let lastDates = stories.compactMap(\.last)
        let firstStory = stories.min { $0.id < $1.id }
        let anchor = stories.first.map { _ in firstStory?.documents.first ?? "" } ?? ""
        return TopicCluster(id: "topic-" + anchor, title: title, stories: stories.map(\.id), first: firstDates.min(),
                     last: lastDates.max(), keywords: keywords, entities: entities)
    }

    /// What the stories of a topic have in common: the names shared by stories holding most of its
    /// articles, with the words they share ("Donald Trump and Benjamin Netanyahu: iran, talks"); else the
    /// shared words and each story's main name ("Rehab: Lindsay Lohan, Tara Reid").
    private func topicTitle(stories: [StoryCluster], entities: [String], keywords: [String]) -> String {
        let total = stories.reduce(0) { $0 + $1.documents.count }
        func holders(_ item: String, _ lists: (StoryCluster) -> [String]) -> [StoryCluster] {
            let folded = item.lowercased()
            return stories.filter { story in lists(story).contains { $0.lowercased() == folded } }
        }
        let names = entities.filter { name in
            let held = holders(name) { $0.entities }
            return held.count >= 2 && held.reduce(0) { $0 + $1.documents.count } * 5 >= total * 3
        }.prefix(2)
        // Words that are parts of the stories' names say nothing the names do not.
        var nameWords = Set<String>()
        for story in stories { for name in story.entities { for part in name.lowercased().split(separator: " ") { nameWords.insert(String(part)) } } }
        let words = keywords.filter { !nameWords.contains($0.lowercased()) && holders($0) { $0.keywords }.count >= 2 }.prefix(3)
        if !names.isEmpty {
            let subject = names.joined(separator: " and ")
            return words.isEmpty ? subject : subject + ": " + words.joined(separator: ", ")
        }
        var leads: [String] = []
        for story in stories.prefix(4) {
            if let name = story.entities.first, !leads.contains(name) { leads.append(name) }
            if leads.count == 3 { break }
        }
        guard !words.isEmpty, !leads.isEmpty else {
            // The topic's own strongest names (what all its stories are about) and its words that are not part of them.
            var topicNameWords = Set<String>()
            for name in entities.prefix(2) { for part in name.lowercased().split(separator: " ") { topicNameWords.insert(String(part)) } }
            let subject = entities.prefix(2).joined(separator: " and ")
            let rest = keywords.filter { !topicNameWords.contains($0.lowercased()) }.prefix(3)
            if subject.isEmpty { return fallbackTitle(entities: entities, keywords: keywords) }
            return rest.isEmpty ? subject : subject + ": " + rest.joined(separator: ", ")
        }
        let subject = words.prefix(2).joined(separator: ", ")
        return subject.prefix(1).uppercased() + subject.dropFirst() + ": " + leads.joined(separator: ", ")
    }

    private func fallbackTitle(entities: [String], keywords: [String]) -> String {
        let names = entities.prefix(2).joined(separator: ", ")
        let words = keywords.prefix(3).joined(separator: ", ")
        if names.isEmpty { return words }
        return words.isEmpty ? names : names + ": " + words
    }

    /// The strongest keys of one channel, as their first-seen surface forms, without repeats. Among
    /// names, a single word ("Lohan") gives way to a listed full name that contains it ("Lindsay Lohan").
    private func top(_ channel: FeatureChannel, in sum: [UInt64: Double], count: Int) -> [String] {
        let ranked = sum.filter { FeatureChannel.of($0.key) == channel }
            .sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .prefix(count * 4)
            .compactMap { surfaces[$0.key] }
            .filter { $0.count > 1 }  // "U" of "U.S." counts as evidence but reads as nothing
        return StoryNaming.distinct(ranked, channel: channel, count: count)
    }

    /// The first `count` surfaces without repeats (ignoring case); among names, a single word ("Lohan")
    /// gives way to a listed full name that contains it ("Lindsay Lohan").
    static func distinct(_ ranked: [String], channel: FeatureChannel, count: Int) -> [String] {
        var fullNameWords = Set<String>()
        if channel == .names {
            for surface in ranked where surface.contains(" ") {
                for word in surface.lowercased().split(separator: " ") { fullNameWords.insert(String(word)) }
            }
        }
        var seen = Set<String>()
        var out: [String] = []
        for surface in ranked {
            let folded = surface.lowercased()
            if channel == .names, !surface.contains(" "), fullNameWords.contains(folded) { continue }
            if seen.insert(folded).inserted { out.append(surface) }
            if out.count == count { break }
        }
        return out
    }
}
