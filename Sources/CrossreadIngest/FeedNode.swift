#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibXML2

/// A read-only view of one libxml2 element of a parsed feed: its name, namespace, attributes,
/// child elements and text. Valid only while its document lives.
struct FeedNode {
    let pointer: xmlNodePtr

    /// The name without prefix; an undeclared prefix (`content:encoded` without its namespace)
    /// stays in libxml2's name, so it is cut here too.
    var localName: String {
        guard let name = pointer.pointee.name else { return "" }
        let full = String(cString: name)
        if let colon = full.lastIndex(of: ":") { return String(full[full.index(after: colon)...]) }
        return full
    }

    /// The prefix as written (`dc`, `content`), also when the namespace was never declared.
    var prefix: String? {
        if let ns = pointer.pointee.ns, let prefix = ns.pointee.prefix { return String(cString: prefix) }
        guard let name = pointer.pointee.name else { return nil }
        let full = String(cString: name)
        return full.firstIndex(of: ":").map { String(full[..<$0]) }
    }

    var namespaceURI: String? {
        guard let ns = pointer.pointee.ns, let href = ns.pointee.href else { return nil }
        return String(cString: href)
    }

    /// True when the element is `local` in a namespace whose URI contains `namespaceHint`
    /// or which is written with the prefix `prefixHint`.
    func matches(_ local: String, namespaceHint: String, prefixHint: String) -> Bool {
        guard localName == local else { return false }
        if let uri = namespaceURI, uri.contains(namespaceHint) { return true }
        return prefix == prefixHint
    }

    var children: [FeedNode] {
        var result: [FeedNode] = []
        var child = pointer.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE { result.append(FeedNode(pointer: node)) }
            child = node.pointee.next
        }
        return result
    }

    func children(named local: String) -> [FeedNode] { children.filter { $0.localName == local } }

    func child(named local: String) -> FeedNode? {
        var child = pointer.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE, FeedNode(pointer: node).localName == local {
                return FeedNode(pointer: node)
            }
            child = node.pointee.next
        }
        return nil
    }

    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { free(value) }
        return String(cString: value)
    }

    /// The language in scope (`xml:lang` here or on an ancestor).
    var language: String? {
        guard let value = xmlNodeGetLang(pointer) else { return nil }
        defer { free(value) }
        return String(cString: value)
    }

    /// The concatenated text and CDATA below this element. Entity references of a document's own
    /// DTD are not expanded (no entity-expansion blowups).
    var text: String {
        var bytes: [UInt8] = []
        collectText(pointer, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func collectText(_ node: xmlNodePtr, into bytes: inout [UInt8]) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(content)))
                }
            case XML_ELEMENT_NODE:
                collectText(current, into: &bytes)
            default:
                break
            }
            child = current.pointee.next
        }
    }

    /// The trimmed text with runs of whitespace collapsed, or nil when empty.
    var collapsedText: String? {
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }

    /// This element serialized as XML, as it stands in the feed.
    var serialized: [UInt8] { Self.dump(pointer) }

    /// The children serialized as markup (the inside of an Atom `type="xhtml"` element).
    var innerMarkup: String {
        var bytes: [UInt8] = []
        var child = pointer.pointee.children
        while let current = child {
            bytes.append(contentsOf: Self.dump(current))
            child = current.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func dump(_ node: xmlNodePtr) -> [UInt8] {
        guard let buffer = xmlBufferCreate() else { return [] }
        defer { xmlBufferFree(buffer) }
        _ = xmlNodeDump(buffer, node.pointee.doc, node, 0, 0)
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }
}
