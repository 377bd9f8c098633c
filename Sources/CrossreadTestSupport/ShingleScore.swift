/// The article-extraction-benchmark scoring, shared by `html-eval` and the HTML quality gate: `\w+` tokens (Python's Unicode definition), token
/// 4-gram shingles with counts, per-document TP/FP/FN normalized to sum to one.
public enum ShingleScore {
    public static func tokens(_ text: String) -> [Substring.UnicodeScalarView] {
        var tokens: [Substring.UnicodeScalarView] = []
        let scalars = Substring(text).unicodeScalars
        var start: Substring.UnicodeScalarView.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let isWord = isWordScalar(scalars[index])
            if isWord && start == nil { start = index }
            if !isWord, let begun = start {
                tokens.append(scalars[begun..<index])
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let begun = start { tokens.append(scalars[begun..<scalars.endIndex]) }
        return tokens
    }

    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        if scalar.value < 128 {
            let v = scalar.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    public static func shingles(_ text: String, n: Int = 4) -> [String: Int] {
        let words = tokens(text).map { String(String.UnicodeScalarView($0)) }
        var counts: [String: Int] = [:]
        let upper = max(1, words.count - n + 1)
        for start in 0..<upper {
            let end = min(start + n, words.count)
            guard start < end else { continue }
            counts[words[start..<end].joined(separator: " "), default: 0] += 1
        }
        return counts
    }

    /// Normalized (tp, fp, fn) for one document.
    public static func match(truth: String, prediction: String) -> (tp: Double, fp: Double, fn: Double) {
        let t = shingles(truth), p = shingles(prediction)
        var tp = 0, fp = 0, fn = 0
        for key in Set(t.keys).union(p.keys) {
            let tc = t[key] ?? 0, pc = p[key] ?? 0
            tp += min(tc, pc)
            fp += max(0, pc - tc)
            fn += max(0, tc - pc)
        }
        let sum = Double(tp + fp + fn)
        guard sum > 0 else { return (0, 0, 0) }
        return (Double(tp) / sum, Double(fp) / sum, Double(fn) / sum)
    }
}
