import CrossreadCore

/// The dossier as Markdown, for pasting into notes: stories with corroborated, disputed and
/// single-source statements, conflicts, the timeline, people, and the article list.
public struct DossierMarkdown: Sendable {
    public var title: String

    public init(title: String = "Crossread dossier") {
        self.title = title
    }

    public func render(_ analysis: CorpusAnalysis) -> String {
        let index = DossierIndex(analysis)
        var out = "# \(title)\n\n"
        out += "\(analysis.documents.count) articles · \(analysis.stories.count) stories · \(analysis.topics.count) topics\n\n"
        func cite(_ reference: TextReference) -> String { "[\(index.sourceLabel(reference.document))](#d-\(reference.document))" }
        let storiesByID = Dictionary(analysis.stories.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for topic in analysis.topics {
            out += "## Topic: \(topic.title)\n\n"
            for story in topic.stories.compactMap({ storiesByID[$0] }) {
                out += "### \(story.title)\n\n"
                if let first = story.first { out += "_\(first.prefix(10))\(story.last.map { $0 == first ? "" : " to \($0.prefix(10))" } ?? "")_ · " }
                out += story.documents.map { index.sourceLabel($0) }.joined(separator: ", ") + "\n\n"
                let claims = analysis.claims.filter { $0.story == story.id }
                for (heading, selected) in [("Corroborated", claims.filter { !$0.corroboratedBy.isEmpty }),
                                            ("Disputed", claims.filter { !$0.disputedBy.isEmpty }),
                                            ("Single source", claims.filter { $0.corroboratedBy.isEmpty && $0.disputedBy.isEmpty })] where !selected.isEmpty {
                    out += "**\(heading)**\n\n"
                    for claim in selected.prefix(15) {
                        let speaker = index.entityName(claim.speaker).map { "\($0): " } ?? ""
                        out += "- \(speaker)\(claim.text) — " + claim.evidence.map(cite).joined(separator: ", ")
                        if !claim.disputes.isEmpty { out += "; disputed by " + claim.disputes.map(cite).joined(separator: ", ") }
                        out += "\n"
                    }
                    out += "\n"
                }
                for conflict in analysis.conflicts where conflict.story == story.id {
                    out += "**Conflict: \(conflict.about)** — " + conflict.values.map { "\($0.value) (\(cite($0.evidence)))" }.joined(separator: " vs ") + "\n\n"
                }
            }
        }
        if !analysis.timeline.isEmpty {
            out += "## Timeline\n\n"
            for entry in analysis.timeline.sorted(by: { $0.date < $1.date }) {
                out += "- **\(entry.date)** \(entry.text) — " + entry.evidence.map(cite).joined(separator: ", ") + "\n"
            }
            out += "\n"
        }
        let people = analysis.entities.filter { $0.type == .person }
        if !people.isEmpty {
            out += "## People\n\n"
            for person in people {
                out += "- **\(person.name)**"
                let aliases = person.aliases.filter { $0 != person.name }
                if !aliases.isEmpty { out += " (also \(aliases.joined(separator: ", ")))" }
                if !person.roles.isEmpty { out += ": " + person.roles.joined(separator: "; ") }
                out += "\n"
            }
            out += "\n"
        }
        out += "## Articles\n\n"
        for document in index.documentsByDate {
            out += "- <a id=\"d-\(document.id)\"></a>**\(index.title(document.id))** — \(index.sourceLabel(document.id))"
            if let published = document.metadata.published { out += ", \(published.day8601)" }
            out += " (`\(document.id)`)\n"
        }
        return out
    }
}
