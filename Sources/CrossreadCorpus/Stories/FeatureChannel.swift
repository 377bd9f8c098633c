/// The kinds of evidence stories and topics compare, each a separate TF-IDF space. A feature key
/// carries its channel in its top two bits. `kinds` holds what the headline and opening sentences say
/// happened (`EventKinds` of their common words): topics compare it, stories do not.
enum FeatureChannel: UInt64, CaseIterable, Sendable {
    case words = 0, names = 1, time = 2, kinds = 3

    func key(_ hash: UInt64) -> UInt64 { (hash & ~(UInt64(3) << 62)) | (rawValue << 62) }

    static func of(_ key: UInt64) -> FeatureChannel { FeatureChannel(rawValue: key >> 62) ?? .words }
}
