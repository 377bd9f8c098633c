/// The second step of topic grouping: topics formed by shared words and names join in pairs by the
/// kind of event their articles report (`EventKinds` of their leads): two different fires, two
/// stays in rehab, two bank bombings. A topic joins the one whose articles are most like its own in
/// kind when that one, in turn, finds it the most alike, and their kind similarity reaches `floor` or
/// their subject similarity (words and names) reaches `subjectFloor`; one round, so kinds pair topics
/// and never chain them into a catch-all.
struct TopicPairing {
    var floor: Double
    var subjectFloor: Double

    /// Groups of story indices after pairing. `groups` are the topics as story indices; `storySums`
    /// the sums of each story's documents' kind vectors, `subjectSums` of their topic vectors;
    /// `storySizes` its number of documents.
    func pair(groups: [[Int]], storySums: [[UInt64: Double]], subjectSums: [[UInt64: Double]],
              storySizes: [Int]) -> [[Int]] {
        guard groups.count > 1, floor <= 1 else { return groups }
        // Each topic's average kind vector.
        let averages: [[UInt64: Double]] = groups.map { group in
            var sum: [UInt64: Double] = [:]
            for story in group { for (key, value) in storySums[story] { sum[key, default: 0] += value } }
            let size = Double(group.reduce(0) { $0 + storySizes[$1] })
            return size > 0 ? sum.mapValues { $0 / size } : sum
        }
        var postings: [UInt64: [Int]] = [:]
        for (topic, average) in averages.enumerated() {
            for key in average.keys { postings[key, default: []].append(topic) }
        }
        // A kind most topics share ("event", "act") finds no pair worth comparing: skipping it bounds
        // the candidates per topic.
        let maximumPosting = max(64, Int(Double(groups.count).squareRoot() * 4))
        var closest = [(topic: Int, similarity: Double)?](repeating: nil, count: groups.count)
        for (topic, average) in averages.enumerated() {
            var candidates = Set<Int>()
            for key in average.keys {
                guard let list = postings[key], list.count <= maximumPosting else { continue }
                for other in list where other != topic { candidates.insert(other) }
            }
            for other in candidates.sorted() {
                let dot = sparseDot(average, averages[other])
                if dot > (closest[topic]?.similarity ?? 0) { closest[topic] = (other, dot) }
            }
        }
        func subjectSimilarity(_ a: [Int], _ b: [Int]) -> Double {
            var sum: [UInt64: Double] = [:]
            for story in a { for (key, value) in subjectSums[story] { sum[key, default: 0] += value } }
            var dot = 0.0
            for story in b { for (key, value) in subjectSums[story] { if let weight = sum[key] { dot += value * weight } } }
            let sizes = Double(a.reduce(0) { $0 + storySizes[$1] } * b.reduce(0) { $0 + storySizes[$1] })
            return sizes > 0 ? dot / sizes : 0
        }
        var result: [[Int]] = []
        for (topic, group) in groups.enumerated() {
            guard let best = closest[topic], closest[best.topic]?.topic == topic,
                  best.similarity >= floor || subjectSimilarity(group, groups[best.topic]) >= subjectFloor else {
                result.append(group)
                continue
            }
            if topic < best.topic { result.append((group + groups[best.topic]).sorted()) }
        }
        return result
    }
}
