// Finds the story among a page's blocks: score containers, keep the best one, fall back when too little is left.
import Foundation

/// Thresholds of main-content selection, named so they can be tuned in one place.
public struct HTMLExtractionSettings: Sendable, Equatable {
    /// Blocks with fewer bytes of non-link text are fragments (menu items, buttons, labels).
    public var fragmentLength = 25
    /// What a fragment costs a container: a run of them is a menu, not a story.
    public var fragmentPenalty = 8.0
    /// What each byte of link text costs a container.
    public var linkPenalty = 3.0
    /// Blocks with less link text than this pay no link penalty.
    public var tolerableLinkDensity = 0.33
    /// What each comma or full stop adds: sentences are prose.
    public var punctuationBonus = 4.0
    /// Share of its prose a container named as the story (`article`, `entry-content`) earns on top.
    public var articleContainerBonus = 0.25
    /// Kept blocks inside the winner with more link text than this (and shorter than
    /// `linkHeavyLength`) are link lists, not prose. As in trafilatura, only mostly-link blocks:
    /// a sentence about the story that links half its words (bug lists, sources) is prose.
    public var maximumLinkDensity = 0.8
    public var linkHeavyLength = 240
    /// A weak chrome verdict (class `sidebar-right`, say) is void on a container that holds more than this
    /// share of the page's prose, and at least `chromeVoidMinimum` of it: layout wrappers carry such names too.
    public var chromeVoidShare = 0.4
    public var chromeVoidMinimum = 800.0
    /// ...but not when the page's one `h1` has this much prose around it outside that container
    /// (text value, about bytes): the story stands under its headline, and the named box beside it
    /// (a sidebar's contact box, a rail) is what its name says however long it runs.
    public var headlineStoryMinimum = 300.0
    /// A paragraph directly beside the winning container joins the story with at least this much
    /// non-link text and less link text than this share.
    public var siblingProseLength = 80
    public var siblingMaximumLinkDensity = 0.25
    /// This many bare fragments in a row inside the story are widget chrome.
    public var fragmentRunLength = 3
    /// A heading with more link text than this is another article's headline (a kicker may stand unlinked beside it).
    public var linkedHeadlineDensity = 0.5
    /// How many blocks after a linked heading may hold the paragraph that tells whether the heading
    /// is the story's own subhead (see `subheadSharedShare`).
    public var subheadReach = 3
    /// A linked heading stays as the story's subhead when that paragraph holds at least this share
    /// of its words of four letters or more.
    public var subheadSharedShare = 0.6
    /// A container of at most this many blocks that holds a linked headline is a teaser card: its
    /// text does not count as the story's prose when containers are scored.
    public var teaserCardMaximumBlocks = 4
    /// A teaser list: at least this many items in a row, each a linked headline (at most
    /// `teaserHeadlineMaximumLength` bytes) directly followed by a one-line summary of at most
    /// `teaserSummaryMaximumLength` bytes with little link text (`dt`/`dd` pairs, `h3 > a` + `p`).
    /// Such a run lists other articles, wherever it stands: its summaries are not the story's prose.
    public var teaserListMinimumItems = 3
    public var teaserHeadlineMaximumLength = 160
    public var teaserSummaryMaximumLength = 320
    /// A container that holds the page's one `h1` and scores at least this share of the winner's score
    /// wins over a winner elsewhere (a contact box, a list beside the story): the story starts at its headline.
    public var titleAnchorShare = 0.5
    /// The `article` element around the winner replaces it when it holds this many times the winner's prose.
    public var articleWideningRatio = 1.25
    /// Text outside `pre` with at least this many of `{ } ; =`, and one in every `scriptMarkSpacing`
    /// bytes, braces and a semicolon among them, is a script that broken markup let out as text.
    public var scriptMinimumMarks = 6
    public var scriptMarkSpacing = 100
    /// The page's own `articleBody` (JSON-LD), when at least `publishedBodyMinimumLength` bytes long,
    /// judges the kept paragraphs and headings if it and the kept text tell the same story: this
    /// share of its distinct words is in the kept text, and this share of the kept text's words in
    /// it. A block with less than `publishedBodyBlockShare` of its words in it is not the body.
    public var publishedBodyMinimumLength = 200
    public var publishedBodyAgreement = 0.8
    public var publishedBodyCoverage = 0.6
    public var publishedBodyBlockShare = 0.5
    /// A paragraph of at least this many words above the published text stays: a standfirst.
    public var publishedBodyOpeningWords = 12
    /// Less kept text than this (bytes) sends selection to the fallback stage.
    public var minimumArticleLength = 300
    /// The summary (deck, standfirst, key points) holds at most this share of the story's text; a
    /// "summary" container holding more is the story itself, misnamed.
    public var summaryMaximumShare = 0.5
    /// A block of fewer words without a sentence's end ("Advertisement", "Supported by", "Continue
    /// reading the main story") does not open the story: a deck after it is still at the top.
    public var storyOpeningMinimumWords = 6
    /// A label over key points ("Story highlights") is looked for among this many of the story's first blocks…
    public var keyPointsLabelReach = 4
    /// …and has at least this many list items under it.
    public var keyPointsMinimumItems = 2
    /// Whether a picture's caption and credit (`figcaption`, text inside `figure`) stay with the story.
    /// Readability keeps them; article-body benchmarks annotated by people mostly leave them out, and
    /// in a terminal there is no picture: out by default, shown with the removed text (`r`). Over the
    /// four dev sets the mean is unchanged (readability −0.004, snippets +0.004).
    public var keepsCaptions = false
    /// Text in elements named as captions (`wp-caption-text`, `photo_credit`) goes with the
    /// captions only while it is at most this share of the story's: beyond it, the page tells its
    /// story in them (a photo blog, a gallery's slides).
    public var namedCaptionMaximumShare = 0.5

