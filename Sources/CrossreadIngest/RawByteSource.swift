#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Undecoded bytes from an open file descriptor or from memory, read in large chunks.
/// Does not own the descriptor: whoever opened it closes it.
struct RawByteSource {
    private enum Origin {
        case descriptor(Int32)
        case memory([UInt8], offset: Int)
    }

    private var origin: Origin
    private(set) var ended = false

    static func descriptor(_ fd: Int32) -> RawByteSource { RawByteSource(origin: .descriptor(fd)) }
    static func memory(_ bytes: [UInt8]) -> RawByteSource { RawByteSource(origin: .memory(bytes, offset: 0)) }

    /// Appends up to `count` bytes to `buffer` with as few system calls as the descriptor allows
    /// (one for a regular file). Returns `.end` once nothing is left.
    mutating func append(to buffer: inout [UInt8], upTo count: Int) -> StreamStatus {
        guard count > 0 else { return ended ? .end : .more }
        switch origin {
        case .memory(let bytes, let offset):
            let take = min(count, bytes.count - offset)
            if take > 0 { buffer.append(contentsOf: bytes[offset..<(offset + take)]) }
            origin = .memory(bytes, offset: offset + take)
            if offset + take >= bytes.count { ended = true }
            return ended ? .end : .more
        case .descriptor(let fd):
            let start = buffer.count
            buffer.reserveCapacity(start + count)
            var filled = 0
            // Grow the array without zero-filling twice: append the room, read into it, trim.
            buffer.append(contentsOf: repeatElement(0, count: count))
            defer { buffer.removeLast(count - filled) }
            while filled < count {
                let got = buffer.withUnsafeMutableBytes { raw -> Int in
                    Glibc.read(fd, raw.baseAddress! + start + filled, count - filled)
                }
                if got < 0 {
                    if errno == EINTR { continue }
                    return .failed(.system(SystemError.message(errno)))
                }
                if got == 0 {
                    ended = true
                    return .end
                }
                filled += got
            }
            return .more
        }
    }
}
