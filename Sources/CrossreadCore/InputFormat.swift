/// The formats Crossread reads. Feeds and JSON Lines are containers: each item becomes an article
/// whose own format is `text` or `html`.
public enum InputFormat: String, Sendable, Codable, CaseIterable {
    case text, html, rss, atom, jsonl
}