    public static let standard = HTMLExtractionSettings()

    public init() {}
}

/// The blocks kept as the story and the ones removed, each with its reason and place.
struct HTMLSelection {
    var kept: [HTMLTextBlock] = []
    var removed: [(block: HTMLTextBlock, reason: RemovalReason, position: Int)] = []

    /// Moves a kept block to the removed ones, keeping `removed` in document order.
    mutating func remove(keptAt index: Int, reason: RemovalReason) {
        let insertion = removed.firstIndex { $0.position > index } ?? removed.endIndex
        let block = take(keptAt: index)
        removed.insert((block, reason, index), at: insertion)
    }

    /// Takes a kept block out of the story (to the summary, say), keeping removed blocks in place.
    mutating func take(keptAt index: Int) -> HTMLTextBlock {
        for removedIndex in removed.indices where removed[removedIndex].position > index {
            removed[removedIndex].position -= 1
        }
        return kept.remove(at: index)
    }
}

/// Scores every container by the prose it holds and keeps the best one.
struct HTMLContentSelector {
    var settings: HTMLExtractionSettings = .standard

    /// Marks each block with the outermost chrome verdict around it, after voiding the verdicts of
    /// containers that hold most of the page's prose.
    func resolveChrome(_ blocks: inout [HTMLTextBlock], containers: [HTMLContainer], voidMinimum: Double? = nil,
                       subtreeEnd: [Int]? = nil) {
        // A section certainly named as comments stays removed however long the discussion runs, and so
        // does chrome that is never the story (a cookie banner, a gallery); their prose does not count
        // towards the page's.
        func isCertain(_ index: Int) -> Bool {
            guard let removal = containers[index].removal else { return false }
            return containers[index].removalIsCertain || (removal == .comments && !containers[index].removalIsWeak)
        }
        var prose = [Double](repeating: 0, count: containers.count)
        var links = [Int](repeating: 0, count: containers.count)
        var pageProse = 0.0
        for block in blocks {
            if block.linkLength > 0 {
                var container = Int(block.container)
                while container >= 0 {
                    links[container] += block.linkLength
                    container = Int(containers[container].parent)
                }
            }
            let value = value(of: block)
            guard value > 0 else { continue }
            var inCertainChrome = false
            var container = Int(block.container)
            while container >= 0 {
                prose[container] += value
                inCertainChrome = inCertainChrome || isCertain(container)
                container = Int(containers[container].parent)
            }
            if !inCertainChrome { pageProse += value }
        }
        let limit = max(voidMinimum ?? settings.chromeVoidMinimum, settings.chromeVoidShare * pageProse)
        let storyAroundHeadline = storyAroundHeadline(blocks, containers: containers, prose: prose)
        let subtreeEnd = storyAroundHeadline == nil ? [] : subtreeEnd ?? Self.subtreeEnds(containers)
        // A weakly named box that the story under the headline does not hold keeps its verdict, and so
        // does one named for other articles ("related-excerpt": a longer story's opening paragraphs).
        func standsBesideTheStory(_ container: Int) -> Bool {
            guard let story = storyAroundHeadline, !containers[container].removalIsByTag,
                  containers[container].removalIsWeak || containers[container].removal == .unrelatedHeadline else { return false }
            return !Self.holds(story, container, subtreeEnd) && !Self.holds(container, story, subtreeEnd)
        }
        // The last stage's lower minimum is for names that were wrong about a short story; a `footer`,
        // `nav` or `aside` tag keeps the usual one (on a short page its author box is a large share).
        let tagLimit = max(settings.chromeVoidMinimum, limit)
        for index in blocks.indices {
            var removal: RemovalReason?
            var container = Int(blocks[index].container)
            while container >= 0 {
                // A `teaser` or `latest` box without a single link leads nowhere else: it is the
                // story's own standfirst (German pages call their lede the Teaser), not a promotion.
                let isUnlinkedPromotion = containers[container].removal == .unrelatedHeadline
                    && containers[container].removalIsWeak && links[container] == 0
                if let verdict = containers[container].removal, !isUnlinkedPromotion,
                   isCertain(container) || prose[container] <= (containers[container].removalIsByTag ? tagLimit : limit)
                    || standsBesideTheStory(container) {
                    removal = verdict
                }
                container = Int(containers[container].parent)
            }
            blocks[index].removal = removal
        }
    }

