// Finds the article inside a whole page dumped as text: the densest stretch of prose among the menus.
import Foundation

/// Locates the article region of a page dump.
///
/// Every line gets a weight: prose counts for its words, other lines cost a little and marker
/// lines (share, subscribe, copyright) cost a lot. The article is the stretch with the largest
/// total (a maximum-subarray search), so menus, link lists and footers fall outside it while
/// the subheads and short lines between paragraphs stay in.
package enum MainContentLocator {
    package struct Line: Sendable {
        package var features: LineFeatures
        /// The reason a certain rule already gave, if any.
        package var certain: RemovalReason?
    }

    /// Indices of the article region, or nil when the page has no prose at all.
    package static func region(_ lines: [Line], settings: CleaningSettings) -> ClosedRange<Int>? {
        let weights = lines.map { weight($0, settings: settings) }
        guard var best = maximumSubarray(weights, in: weights.indices) else { return nil }
        // A second stretch of prose (an article split by a big inline block) joins when it is heavy enough.
        let total = weights[best].reduce(0, +)
        while true {
            let before = maximumSubarray(weights, in: 0..<best.lowerBound)
            let after = maximumSubarray(weights, in: (best.upperBound + 1)..<weights.count)
            let candidates = [before, after].compactMap { $0 }.filter { range in
                let gap = range.upperBound < best.lowerBound ? (range.upperBound + 1)..<best.lowerBound
                                                             : (best.upperBound + 1)..<range.lowerBound
                let cost = weights[gap].reduce(0, +)
                return weights[range].reduce(0, +) + cost >= settings.pageSecondaryRegionShare * total
                    && !lines[gap].contains { $0.certain == .comments || $0.certain == .footer }
            }
            guard let next = candidates.max(by: { weights[$0].reduce(0, +) < weights[$1].reduce(0, +) }) else { break }
            best = min(best.lowerBound, next.lowerBound)...max(best.upperBound, next.upperBound)
        }
        return best
    }

    static func weight(_ line: Line, settings: CleaningSettings) -> Double {
        if line.certain != nil { return -settings.pageMarkerPenalty }
        if isProse(line.features, settings: settings) { return Double(line.features.words) }
        return -settings.pageShortLinePenalty
    }

    package static func isProse(_ features: LineFeatures, settings: CleaningSettings) -> Bool {
        guard features.words >= settings.pageProseMinimumWords else { return false }
        return features.isCJK || features.stopwordShare >= settings.pageProseMinimumStopwordShare
    }

    /// Kadane's algorithm over a sub-range; nil when nothing in it has a positive total.
    static func maximumSubarray(_ weights: [Double], in range: Range<Int>) -> ClosedRange<Int>? {
        guard !range.isEmpty else { return nil }
        var best: (sum: Double, range: ClosedRange<Int>)?
        var sum = 0.0
        var start = range.lowerBound
        for index in range {
            if sum <= 0 { sum = 0; start = index }
            sum += weights[index]
            if sum > 0, sum > (best?.sum ?? 0) { best = (sum, start...index) }
        }
        return best?.range
    }
}
