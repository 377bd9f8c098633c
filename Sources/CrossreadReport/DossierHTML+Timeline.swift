import Foundation
import CrossreadCore

extension DossierHTML {
    /// The timeline: an SVG axis with one numbered marker per dated entry, and the numbered list below.
    func timelineSection(_ index: DossierIndex) -> String {
        let entries = index.analysis.timeline.sorted { $0.date < $1.date }
        var out = "<section id=\"timeline\" class=\"timeline\"><h2>Timeline</h2>"
        if entries.isEmpty { return out + "<p class=\"empty\">No dated events were found.</p></section>\n" }
        out += TimelineSVG(entries: entries).render()
        out += "<ol>"
        for (number, entry) in entries.enumerated() {
            out += "<li id=\"t-\(number + 1)\" value=\"\(number + 1)\"><b>\(entry.date.html)</b> — \(entry.text.html) "
            for reference in entry.evidence { out += link(reference, index) }
            out += "</li>"
        }
        return out + "</ol></section>\n"
    }
}

/// Draws dated entries on a horizontal axis: ticks at year or month starts, one numbered marker per
/// entry, stacked where entries share a place.
struct TimelineSVG {
    let entries: [TimelineEntry]

    func render() -> String {
        let days = entries.map { Self.dayNumber($0.date) }
        guard let minDay = days.min(), let maxDay = days.max() else { return "" }
        let width = 1100.0, left = 40.0, right = 40.0, axisY = 60.0
        let span = Double(max(maxDay - minDay, 1))
        func x(_ day: Int) -> Double { left + (Double(day - minDay) / span) * (width - left - right) }
        var stacks: [Int: Int] = [:]
        var markers = ""
        var maxStack = 0
        for (number, day) in days.enumerated() {
            let bucket = Int(x(day) / 22)
            let level = stacks[bucket, default: 0]
            stacks[bucket] = level + 1
            maxStack = max(maxStack, level)
            let cx = x(day), cy = axisY + 26 + Double(level) * 24
            markers += "<a href=\"#t-\(number + 1)\"><line x1=\"\(f(cx))\" y1=\"\(f(axisY))\" x2=\"\(f(cx))\" y2=\"\(f(cy - 10))\" stroke=\"#9fb3c8\"/>"
            markers += "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"10\" fill=\"#1f5fbf\"/><text x=\"\(f(cx))\" y=\"\(f(cy + 4))\" font-size=\"11\" fill=\"#fff\" text-anchor=\"middle\">\(number + 1)</text></a>"
        }
        let height = axisY + 50 + Double(maxStack) * 24
        var ticks = ""
        for (day, label) in Self.ticks(from: minDay, to: maxDay) {
            ticks += "<line x1=\"\(f(x(day)))\" y1=\"\(f(axisY - 6))\" x2=\"\(f(x(day)))\" y2=\"\(f(axisY + 6))\" stroke=\"#5b6673\"/>"
            ticks += "<text x=\"\(f(x(day)))\" y=\"\(f(axisY - 14))\" font-size=\"12\" fill=\"#5b6673\" text-anchor=\"middle\">\(label.html)</text>"
        }
        return "<svg viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"Timeline of \(entries.count) dated events\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<line x1=\"\(f(left))\" y1=\"\(f(axisY))\" x2=\"\(f(width - right))\" y2=\"\(f(axisY))\" stroke=\"#1d232b\" stroke-width=\"2\"/>"
            + ticks + markers + "</svg>"
    }

    private func f(_ value: Double) -> String { String(Int(value.rounded())) }

    /// Days since 1970-01-01 of an ISO date of day, month or year precision.
    static func dayNumber(_ iso: String) -> Int {
        let parts = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
        return PublicationDate.dayCount(year: parts.first ?? 1970, month: parts.count > 1 ? parts[1] : 1,
                                        day: parts.count > 2 ? parts[2] : 1)
    }

    static func date(ofDay number: Int) -> (year: Int, month: Int, day: Int) {
        PublicationDate.civilDate(dayCount: number)
    }

    /// Tick positions and labels: years for long spans, months for medium, days for short.
    static func ticks(from minDay: Int, to maxDay: Int) -> [(Int, String)] {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let span = maxDay - minDay
        let start = date(ofDay: minDay), end = date(ofDay: maxDay)
        var ticks: [(Int, String)] = []
        if span > 3 * 365 {
            let step = max(1, (end.year - start.year) / 10)
            for year in stride(from: start.year, through: end.year, by: step) {
                let day = dayNumber("\(year)-01-01")
                if day >= minDay && day <= maxDay { ticks.append((day, "\(year)")) }
            }
        } else if span > 45 {
            var (year, month) = (start.year, start.month)
            let step = max(1, span / 300)
            while true {
                let day = dayNumber(String(format: "%04d-%02d-01", year, month))
                if day > maxDay { break }
                if day >= minDay { ticks.append((day, "\(months[month - 1]) \(year)")) }
                month += step
                while month > 12 { month -= 12; year += 1 }
            }
        } else {
            let step = max(1, span / 10)
            for day in stride(from: minDay, through: maxDay, by: step) {
                let d = date(ofDay: day)
                ticks.append((day, "\(months[d.month - 1]) \(d.day)"))
            }
        }
        if ticks.isEmpty { ticks.append((minDay, String(entriesLabel(minDay)))) }
        return ticks
    }

    private static func entriesLabel(_ day: Int) -> String {
        let d = date(ofDay: day)
        return String(format: "%04d-%02d-%02d", d.year, d.month, d.day)
    }
}
