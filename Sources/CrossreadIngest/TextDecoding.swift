/// Turns an input's bytes into a `String`, never keeping a byte order mark:
/// 1. a UTF-8, UTF-16 or UTF-32 byte order mark decides;
/// 2. valid UTF-8 is UTF-8 (even when a tag names a legacy charset: mislabeled pages are common);
/// 3. otherwise a declared legacy charset (an HTTP `Content-Type` charset, else the HTML meta or XML
///    declaration) is decoded through `iconv`;
/// 4. otherwise UTF-8 sequences are kept and the other bytes read as Windows-1252.
enum TextDecoding {
    /// `transportCharset` is the charset a container stated for the bytes (an HTTP header), which
    /// wins over one the document names for itself.
    static func decode(_ bytes: [UInt8], declaredIn markup: CharsetDeclaration.Markup?,
                       transportCharset: String? = nil) -> String {
        if let form = FormatSniffer.unicodeBOM(bytes) { return decodeWide(bytes, form: form) }
        let hasUTF8BOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let declared = transportCharset.flatMap(Charset.init(label:))
            ?? markup.flatMap { CharsetDeclaration.find(in: bytes, markup: $0) }.flatMap(Charset.init(label:))
        return bytes.withUnsafeBufferPointer { all in
            let body = UnsafeBufferPointer(rebasing: all[(hasUTF8BOM ? 3 : 0)...])
            if hasUTF8BOM { return LenientUTF8.decode(body) }
            if let declared, declared.isSevenBitStateful, body.contains(0x1B) || body.contains(UInt8(ascii: "~")),
               case .iconv(let name) = declared, let decoded = IconvDecoder.decode(body, from: name) {
                return decoded
            }
            if let valid = String(validating: body, as: UTF8.self) { return valid }
            switch declared {
            case .iconv(let name)?:
                if let decoded = IconvDecoder.decode(body, from: name) { return dropBOM(decoded) }
                return LenientUTF8.decode(body)
            case .windows1252?:
                return Windows1252.decode(body)
            case .utf8?, nil:
                return LenientUTF8.decode(body)
            }
        }
    }

    /// As `decode`, with stray control bytes (NUL and the like) dropped: from the bytes of 8-bit
    /// text before decoding, from the decoded text of UTF-16 or UTF-32. Also says how many were dropped.
    static func decodeDroppingStrays(_ bytes: [UInt8], declaredIn markup: CharsetDeclaration.Markup?,
                                     transportCharset: String? = nil) -> (text: String, dropped: Int) {
        if FormatSniffer.unicodeBOM(bytes) != nil {
            let wide = decode(bytes, declaredIn: markup)
            let kept = StrayControlBytes.removed(from: Array(wide.utf8))
            return kept.dropped == 0 ? (wide, 0) : (String(decoding: kept.bytes, as: UTF8.self), kept.dropped)
        }
        let kept = StrayControlBytes.removed(from: bytes)
        return (decode(kept.bytes, declaredIn: markup, transportCharset: transportCharset), kept.dropped)
    }

    /// Decodes UTF-16 or UTF-32 after its byte order mark; unpaired surrogates become U+FFFD.
    static func decodeWide(_ bytes: [UInt8], form: DetectedFormat.UnicodeForm) -> String {
        let start = form.bomLength
        switch form {
        case .utf16LE, .utf16BE:
            let units = (bytes.count - start) / 2
            var codeUnits = [UInt16](repeating: 0, count: units)
            for unit in 0..<units {
                let a = UInt16(bytes[start + 2 * unit]), b = UInt16(bytes[start + 2 * unit + 1])
                codeUnits[unit] = form == .utf16LE ? (b << 8 | a) : (a << 8 | b)
            }
            return String(decoding: codeUnits, as: UTF16.self)
        case .utf32LE, .utf32BE:
            let units = (bytes.count - start) / 4
            var scalars = String.UnicodeScalarView()
            for unit in 0..<units {
                let base = start + 4 * unit
                let b = (0..<4).map { UInt32(bytes[base + $0]) }
                let value = form == .utf32LE ? (b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0])
                                             : (b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3])
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            }
            return String(scalars)
        }
    }

    private static func dropBOM(_ text: String) -> String {
        text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
    }
}
