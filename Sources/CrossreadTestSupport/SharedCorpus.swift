import Foundation

/// Locates the development corpora in `../shared` beside the repository. Tests that need them
/// skip with a clear message where the folder is absent.
public enum SharedCorpus {
    /// `../shared` relative to the package root, if it exists.
    public static var root: URL? {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                let shared = dir.deletingLastPathComponent().appendingPathComponent("shared")
                return FileManager.default.fileExists(atPath: shared.path) ? shared : nil
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// A path under `../shared`, or nil (and a note on standard error) when it is absent.
    public static func path(_ relative: String) -> URL? {
        guard let root else {
            FileHandle.standardError.write(Data("skipped: ../shared is absent beside the repository (\(relative))\n".utf8))
            return nil
        }
        let url = root.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            FileHandle.standardError.write(Data("skipped: ../shared/\(relative) is absent\n".utf8))
            return nil
        }
        return url
    }

    /// The package root (the folder holding Package.swift).
    public static var packageRoot: URL {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        return dir
    }
}
