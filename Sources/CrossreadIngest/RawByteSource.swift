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
    /// One read never asks for more than this; callers loop on `.more`.
    static let largestRead = 64 * 1024 * 1024
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
            let count = min(count, Self.largestRead)
            var failure: Int32 = 0
            // Read into fresh uninitialized storage (no zero-filling), then hand it over or append it.
            let chunk = [UInt8](unsafeUninitializedCapacity: count) { storage, initialized in
                initialized = 0
                while initialized < count {
                    let got = Glibc.read(fd, storage.baseAddress! + initialized, count - initialized)
                    if got < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if got == 0 {
                        ended = true
                        return
                    }
                    initialized += got
                }
            }
            if buffer.isEmpty { buffer = chunk } else { buffer.append(contentsOf: chunk) }
            if failure != 0 { return .failed(.system(SystemError.message(failure))) }
            return ended ? .end : .more
        }
    }
}
