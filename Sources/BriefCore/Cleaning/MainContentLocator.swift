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
        /// A label in a table ("Comments: 1664", a column's "Comment"), not a heading.
        package var isLabel = false
        /// A marker line over a list ("Related", "Sponsored Links").
        package var introducesList = false
        /// Words the page title holds as a part of its own ("Rocket down Eagles" in "The Daily News:
        /// Sports | Rocket down Eagles"): the story's headline, or the site's name.
        package var repeatsTitle = false
    }

    /// Indices of the article region, or nil when the page has no prose at all.
    package static func region(_ lines: [Line], titleTokens: WordKeys, settings: CleaningSettings) -> ClosedRange<Int>? {
        // Pages in a language without known function words are judged by length and punctuation alone.
        let long = lines.filter { $0.features.words >= settings.pageProseMinimumWords && !$0.features.isCJK }
        let knownLanguage = long.isEmpty
            || long.filter { $0.features.stopwordShare >= settings.pageProseMinimumStopwordShare }.count * 4 >= long.count
        let longCJK = lines.filter { $0.features.words >= settings.pageProseMinimumWords && $0.features.isCJK }
        let punctuatedCJK = longCJK.isEmpty || longCJK.filter(\.features.hasCJKPunctuation).count * 4 >= longCJK.count
        let weights = lines.map { line in
            var weight = weight(line, knownLanguage: knownLanguage, punctuatedCJK: punctuatedCJK, settings: settings)
            // Prose that shares words with the page title is more likely the article than a teaser.
            if weight > 0, !line.features.contentTokens.isDisjoint(with: titleTokens) { weight *= settings.pageTitleWordBonus }
            return weight
        }
        guard var best = maximumSubarray(weights, in: weights.indices) else { return nil }
        // A heaviest stretch under a repeat of the headline and its date or byline is the story
        // already; an earlier repeat is its teaser among others at the top of the page.
        let aboveBest = max(0, best.lowerBound - settings.pageHeadlineProseReach)..<best.lowerBound
        let underItsHeader = aboveBest.contains {
            lines[$0].repeatsTitle && headsArticle($0, before: best.lowerBound, lines: lines, settings: settings)
        }
        if !underItsHeader, let anchored = storyUnderHeadline(before: best, lines: lines, weights: weights, settings: settings) {
            // The story starts under its headline. It runs on to the heavier stretch unless readers'
            // comments or the page's footer stand between: then that stretch is theirs.
            let gap = lines[(anchored.upperBound + 1)..<best.lowerBound]
            best = gap.contains { $0.certain == .comments || $0.certain == .footer } ? anchored : anchored.lowerBound...best.upperBound
        }
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
        best = startingUnderHeadline(best, lines: lines, weights: weights, settings: settings)
        // Reader comments are prose too, but never the article, and they follow it: a comments
        // heading inside the region ends it once a real article stands before it.
        var prose = 0.0
        for index in best where weights[index] > 0 || lines[index].certain == .comments {
            if lines[index].certain == .comments, !lines[index].isLabel, prose >= Double(settings.pageMinimumArticleWords),
               index > best.lowerBound {
                return endingBeforeUnrelatedParts(best.lowerBound...(index - 1), lines: lines, weights: weights,
                                                 titleTokens: titleTokens, settings: settings)
            }
            prose += max(0, weights[index])
        }
        return endingBeforeUnrelatedParts(best, lines: lines, weights: weights, titleTokens: titleTokens, settings: settings)
    }

    /// The stretch of prose right under the page's headline, when the heaviest stretch lies further
    /// down: a short story outweighed by the readers' comments or the site's footer below it. A line
    /// the title holds with prose within `pageHeadlineProseReach` lines after it opens the stretch,
    /// which runs as far as it gains weight before the heaviest one; it wins with at least
    /// `pageHeadlineStoryShare` of that one's weight. The site's name at the top of the page has
    /// menus under it, not prose.
    static func storyUnderHeadline(before best: ClosedRange<Int>, lines: [Line], weights: [Double],
                                   settings: CleaningSettings) -> ClosedRange<Int>? {
        guard best.lowerBound > 0 else { return nil }
        let bestWeight = weights[best].reduce(0, +)
        // Running sums before the heaviest stretch, and for each line where the heaviest stretch
        // opening there ends (the first end on a tie): one pass, however many lines repeat the title.
        var running = [Double](repeating: 0, count: best.lowerBound + 1)
        for index in 0..<best.lowerBound { running[index + 1] = running[index] + weights[index] }
        var stretchEnd = [Int](repeating: best.lowerBound, count: best.lowerBound + 1)
        for index in stride(from: best.lowerBound - 2, through: 0, by: -1) {
            let later = stretchEnd[index + 1]
            stretchEnd[index] = running[index + 1] >= running[later] ? index + 1 : later
        }
        var chosen: (range: ClosedRange<Int>, weight: Double)?
        for headline in 0..<best.lowerBound where lines[headline].repeatsTitle {
            guard let opening = proseOpening(under: headline, before: best.lowerBound, weights: weights, settings: settings) else { continue }
            let end = stretchEnd[opening]
            let sum = running[end] - running[opening]
            guard sum >= settings.pageHeadlineStoryShare * bestWeight, sum > (chosen?.weight ?? 0) else { continue }
            chosen = (opening...(end - 1), sum)
        }
        return chosen?.range
    }

    /// Whether a date or byline line stands within `pageHeadlineProseReach` lines under a repeat of
    /// the headline, before `limit`: the article's own header, where a list naming the story has
    /// other headlines under it.
    private static func headsArticle(_ headline: Int, before limit: Int, lines: [Line], settings: CleaningSettings) -> Bool {
        let end = max(headline + 1, min(limit, headline + 1 + settings.pageHeadlineProseReach))
        return ((headline + 1)..<end).contains { lines[$0].certain == .metadata }
    }

    /// The first prose line within `pageHeadlineProseReach` lines under a headline, before `limit`.
    private static func proseOpening(under headline: Int, before limit: Int, weights: [Double],
                                     settings: CleaningSettings) -> Int? {
        let reach = min(limit, headline + 1 + settings.pageHeadlineProseReach)
        return ((headline + 1)..<reach).first { weights[$0] > 0 }
    }

    /// A region that takes in the page's headline past its start begins under it: what stands above
    /// a story's headline (teasers, readers' posts, a list of other stories) is not the story. The
    /// first such line with prose within `pageHeadlineProseReach` lines decides, when the prose under
    /// it holds at least `pageHeadlineRegionShare` of the region's. A region that opens right under
    /// the headline keeps its start.
    static func startingUnderHeadline(_ region: ClosedRange<Int>, lines: [Line], weights: [Double],
                                      settings: CleaningSettings) -> ClosedRange<Int> {
        // Already under its headline: a later repeat is a list of stories ("Most recent") naming this
        // one, unless a date or byline line stands under it. That is the article's own header, and the
        // first repeat a teaser of it among others at the top of the page.
        let above = max(0, region.lowerBound - settings.pageHeadlineProseReach)...region.lowerBound
        let underAHeadline = lines[above].contains(where: \.repeatsTitle)
        for headline in region where headline > region.lowerBound && headline < region.upperBound && lines[headline].repeatsTitle {
            guard proseOpening(under: headline, before: region.upperBound + 1, weights: weights, settings: settings) != nil else { continue }
            if underAHeadline, !headsArticle(headline, before: region.upperBound, lines: lines, settings: settings) { continue }
            let prose = { (range: ClosedRange<Int>) in weights[range].reduce(0) { $0 + max(0, $1) } }
            let under = (headline + 1)...region.upperBound
            let share = underAHeadline ? settings.pageHeadlineStoryShare : settings.pageHeadlineRegionShare
            return prose(under) >= share * prose(region) ? under : region
        }
        return region
    }

    /// A region that runs on across a marker line ("Related", "More headlines »") into prose that
    /// shares few words with the story has run into other stories' teasers, each a headline and
    /// its summary, which together outweigh the marker: it ends at the marker. Past the heaviest
    /// part, the region ends at the first marker after which the prose, taken to the region's end,
    /// shares too little with the title and the story up to that part, unless the part itself is
    /// heavy (`pageHeavyPartShare`) and its own prose shares enough: the story after a box of
    /// related links in its middle, followed by teasers. One paragraph between two advertisements
    /// may turn to new matters; a story goes on in its own words on the whole.
    /// Parts before the heaviest stay: a story may be shorter than the comments or teasers after it.
    /// Each line is judged once, so a page of thousands of markers costs no more than its lines.
    static func endingBeforeUnrelatedParts(_ region: ClosedRange<Int>, lines: [Line], weights: [Double],
                                           titleTokens: WordKeys, settings: CleaningSettings) -> ClosedRange<Int> {
        var parts: [ClosedRange<Int>] = []
        var start: Int?
        let teaserStarts = teaserRunStarts(region, weights: weights, settings: settings)
        for index in region {
            // An advertisement's slot inside a story parts nothing: the story goes on under it. A
            // label over a list of sponsored links ("Promoted Links") does.
            if weights[index] <= -settings.pageMarkerPenalty, lines[index].certain != .advertisement || lines[index].introducesList {
                if let first = start { parts.append(first...(index - 1)) }
                start = nil
            } else if teaserStarts.contains(index) {
                if let first = start { parts.append(first...(index - 1)) }
                start = index
            } else if start == nil {
                start = index
            }
        }
        if let first = start { parts.append(first...region.upperBound) }
        let sums = parts.map { weights[$0].reduce(0, +) }
        guard parts.count > 1, let heaviest = sums.indices.max(by: { sums[$0] < sums[$1] }) else { return region }
        // The story so far: the title and the prose up to the heaviest part.
        var vocabulary = Set(titleTokens.keys)
        for index in region.lowerBound...parts[heaviest].upperBound where weights[index] > 0 {
            vocabulary.formUnion(lines[index].features.contentTokens.keys)
        }
        // In each part and from each part to the region's end: how many prose lines, and how many
        // share enough of their words with the story so far (counted once, from the end backwards).
        var own = Array(repeating: ProseCount(), count: parts.count)
        var rest = own
        var total = ProseCount()
        for part in parts.indices.reversed() {
            for index in parts[part] where weights[index] > 0 {
                let keys = lines[index].features.contentTokens.keys
                let shared = keys.filter(vocabulary.contains).count
                let related = Double(shared) >= settings.pageRelatedLineShare * Double(max(1, keys.count))
                    || shared >= settings.pageRelatedLineMinimumSharedWords
                own[part].add(related: related)
            }
            total.add(own[part])
            rest[part] = total
        }
        // A heavy part goes on the story on its own words: the teasers after the story's end, which
        // share few, must not end it at the box of links in its middle.
        func goesOn(_ part: Int) -> Bool {
            rest[part].isRelated(settings)
                || (sums[part] >= settings.pageHeavyPartShare * sums[heaviest] && own[part].isRelated(settings))
        }
        var last = heaviest
        while last + 1 < parts.count, goesOn(last + 1) {
            last += 1
        }
        return region.lowerBound...parts[last].upperBound
    }

    /// Prose lines, and those among them that share enough words with the story so far.
    struct ProseCount {
        var prose = 0
        var related = 0

        mutating func add(related isRelated: Bool) {
            prose += 1
            if isRelated { related += 1 }
        }

        mutating func add(_ other: ProseCount) {
            prose += other.prose
            related += other.related
        }

        /// At least `pageRelatedPartShare` of the lines are related.
        func isRelated(_ settings: CleaningSettings) -> Bool {
            Double(related) >= settings.pageRelatedPartShare * Double(prose)
        }
    }

    /// Where runs of teasers start: a short line (another story's headline) and one line of prose
    /// (its summary), `pageTeaserRunPairs` times or more in a row, with the short lines right above
    /// them (the list's heading, "Around the region").
    static func teaserRunStarts(_ region: ClosedRange<Int>, weights: [Double], settings: CleaningSettings) -> Set<Int> {
        func isHeadline(_ index: Int) -> Bool {
            index <= region.upperBound && weights[index] < 0 && weights[index] > -settings.pageMarkerPenalty
        }
        func isPair(_ index: Int) -> Bool {
            isHeadline(index) && index + 1 <= region.upperBound && weights[index + 1] > 0
                && (index + 2 > region.upperBound || weights[index + 2] <= 0)
        }
        var starts = Set<Int>()
        var index = region.lowerBound
        while index <= region.upperBound {
            var end = index
            var pairs = 0
            while isPair(end) {
                pairs += 1
                end += 2
            }
            if pairs >= settings.pageTeaserRunPairs {
                var start = index
                while start > region.lowerBound, isHeadline(start - 1) { start -= 1 }
                starts.insert(start)
                index = end
            } else {
                index += 1
            }
        }
        return starts
    }

    static func weight(_ line: Line, knownLanguage: Bool, punctuatedCJK: Bool, settings: CleaningSettings) -> Double {
        switch line.certain {
        case .metadata?, .credit?, .caption?:
            // A story's own furniture (its date line, its agency, a picture's credit) weighs as the
            // short line it is, not as a page's marker.
            return -settings.pageShortLinePenalty
        case .some:
            return -settings.pageMarkerPenalty
        case nil:
            return isProse(line.features, knownLanguage: knownLanguage, punctuatedCJK: punctuatedCJK, settings: settings)
                ? Double(line.features.words) : -settings.pageShortLinePenalty
        }
    }

    package static func isProse(_ features: LineFeatures, knownLanguage: Bool, punctuatedCJK: Bool,
                                settings: CleaningSettings) -> Bool {
        guard features.words >= settings.pageProseMinimumWords else { return false }
        // CJK prose has sentence punctuation (。、，); link titles and menu lines seldom do,
        // unless the page is written without it.
        if features.isCJK { return features.hasCJKPunctuation || !punctuatedCJK }
        return !knownLanguage || features.stopwordShare >= settings.pageProseMinimumStopwordShare
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
