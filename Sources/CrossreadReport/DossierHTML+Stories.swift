import CrossreadCore

extension DossierHTML {
    /// Topics, their stories, and per story what sources agree on, what rests on one source, the
    /// corroboration matrix, conflicts and disputes.
    func storiesSection(_ index: DossierIndex) -> String {
        let analysis = index.analysis
        var out = "<section id=\"stories\"><h2>Stories</h2>\n"
        if analysis.stories.isEmpty { return out + "<p class=\"empty\">No stories were found.</p></section>\n" }
        let storiesByID = Dictionary(analysis.stories.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var shown = Set<String>()
        var groups: [(Topic?, [Story])] = analysis.topics.map { topic in
            (topic, topic.stories.compactMap { storiesByID[$0] })
        }
        let orphans = analysis.stories.filter { story in !analysis.topics.contains { $0.stories.contains(story.id) } }
        if !orphans.isEmpty { groups.append((nil, orphans)) }
        for (topic, stories) in groups {
            if let topic {
                out += "<h3>Topic: \(topic.title.html) <span class=\"meta\">· \(stories.count) stor\(stories.count == 1 ? "y" : "ies")</span></h3>\n"
            }
            for story in stories where shown.insert(story.id).inserted {
                out += storyCard(story, index)
            }
        }
        return out + "</section>\n"
    }

    func storyCard(_ story: Story, _ index: DossierIndex) -> String {
        let analysis = index.analysis
        var out = "<div class=\"card story\" id=\"story-\(story.id.html)\"><h3>\(story.title.html)</h3>"
        let span = [story.first, story.last].compactMap { $0 }.map { String($0.prefix(10)) }
        out += "<p class=\"meta\">\(story.documents.count) article\(story.documents.count == 1 ? "" : "s")"
        if let first = span.first, let last = span.last { out += " · \(first == last ? first.html : "\(first.html) to \(last.html)")" }
        out += "</p><ul>"
        for id in story.documents {
            out += "<li><a href=\"#d-\(id.html)\">\(index.title(id).html)</a> <span class=\"meta\">\(index.sourceLabel(id).html)</span></li>"
        }
        out += "</ul>"
        let claims = analysis.claims.filter { $0.story == story.id }
        let corroborated = claims.filter { !$0.corroboratedBy.isEmpty }
        let disputed = claims.filter { !$0.disputedBy.isEmpty }
        let single = claims.filter { $0.corroboratedBy.isEmpty && $0.disputedBy.isEmpty }
        if !corroborated.isEmpty {
            out += "<h4>Corroborated by independent sources</h4>" + claimList(corroborated, index)
        }
        if !disputed.isEmpty {
            out += "<h4>Disputed</h4>" + claimList(disputed, index)
        }
        if !single.isEmpty {
            out += "<h4>Resting on one source</h4>" + claimList(Array(single.prefix(12)), index)
            if single.count > 12 { out += "<p class=\"meta\">and \(single.count - 12) more</p>" }
        }
        let matrixClaims = (corroborated + disputed).prefix(20)
        if story.documents.count > 1, !matrixClaims.isEmpty {
            out += "<h4>Corroboration matrix</h4>" + matrix(Array(matrixClaims), documents: story.documents, index)
        }
        let conflicts = analysis.conflicts.filter { $0.story == story.id }
        if !conflicts.isEmpty {
            out += "<h4>Conflicting details</h4>" + conflicts.map { conflictItem($0, index) }.joined()
        }
        return out + "</div>\n"
    }

    func claimList(_ claims: [CorpusClaim], _ index: DossierIndex) -> String {
        var out = "<ul class=\"claims\">"
        for claim in claims {
            out += "<li id=\"claim-\(claim.id.html)\">"
            if let speaker = index.entityName(claim.speaker) { out += "<b>\(speaker.html):</b> " }
            out += claim.text.html + "<br>"
            if !claim.corroboratedBy.isEmpty {
                out += "<span class=\"pill ok\">\(claim.documents.count) sources</span>"
            } else if claim.disputedBy.isEmpty {
                out += "<span class=\"pill single\">single source</span>"
            }
            if !claim.disputedBy.isEmpty { out += "<span class=\"pill bad\">disputed by \(claim.disputedBy.map { index.sourceLabel($0) }.joined(separator: ", ").html)</span>" }
            var linked = Set<String>()
            for reference in claim.evidence where linked.insert(reference.document).inserted { out += link(reference, index) }
            for reference in claim.disputes { out += link(reference, index, label: "dispute: " + index.sourceLabel(reference.document)) }
            out += "</li>"
        }
        return out + "</ul>"
    }

    func matrix(_ claims: [CorpusClaim], documents: [String], _ index: DossierIndex) -> String {
        var out = "<table class=\"matrix\"><thead><tr><th>Statement</th>"
        for id in documents { out += "<th class=\"rot\"><a href=\"#d-\(id.html)\">\(index.sourceLabel(id).html)</a></th>" }
        out += "</tr></thead><tbody>"
        for claim in claims {
            out += "<tr><td>\(claim.text.count > 140 ? String(claim.text.prefix(139)).html + "…" : claim.text.html)</td>"
            for id in documents {
                if claim.disputedBy.contains(id), let dispute = claim.disputes.first(where: { $0.document == id }) {
                    out += "<td class=\"mark disputes\"><a href=\"#\(index.anchor(dispute).html)\" title=\"disputes\">✕</a></td>"
                } else if let evidence = claim.evidence.first(where: { $0.document == id }) {
                    out += "<td class=\"mark states\"><a href=\"#\(index.anchor(evidence).html)\" title=\"states\">●</a></td>"
                } else {
                    out += "<td class=\"mark\"></td>"
                }
            }
            out += "</tr>"
        }
        return out + "</tbody></table><p class=\"meta\">● states it · ✕ disputes it · blank: does not mention it</p>"
    }

    func conflictItem(_ conflict: Conflict, _ index: DossierIndex) -> String {
        var out = "<div class=\"conflict\"><b>\(conflict.about.html)</b><ul class=\"values\">"
        for value in conflict.values {
            out += "<li><span class=\"pill bad\">\(value.value.html)</span> \(link(value.evidence, index))</li>"
        }
        return out + "</ul></div>"
    }

    func disputesAndConflictsSection(_ index: DossierIndex) -> String {
        let analysis = index.analysis
        var out = "<section id=\"disputes\"><h2>Disputes and conflicts</h2>"
        let disputed = analysis.claims.filter { !$0.disputedBy.isEmpty }
        if disputed.isEmpty && analysis.conflicts.isEmpty {
            return out + "<p class=\"empty\">No source disputes another, and no details conflict.</p></section>\n"
        }
        for claim in disputed {
            out += "<div class=\"card\"><p><b>Claim</b>"
            if let speaker = index.entityName(claim.speaker) { out += " by \(speaker.html)" }
            out += ": <q>\(claim.text.html)</q> "
            for reference in claim.evidence { out += link(reference, index) }
            out += "</p>"
            for reference in claim.disputes {
                out += "<blockquote>\(index.text(reference).html)</blockquote><p class=\"meta\">disputed by \(link(reference, index))</p>"
            }
            out += "</div>"
        }
        if !analysis.conflicts.isEmpty {
            out += "<div class=\"card\"><h3>Conflicting details</h3>" + analysis.conflicts.map { conflictItem($0, index) }.joined() + "</div>"
        }
        return out + "</section>\n"
    }
}
