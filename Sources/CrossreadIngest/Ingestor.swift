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
        var visited = Set<DirectoryIdentity>()
        for path in paths {
            if path == "-" {
                try InputReader(options: options, source: "stdin", knownSize: nil)
                    .read(.descriptor(STDIN_FILENO), handle)
            } else {
                try readPath(path, explicit: true, visited: &visited, handle)
            }
        }
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

    private func readPath(_ path: String, explicit: Bool, visited: inout Set<DirectoryIdentity>,
                          _ handle: (IngestEvent) throws -> Void) rethrows {
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
            try walk(path, visited: &visited, handle)
        case S_IFREG:
            try readFile(path, size: Int(info.st_size), handle)
        default:
            // Pipes and devices are read when named (process substitution), skipped inside folders.
            if explicit { try readFile(path, size: nil, handle) }
        }
    }

    private func readFile(_ path: String, size: Int?, _ handle: (IngestEvent) throws -> Void) rethrows {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return try failSystem(path, errno, handle) }
        defer { close(fd) }
        try InputReader(options: options, source: path, knownSize: size).read(.descriptor(fd), handle)
    }

    private func walk(_ folder: String, visited: inout Set<DirectoryIdentity>,
                      _ handle: (IngestEvent) throws -> Void) rethrows {
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
            try readPath(prefix + name, explicit: false, visited: &visited, handle)
        }
    }

    private func failSystem(_ path: String, _ code: Int32, _ handle: (IngestEvent) throws -> Void) rethrows {
        try handle(.failure(IngestFailure.system(SystemError.message(code)).error(source: path)))
    }
}
