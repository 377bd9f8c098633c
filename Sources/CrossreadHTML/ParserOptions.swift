import CLibXML2

/// The libxml2 `htmlParserOption` bits extraction parses with.
enum ParserOptions {
    static let ignoreEncoding = Int32(HTML_PARSE_IGNORE_ENC.rawValue)

    /// Forgiving, quiet, offline, and the page's own charset declaration ignored (the text is
    /// already decoded).
    static let defaults: Int32 = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
        | HTML_PARSE_IGNORE_ENC.rawValue)

    /// libxml2's global setup, done once before the first parse (it is not safe to race).
    static let initialized: Bool = {
        xmlInitParser()
        return true
    }()
}
