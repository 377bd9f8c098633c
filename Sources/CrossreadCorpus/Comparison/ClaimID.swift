import CrossreadCore

/// Stable claim ids: `claim-` and 12 hex digits of SHA-256 over the claim's normalized text
/// (lowercased words joined by single spaces, punctuation and quote marks dropped).
enum ClaimID {
    static func make(for text: String, salt: String = "") -> String {
        "claim-" + String(SHA256.hex(Array((normalized(text) + salt).utf8)).prefix(12))
    }

    static func normalized(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let tokens = StatementTokenizer().tokens(bytes, in: 0..<bytes.count)
        return tokens.filter { $0.kind != .punctuation }.map(\.folded).joined(separator: " ")
    }
}
