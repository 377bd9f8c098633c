import Foundation

/// The metadata comparisons of `html-eval` and the quality gates.
public enum MetadataMatch {
    /// NFKC, case-folded, whitespace-normalized: the wcxb title comparison.
    public static func titleKey(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The set of lower-cased name words, so "A, B & C" and "A; B; C" agree.
    public static func authorKey(_ text: String) -> Set<String> {
        Set(ShingleScore.tokens(text.lowercased()).map { String(String.UnicodeScalarView($0)) }.filter { $0 != "and" })
    }
}
