#if canImport(Glibc)
import Glibc
#endif
import CrossreadCore

/// Publication dates a page keeps only in its scripts' data or in attributes
/// (`"datePublished":"2024-03-11T08:30:00Z"`, `publishDate: '2024-03-11'`, `created-timestamp="..."`):
/// the last source, read from the raw bytes when no other gives a date. Keys are tried in order;
/// the value must start with a four-digit year.
enum EmbeddedDates {
    static let keys: [StaticString] = [
        "datePublished", "publishDate", "publishedDate", "published_date", "publishedAt", "published_at",
        "date_published", "publicationDate", "pubDate", "firstPublished", "createdAt", "created_at",
        "created-timestamp", "dateCreated",
    ]

    static func find(in bytes: UnsafeRawBufferPointer) -> PublicationDate? {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count > 0 else { return nil }
        let buffer = UnsafeBufferPointer(start: base, count: bytes.count)
        for key in keys {
            var start = 0
            while let offset = firstOffset(of: key, in: buffer, from: start) {
                start = offset + key.utf8CodeUnitCount
                if let date = value(after: start, in: buffer) { return date }
            }
        }
        return nil
    }

    private static func firstOffset(of key: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let pattern = key.utf8Start
        let count = key.utf8CodeUnitCount
        var index = start
        while index + count <= bytes.count {
            guard let found = memchr(bytes.baseAddress! + index, Int32(pattern[0]), bytes.count - count + 1 - index) else { return nil }
            let offset = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - bytes.baseAddress!
            if memcmp(bytes.baseAddress! + offset, pattern, count) == 0 { return offset }
            index = offset + 1
        }
        return nil
    }

    /// The date in `"key": "value"`, `key='value'`, `&quot;key&quot;:&quot;value` or `\"key\":\"value`.
    private static func value(after keyEnd: Int, in bytes: UnsafeBufferPointer<UInt8>) -> PublicationDate? {
        var index = keyEnd
        func skipQuotes() {
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 34 || byte == 39 || byte == 92 || byte == 32 { index += 1; continue }  // " ' \ space
                if byte == 38, index + 6 <= bytes.count, bytes[index + 1] == 113, bytes[index + 5] == 59 {  // &quot;
                    index += 6
                    continue
                }
                break
            }
        }
        skipQuotes()
        guard index < bytes.count, bytes[index] == 58 || bytes[index] == 61 else { return nil }  // ":" or "="
        index += 1
        skipQuotes()
        let start = index
        while index < bytes.count, index - start < 32 {
            let byte = bytes[index]
            guard (byte >= 48 && byte <= 58) || byte == 45 || byte == 43 || byte == 46 || byte == 84 || byte == 90 else { break }
            index += 1
        }
        guard index - start >= 10 else { return nil }
        for offset in 0..<4 where !(bytes[start + offset] >= 48 && bytes[start + offset] <= 57) { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let date = PublicationDate.parse(text), DateFinder.plausible(date) else { return nil }
        return date
    }
}
