import CrossreadCore

extension DossierHTML {
    /// People, organizations, places and groups with aliases, roles and mention counts.
    func peopleSection(_ index: DossierIndex) -> String {
        let counts = index.mentionCounts
        var out = "<section id=\"people\"><h2>People and organizations</h2>"
        let entities = index.analysis.entities.filter { [.person, .organization, .place, .group].contains($0.type) }
        if entities.isEmpty { return out + "<p class=\"empty\">No named entities were found.</p></section>\n" }
        for type in [EntityType.person, .organization, .place, .group] {
            let ofType = entities.filter { $0.type == type }
                .sorted { (counts[$0.id]?.mentions ?? 0, $1.name) > (counts[$1.id]?.mentions ?? 0, $0.name) }
            guard !ofType.isEmpty else { continue }
            let heading = ["person": "People", "organization": "Organizations", "place": "Places", "group": "Groups and nationalities"][type.rawValue] ?? type.rawValue
            out += "<h3>\(heading)</h3><table><thead><tr><th>Name</th><th>Also called</th><th>Roles</th><th>Mentions</th><th>Articles</th></tr></thead><tbody>"
            for entity in ofType.prefix(60) {
                let count = counts[entity.id]
                let aliases = entity.aliases.filter { $0 != entity.name }
                out += "<tr id=\"e-\(entity.id.html)\"><td><b>\(entity.name.html)</b></td><td>\(aliases.joined(separator: "; ").html)</td>"
                out += "<td>\(entity.roles.joined(separator: "; ").html)</td><td>\(count?.mentions ?? 0)</td><td>\(count?.documents.count ?? 0)</td></tr>"
            }
            out += "</tbody></table>"
            if ofType.count > 60 { out += "<p class=\"meta\">and \(ofType.count - 60) more</p>" }
        }
        return out + "</section>\n"
    }

    /// Quotes grouped by speaker; a quote worded differently by several sources is shown once with its variants.
    func quotesSection(_ index: DossierIndex) -> String {
        var out = "<section id=\"quotes\"><h2>Quotes</h2>"
        struct Said { var reference: TextReference; var cue: String?; var venue: String? }
        var bySpeaker: [String: [Said]] = [:]
        var speakerOrder: [String] = []
        var grouped = Set<TextReference>()
        for group in index.analysis.quoteGroups where group.variants.count > 1 { grouped.formUnion(group.variants) }
        for document in index.analysis.documents {
            for quote in document.annotations.quotes {
                let reference = TextReference(document: document.id, range: quote.range)
                guard !grouped.contains(reference) else { continue }
                let name = index.entityName(quote.speaker) ?? quote.speakerName ?? "Unattributed"
                if bySpeaker[name] == nil { speakerOrder.append(name) }
                bySpeaker[name, default: []].append(Said(reference: reference, cue: quote.cue, venue: quote.venue))
            }
        }
        let multi = index.analysis.quoteGroups.filter { $0.variants.count > 1 }
        if bySpeaker.isEmpty && multi.isEmpty { return out + "<p class=\"empty\">No direct quotes were found.</p></section>\n" }
        if !multi.isEmpty {
            out += "<h3>Worded differently across sources</h3>"
            for group in multi {
                let name = index.entityName(group.speaker) ?? group.speakerName ?? "Unattributed"
                out += "<div class=\"card\"><b>\(name.html)</b>"
                for variant in group.variants {
                    out += "<blockquote>“\(index.text(variant).html)” \(link(variant, index))</blockquote>"
                }
                out += "</div>"
            }
        }
        speakerOrder.sort { (bySpeaker[$0]?.count ?? 0, $1) > (bySpeaker[$1]?.count ?? 0, $0) }
        for name in speakerOrder {
            let quotes = bySpeaker[name] ?? []
            out += "<h3>\(name.html) <span class=\"meta\">· \(quotes.count) quote\(quotes.count == 1 ? "" : "s")</span></h3>"
            for said in quotes {
                var how: [String] = []
                if let cue = said.cue { how.append(cue) }
                if let venue = said.venue { how.append("on \(venue)") }
                out += "<blockquote>“\(index.text(said.reference).html)” <span class=\"meta\">\(how.joined(separator: " ").html)</span> \(link(said.reference, index))</blockquote>"
            }
        }
        return out + "</section>\n"
    }
}