    /// The nearest container around the page's one `h1` (every `h1` in one container) that holds
    /// `headlineStoryMinimum` of prose; nil without such a headline or container, or when the `h1` is a link
    /// (a blog's name linking to its front page, not the story's headline).
    private func storyAroundHeadline(_ blocks: [HTMLTextBlock], containers: [HTMLContainer], prose: [Double]) -> Int? {
        guard let headline = Self.onlyHeadline(blocks), headline.linkDensity <= settings.linkedHeadlineDensity else { return nil }
        var container = Int(headline.container)
        while container >= 0 {
            if prose[container] >= settings.headlineStoryMinimum { return container }
            container = Int(containers[container].parent)
        }
        return nil
    }

    /// The first `h1` among `blocks` when every `h1` stands in one container (the page's one headline), or nil.
    private static func onlyHeadline(_ blocks: some Sequence<HTMLTextBlock>) -> HTMLTextBlock? {
        var headline: HTMLTextBlock?
        for block in blocks where block.isHeading1 {
            guard let first = headline else {
                headline = block
                continue
            }
            if block.container != first.container { return nil }
        }
        return headline
    }

    /// The story among the blocks. When the class and id tables leave too little of a page, the
    /// names were wrong about it (`box article modal-enabled`, a story wrapped in `#socialicons-sticky`):
    /// a last stage selects again taking every name as weak evidence, void on a container that holds
    /// most of the page's prose (tags such as `nav` and `footer`, and comment sections, stay certain),
    /// and keeps that reading if it finds more of the story.
    func select(blocks: [HTMLTextBlock], containers: [HTMLContainer]) -> HTMLSelection {
        var selection = selectStory(blocks: blocks, containers: containers)
        removeOrphanHeadings(&selection)
        return selection
    }

    /// A heading whose section lost all its text to link lists or widgets (the title of "Related
    /// stories", "Read more", "Share this") heads nothing in the story: it is the last kept block, or
    /// another heading follows it straight after the removed section. A heading over pictures alone
    /// (nothing removed under it) stays.
    private func removeOrphanHeadings(_ selection: inout HTMLSelection) {
        var index = selection.kept.count - 1
        while index >= 0 {
            if selection.kept[index].kind == .heading {
                let next = index + 1
                let endsSection = next == selection.kept.count || selection.kept[next].kind == .heading
                if endsSection, let first = selection.removed.first(where: { $0.position == next }), isWidgetOrLinkList(first) {
                    selection.remove(keptAt: index, reason: first.reason)
                }
            }
            index -= 1
        }
    }

    private func isWidgetOrLinkList(_ removed: (block: HTMLTextBlock, reason: RemovalReason, position: Int)) -> Bool {
        switch removed.reason {
        case .share, .newsletter, .unrelatedHeadline, .advertisement, .navigation: return true
        default: return removed.block.linkDensity > settings.linkedHeadlineDensity
        }
    }

