extension TextCleaner {
    /// Settings of the plain-text cleaner, with defaults tuned on the development corpora.
    public struct Options: Sendable, Equatable, Codable {
        /// The line model: log-odds that a line is body.
        public var model: BodyModel
        /// Cost, in log-odds, of entering or leaving the body: higher keeps the body in fewer,
        /// longer stretches and drops isolated prose in page furniture.
        public var switchCost: Double
        /// Added to every line's log-odds: above zero keeps more, below zero keeps less.
        public var bias: Double
        /// Body stretches at most this many lines from the main stretch join it.
        public var joinGap: Int
        /// A body stretch farther away stays only when it holds this share of the main
        /// stretch's text.
        public var farShare: Double
        /// Drop the "* " or "+ " marker of a kept list item.
        public var stripBullets: Bool

        public init(model: BodyModel = .standard, switchCost: Double = 0.5, bias: Double = 0.5,
                    joinGap: Int = 10, farShare: Double = 0.3, stripBullets: Bool = true) {
            self.model = model
            self.switchCost = switchCost
            self.bias = bias
            self.joinGap = joinGap
            self.farShare = farShare
            self.stripBullets = stripBullets
        }

        /// Reads options from a configuration file: every key is optional and falls back to
        /// its default.
        public init(from decoder: any Decoder) throws {
            let defaults = Options()
            let c = try decoder.container(keyedBy: CodingKeys.self)
            model = try c.decodeIfPresent(BodyModel.self, forKey: .model) ?? defaults.model
            switchCost = try c.decodeIfPresent(Double.self, forKey: .switchCost) ?? defaults.switchCost
            bias = try c.decodeIfPresent(Double.self, forKey: .bias) ?? defaults.bias
            joinGap = try c.decodeIfPresent(Int.self, forKey: .joinGap) ?? defaults.joinGap
            farShare = try c.decodeIfPresent(Double.self, forKey: .farShare) ?? defaults.farShare
            stripBullets = try c.decodeIfPresent(Bool.self, forKey: .stripBullets) ?? defaults.stripBullets
        }
    }
}
