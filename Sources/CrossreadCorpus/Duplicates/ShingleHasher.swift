/// Hashes every run of `size` consecutive words (a word shingle) from per-word hashes.
enum ShingleHasher {
    /// One hash per shingle, in text order (repeats included). A text shorter than `size` words
    /// gives one shingle of all its words; an empty text gives none.
    static func shingles(of words: [UInt64], size: Int) -> [UInt64] {
        guard !words.isEmpty else { return [] }
        let width = min(size, words.count)
        var out = [UInt64]()
        out.reserveCapacity(words.count - width + 1)
        for start in 0...(words.count - width) {
            var hash: UInt64 = 0x243F6A8885A308D3
            for offset in 0..<width {
                hash = (hash &* 0x9E3779B97F4A7C15) ^ words[start + offset]
                hash = (hash << 29) | (hash >> 35)
            }
            out.append(WordHasher.finalize(hash))
        }
        return out
    }
}
