import CrossreadCore

extension MarkedSnippet {
    /// `ts_headline` options: one fragment of 12 to 30 words around the best match, marked with the sentinels.
    static let headlineOptions = "StartSel=\(start), StopSel=\(end), MinWords=12, MaxWords=30, ShortWord=2, MaxFragments=1, FragmentDelimiter=\" … \""
}
