/// Turns raw feature counts into one vector whose dot product with another is the weighted sum of
/// per-channel cosines: sublinear TF (1 + ln tf) times IDF ln((N + 1) / (df + 0.5)), which
/// falls to nearly zero for a feature every document has (in a corpus all about two leaders, their names
/// tell no story from another),
/// L2-normalized per channel, scaled by the square root of the channel's weight.
struct TermWeighting: Sendable {
    var documentCount = 0
    var documentFrequency: [UInt64: Int32] = [:]

    mutating func count(_ features: DocumentFeatures) {
        documentCount += 1
        for key in features.counts.keys { documentFrequency[key, default: 0] += 1 }
    }

    /// Discriminative IDF for stories: a feature every document shares weighs almost nothing.
    func idf(_ key: UInt64) -> Double {
        let df = Double(documentFrequency[key] ?? 0)
        return log(Double(documentCount + 1) / (df + 0.5))
    }

    /// Smoothed IDF for topics (ln((N + 1) / (df + 1)) + 1): what most documents share, the subject,
    /// still counts.
    func smoothIDF(_ key: UInt64) -> Double {
        let df = Double(documentFrequency[key] ?? 0)
        return log(Double(documentCount + 1) / (df + 1)) + 1
    }

    func vector(_ features: DocumentFeatures, options: StoryOptions) -> SparseVector {
        vector(features, channelWeights: [options.wordWeight, options.nameWeight, options.timeWeight, 0], smooth: false)
    }

    /// The vector topics compare: words and names with smoothed IDF, no time.
    func topicVector(_ features: DocumentFeatures, options: StoryOptions) -> SparseVector {
        vector(features, channelWeights: [1 - options.topicNameWeight, options.topicNameWeight, 0, 0], smooth: true)
    }

    /// The vector of what kind of event a document reports (its lead's `EventKinds`), unit length.
    func kindVector(_ features: DocumentFeatures) -> SparseVector {
        vector(features, channelWeights: [0, 0, 0, 1], smooth: false)
    }

    func vector(_ features: DocumentFeatures, channelWeights: [Double], smooth: Bool) -> SparseVector {
        TermWeighting.vector(features, channelWeights: channelWeights) { smooth ? smoothIDF($0) : idf($0) }
    }

    /// Sublinear TF times `inverseFrequency(key)`, L2-normalized per channel and scaled by the square root
    /// of the channel's weight.
    static func vector(_ features: DocumentFeatures, channelWeights: [Double],
                       inverseFrequency: (UInt64) -> Double) -> SparseVector {
        var channelNorm = [Double](repeating: 0, count: FeatureChannel.allCases.count)
        var weighted: [(UInt64, Double)] = []
        weighted.reserveCapacity(features.counts.count)
        for (key, count) in features.counts where count > 0 {
            let weight = (1 + log(Double(count))) * inverseFrequency(key)
            weighted.append((key, weight))
            channelNorm[Int(FeatureChannel.of(key).rawValue)] += weight * weight
        }
        let scale = channelNorm.indices.map { channelNorm[$0] > 0 ? (channelWeights[$0] / channelNorm[$0]).squareRoot() : 0 }
        weighted.sort { $0.0 < $1.0 }
        var vector = SparseVector()
        vector.keys.reserveCapacity(weighted.count)
        vector.values.reserveCapacity(weighted.count)
        for (key, weight) in weighted where scale[Int(FeatureChannel.of(key).rawValue)] > 0 {
            vector.keys.append(key)
            vector.values.append(weight * scale[Int(FeatureChannel.of(key).rawValue)])
        }
        return vector
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
