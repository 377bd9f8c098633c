/// A bar chart of counts per month as inline SVG (no styles in attributes, so the CSP holds), with the
/// numbers in a table beside it for screen readers and copying.
struct MonthChart {
    var months: [(month: String, count: Int)]

    func html() -> String {
        guard !months.isEmpty else { return "<p class=\"empty\">No dated documents.</p>" }
        let shown = Array(months.suffix(36))
        let top = max(1, shown.map(\.count).max() ?? 1)
        let barWidth = 22, gap = 6, height = 120
        let width = shown.count * (barWidth + gap) + gap
        var svg = "<svg class=\"month-chart\" viewBox=\"0 0 \(width) \(height + 34)\" width=\"\(width)\" height=\"\(height + 34)\" role=\"img\" aria-label=\"documents per month\">"
        for (index, item) in shown.enumerated() {
            let barHeight = max(2, item.count * height / top)
            let x = gap + index * (barWidth + gap)
            svg += "<rect class=\"bar\" x=\"\(x)\" y=\"\(height - barHeight)\" width=\"\(barWidth)\" height=\"\(barHeight)\"><title>\(HTML.text(item.month)): \(item.count)</title></rect>"
            svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(height + 14)\" text-anchor=\"middle\">\(HTML.text(String(item.month.suffix(2))))</text>"
            if index == 0 || item.month.hasSuffix("-01") {
                svg += "<text x=\"\(x)\" y=\"\(height + 30)\">\(HTML.text(String(item.month.prefix(4))))</text>"
            }
        }
        svg += "</svg>"
        var table = "<table class=\"month-table\"><thead><tr><th>Month</th><th>Documents</th></tr></thead><tbody>"
        for item in shown.reversed() { table += "<tr><td>\(HTML.text(item.month))</td><td>\(item.count)</td></tr>" }
        table += "</tbody></table>"
        return "<div class=\"chart\">\(svg)<details><summary>Numbers</summary>\(table)</details></div>"
    }
}