    private func selectStory(blocks: [HTMLTextBlock], containers: [HTMLContainer]) -> HTMLSelection {
        let selection = selectTrustingNames(blocks: blocks, containers: containers)
        // Menus, price tables and button labels are text but no story: what is left is measured as prose.
        guard proseValue(selection.kept) < Double(settings.minimumArticleLength) else { return selection }
        var relaxed = containers
        var changed = false
        for index in relaxed.indices where relaxed[index].removal != nil && !relaxed[index].removalIsByTag
            && relaxed[index].removal != .comments {
            relaxed[index].removalIsWeak = true
            relaxed[index].removalIsCertain = false
            changed = true
        }
        guard changed else { return selection }
        // A short story is a small share of a page but no absolute amount: only the share counts here.
        let second = selectTrustingNames(blocks: blocks, containers: relaxed, voidMinimum: 0)
        return proseValue(second.kept) > proseValue(selection.kept) ? second : selection
    }

    /// What each container holds, summed over the kept blocks under it.
    private struct ContainerScores {
        /// The value of the blocks under each container (boilerplate counts against it).
        var total: [Double]
        /// The prose under each container: the positive part of `total`.
        var prose: [Double]
    }

    /// Picks the story's container by the blocks' scores as the page's class names left them:
    /// the best-scoring container, moved onto the headline's or widened to its article, then the
    /// blocks under it and the prose beside it.
    private func selectTrustingNames(blocks: [HTMLTextBlock], containers: [HTMLContainer],
                                     voidMinimum: Double? = nil) -> HTMLSelection {
        guard !blocks.isEmpty else { return HTMLSelection() }
        var blocks = blocks
        let subtreeEnd = Self.subtreeEnds(containers)
        resolveChrome(&blocks, containers: containers, voidMinimum: voidMinimum, subtreeEnd: subtreeEnd)
        let teaserList = teaserListMembers(blocks)
        let scores = scoreContainers(blocks, containers: containers, teaserList: teaserList)
        var winner = bestContainer(scores, containers: containers)
        winner = anchoredOnHeadline(winner, blocks: blocks, scores: scores.total, containers: containers, subtreeEnd: subtreeEnd)
        winner = widenedToArticle(winner, prose: scores.prose, containers: containers, subtreeEnd: subtreeEnd)
        // Prose above the winner inside its article (a summary field, an intro paragraph) is the story's
        // opening, however deep the markup nests it.
        let article = articleAround(winner, prose: scores.prose, containers: containers, subtreeEnd: subtreeEnd) ?? -1
        // Readability's sibling rule: a standfirst or lede often stands beside the winner, as a
        // paragraph directly under the same parent. A lede above the story may also stand a level
        // higher, beside the wrapper that holds the winner (`intro` paragraph, then `group > body`).
        let parent = Int(containers[winner].parent)
        let grandparent = parent >= 0 ? Int(containers[parent].parent) : -1
        var selection = partition(blocks, teaserList: teaserList) { block in
            let container = Int(block.container)
            if Self.holds(winner, container, subtreeEnd) { return true }
            if article >= 0, container > article, container < winner, isSiblingProse(block) { return true }
            guard parent >= 0, !Self.holds(winner, container, subtreeEnd) else { return false }
            if container == parent || Int(containers[container].parent) == parent {
                return isSiblingProse(block, closing: container > subtreeEnd[winner])
            }
            // Containers come in document order: one opened before the parent stands above the story.
            return grandparent >= 0 && Int(containers[container].parent) == grandparent && container < parent
                && isSiblingProse(block)
        }
        if textLength(selection.kept) < settings.minimumArticleLength {
            selection = fallback(blocks, current: selection)
        }
        return selection
    }

    /// Whether container `inner` is `outer` or stands inside it (`subtreeEnds`).
    private static func holds(_ outer: Int, _ inner: Int, _ subtreeEnd: [Int]) -> Bool {
        inner >= outer && inner <= subtreeEnd[outer]
    }

