#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts a stream of chunks into lines (LF or CRLF), holding only the unfinished line between
/// chunks. A line longer than `maxLineBytes` is not kept: it is counted and reported as too large.
struct LineSplitter {
    /// One line: its bytes without the line break, or the size of a line that was too large.
    enum Line {
        case bytes(ArraySlice<UInt8>)
        case tooLarge(Int)
    }

    let maxLineBytes: Int
    private var pending: [UInt8] = []
    /// Bytes of the current line seen so far when it already exceeds the limit (pending is then empty).
    private var overflow = 0
    /// The 1-based number of the line most recently handed on.
    private(set) var lineNumber = 0

    init(maxLineBytes: Int) {
        self.maxLineBytes = maxLineBytes
    }

    mutating func feed(_ chunk: [UInt8], _ body: (Int, Line) throws -> Void) rethrows {
        var start = 0
        while start < chunk.count {
            let newline = chunk.withUnsafeBufferPointer { buffer -> Int? in
                guard let found = memchr(buffer.baseAddress! + start, 10, buffer.count - start) else { return nil }
                return buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            let end = newline ?? chunk.count
            if overflow > 0 {
                overflow += end - start
            } else if pending.count + (end - start) > maxLineBytes + 1 {
                overflow = pending.count + (end - start)
                pending = []
            } else if newline != nil, pending.isEmpty {
                lineNumber += 1
                let line = trimmingCR(chunk[start..<end])
                try body(lineNumber, line.count > maxLineBytes ? .tooLarge(line.count) : .bytes(line))
                start = end + 1
                continue
            } else {
                pending.append(contentsOf: chunk[start..<end])
            }
            guard newline != nil else { break }
            try finishLine(body)
            start = end + 1
        }
    }

    /// Hands on the last line when the stream does not end with a line break.
    mutating func finish(_ body: (Int, Line) throws -> Void) rethrows {
        if overflow > 0 || !pending.isEmpty { try finishLine(body) }
    }

    private mutating func finishLine(_ body: (Int, Line) throws -> Void) rethrows {
        lineNumber += 1
        if overflow > 0 {
            let size = overflow
            overflow = 0
            try body(lineNumber, .tooLarge(size))
        } else {
            let line = pending
            pending.removeAll(keepingCapacity: true)
            let trimmed = trimmingCR(line[...])
            if trimmed.count > maxLineBytes {
                try body(lineNumber, .tooLarge(trimmed.count))
            } else {
                try body(lineNumber, .bytes(trimmed))
            }
        }
    }

    private func trimmingCR(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.last == 13 ? line.dropLast() : line
    }
}
