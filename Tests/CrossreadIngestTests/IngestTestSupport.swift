import CrossreadCore
import CZlib
import Foundation
@testable import CrossreadIngest

/// Collects every event of reading `bytes` named `name`.
func ingest(_ bytes: [UInt8], name: String, options: IngestOptions = .init()) -> [IngestEvent] {
    var events: [IngestEvent] = []
    Ingestor(options: options).read(bytes: bytes, source: name) { events.append($0) }
    return events
}

func ingest(_ text: String, name: String, options: IngestOptions = .init()) -> [IngestEvent] {
    ingest(Array(text.utf8), name: name, options: options)
}

func ingest(paths: [String], options: IngestOptions = .init()) -> [IngestEvent] {
    var events: [IngestEvent] = []
    Ingestor(options: options).read(paths: paths) { events.append($0) }
    return events
}

extension Array where Element == IngestEvent {
    var articles: [RawArticle] { compactMap(\.article) }
    var failures: [CrossreadError] { compactMap(\.failure) }
}

/// Compresses with zlib in gzip framing (window bits 15 + 16).
func gzip(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
    var stream = z_stream()
    precondition(deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                               zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK)
    defer { deflateEnd(&stream) }
    var input = bytes
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 64)
    let produced = input.withUnsafeMutableBufferPointer { inBuffer in
        output.withUnsafeMutableBufferPointer { outBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = UInt32(inBuffer.count)
            stream.next_out = outBuffer.baseAddress
            stream.avail_out = UInt32(outBuffer.count)
            precondition(deflate(&stream, Z_FINISH) == Z_STREAM_END)
            return outBuffer.count - Int(stream.avail_out)
        }
    }
    return Array(output[0..<produced])
}

/// A fresh temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "crossread-ingest-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let full = path + "/" + relative
        let folder = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String { try write(relative, Array(text.utf8)) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
