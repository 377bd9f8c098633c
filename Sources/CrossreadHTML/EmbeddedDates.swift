#if canImport(Glibc)
import Glibc
#endif
import CrossreadCore

/// Publication dates a page keeps only in its scripts' data or in attributes
/// (`"datePublished":"2024-03-11T08:30:00Z"`, `publishDate: '2024-03-11'`, `created-timestamp="..."`):
/// the last source, read from the raw bytes when no other gives a date. One pass finds every
/// `key: value` and `key=value` whose key is listed; the earliest key in the list wins, and the value
/// must start with a four-digit year.
enum EmbeddedDates {
    static let keys: [String] = [
        "datePublished", "publishDate", "publishedDate", "published_date", "publishedAt", "published_at",
        "date_published", "publicationDate", "pubDate", "firstPublished", "firstPublishedAt", "first_published_at",
        "createdAt", "created_at", "created-timestamp", "dateCreated",
    ]
    private static let keyBytes = keys.map { Array($0.utf8) }
    private static let longestKey = keyBytes.map(\.count).max() ?? 0

    static func find(in raw: UnsafeRawBufferPointer) -> PublicationDate? {
        guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count > 0 else { return nil }
        let bytes = UnsafeBufferPointer(start: base, count: raw.count)
        var best: (rank: Int, date: PublicationDate)?
        for index in 0..<bytes.count where bytes[index] == 58 || bytes[index] == 61 {  // ":" or "="
            guard let rank = keyRank(before: index, in: bytes), best == nil || rank < best!.rank,
                  let date = value(after: index + 1, in: bytes) else { continue }
            best = (rank, date)
            if rank == 0 { break }
        }
        return best?.date
    }

    /// The listed key ending before a ":" or "=" (past quotes, backslashes, spaces and `&quot;`).
    private static func keyRank(before separator: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var end = separator
        while end > 0 {
            let byte = bytes[end - 1]
            if byte == 34 || byte == 39 || byte == 92 || byte == 32 { end -= 1; continue }
            if byte == 59, end >= 6, bytes[end - 6] == 38, bytes[end - 5] == 113 { end -= 6; continue }  // &quot;
            break
        }
        var start = end
        while start > 0, end - start <= longestKey {
            let byte = bytes[start - 1]
            guard (byte | 0x20 >= 97 && byte | 0x20 <= 122) || byte == 95 || byte == 45 else { break }
            start -= 1
        }
        let length = end - start
        guard length >= 7, length <= longestKey else { return nil }
        return keyBytes.firstIndex { key in
            key.count == length && key.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress! + start, length) == 0 }
        }
    }

    /// The date after the separator: quotes and spaces skipped, then digits, "-", ":", "T", "Z", "+", ".".
    private static func value(after separator: Int, in bytes: UnsafeBufferPointer<UInt8>) -> PublicationDate? {
        var index = separator
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 34 || byte == 39 || byte == 92 || byte == 32 { index += 1; continue }
            if byte == 38, index + 6 <= bytes.count, bytes[index + 1] == 113, bytes[index + 5] == 59 { index += 6; continue }
            break
        }
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
