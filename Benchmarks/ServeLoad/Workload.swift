import CrossreadCore
import Foundation

/// The requests the load test sends, written next to the library: `searches.txt` (search page
/// paths: one or two words from the articles, some with an entity, source or date filter) and
/// `documents.txt` (document page paths), one a line, which `scripts/bench-serve.lua` picks from.
struct Workload {
    var searches: [String] = []
    var documents: [String] = []

    /// Queries from the words the articles use: names (capitalized inside a sentence) and longer
    /// lower-case words, the frequent ones first, so most queries find something.
    static func searches(from bases: [ArticleBase], count: Int, seed: UInt64) -> [String] {
        var names: [String: Int] = [:], words: [String: Int] = [:]
        for base in bases {
            for sentence in base.sentences {
                let tokens = sentence.split(separator: " ")
                for (position, token) in tokens.enumerated() {
                    let word = token.trimmingCharacters(in: .punctuationCharacters)
                    guard word.count >= 4, word.allSatisfy(\.isLetter) else { continue }
                    if word.first!.isUppercase, position > 0, !word.dropFirst().contains(where: \.isUppercase) {
                        names[word, default: 0] += 1
                    } else if word.count >= 6, word.allSatisfy(\.isLowercase) {
                        words[word, default: 0] += 1
                    }
                }
            }
        }
        let topNames = names.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(400).map(\.key)
        let topWords = words.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(600).map(\.key)
        guard !topNames.isEmpty, !topWords.isEmpty else { return [] }
        var random = SplitMix64(seed: seed)
        var paths: [String] = []
        for _ in 0..<count {
            let roll = Int.random(in: 0..<10, using: &random)
            var fields: [(String, String)]
            switch roll {
            case 0..<4: fields = [("q", topNames.randomElement(using: &random)!)]
            case 4..<6: fields = [("q", topWords.randomElement(using: &random)!)]
            case 6..<8: fields = [("q", topNames.randomElement(using: &random)! + " " + topWords.randomElement(using: &random)!)]
            case 8 where Int.random(in: 0..<2, using: &random) == 0:
                fields = [("q", topWords.randomElement(using: &random)!), ("entity", topNames.randomElement(using: &random)!)]
            case 8:
                let outlet = ArticleVariants.outlets.randomElement(using: &random)!
                fields = [("q", topNames.randomElement(using: &random)!), ("source", outlet.name)]
            default:
                let year = Int.random(in: 2023...2024, using: &random), month = Int.random(in: 1...12, using: &random)
                let day = String(format: "%04d-%02d", year, month)
                fields = [("q", topWords.randomElement(using: &random)!), ("from", day + "-01"), ("through", day + "-28")]
            }
            paths.append("/search?" + fields.map { "\($0.0)=\(encode($0.1))" }.joined(separator: "&"))
        }
        return paths
    }

    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: "\u{0}"..."\u{7F}"))
        allowed.insert(charactersIn: "-._~")
        return (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value).replacingOccurrences(of: "%20", with: "+")
    }

    func write(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try (searches.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("searches.txt"), atomically: true, encoding: .utf8)
        try (documents.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("documents.txt"), atomically: true, encoding: .utf8)
    }
}
