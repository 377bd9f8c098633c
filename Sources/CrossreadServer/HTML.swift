import CrossreadReport
import Foundation

/// Builders for the server's HTML: every piece of text from a document or a request goes through
/// `text(_:)` (the one escaping function, shared with the dossier).
enum HTML {
    /// Escaped for element content and quoted attribute values.
    static func text(_ value: some StringProtocol) -> String { HTMLText.escape(value) }

    /// A link with an escaped label; `href` is built by `Paths` from validated values.
    static func link(_ href: String, _ label: String, id: String? = nil, className: String? = nil) -> String {
        var attributes = "href=\"\(text(href))\""
        if let id { attributes += " id=\"\(id)\"" }
        if let className { attributes += " class=\"\(className)\"" }
        return "<a \(attributes)>\(text(label))</a>"
    }

    /// The whole page around `body`.
    static func page(title: String, active: String?, body: String) -> String {
        func navItem(_ key: String, _ href: String, _ label: String) -> String {
            "<a id=\"nav-\(key)\" href=\"\(href)\"\(active == key ? " class=\"active\" aria-current=\"page\"" : "")>\(label)</a>"
        }
        return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(text(title)) · Crossread</title>
        <link rel="stylesheet" href="/style.css"><link rel="icon" href="data:,">
        </head><body>
        <header id="site-header"><a class="brand" href="/">Crossread</a>
        <nav id="site-nav">\(navItem("overview", "/", "Library"))\(navItem("search", "/search", "Search"))\(navItem("entities", "/entities", "People &amp; organizations"))\(navItem("stories", "/stories", "Stories"))\(navItem("add", "/add", "Add articles"))</nav>
        <form id="quick-search" action="/search" method="get" role="search"><input type="search" name="q" aria-label="Search the library" placeholder="Search the library"></form>
        </header>
        <main id="main">
        \(body)
        </main>
        <footer id="site-footer">Crossread · <a href="/openapi.json">JSON API (OpenAPI)</a></footer>
        </body></html>
        """
    }

    /// A date as shown on pages: the ISO day, or "undated".
    static func day(_ iso: String?) -> String {
        guard let iso, iso.count >= 10 else { return iso ?? "undated" }
        return String(iso.prefix(10))
    }

    /// A whole number with thousands separated by commas ("100,000"), without a locale's formatter.
    static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }

    /// A count with its noun, singular or plural.
    static func count(_ value: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(HTML.number(value)) \(value == 1 ? noun : plural ?? noun + "s")"
    }
}
