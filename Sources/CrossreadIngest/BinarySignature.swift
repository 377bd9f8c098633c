/// The opening bytes of common binary formats that are never articles (images, archives, PDF,
/// media, executables), so such a file is refused with what it is rather than read as noise.
enum BinarySignature {
    private static let signatures: [(magic: [UInt8], offset: Int, name: String)] = [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0, "a PNG image"),
        ([0xFF, 0xD8, 0xFF], 0, "a JPEG image"),
        (Array("GIF87a".utf8), 0, "a GIF image"),
        (Array("GIF89a".utf8), 0, "a GIF image"),
        (Array("WEBP".utf8), 8, "a WebP image"),
        (Array("%PDF-".utf8), 0, "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], 0, "a zip archive (or an Office document)"),
        ([0x50, 0x4B, 0x05, 0x06], 0, "an empty zip archive"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], 0, "a 7-Zip archive"),
        (Array("Rar!".utf8), 0, "a RAR archive"),
        ([0x31, 0x41, 0x59, 0x26, 0x53, 0x59], 4, "bzip2-compressed data"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], 0, "xz-compressed data"),
        ([0x28, 0xB5, 0x2F, 0xFD], 0, "zstd-compressed data"),
        (Array("SQLite format 3".utf8) + [0], 0, "an SQLite database"),
        ([0x7F, 0x45, 0x4C, 0x46], 0, "an ELF executable"),
        (Array("ftyp".utf8), 4, "an MP4 or QuickTime video"),
        (Array("OggS".utf8), 0, "an Ogg media file"),
        (Array("ID3".utf8) + [3, 0], 0, "an MP3 audio file"),
        (Array("ID3".utf8) + [4, 0], 0, "an MP3 audio file"),
        (Array("wOFF".utf8), 0, "a web font"),
        (Array("wOF2".utf8), 0, "a web font"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], 0, "an old Office document"),
    ]

    /// What the bytes are, when they open with a known binary signature.
    static func name(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
        for signature in signatures where signature.offset + signature.magic.count <= bytes.count {
            var matches = true
            for (index, byte) in signature.magic.enumerated() where bytes[signature.offset + index] != byte {
                matches = false
                break
            }
            if matches { return signature.name }
        }
        return nil
    }
}
