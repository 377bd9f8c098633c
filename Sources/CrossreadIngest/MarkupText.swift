/// Plain text from a short piece of markup (a feed title or summary): tags dropped, common
/// entities decoded, whitespace collapsed. Not an HTML extractor; bodies go to the HTML stage.
enum MarkupText {
    static func plain(_ markup: String) -> String {
        var output = ""
        output.reserveCapacity(markup.utf8.count)
        var inTag = false
        var entity: String? = nil
        var lastWasSpace = true
        func emit(_ character: Character) {
            if character.isWhitespace {
                if !lastWasSpace { output.append(" ") }
                lastWasSpace = true
            } else {
                output.append(character)
                lastWasSpace = false
            }
        }
        for character in markup {
            if inTag {
                if character == ">" {
                    inTag = false
                    emit(" ")
                }
                continue
            }
            if var pending = entity {
                if character == ";" {
                    if let decoded = decodeEntity(pending) { emit(decoded) } else {
                        for c in "&\(pending);" { emit(c) }
                    }
                    entity = nil
                } else if (character.isLetter || character.isNumber || character == "#") && pending.count < 10 {
                    pending.append(character)
                    entity = pending
                } else {
                    for c in "&\(pending)" { emit(c) }
                    entity = nil
                    emit(character)
                }
                continue
            }
            switch character {
            case "<": inTag = true
            case "&": entity = ""
            default: emit(character)
            }
        }
        if let pending = entity { for c in "&\(pending)" { emit(c) } }
        if output.last == " " { output.removeLast() }
        return output
    }

    /// True when a string holds HTML tags or entities rather than plain text.
    static func looksLikeHTML(_ string: String) -> Bool {
        var utf8 = Array(string.utf8.prefix(FormatSniffer.sampleSize))
        if utf8.isEmpty { return false }
        utf8.append(0x20)
        let tags = utf8.withUnsafeBufferPointer { FormatSniffer.knownTagCount($0, from: 0) }
        if tags > 0 { return true }
        // An entity: `&name;` or `&#123;` within a few bytes of an ampersand.
        let bytes = string.utf8
        var index = bytes.startIndex
        while let ampersand = bytes[index...].firstIndex(of: UInt8(ascii: "&")) {
            var length = 0
            var cursor = bytes.index(after: ampersand)
            while cursor != bytes.endIndex, length < 12 {
                let byte = bytes[cursor]
                if byte == UInt8(ascii: ";") { if length > 0 { return true } else { break } }
                let isNameByte = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                    || byte == UInt8(ascii: "#")
                guard isNameByte else { break }
                length += 1
                cursor = bytes.index(after: cursor)
            }
            index = bytes.index(after: ampersand)
        }
        return false
    }

    private static func decodeEntity(_ name: String) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default: break
        }
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map(Character.init)
        }
        if name.hasPrefix("#") {
            return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map(Character.init)
        }
        return nil
    }
}
