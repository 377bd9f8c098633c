import CrossreadCore

/// The dossier as one self-contained HTML file: no external scripts, fonts or images, no script at all;
/// it opens from disk, offline. Every item links to its source sentence; all article text is escaped.
public struct DossierHTML: Sendable {
    /// The heading of the page.
    public var title: String

    public init(title: String = "Crossread dossier") {
        self.title = title
    }

    public func render(_ analysis: CorpusAnalysis) -> String {
        let index = DossierIndex(analysis)
        var page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <title>\(title.html)</title>
        <style>\(Self.styles)</style>
        </head>
        <body>
        <header class="top"><h1>\(title.html)</h1>
        """
        page += overview(index)
        page += "</header>\n<nav class=\"toc\">" + tableOfContents(index) + "</nav>\n<main>\n"
        page += storiesSection(index)
        page += timelineSection(index)
        page += peopleSection(index)
        page += quotesSection(index)
        page += disputesAndConflictsSection(index)
        page += articlesSection(index)
        page += "</main>\n<footer>Made by Crossread from \(analysis.documents.count) article\(analysis.documents.count == 1 ? "" : "s"). Every statement links to the sentence it comes from.</footer>\n</body>\n</html>\n"
        return page
    }

    func overview(_ index: DossierIndex) -> String {
        let analysis = index.analysis
        let dates = analysis.documents.compactMap(\.metadata.published).sorted()
        let sources = Set(analysis.documents.map { index.sourceLabel($0.id) })
        let people = analysis.entities.filter { $0.type == .person }.count
        let disputed = analysis.claims.filter { !$0.disputedBy.isEmpty }.count
        let corroborated = analysis.claims.filter { !$0.corroboratedBy.isEmpty }.count
        var cards: [(String, String)] = [
            ("\(analysis.documents.count)", "articles"),
            ("\(sources.count)", "sources"),
            ("\(analysis.stories.count)", "stories"),
            ("\(analysis.topics.count)", "topics"),
            ("\(people)", "people"),
            ("\(corroborated)", "corroborated"),
            ("\(disputed)", "disputed"),
            ("\(analysis.conflicts.count)", "conflicts"),
        ]
        if !analysis.duplicates.isEmpty { cards.append(("\(analysis.duplicates.count)", "copy groups")) }
        var out = "<p class=\"span\">"
        if let first = dates.first, let last = dates.last {
            out += "From \(first.day8601.html) to \(last.day8601.html)"
        } else {
            out += "Undated articles"
        }
        out += "</p>\n<ul class=\"cards\">"
        for (number, label) in cards { out += "<li><b>\(number.html)</b><span>\(label.html)</span></li>" }
        return out + "</ul>\n"
    }

    func tableOfContents(_ index: DossierIndex) -> String {
        let items = [("stories", "Stories"), ("timeline", "Timeline"), ("people", "People and organizations"),
                     ("quotes", "Quotes"), ("disputes", "Disputes and conflicts"), ("articles", "Articles")]
        return "<ul>" + items.map { "<li><a href=\"#\($0.0)\">\($0.1)</a></li>" }.joined() + "</ul>"
    }

    /// A link to the sentence a reference points at, showing `label`.
    func link(_ reference: TextReference, _ index: DossierIndex, label: String? = nil) -> String {
        let text = label ?? index.sourceLabel(reference.document)
        return "<a class=\"src\" href=\"#\(index.anchor(reference).html)\">\(text.html)</a>"
    }

    static let styles = """
    :root{--ink:#1d232b;--muted:#5b6673;--line:#dde3ea;--bg:#f6f8fa;--card:#fff;--accent:#1f5fbf;--ok:#1e7b45;--warn:#a35a00;--bad:#b42318}
    *{box-sizing:border-box}body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
    header.top{background:#14263d;color:#fff;padding:28px 40px 20px}header.top h1{margin:0 0 4px;font-size:26px;font-weight:650}
    .span{margin:0 0 14px;color:#c9d6e6}.cards{list-style:none;display:flex;flex-wrap:wrap;gap:10px;margin:0;padding:0}
    .cards li{background:rgba(255,255,255,.09);border-radius:8px;padding:8px 14px;min-width:92px}.cards b{display:block;font-size:22px}.cards span{font-size:12px;color:#c9d6e6;text-transform:uppercase;letter-spacing:.04em}
    nav.toc{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);padding:0 40px}nav.toc ul{list-style:none;margin:0;padding:0;display:flex;gap:22px;overflow-x:auto}
    nav.toc a{display:block;padding:11px 0;color:var(--muted);text-decoration:none;font-weight:550;white-space:nowrap}nav.toc a:hover{color:var(--accent)}
    main{max-width:1180px;margin:0 auto;padding:10px 40px 40px}section{margin-top:34px}h2{font-size:21px;margin:0 0 12px;border-bottom:2px solid var(--ink);padding-bottom:4px}
    h3{font-size:17px;margin:18px 0 8px}h4{font-size:13px;margin:14px 0 6px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
    .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:12px 0}
    .meta{color:var(--muted);font-size:13px}.pill{display:inline-block;font-size:12px;border-radius:999px;padding:1px 9px;margin-right:4px;background:#e8eef7;color:#23456f}
    .pill.ok{background:#e3f4ea;color:var(--ok)}.pill.single{background:#fff2e0;color:var(--warn)}.pill.bad{background:#fde8e7;color:var(--bad)}
    a{color:var(--accent)}a.src{font-size:12.5px;text-decoration:none;border-bottom:1px dotted var(--accent);margin-right:6px;white-space:nowrap}
    ul.claims{list-style:none;padding:0;margin:0}ul.claims li{padding:7px 0;border-top:1px solid var(--line)}ul.claims li:first-child{border-top:0}
    blockquote{margin:6px 0;padding:4px 12px;border-left:3px solid #b7c6da;color:#26313d}
    table{border-collapse:collapse;width:100%;font-size:14px;background:#fff}th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}th{background:#eef2f6;font-weight:600}
    table.matrix td.mark{text-align:center;font-weight:700;width:64px}td.states{color:var(--ok)}td.disputes{color:var(--bad);background:#fdf1f0}th.rot{font-size:12px;width:64px}
    .timeline svg{width:100%;height:auto;background:#fff;border:1px solid var(--line);border-radius:10px}.timeline ol{padding-left:22px}.timeline li{margin:4px 0}
    .conflict .values li{margin:3px 0}.article{background:#fff;border:1px solid var(--line);border-radius:10px;padding:16px 22px;margin:14px 0}
    .article p{margin:0 0 10px}.article h3.sub{font-size:15px;margin:14px 0 6px}.article .s:target{background:#fff3b0;outline:2px solid #f0c419}
    .ent-person{border-bottom:2px solid #7aa7e0}.ent-organization{border-bottom:2px solid #9bd3ae}.ent-place{border-bottom:2px solid #e8b86b}.ent-group{border-bottom:2px solid #c7a6e0}
    details.removed{margin-top:10px;font-size:13px;color:var(--muted)}details.removed li{margin:2px 0}details.removed b{color:var(--ink);font-weight:600}
    footer{text-align:center;color:var(--muted);font-size:13px;padding:24px}.empty{color:var(--muted);font-style:italic}
    @media (max-width:720px){main,header.top,nav.toc{padding-left:16px;padding-right:16px}}
    """
}