    /// The last container index inside each container's subtree. Containers come in document
    /// order, so each subtree is a contiguous index range.
    private static func subtreeEnds(_ containers: [HTMLContainer]) -> [Int] {
        var subtreeEnd = Array(0..<containers.count)
        for index in stride(from: containers.count - 1, through: 1, by: -1) {
            let parent = Int(containers[index].parent)
            if parent >= 0, subtreeEnd[index] > subtreeEnd[parent] { subtreeEnd[parent] = subtreeEnd[index] }
        }
        return subtreeEnd
    }

    /// Adds each kept block's value to every container above it. Teasers count nothing: small
    /// containers (a few blocks) led by a linked headline, and runs of them. Their summaries read
    /// like prose, but a stream of them is a list of other articles and must not outweigh the story.
    private func scoreContainers(_ blocks: [HTMLTextBlock], containers: [HTMLContainer], teaserList: [Bool]) -> ContainerScores {
        let count = containers.count
        var subtreeBlocks = [Int32](repeating: 0, count: count)
        var holdsLinkedHeadline = [Bool](repeating: false, count: count)
        for block in blocks where block.removal == nil {
            let isLinkedHeadline = block.kind == .heading && block.linkDensity > settings.linkedHeadlineDensity
            var container = Int(block.container)
            while container >= 0 {
                subtreeBlocks[container] += 1
                if isLinkedHeadline { holdsLinkedHeadline[container] = true }
                container = Int(containers[container].parent)
            }
        }
        func isInTeaserCard(_ block: HTMLTextBlock) -> Bool {
            var container = Int(block.container)
            while container >= 0, subtreeBlocks[container] <= Int32(settings.teaserCardMaximumBlocks) {
                if holdsLinkedHeadline[container] { return true }
                container = Int(containers[container].parent)
            }
            return false
        }
        var scores = ContainerScores(total: [Double](repeating: 0, count: count), prose: [Double](repeating: 0, count: count))
        for (index, block) in blocks.enumerated() where block.removal == nil {
            var value = value(of: block)
            if value > 0, teaserList[index] || isInTeaserCard(block) { value = 0 }
            var container = Int(block.container)
            while container >= 0 {
                scores.total[container] += value
                if value > 0 { scores.prose[container] += value }
                container = Int(containers[container].parent)
            }
        }
        return scores
    }

    /// The best-scoring container (the first on a tie); an article or a container named as
    /// content gets a bonus on its prose.
    private func bestContainer(_ scores: ContainerScores, containers: [HTMLContainer]) -> Int {
        var winner = 0
        var best = -Double.infinity
        for index in containers.indices {
            var score = scores.total[index]
            if containers[index].positive || containers[index].isArticle {
                score += settings.articleContainerBonus * scores.prose[index]
            }
            if score > best {
                best = score
                winner = index
            }
        }
        return winner
    }

    /// The container of the page's headline when it nearly ties with a winner elsewhere. With one `h1`
    /// (outside chrome), the best container that holds it and neither holds nor lies inside the winner
    /// takes over when it scores `titleAnchorShare` of the winner: the story is the text under its
    /// headline, and what outscores it a little elsewhere (a contact box, a list of other stories) is not.
    private func anchoredOnHeadline(_ winner: Int, blocks: [HTMLTextBlock], scores: [Double],
                                    containers: [HTMLContainer], subtreeEnd: [Int]) -> Int {
        guard let headline = Self.onlyHeadline(blocks.lazy.filter { $0.removal == nil }), scores[winner] > 0 else { return winner }
        let anchor = Int(headline.container)
        // Inside the winner already, or the winner holds it: nothing to anchor.
        if Self.holds(winner, anchor, subtreeEnd) { return winner }
        var best = -1
        var container = anchor
        while container > 0 {
            if Self.holds(container, winner, subtreeEnd) { break }
            if best < 0 || scores[container] > scores[best] { best = container }
            container = Int(containers[container].parent)
        }
        guard best >= 0, scores[best] >= settings.titleAnchorShare * scores[winner] else { return winner }
        return best
    }

    /// The one `article` (or `articleBody`, but not the wider `main`) around the winner, when it holds clearly more prose:
    /// a short story split by page furniture (download buttons, a map, a standfirst in the header)
    /// scores in pieces, while the page's own markup says where the whole story stands. Not when the
    /// element holds other articles (a list of teaser cards each marked as `article`).
    private func widenedToArticle(_ winner: Int, prose: [Double], containers: [HTMLContainer], subtreeEnd: [Int]) -> Int {
        guard let article = articleAround(winner, prose: prose, containers: containers, subtreeEnd: subtreeEnd),
              prose[article] > settings.articleWideningRatio * prose[winner] else { return winner }
        return article
    }

