/// What the first bytes of an input say it is, before any decoding.
enum DetectedFormat: Equatable {
    case empty
    /// Not text: what it is when its signature tells ("a PNG image").
    case binary(String?)
    /// A WARC file (web archive): streamed record by record.
    case warc
    /// UTF-16 or UTF-32 with a byte order mark: decoded whole, then detected again.
    case unicodeWithBOM(UnicodeForm)
    case text
    case html
    /// An XML document: RSS, RSS 1.0 (RDF) or Atom, or XML that turns out to be no feed.
    case feed
    case jsonLines
    /// A single (pretty-printed) JSON document or array, which is not JSON Lines.
    case jsonDocument

    /// The wide Unicode encodings recognized by their byte order mark.
    enum UnicodeForm: Equatable {
        case utf16LE, utf16BE, utf32LE, utf32BE

        var bomLength: Int {
            switch self {
            case .utf16LE, .utf16BE: return 2
            case .utf32LE, .utf32BE: return 4
            }
        }
    }
}
