import CrossreadCore
import Foundation

/// `corpus-eval generate --articles GROUND_TRUTH_JSON [--ecb FOLDER] --count N --out PREFIX [--parts P]`:
/// writes N generated articles (the families of `VariantGenerator`: variants and composites of real
/// articles read at run time, dated over a year in order) as JSON Lines, in P files PREFIX-000.jsonl...
/// (articles dealt round-robin, so every part spans the year), for the pipeline and worker benchmarks.
/// Each record has `text`, `title`, `published`, `url` and the generator's `family`.
enum GenerateCommand {
    static func run(_ arguments: [String]) throws {
        func value(_ flag: String) -> String? {
            arguments.firstIndex(of: flag).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        }
        guard let articlesPath = value("--articles"), let count = value("--count").flatMap(Int.init), count > 0,
              let prefix = value("--out") else {
            print("usage: corpus-eval generate --articles GROUND_TRUTH_JSON [--ecb FOLDER] --count N --out PREFIX [--parts P]")
            exit(2)
        }
        let parts = max(1, value("--parts").flatMap(Int.init) ?? 1)
        let texts = try DuplicatesBenchmark.articleTexts(articlesPath: articlesPath, ecbFolder: value("--ecb"))
        var generator = VariantGenerator(articles: texts, seed: 17)
        var handles: [FileHandle] = []
        for part in 0..<parts {
            let path = prefix + "-" + String(format: "%03d", part) + ".jsonl"
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
            handles.append(handle)
        }
        var buffers = Array(repeating: [UInt8](), count: parts)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        struct Record: Encodable { var text: String; var title: String; var published: String; var url: String; var family: Int }
        var made = 0
        while made < count {
            for text in generator.nextFamily(limit: count - made) {
                let date = VariantGenerator.date(made, of: count)
                let record = Record(text: text, title: VariantGenerator.headline(of: text),
                                    published: String(format: "%04d-%02d-%02d", date.year, date.month, date.day),
                                    url: "https://generated.example/\(made)", family: generator.family)
                let part = made % parts
                buffers[part] += try encoder.encode(record)
                buffers[part].append(0x0A)
                if buffers[part].count > 1 << 20 {
                    handles[part].write(Data(buffers[part]))
                    buffers[part].removeAll(keepingCapacity: true)
                }
                made += 1
            }
        }
        for (handle, buffer) in zip(handles, buffers) {
            handle.write(Data(buffer))
            try handle.close()
        }
        FileHandle.standardError.write(Data("generated \(made) articles in \(parts) files \(prefix)-*.jsonl\n".utf8))
    }
}
