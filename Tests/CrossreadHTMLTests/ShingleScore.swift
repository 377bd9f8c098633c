/// The article-extraction-benchmark scoring (the same as `Benchmarks/HTMLEval`): `\w+` tokens by
/// Python's Unicode definition, token 4-gram shingles with counts, per-document TP/FP/FN
/// normalized to sum to one.
enum ShingleScore {
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
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

    static func shingles(_ text: String, n: Int = 4) -> [String: Int] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        var counts: [String: Int] = [:]
        for start in 0..<max(1, words.count - n + 1) {
            let end = min(start + n, words.count)
            guard start < end else { continue }
            counts[words[start..<end].joined(separator: " "), default: 0] += 1
        }
        return counts
    }

    /// Normalized (tp, fp, fn) for one document.
    static func match(truth: String, prediction: String) -> (tp: Double, fp: Double, fn: Double) {
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
