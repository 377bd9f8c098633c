import Foundation

/// Reads a `.gz` file through `/bin/gzip` (the gates' corpora are gzip files; tests need no zlib).
enum Gunzip {
    static var available: Bool {
        if FileManager.default.isExecutableFile(atPath: "/bin/gzip") { return true }
        FileHandle.standardError.write(Data("skipped: /bin/gzip is absent\n".utf8))
        return false
    }

    static func bytes(_ url: URL) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }
}
