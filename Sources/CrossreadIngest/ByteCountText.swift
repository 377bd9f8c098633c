/// Sizes in words: `512 bytes`, `3.5 KB`, `52.4 MB` (binary units, one decimal, `.0` dropped).
enum ByteCountText {
    static func describe(_ bytes: Int) -> String {
        if bytes < 1024 { return bytes == 1 ? "1 byte" : "\(bytes) bytes" }
        if bytes < 1024 * 1024 { return oneDecimal(bytes, unit: 1024) + " KB" }
        if bytes < 1024 * 1024 * 1024 { return oneDecimal(bytes, unit: 1024 * 1024) + " MB" }
        return oneDecimal(bytes, unit: 1024 * 1024 * 1024) + " GB"
    }

    private static func oneDecimal(_ bytes: Int, unit: Int) -> String {
        let tenths = (bytes * 10 + unit / 2) / unit
        let whole = tenths / 10, fraction = tenths % 10
        return fraction == 0 ? "\(whole)" : "\(whole).\(fraction)"
    }
}
