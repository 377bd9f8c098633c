/// The `Name: value` lines of a WARC record header or an HTTP response head, looked up by name
/// without regard to case. Continuation lines (starting with a space or tab) extend the field before.
struct HeaderFields {
    private var fields: [(name: String, value: String)] = []

    init(lines: [[UInt8]]) {
        for line in lines {
            if let first = line.first, first == 32 || first == 9, !fields.isEmpty {
                fields[fields.count - 1].value += " " + String(decoding: line, as: UTF8.self).trimmingSpaces
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: line[..<colon], as: UTF8.self).trimmingSpaces.lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces
            fields.append((name, value))
        }
    }

    /// The first field named `name` (lower case).
    subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }
}
