import CZlib

/// Streams gzip (and zlib, or raw deflate) data through zlib's `inflate`, member after member,
/// reading compressed bytes from a `RawByteSource` on demand, and remembers where each gzip member
/// starts (a `.warc.gz` holds one record a member). Owns its `z_stream` on the heap so its address is stable.
final class GzipInflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var input: [UInt8] = []
    private var inputOffset = 0
    /// The offset in the compressed input of `input[0]`.
    private var inputBase = 0
    /// Decompressed bytes produced so far.
    private var producedTotal = 0
    /// Where recent members start, decompressed and compressed, oldest first (at most `maxMemberStarts`).
    private var memberStarts: [(decompressed: Int, compressed: Int)] = [(0, 0)]
    private var memberStartsHead = 0
    private static let maxMemberStarts = 1 << 16
    private var initialized = false
    private var finished = false
    /// Where zlib writes; copied out after each call (cheaper than growing the caller's array blindly).
    private let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 256 * 1024)
    private static let inputChunk = 256 * 1024

    /// The two bytes every gzip stream starts with.
    static func hasMagic(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// `pending` holds compressed bytes already read from `raw` (at least the magic). `rawDeflate`
    /// reads deflate data without a gzip or zlib header (as some servers send `Content-Encoding: deflate`).
    init(pending: [UInt8], rawDeflate: Bool = false) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = pending
        initialized = inflateInit2_(stream, rawDeflate ? -15 : 15 + 32, zlibVersion(),
                                    Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    /// The compressed offset of the gzip member whose decompressed bytes start at `decompressed`, when
    /// one does. Asked in increasing order: members before `decompressed` are forgotten.
    func memberOffset(startingAt decompressed: Int) -> Int? {
        while memberStartsHead < memberStarts.count, memberStarts[memberStartsHead].decompressed < decompressed {
            memberStartsHead += 1
        }
        if memberStartsHead > 1024, memberStartsHead * 2 > memberStarts.count {
            memberStarts.removeFirst(memberStartsHead)
            memberStartsHead = 0
        }
        guard memberStartsHead < memberStarts.count, memberStarts[memberStartsHead].decompressed == decompressed else {
            return nil
        }
        return memberStarts[memberStartsHead].compressed
    }

    deinit {
        if initialized { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
        scratch.deallocate()
    }

    /// Appends up to `count` decompressed bytes to `buffer`.
    func append(to buffer: inout [UInt8], upTo count: Int, from raw: inout RawByteSource) -> StreamStatus {
        guard initialized else { return .failed(.corruptGzip("zlib could not start")) }
        if finished { return .end }
        var produced = 0
        while produced < count {
            if inputOffset >= input.count {
                inputBase += input.count
                input.removeAll(keepingCapacity: true)
                inputOffset = 0
                if !raw.ended, case .failed(let failure) = raw.append(to: &input, upTo: Self.inputChunk) {
                    return .failed(failure)
                }
                if input.isEmpty { return .failed(.truncatedGzip) }
            }
            let availableIn = input.count - inputOffset
            let room = min(count - produced, scratch.count)
            let code: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
                stream.pointee.next_in = inBuffer.baseAddress! + inputOffset
                stream.pointee.avail_in = UInt32(availableIn)
                stream.pointee.next_out = scratch.baseAddress!
                stream.pointee.avail_out = UInt32(room)
                return inflate(stream, Z_NO_FLUSH)
            }
            inputOffset += availableIn - Int(stream.pointee.avail_in)
            let made = room - Int(stream.pointee.avail_out)
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[0..<made]))
            produced += made
            producedTotal += made
            switch code {
            case Z_OK:
                continue
            case Z_BUF_ERROR:
                // No progress possible: more input is needed (fetched at the loop's top).
                if inputOffset < input.count { return .failed(.corruptGzip("no progress")) }
            case Z_STREAM_END:
                if startNextMember(from: &raw) { continue }
                finished = true
                return .end
            case Z_NEED_DICT, Z_DATA_ERROR:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "invalid data"
                return .failed(.corruptGzip(detail))
            case Z_MEM_ERROR:
                return .failed(.corruptGzip("out of memory"))
            default:
                return .failed(.corruptGzip("zlib error \(code)"))
            }
        }
        return .more
    }

    /// After one gzip member ends, continues with the next when the following bytes start another;
    /// anything else after a member (padding, junk) is ignored, as gzip does.
    private func startNextMember(from raw: inout RawByteSource) -> Bool {
        if input.count - inputOffset < 2, !raw.ended {
            input.removeFirst(inputOffset)
            inputBase += inputOffset
            inputOffset = 0
            _ = raw.append(to: &input, upTo: Self.inputChunk)
        }
        guard input.count - inputOffset >= 2, input[inputOffset] == 0x1f, input[inputOffset + 1] == 0x8b else {
            return false
        }
        if memberStarts.count >= Self.maxMemberStarts {
            // Nobody asks (not a WARC file): keep the list bounded.
            let dropped = memberStarts.count / 2
            memberStarts.removeFirst(dropped)
            memberStartsHead = max(0, memberStartsHead - dropped)
        }
        memberStarts.append((producedTotal, inputBase + inputOffset))
        return inflateReset(stream) == Z_OK
    }
}
