import CLibXML2

/// Makes the ampersands of a sloppy feed well-formed XML before parsing: HTML entities XML does not
/// define (`&nbsp;`, `&eacute;`) become numeric references, a bare `&` becomes `&amp;`.
/// CDATA sections, comments and the doctype are left as they are.
enum FeedEntityRepair {
    private static let xmlEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    /// The repaired bytes, or nil when nothing needed repair.
    static func repair(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { input -> [UInt8]? in
            var output: [UInt8]? = nil
            var copiedUpTo = 0
            var index = 0
            let count = input.count
            func replace(_ range: Range<Int>, with replacement: [UInt8]) {
                if output == nil {
                    output = []
                    output!.reserveCapacity(count + count / 16)
                }
                output!.append(contentsOf: UnsafeBufferPointer(rebasing: input[copiedUpTo..<range.lowerBound]))
                output!.append(contentsOf: replacement)
                copiedUpTo = range.upperBound
            }
            while index < count {
                let byte = input[index]
                if byte == UInt8(ascii: "<"), index + 1 < count, input[index + 1] == UInt8(ascii: "!") {
                    index = skipDeclaration(input, at: index)
                    continue
                }
                guard byte == UInt8(ascii: "&") else {
                    index += 1
                    continue
                }
                var end = index + 1
                if end < count, input[end] == UInt8(ascii: "#") {
                    end += 1
                    while end < count, end - index < 12, isAlphanumeric(input[end]) { end += 1 }
                    if end < count, input[end] == UInt8(ascii: ";"), end > index + 2 {
                        index = end + 1
                        continue
                    }
                    replace(index..<(index + 1), with: Array("&amp;".utf8))
                    index += 1
                    continue
                }
                while end < count, end - index <= 32, isAlphanumeric(input[end]) { end += 1 }
                if end < count, input[end] == UInt8(ascii: ";"), end > index + 1 {
                    let name = String(decoding: UnsafeBufferPointer(rebasing: input[(index + 1)..<end]), as: UTF8.self)
                    if xmlEntities.contains(name) {
                        index = end + 1
                        continue
                    }
                    if let value = htmlEntityValue(name) {
                        replace(index..<(end + 1), with: Array("&#\(value);".utf8))
                        index = end + 1
                        continue
                    }
                }
                replace(index..<(index + 1), with: Array("&amp;".utf8))
                index += 1
            }
            guard output != nil else { return nil }
            output!.append(contentsOf: UnsafeBufferPointer(rebasing: input[copiedUpTo..<count]))
            return output
        }
    }

    /// Skips `<![CDATA[...]]>`, `<!--...-->` or `<!DOCTYPE ...[...]>`; returns the index after it.
    private static func skipDeclaration(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        func find(_ pattern: [UInt8], from: Int) -> Int? {
            var index = from
            while index + pattern.count <= input.count {
                if input[index] == pattern[0], pattern.indices.allSatisfy({ input[index + $0] == pattern[$0] }) {
                    return index
                }
                index += 1
            }
            return nil
        }
        let rest = input.count - start
        if rest >= 9, Array(input[start..<(start + 9)]) == Array("<![CDATA[".utf8) {
            return find(Array("]]>".utf8), from: start + 9).map { $0 + 3 } ?? input.count
        }
        if rest >= 4, input[start + 2] == UInt8(ascii: "-"), input[start + 3] == UInt8(ascii: "-") {
            return find(Array("-->".utf8), from: start + 4).map { $0 + 3 } ?? input.count
        }
        // A doctype, possibly with an internal subset in brackets.
        var index = start + 2
        var depth = 0
        while index < input.count {
            switch input[index] {
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ">") where depth <= 0: return index + 1
            default: break
            }
            index += 1
        }
        return input.count
    }

    private static func htmlEntityValue(_ name: String) -> UInt32? {
        guard let entry = name.withCString({ htmlEntityLookup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }) else {
            return nil
        }
        return entry.pointee.value
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }
}
