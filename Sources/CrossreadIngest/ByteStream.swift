/// The bytes of one input as ingest reads them: straight from the file or memory, or gunzipped
/// on the fly when the input starts with the gzip magic bytes.
struct ByteStream {
    private var raw: RawByteSource
    private var pending: [UInt8] = []
    private let inflater: GzipInflater?
    /// True when the input is gzip-compressed.
    let isGzip: Bool

    /// Peeks at the first bytes of `raw` to tell whether it is gzip. `firstRead` is how many bytes
    /// to read at once (a regular file's whole size when it is small, so it takes one read).
    init(raw: RawByteSource, firstRead: Int) {
        var raw = raw
        var head: [UInt8] = []
        var status = raw.append(to: &head, upTo: max(2, firstRead))
        while head.count < 2, status == .more { status = raw.append(to: &head, upTo: 2 - head.count) }
        self.raw = raw
        if GzipInflater.hasMagic(head) {
            isGzip = true
            inflater = GzipInflater(pending: head)
        } else {
            isGzip = false
            inflater = nil
            pending = head
        }
        if case .failed = status { failure = status }
    }

    private var failure: StreamStatus?

    /// Appends up to `count` more (decompressed) bytes to `buffer`; `.more` means `count` were added.
    mutating func append(to buffer: inout [UInt8], upTo count: Int) -> StreamStatus {
        var wanted = count
        if !pending.isEmpty, buffer.isEmpty, wanted >= pending.count {
            // Hand over the bytes already read without copying them.
            swap(&buffer, &pending)
            wanted -= buffer.count
            if wanted == 0 { return raw.ended && failure == nil ? .end : .more }
        }
        if !pending.isEmpty {
            let take = min(wanted, pending.count)
            buffer.append(contentsOf: pending[0..<take])
            pending.removeFirst(take)
            wanted -= take
            if wanted == 0 { return pending.isEmpty && raw.ended && failure == nil ? .end : .more }
        }
        if let failure { return failure }
        if let inflater { return inflater.append(to: &buffer, upTo: wanted, from: &raw) }
        if raw.ended { return .end }
        return raw.append(to: &buffer, upTo: wanted)
    }

    /// The compressed offset of the gzip member whose decompressed bytes start at `offset`, when the
    /// input is gzip and a member starts there (asked in increasing order).
    func gzipMemberOffset(startingAt offset: Int) -> Int? {
        inflater?.memberOffset(startingAt: offset)
    }

    /// Reads and discards the rest, counting it, up to `cap` bytes; returns the count and whether
    /// the cap cut it short.
    mutating func drainCount(cap: Int) -> (bytes: Int, capped: Bool, status: StreamStatus) {
        var scratch: [UInt8] = []
        scratch.reserveCapacity(1 << 20)
        var total = 0
        while true {
            scratch.removeAll(keepingCapacity: true)
            let status = append(to: &scratch, upTo: 1 << 20)
            total += scratch.count
            if status != .more { return (total, false, status) }
            if total >= cap { return (total, true, .more) }
        }
    }
}
