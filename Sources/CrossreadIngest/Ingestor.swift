#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CrossreadCore

/// Reads what users point Crossread at (files, folders, standard input, bytes) into raw articles,
/// handing each article or failure on as soon as it is read, without loading a corpus into memory.
public struct Ingestor: Sendable {
    public let options: IngestOptions

    public init(options: IngestOptions = .init()) {
        self.options = options.clamped
    }

    /// Reads paths in order ("-" is standard input; folders recursively, sorted, hidden files
    /// skipped), calling `handle` for each article or failure as soon as it is read.
    public func read(paths: [String], _ handle: (IngestEvent) throws -> Void) rethrows {
        try read(paths: paths, fileDone: { _, _ in }, handle)
    }

    /// As `read(paths:_:)`, also calling `fileDone` with each input's path and size once it was read
    /// (standard input has no known size: 0).
    public func read(paths: [String], fileDone: (_ path: String, _ bytes: Int) -> Void,
                     _ handle: (IngestEvent) throws -> Void) rethrows {
        var visited = Set<DirectoryIdentity>()
        for path in paths {
            if path == "-" {
                try InputReader(options: options, source: "stdin", knownSize: nil)
                    .read(.descriptor(STDIN_FILENO), handle)
                fileDone("stdin", 0)
            } else {
                try visit(path, explicit: true, visited: &visited, fail: handle) { file, size in
                    try readFile(file, size: size, handle)
                    fileDone(file, size ?? 0)
                }
            }
        }
    }

    /// The files `read(paths:)` would read and their total size, found without reading them
    /// (for progress displays). Unreadable paths are left out; standard input counts as one file.
    public func plan(paths: [String]) -> (files: Int, bytes: Int) {
        var visited = Set<DirectoryIdentity>()
        var files = 0, bytes = 0
        for path in paths {
            if path == "-" { files += 1; continue }
            visit(path, explicit: true, visited: &visited, fail: { _ in }) { _, size in
                files += 1
                bytes += size ?? 0
            }
        }
        return (files, bytes)
    }

    /// Reads one in-memory input (bytes with a name, whose extension counts as a hint).
    public func read(bytes: [UInt8], source: String, _ handle: (IngestEvent) throws -> Void) rethrows {
        try InputReader(options: options, source: source, knownSize: bytes.count).read(.memory(bytes), handle)
    }

    /// A folder's device and inode, so a symbolic-link loop is walked once.
    private struct DirectoryIdentity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    /// Walks `path` (a file, or a folder recursively), calling `file` for each file to read and
    /// `fail` for paths that cannot be walked.
    private func visit(_ path: String, explicit: Bool, visited: inout Set<DirectoryIdentity>,
                       fail handle: (IngestEvent) throws -> Void,
                       _ file: (_ path: String, _ size: Int?) throws -> Void) rethrows {
        var info = stat()
        if !explicit {
            guard lstat(path, &info) == 0 else { return try failSystem(path, errno, handle) }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard options.followSymlinks else { return }
                guard stat(path, &info) == 0 else { return try failSystem(path, errno, handle) }
            }
        } else if stat(path, &info) != 0 {
            return try failSystem(path, errno, handle)
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            let identity = DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            guard visited.insert(identity).inserted else { return }
            try walk(path, visited: &visited, fail: handle, file)
        case S_IFREG:
            try file(path, Int(info.st_size))
        default:
            // Pipes and devices are read when named (process substitution), skipped inside folders.
            if explicit { try file(path, nil) }
        }
    }

    private func readFile(_ path: String, size: Int?, _ handle: (IngestEvent) throws -> Void) rethrows {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return try failSystem(path, errno, handle) }
        defer { close(fd) }
        try InputReader(options: options, source: path, knownSize: size).read(.descriptor(fd), handle)
    }

    private func walk(_ folder: String, visited: inout Set<DirectoryIdentity>,
                      fail handle: (IngestEvent) throws -> Void,
                      _ file: (_ path: String, _ size: Int?) throws -> Void) rethrows {
        guard let directory = opendir(folder) else { return try failSystem(folder, errno, handle) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        closedir(directory)
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        for name in names {
            try visit(prefix + name, explicit: false, visited: &visited, fail: handle, file)
        }
    }

    private func failSystem(_ path: String, _ code: Int32, _ handle: (IngestEvent) throws -> Void) rethrows {
        try handle(.failure(IngestFailure.system(SystemError.message(code)).error(source: path)))
    }
}
