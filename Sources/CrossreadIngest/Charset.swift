/// A character encoding named by a document, normalized the way browsers read labels
/// (`iso-8859-1` and `us-ascii` mean Windows-1252, `gb2312` means GB18030).
enum Charset: Equatable {
    case utf8
    case windows1252
    /// Any other encoding, by the name Glibc `iconv` knows it under.
    case iconv(String)

    /// The encoding a label names, or nil for an empty label.
    init?(label: String) {
        let name = label.trimmingSpaces.lowercased()
        guard !name.isEmpty else { return nil }
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode20utf8",
             // A document that names UTF-16 in its own text is not UTF-16 (it would show NULs).
             "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2", "unicodefffe":
            self = .utf8
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
             "windows-1252", "cp1252", "x-cp1252", "cp819", "ibm819", "iso-ir-100", "csisolatin1",
             "ansi_x3.4-1968", "iso88591", "iso_8859-1:1987":
            self = .windows1252
        case "gb2312", "gbk", "x-gbk", "chinese", "csgb2312", "iso-ir-58", "gb_2312-80", "gb_2312", "gb18030",
             "cp936", "windows-936":
            self = .iconv("GB18030")
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "csshiftjis", "ms932", "cp932":
            self = .iconv("CP932")
        case "euc-kr", "ks_c_5601-1987", "windows-949", "cp949", "ksc5601", "ks_c_5601", "korean", "csksc56011987":
            self = .iconv("CP949")
        case "big5", "big5-hkscs", "x-x-big5", "cn-big5", "csbig5":
            self = .iconv("BIG5-HKSCS")
        case "iso-8859-8-i", "csiso88598i", "logical":
            self = .iconv("ISO-8859-8")
        case "tis-620", "iso-8859-11", "windows-874", "dos-874":
            self = .iconv("CP874")
        case "x-mac-roman", "macintosh", "mac", "csmacintosh":
            self = .iconv("MACINTOSH")
        case "x-mac-cyrillic", "x-mac-ukrainian":
            self = .iconv("MAC-CYRILLIC")
        default:
            let allowed = name.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: ":")
            }
            guard allowed else { return nil }
            self = .iconv(name.uppercased())
        }
    }

    /// Encodings that use only 7-bit bytes with escape sequences, so valid UTF-8 does not rule them out.
    var isSevenBitStateful: Bool {
        guard case .iconv(let name) = self else { return false }
        return name.hasPrefix("ISO-2022") || name == "HZ-GB-2312" || name == "UTF-7"
    }
}