    /// The nearest `article` (or `articleBody`, not `main`) holding the winner and no other article.
    private func articleAround(_ winner: Int, prose: [Double], containers: [HTMLContainer], subtreeEnd: [Int]) -> Int? {
        guard !containers[winner].isArticle, prose[winner] > 0 else { return nil }
        var article = Int(containers[winner].parent)
        while article > 0, !containers[article].isArticle || containers[article].isMain {
            article = Int(containers[article].parent)
        }
        guard article > 0 else { return nil }
        for index in (article + 1)...subtreeEnd[article] where containers[index].isArticle && prose[index] > 0 {
            if !Self.holds(index, winner, subtreeEnd) { return nil }
        }
        return article
    }

    /// A paragraph beside the winner that reads as prose: long enough, few links, sentences; or,
    /// after the winner (`closing`), a short one without links whose sentence ends with a stop, as
    /// Readability's sibling rule has it: a story often ends so ("No charges have been laid.").
    private func isSiblingProse(_ block: HTMLTextBlock, closing: Bool = false) -> Bool {
        guard block.kind == .paragraph, block.punctuation > 0 else { return false }
        if block.length - block.linkLength >= settings.siblingProseLength {
            return block.linkDensity < settings.siblingMaximumLinkDensity
        }
        return closing && block.linkLength == 0 && Self.hasStop(block.text)
    }

