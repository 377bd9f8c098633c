/// A `ByteStream` read through a buffer, for parsers that read lines, exact byte counts and skips
/// and need to know where they are (the WARC reader). Keeps at most one read chunk beyond what the
/// caller asked for, so skipping a large record never holds it in memory.
struct BufferedByteStream {
    private var stream: ByteStream
    private var buffer: [UInt8]
    private var position = 0
    /// The offset in the (decompressed) stream of `buffer[0]`.
    private var bufferStart = 0
    /// The status of the last read from the stream: `.more` while bytes may follow.
    private(set) var status: StreamStatus
    private static let chunkSize = 1 << 20

    /// `head` holds the stream's first bytes, already read, and `status` the state after reading them.
    init(stream: ByteStream, head: [UInt8], status: StreamStatus) {
        self.stream = stream
        self.buffer = head
        self.status = status
    }

    /// The offset of the next unread byte in the (decompressed) stream.
    var offset: Int { bufferStart + position }

    /// Unread bytes in the buffer.
    var available: Int { buffer.count - position }

    /// The compressed offset of the gzip member that starts at the next unread byte, when one does.
    func gzipMemberOffset() -> Int? { stream.gzipMemberOffset(startingAt: offset) }

    /// Reads until at least `count` unread bytes are buffered; false when the stream ends first.
    mutating func fill(_ count: Int) -> Bool {
        while available < count, status == .more {
            dropConsumed()
            status = stream.append(to: &buffer, upTo: max(Self.chunkSize, count - available))
        }
        return available >= count
    }

    /// The next unread byte, not consumed; nil at the end.
    mutating func peek() -> UInt8? {
        fill(1) ? buffer[position] : nil
    }

    /// The next line without its line break (LF or CRLF) and the bytes it took with its break; nil
    /// when no line break comes within `limit` bytes or before the end.
    mutating func readLine(limit: Int) -> (line: [UInt8], consumed: Int)? {
        var searched = 0
        while true {
            if let newline = buffer[(position + searched)...].firstIndex(of: 10) {
                let length = newline - position
                guard length < limit else { return nil }
                var end = newline
                if end > position, buffer[end - 1] == 13 { end -= 1 }
                let line = Array(buffer[position..<end])
                position = newline + 1
                return (line, length + 1)
            }
            searched = available
            guard searched < limit, fill(searched + 1) else { return nil }
        }
    }

    /// Up to `count` next bytes (fewer only when the stream ends first).
    mutating func read(_ count: Int) -> [UInt8] {
        _ = fill(count)
        let take = min(count, available)
        let bytes = Array(buffer[position..<(position + take)])
        position += take
        return bytes
    }

    /// Consumes up to `count` bytes without keeping them; returns how many there were.
    mutating func skip(_ count: Int) -> Int {
        var remaining = count
        while remaining > 0 {
            if available == 0 {
                dropConsumed()
                guard status == .more else { break }
                status = stream.append(to: &buffer, upTo: min(Self.chunkSize, remaining))
                continue
            }
            let take = min(available, remaining)
            position += take
            remaining -= take
        }
        return count - remaining
    }

    /// Forgets consumed bytes once they are a whole chunk or all of the buffer.
    private mutating func dropConsumed() {
        guard position > 0, position >= buffer.count || position >= Self.chunkSize else { return }
        buffer.removeSubrange(0..<position)
        bufferStart += position
        position = 0
    }
}
