import CLibXML2

/// A libxml2 HTML document, freed when the value goes away.
final class ParsedHTML {
    let document: htmlDocPtr

    /// libxml2's global setup, done once before the first parse (it is not safe to race).
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses UTF-8 bytes; `encoding` nil lets libxml2 follow the page's meta charset instead.
    init?(bytes: UnsafeRawBufferPointer, encoding: String? = "UTF-8", options: Int32) {
        _ = Self.initialized
        guard let base = bytes.baseAddress, bytes.count > 0, bytes.count < Int(Int32.max) else { return nil }
        let pointer = base.assumingMemoryBound(to: CChar.self)
        let parsed: htmlDocPtr?
        if let encoding {
            parsed = htmlReadMemory(pointer, Int32(bytes.count), nil, encoding, options)
        } else {
            parsed = htmlReadMemory(pointer, Int32(bytes.count), nil, nil, options)
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    static let ignoreEncodingOption = Int32(HTML_PARSE_IGNORE_ENC.rawValue)

    /// The parser options extraction uses: forgiving, quiet, offline, compact text nodes, and the
    /// page's own charset declaration ignored (the text is already decoded).
    static let defaultOptions: Int32 = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
        | HTML_PARSE_IGNORE_ENC.rawValue)
}
