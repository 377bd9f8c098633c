import CrossreadCore

/// Compares the documents of each story, sentence by sentence and quote by quote:
///
///     documents ─▶ statements (sentences, quote segments) ─▶ matched pairs ─▶ clusters ─▶ claims
///                └▶ disputes (refuting sentences) ─▶ linked to the cluster they point at ─┘
///     matched pairs + quote groups ─▶ conflicts (figures, dates, places, venues)
///
/// Copies of one article (one duplicate group) are one source: they never corroborate each other.
/// Requires: documents with text (annotations make it better: sentences, quotes with speakers and
/// venues, entities, times, claims). Produces: claims, conflicts and quote groups per story.
public struct SourceComparer: Sendable {
    public var options: ComparisonOptions

    public init(options: ComparisonOptions = ComparisonOptions()) {
        self.options = options
    }

    /// Compares every story's documents; claim ids stay unique across stories.
    public func compare(stories: [CrossreadCore.Story], documents: [Document], duplicates: [[String]]) -> SourceComparison {
        let members = SourceComparer.members(of: stories, in: documents)
        return SourceComparer.combine(stories.indices.map { index in
            (story: stories[index].id, comparison: compare(story: stories[index], documents: members[index], duplicates: duplicates))
        })
    }

    /// The documents of each story, in input order, found in one pass.
    public static func members(of stories: [CrossreadCore.Story], in documents: [Document]) -> [[Document]] {
        var position: [String: Int] = [:]
        for (index, document) in documents.enumerated() where position[document.id] == nil { position[document.id] = index }
        return stories.map { story in story.documents.compactMap { position[$0] }.sorted().map { documents[$0] } }
    }

    /// Joins the comparisons of single stories, in story order, as `compare(stories:)` does: a claim id
    /// already used by an earlier story is made again with the story's id as salt.
    public static func combine(_ parts: [(story: String, comparison: SourceComparison)]) -> SourceComparison {
        var result = SourceComparison()
        var used = Set<String>()
        for (story, comparison) in parts {
            var part = comparison
            for k in part.claims.indices where !used.insert(part.claims[k].id).inserted {
                part.claims[k].id = ClaimID.make(for: part.claims[k].text, salt: story)
                used.insert(part.claims[k].id)
            }
            result.claims += part.claims
            result.conflicts += part.conflicts
            result.quoteGroups += part.quoteGroups
        }
        return result
    }

    /// Compares the documents of one story (all `documents` when `story` is nil), in input order.
    public func compare(story: CrossreadCore.Story?, documents: [Document], duplicates: [[String]]) -> SourceComparison {
        let members: [Document]
        if let story {
            let ids = Set(story.documents)
            members = documents.filter { ids.contains($0.id) }
        } else {
            members = documents
        }
        guard !members.isEmpty else { return SourceComparison() }
        var analysis = StoryAnalysis(documents: members, duplicates: duplicates, options: options, story: story?.id)
        analysis.run()
        return analysis.result
    }
}