    /// A full stop before a space or at the text's end.
    private static func hasStop(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: "."), byte == 0x20 || byte == 0x0A { return true }
            previous = byte
        }
        return previous == UInt8(ascii: ".")
    }

    /// What a block adds to the containers around it: prose counts, fragments and links cost.
    func value(of block: HTMLTextBlock) -> Double {
        // Script that broken markup lets out as text has the commas and stops of prose, and the page's
        // length in them: it would outweigh the story. It is no one's prose, and no menu either.
        if readsAsScript(block) { return 0 }
        let text = Double(block.length - block.linkLength)
        let links = Double(block.linkLength)
        if block.kind == .heading {
            return block.linkDensity > settings.linkedHeadlineDensity ? -Double(block.length) : 0
        }
        if block.length - block.linkLength < settings.fragmentLength {
            return -settings.fragmentPenalty - settings.linkPenalty * links
        }
        // Prose with a few inline links (an encyclopedia, a blog) pays nothing for them; link-heavy blocks do.
        let linkCost = block.linkDensity > settings.tolerableLinkDensity ? settings.linkPenalty * links : 0
        return text + settings.punctuationBonus * Double(block.punctuation) - linkCost
    }

    /// Program text outside `pre` (a script the page's broken markup did not hide): braces, a
    /// semicolon, and enough of `{ } ; =` (see `scriptMinimumMarks`). A story's code sample stands in
    /// `pre` and stays; a box score's or a reference list's semicolons come without braces.
    func readsAsScript(_ block: HTMLTextBlock) -> Bool {
        block.kind != .preformatted && block.scriptMarks >= settings.scriptMinimumMarks
            && block.scriptMarks * settings.scriptMarkSpacing >= block.length
    }

    /// Splits blocks into kept and removed, given which ones lie in the story's container.
    private func partition(_ blocks: [HTMLTextBlock], dropLinkLists: Bool = true, teaserList: [Bool] = [],
                           inStory: (HTMLTextBlock) -> Bool) -> HTMLSelection {
        var selection = HTMLSelection()
        let teaserList = teaserList.isEmpty ? teaserListMembers(blocks) : teaserList
        let dropsNamedCaptions = !settings.keepsCaptions && namedCaptionsStandAside(blocks, inStory: inStory)
        var index = 0
        while index < blocks.count {
            let block = blocks[index]
            if !settings.keepsCaptions && (block.kind == .caption || block.inFigure)
                || dropsNamedCaptions && block.inNamedCaption && block.kind != .heading {
                // A picture's credit ("Photo: Jane Doe") apart from its caption, whatever its class says.
                let reason: RemovalReason = MetadataLineRules.builtIn.judge(block.text, findingCaptions: true) == .credit
                    ? .credit : .caption
                selection.removed.append((block, reason, selection.kept.count))
            } else if let reason = block.removal {
                selection.removed.append((block, reason, selection.kept.count))
            } else if readsAsScript(block) {
                selection.removed.append((block, .boilerplate, selection.kept.count))
            } else if dropLinkLists && teaserList[index] {
                selection.removed.append((block, .unrelatedHeadline, selection.kept.count))
            } else if !inStory(block) {
                selection.removed.append((block, .boilerplate, selection.kept.count))
            } else if dropLinkLists && isLinkList(block) {
                if headsItsSection(blocks, at: index, inStory: inStory) {
                    // Its link points at what the section is about: to cleaning it is the story's
                    // own subhead, as an unlinked one is, not another article's headline.
                    var subhead = block
                    subhead.linkLength = 0
                    selection.kept.append(subhead)
                } else {
                    selection.removed.append((block, .boilerplate, selection.kept.count))
                }
            } else if dropLinkLists, case let run = fragmentRun(blocks, from: index, inStory: inStory), run >= settings.fragmentRunLength {
                // Player controls, rating widgets, letter-size buttons: a run of bare words, not prose.
                for fragment in blocks[index..<index + run] {
                    selection.removed.append((fragment, .boilerplate, selection.kept.count))
                }
                index += run
                continue
            } else {
                selection.kept.append(block)
            }
            index += 1
        }
        return selection
    }

    /// Whether the text in elements named as captions stands beside the story rather than telling
    /// it: at most `namedCaptionMaximumShare` of the story's text. A photo story or a gallery page
    /// tells its story in such elements (`caption-image`, a slide's `caption`), and those stay.
    private func namedCaptionsStandAside(_ blocks: [HTMLTextBlock], inStory: (HTMLTextBlock) -> Bool) -> Bool {
        var captions = 0
        var story = 0
        for block in blocks where block.removal == nil && !block.inFigure && inStory(block) {
            let text = block.length - block.linkLength
            story += text
            if block.inNamedCaption { captions += text }
        }
        return captions > 0 && Double(captions) <= settings.namedCaptionMaximumShare * Double(story)
    }

    /// How many consecutive story blocks from `start` are bare fragments (short, no sentence
    /// punctuation), each in an element of its own: buttons and labels are separate elements, while
    /// the lines of a poem or a song share one (broken by `<br>`), and those stay.
    private func fragmentRun(_ blocks: [HTMLTextBlock], from start: Int, inStory: (HTMLTextBlock) -> Bool) -> Int {
        var end = start
        var previousContainer: Int32 = -1
        while end < blocks.count {
            let block = blocks[end]
            guard block.removal == nil, inStory(block), block.kind == .paragraph, block.punctuation == 0,
                  block.length - block.linkLength < settings.fragmentLength, block.container != previousContainer else { break }
            previousContainer = block.container
            end += 1
        }
        return end - start
    }

    /// The blocks of teaser lists: runs of linked headlines each followed by a short summary (see
    /// `teaserListMinimumItems`). Chrome blocks break a run; a headline without a summary continues it.
    func teaserListMembers(_ blocks: [HTMLTextBlock]) -> [Bool] {
        var members = [Bool](repeating: false, count: blocks.count)
        // Headlines and summaries open with a word, a number or a quote; the pieces of a list of
        // references ("^ Title", ". Publisher. Retrieved …") open with signs.
        func opensWithWord(_ block: HTMLTextBlock) -> Bool {
            guard let first = block.text.unicodeScalars.first(where: { !$0.properties.isWhitespace }) else { return false }
            return first.properties.isAlphabetic || first.properties.numericType != nil || "\"“„«'‘".unicodeScalars.contains(first)
        }
        // A linked number alone ("1", "[2]") is a footnote's mark or a page of a list, no headline:
        // footnotes, each a number linked back to the text and its note, are the story's.
        func isHeadline(_ block: HTMLTextBlock) -> Bool {
            block.removal == nil && block.linkDensity > settings.linkedHeadlineDensity
                && block.length <= settings.teaserHeadlineMaximumLength && opensWithWord(block)
                && block.text.unicodeScalars.contains(where: \.properties.isAlphabetic)
        }
        func isSummary(_ block: HTMLTextBlock) -> Bool {
            block.removal == nil && block.kind != .heading && block.kind != .caption && !block.inFigure && opensWithWord(block)
                && block.linkDensity < settings.siblingMaximumLinkDensity
                && block.length - block.linkLength >= settings.fragmentLength
                && block.length <= settings.teaserSummaryMaximumLength
        }
        // Headline and summary in one block: the block opens with its only link, a headline's length,
        // and a summary's worth of plain text follows, cut short ("<li><a>2012 Honda Pilot – Looks
        // almost the same</a><br>The new 2012 Honda Pilot looks … [...]</li>"). A list of the story's
        // own (talks, each linked, and what it tells) finishes its sentences.
        func isLinkedItem(_ block: HTMLTextBlock) -> Bool {
            block.removal == nil && block.kind != .heading && block.leadingLinkLength == block.linkLength
                && block.leadingLinkLength >= settings.fragmentLength && block.leadingLinkLength <= settings.teaserHeadlineMaximumLength
                && (settings.fragmentLength...settings.teaserSummaryMaximumLength).contains(block.length - block.linkLength)
                && opensWithWord(block) && TextMeasure.endsCutShort(block.text)
        }
        var index = 0
        while index < blocks.count {
            guard isHeadline(blocks[index]) || isLinkedItem(blocks[index]) else { index += 1; continue }
            var end = index
            var items = 0
            while end < blocks.count, case let linked = isLinkedItem(blocks[end]), linked || isHeadline(blocks[end]) {
                if linked {
                    items += 1
                    end += 1
                } else if end + 1 < blocks.count, isSummary(blocks[end + 1]) {
                    items += 1
                    end += 2
                } else {
                    end += 1
                }
            }
            if items >= settings.teaserListMinimumItems {
                for member in index..<end { members[member] = true }
            }
            index = max(end, index + 1)
        }
        return members
    }

    /// A linked heading that the paragraph after it talks about is the story's own subhead: a
    /// listicle links each entry to what it reviews ("“Thumper” ($20)", then "… and also “Thumper.”
    /// Called a violent rhythm game …"). Most of the heading's words of four letters or more must
    /// come back in that paragraph; another article's headline shares a word or two at most.
    private func headsItsSection(_ blocks: [HTMLTextBlock], at index: Int, inStory: (HTMLTextBlock) -> Bool) -> Bool {
        guard blocks[index].kind == .heading else { return false }
        let headingWords = Set(Self.longWords(blocks[index].text))
        guard !headingWords.isEmpty else { return false }
        guard let next = blocks[(index + 1)...].prefix(settings.subheadReach).first(where: {
            $0.removal == nil && inStory($0) && $0.kind == .paragraph && !$0.inFigure
        }), next.length - next.linkLength >= settings.siblingProseLength else { return false }
        let paragraphWords = Set(Self.longWords(next.text))
        let shared = headingWords.filter(paragraphWords.contains).count
        return Double(shared) >= settings.subheadSharedShare * Double(headingWords.count)
    }

    /// Lowercased words of four letters or more.
    private static func longWords(_ text: String) -> [Substring] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.filter { $0.count >= 4 }
    }

    private func isLinkList(_ block: HTMLTextBlock) -> Bool {
        block.linkDensity > settings.maximumLinkDensity && block.length < settings.linkHeavyLength
    }

    /// Fallback stage: every prose block of the page outside chrome, when the winner held too little.
    private func fallback(_ blocks: [HTMLTextBlock], current: HTMLSelection) -> HTMLSelection {
        let baseline = partition(blocks) { block in
            block.kind == .heading || block.length - block.linkLength >= settings.fragmentLength
        }
        if textLength(baseline.kept) >= settings.minimumArticleLength {
            return textLength(baseline.kept) > textLength(current.kept) ? baseline : current
        }
        // A page this small is all story: keep every block outside chrome.
        let everything = partition(blocks, dropLinkLists: false) { _ in true }
        return textLength(everything.kept) > textLength(current.kept) ? everything : current
    }

    private func textLength(_ blocks: [HTMLTextBlock]) -> Int {
        blocks.reduce(0) { $0 + $1.length - $1.linkLength }
    }

    /// The prose among `blocks`: the value of each that is worth anything (see `value(of:)`).
    private func proseValue(_ blocks: [HTMLTextBlock]) -> Double {
        blocks.reduce(0) { $0 + max(0, value(of: $1)) }
    }
}
