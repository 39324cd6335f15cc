// The cleaning stage shared by every format: keeps the article's text, removes promo and boilerplate with reasons.
import Foundation

/// The outcome of cleaning one document.
public struct CleanedDocument: Sendable {
    public var title: String
    public var date: ArticleDate?
    public var byline: String?
    /// The news agency a dateline credits ("PTI", "Reuters"), or nil.
    public var agency: String?
    public var paragraphs: [Block]
    public var removed: [RemovedBlock]
    /// The reader's summary (deck, standfirst, key points) without the lines that are none, or nil.
    public var summary: String?
}

/// Decides, block by block, what is the article and what is not.
///
/// A cascade, cheapest and surest first:
/// 1. Hints from the reader (an HTML container classed `share`, say) are taken as they are.
/// 2. Certain rules: marker lines from the data tables ("Related", "Advertisement", "Share this story",
///    "Subscribe to our newsletter", copyright lines…), metadata lines (dates, bylines, credits,
///    captions, and the author's name alone once a byline named them) and link lists
///    (`Block.linkDensity`).
/// 3. In a page dump, the article region is located (`MainContentLocator`); what lies outside is
///    navigation before it and footer or comments after it. In any page, a photo gallery of other
///    stories goes, and what follows the site's copyright notice or a run of readers' comments
///    after the story is its footer.
/// 4. Headline-shaped lines (short, no sentence end) are judged by how many of their content words
///    the article itself uses: after a promo marker, the list of unrelated headlines goes; without a
///    marker, a run of at least two unrelated headlines goes, and a short announcement-like line just
///    before it ("Keep exploring", "ELSEWHERE ON THE SITE") is taken for its marker. Subheads, list
///    items, quotes and credits about the story share its words or have another shape, and stay.
///    In a scraped article or an HTML page, short unrelated prompts after the last paragraph go too,
///    and in an HTML page a service box under its own heading after the story.
/// 5. If stage 4 leaves too little of what stages 1–3 kept, its judgement calls made without a marker are undone.
public struct ArticleCleaner: Sendable {
    public var settings: CleaningSettings
    let rules: CleaningRules
    let metadataLines: MetadataLineRules

    public init(settings: CleaningSettings = CleaningSettings()) {
        self.settings = settings
        self.rules = .builtIn
        self.metadataLines = .builtIn
    }

    /// A decision about one block.
    private struct Decision {
        var reason: RemovalReason?
        /// A marker announcing a list of other articles.
        var introducesHeadlines = false
        /// Decided by judging relatedness without a marker: undone when too little is left.
        var judged = false
        /// A site's copyright notice: the story is over.
        var closesStory = false
        /// A prompt's verb opening a sentence that names no channel: the story's own when it shares its words.
        var mayBeStoryInstruction = false
        /// The story's deck, which goes to the summary rather than the body.
        var isDeck = false
    }

    public func clean(_ document: RawDocument) -> CleanedDocument {
        let blocks = document.blocks
        let features = blocks.map { LineFeatures($0.text, stopwords: rules.stopwords) }
        var decisions = blocks.map { Decision(reason: $0.removalHint) }
        let title = document.title ?? ""
        // The title's words, which every stage that weighs relatedness starts from.
        let titleTokens = LineFeatures(title, stopwords: rules.stopwords).contentTokens

        var stated = StatedMetadata()
        applyCertainRules(blocks, features: features, title: title, format: document.format,
                          captionsAreBody: document.captionsAreBody, to: &decisions, stated: &stated)
        removeNameLines(blocks, byline: document.byline ?? stated.byline, to: &decisions)
        if document.format == .pageText {
            applyPageRegion(blocks, features: features, title: title, titleTokens: titleTokens, to: &decisions)
        }
        if document.format == .pageText || document.format == .html {
            removeGalleries(blocks, features: features, titleTokens: titleTokens, decisions: &decisions)
        }
        if document.format != .feed {
            removeAfterCopyrightNotice(features: features, to: &decisions)
        }
        removeAfterComments(document.removed, features: features, to: &decisions)
        let availableWords = blocks.indices.filter { decisions[$0].reason == nil }.reduce(0) { $0 + features[$1].words }
        // In an HTML page other articles' headlines are links; a headline-shaped line without one is the
        // story's own subhead or list entry (the reader already dropped link lists and page chrome).
        let headlines = blocks.indices.map {
            features[$0].isHeadlineShaped(settings, text: blocks[$0].text) && !rules.isCredit(blocks[$0].text)
                && (document.format != .html || (blocks[$0].linkDensity ?? 1) >= settings.htmlHeadlineMinimumLinkDensity)
        }
        let vocabulary = makeVocabulary(titleTokens: titleTokens, features: features, headlines: headlines, decisions: decisions)
        keepStoryInstructions(features: features, vocabulary: vocabulary, decisions: &decisions)
        var structured = structuredEntries(blocks, features: features)
        let leadInLists = leadInListEntries(blocks, features: features, vocabulary: vocabulary, decisions: decisions)
        for entry in leadInLists.entries {
            structured[entry] = true
        }
        let spentMarkers = markersWithRemovedLists(document.removed, features: features, blocks: blocks)
        removeHeadlineRuns(blocks, features: features, headlines: headlines, structured: structured, vocabulary: vocabulary,
                           listsTeasers: document.format == .html || document.format == .pageText,
                           spentMarkers: spentMarkers, leadIns: leadInLists.leadIns, decisions: &decisions)
        removeCallsToAction(blocks, features: features, headlines: headlines, vocabulary: vocabulary, decisions: &decisions)
        if document.format == .text || document.format == .html {
            removeTrailingPrompts(blocks, features: features, headlines: headlines, structured: structured, vocabulary: vocabulary,
                                  decisions: &decisions)
        }

        if document.format == .html {
            removeServiceSection(blocks, features: features, titleTokens: titleTokens, decisions: &decisions)
        }

        // Fallback: judging headlines may not eat the article.
        let keptWords = blocks.indices.filter { decisions[$0].reason == nil }.reduce(0) { $0 + features[$1].words }
        if availableWords > 0, Double(keptWords) < settings.minimumKeptShare * Double(availableWords) {
            for index in decisions.indices where decisions[index].judged { decisions[index].reason = nil }
        }

        var paragraphs: [Block] = []
        var removed = document.removed
        var summary = document.summary.flatMap { judgeSummary($0, stated: &stated, removed: &removed) }
        for (block, decision) in zip(blocks, decisions) {
            // A deck found in the body stands in for a summary the reader did not mark; beside one it
            // marked, it stays where it is, so no text is lost.
            if decision.isDeck, decision.reason == nil, summary == nil {
                summary = block.text
            } else if let reason = decision.reason {
                removed.append(RemovedBlock(text: block.text, reason: reason, position: paragraphs.count))
            } else {
                paragraphs.append(block)
            }
        }
        // A dateline line names the agency apart; else the story's opening words may.
        let agency = stated.agency ?? paragraphs.first.flatMap { metadataLines.leadDatelineAgency(in: $0.text) }
        return CleanedDocument(title: title, date: document.date ?? stated.date, byline: document.byline ?? stated.byline,
                               agency: agency, paragraphs: paragraphs, removed: removed, summary: summary)
    }

    /// A box named as the summary may hold more than a deck: the date and byline printed beside it,
    /// a ticker of share prices, a rating, a section's label. Such lines go to `removed` (dates and
    /// bylines give the article theirs); a deck's lines are prose, of `summaryMinimumWords` words or
    /// more and few numbers.
    private func judgeSummary(_ summary: String, stated: inout StatedMetadata, removed: inout [RemovedBlock]) -> String? {
        var kept: [Substring] = []
        for line in summary.split(separator: "\n") {
            let text = String(line)
            var reason: RemovalReason?
            if let metadata = metadataLines.judge(text, findingCaptions: true) {
                reason = stated.take(metadata)
            } else if let match = rules.match(text) {
                reason = match.reason
            } else if let date = DateLineParser.parseLine(text) {
                reason = .metadata
                stated.take(date: date)
            } else if let byline = TextArticleReader.bylineAndDate(text) {
                reason = .metadata
                stated.take(byline: byline)
            } else if case let features = LineFeatures(text, stopwords: rules.stopwords),
                      features.words < settings.summaryMinimumWords || features.digitShare > settings.headlineMaximumDigitShare {
                reason = .boilerplate
            }
            if let reason {
                removed.append(RemovedBlock(text: text, reason: reason, position: 0))
            } else {
                kept.append(line)
            }
        }
        return kept.isEmpty ? nil : kept.joined(separator: "\n")
    }

    // MARK: Stage 2: certain rules

    /// What the metadata lines removed from the body say, for the fields the reader left empty.
    private struct StatedMetadata {
        var date: ArticleDate?
        var byline: String?
        var agency: String?

        /// The first agency a line names.
        mutating func take(agency named: String?) {
            if agency == nil { agency = named }
        }

        /// The first date a line states.
        mutating func take(date stated: ArticleDate?) {
            if date == nil { date = stated }
        }

        /// What a metadata line states, and the reason it goes: a date line's date and agency, an
        /// agency line's name (a taxonomy label's lines are counted by the caller).
        mutating func take(_ line: MetadataLine) -> RemovalReason {
            switch line {
            case .credit:
                return .credit
            case .caption:
                return .caption
            case .agency(let name):
                take(agency: name)
            case .taxonomy, .editorsNote:
                break
            case .dateline(let date, let agency):
                take(date: date)
                take(agency: agency)
            }
            return .metadata
        }

        /// The first byline line's names, and a date printed after them when no date line came first.
        mutating func take(byline line: (name: String, date: ArticleDate?)) {
            guard byline == nil else { return }
            byline = line.name
            take(date: line.date)
        }
    }

    private func applyCertainRules(_ blocks: [Block], features: [LineFeatures], title: String, format: ArticleFormat,
                                   captionsAreBody: Bool, to decisions: inout [Decision], stated: inout StatedMetadata) {
        let normalizedTitle = CleaningRules.normalize(title)
        var taxonomyLines: [String: [Int]] = [:]
        var labelledDateLines: [(index: Int, date: ArticleDate, label: String)] = []
        var bylines: [(name: String, date: ArticleDate?)] = []
        var postHeaders: [String: [Int]] = [:]
        for index in blocks.indices where decisions[index].reason == nil {
            let block = blocks[index]
            // Captions ending with a credit are looked for only where captions are not the story's
            // (a page read for its story, by default).
            if let line = metadataLines.judge(block.text, findingCaptions: !captionsAreBody) {
                // A labelled date line or a picture credit, in any format; a date it states is the
                // article's when the reader found none.
                decisions[index] = Decision(reason: stated.take(line))
                if case .taxonomy(let label) = line { taxonomyLines[label, default: []].append(index) }
            } else if let match = rules.match(block.text) {
                decisions[index] = Decision(reason: match.reason, introducesHeadlines: match.introducesHeadlines,
                                            closesStory: match.isCopyrightNotice, mayBeStoryInstruction: match.mayBeStoryInstruction)
            } else if let density = block.linkDensity, density >= settings.linkListDensity,
                      features[index].words < settings.linkListMaximumWords {
                decisions[index] = Decision(reason: .navigation)
            } else if format == .pageText || format == .html {
                // A page repeats its title as a heading and prints dates and bylines on lines of their own.
                // Only a line about as long as the title can repeat it; long lines skip the normalizing.
                let normalized = block.text.utf8.count <= 2 * title.utf8.count + 16 ? CleaningRules.normalize(block.text) : ""
                let trimmed = String(TextMeasure.trim(block.text))
                if trimmed.hasPrefix("<"), trimmed.hasSuffix(">"), block.kind != .preformatted {
                    // Markup that leaked into the page text; in a code block it is the article's example.
                    decisions[index] = Decision(reason: .boilerplate)
                } else if !normalizedTitle.isEmpty, !normalized.isEmpty, normalized == normalizedTitle || (normalized.count >= 12 && normalizedTitle.hasPrefix(normalized)) {
                    decisions[index] = Decision(reason: .metadata)
                } else if let date = DateLineParser.parseLine(block.text) {
                    decisions[index] = Decision(reason: .metadata)
                    if let label = DateLineParser.label(of: trimmed) {
                        // Its date counts once its label is known to be no listing's field (below).
                        labelledDateLines.append((index, date, label.lowercased()))
                    } else {
                        stated.take(date: date)
                    }
                } else if let byline = TextArticleReader.bylineAndDate(block.text) {
                    decisions[index] = Decision(reason: .metadata)
                    bylines.append(byline)
                } else if TextArticleReader.isStaffCredit(block.text) {
                    decisions[index] = Decision(reason: .metadata)
                } else if let label = DateLineParser.label(of: trimmed), label.lowercased().hasSuffix(" by"),
                          DateLineParser.firstDate(in: String(trimmed[label.endIndex...])) != nil {
                    // "Posted by: jim | January 14, 2008 07:20 PM": a post's header, kept unless it repeats.
                    postHeaders[label.lowercased(), default: []].append(index)
                }
            }
        }
        // One label opening line after line is a listing's field ("Termin: 08.05.2020, 19 Uhr" under
        // each event), not the site's taxonomy or its date line.
        let listingRepeats = metadataLines.taxonomyRepeatsInListing
        for lines in taxonomyLines.values where lines.count >= listingRepeats {
            for index in lines { decisions[index] = Decision() }
        }
        // Bylines line after line head readers' comments or other stories' teasers: none is the story's.
        if bylines.count < listingRepeats, let byline = bylines.first { stated.take(byline: byline) }
        // So do the headers of posts under one label: the story has one author, readers post many times.
        for lines in postHeaders.values where lines.count >= listingRepeats {
            for index in lines { decisions[index] = Decision(reason: .comments) }
        }
        var labelCounts: [String: Int] = [:]
        for line in labelledDateLines { labelCounts[line.label, default: 0] += 1 }
        for line in labelledDateLines {
            if labelCounts[line.label, default: 0] >= listingRepeats {
                decisions[line.index] = Decision()
            } else {
                stated.take(date: line.date)
            }
        }
    }

    /// The author's name on a line of its own, under the headline or over a bio at the story's
    /// end ("Priya Nair", "Priya Nair, CNN Business"), once a byline or the page named them: a
    /// line of the name, and after a comma perhaps an outlet's capitalized name of a few words.
    /// A one-word name ("admin") may be a word of the story and is left alone.
    private func removeNameLines(_ blocks: [Block], byline: String?, to decisions: inout [Decision]) {
        guard let byline, case let name = CleaningRules.normalize(byline), name.contains(" ") else { return }
        let maximumLength = byline.utf8.count + 40
        for index in blocks.indices where decisions[index].reason == nil && blocks[index].text.utf8.count <= maximumLength {
            let parts = blocks[index].text.split(separator: ",", maxSplits: 1)
            guard let head = parts.first, CleaningRules.normalize(head) == name else { continue }
            if parts.count == 2 {
                let outlet = parts[1].split(whereSeparator: \.isWhitespace)
                guard !outlet.isEmpty, outlet.count <= settings.bylineOutletMaximumWords,
                      outlet.allSatisfy({ $0.first?.isUppercase == true }) else { continue }
            }
            decisions[index].reason = .metadata
        }
    }

    // MARK: Stage 3: the article region of a page dump

    private func applyPageRegion(_ blocks: [Block], features: [LineFeatures], title: String, titleTokens: WordKeys,
                                 to decisions: inout [Decision]) {
        // The title's words between spaces, to find its parts among the lines ("Sports | Rocket down Eagles").
        let spacedTitle = " " + CleaningRules.normalize(title) + " "
        let lines = blocks.indices.map {
            MainContentLocator.Line(features: features[$0], certain: decisions[$0].reason, isLabel: Self.isLabel(blocks[$0].text),
                                    introducesList: decisions[$0].introducesHeadlines,
                                    repeatsTitle: Self.isPartOfTitle(blocks[$0].text, spacedTitle: spacedTitle, settings: settings))
        }
        guard let region = MainContentLocator.region(lines, titleTokens: titleTokens, settings: settings) else { return }
        var afterReason = RemovalReason.footer
        for index in decisions.indices where !region.contains(index) {
            if index > region.upperBound, decisions[index].reason == .comments { afterReason = .comments }
            if decisions[index].reason == nil {
                decisions[index].reason = index < region.lowerBound ? .navigation : afterReason
            }
        }
        if let deck = pageDeck(blocks, in: region, features: features, decisions: decisions) { decisions[deck].isDeck = true }
    }

    /// A page dump's deck: the region's first line of prose when the story's date or byline stands
    /// under it, within `pageDeckReach` lines and before any other prose, and the story follows
    /// (`pageMinimumArticleWords`). A page prints its deck between the headline and the byline;
    /// the story's own first paragraph comes after them. A deck reads as one: at most
    /// `pageDeckMaximumWords` words, opening with a capital or a quote, no byline ("By …"), no
    /// links set apart ("« Previous | Main | Next »") and no wire dateline ("RAMALLAH (AP) —"),
    /// which opens a story.
    private func pageDeck(_ blocks: [Block], in region: ClosedRange<Int>, features: [LineFeatures], decisions: [Decision]) -> Int? {
        let isProse = { (index: Int) in decisions[index].reason == nil && features[index].words >= settings.pageProseMinimumWords }
        guard let first = region.first(where: { decisions[$0].reason == nil }), isProse(first),
              features[first].words <= settings.pageDeckMaximumWords, Self.readsAsDeck(blocks[first].text),
              metadataLines.leadDatelineAgency(in: blocks[first].text) == nil else { return nil }
        var header = false
        var index = first + 1
        while index <= min(region.upperBound, first + settings.pageDeckReach), !isProse(index) {
            if decisions[index].reason == .metadata { header = true }
            index += 1
        }
        guard header, index <= region.upperBound else { return nil }
        let storyWords = (index...region.upperBound).filter { decisions[$0].reason == nil }.reduce(0) { $0 + features[$1].words }
        return storyWords >= settings.pageMinimumArticleWords ? first : nil
    }

    /// Opens with a capital or a quote, not with "By", and sets no links apart with `|`, `«` or `»`.
    private static func readsAsDeck(_ text: String) -> Bool {
        let trimmed = TextMeasure.trim(text)
        guard let opening = trimmed.first, opening.isUppercase || "\"“„'‘".contains(opening),
              !trimmed.contains(where: { $0 == "|" || $0 == "«" || $0 == "»" }) else { return false }
        let firstWord = trimmed.prefix { $0.isLetter }.lowercased()
        return firstWord != "by"
    }

    /// A label rather than a heading: it ends with a colon ("Comments: 1664", in a table of facts),
    /// or is the one word "Comment", a table's column or a button; the heading over readers'
    /// comments says "Comments" or counts them.
    private static func isLabel(_ text: String) -> Bool {
        let trimmed = TextMeasure.trim(text)
        return trimmed.hasSuffix(":") || (trimmed.utf8.count == 7 && trimmed.lowercased() == "comment")
    }

    /// Whether a line is a part of the title of at least `pageHeadlineMinimumWords` words, whole words
    /// at both ends. Only lines no longer than the title are normalized.
    private static func isPartOfTitle(_ text: String, spacedTitle: String, settings: CleaningSettings) -> Bool {
        guard text.utf8.count < spacedTitle.utf8.count + 8 else { return false }
        let line = CleaningRules.normalize(text)
        guard line.utf8.lazy.filter({ $0 == 0x20 }).count + 1 >= settings.pageHeadlineMinimumWords else { return false }
        return spacedTitle.contains(" " + line + " ")
    }

    /// A site's copyright notice after the story's prose ends the story: what follows it is readers'
    /// comments ("Posted by: Brad, Glasgow …" and their posts) or the page's footer, though it sits
    /// in the same container. A notice before any prose (a page's header) ends nothing.
    private func removeAfterCopyrightNotice(features: [LineFeatures], to decisions: inout [Decision]) {
        var prose = 0
        for index in decisions.indices {
            if decisions[index].reason == nil { prose += features[index].words }
            guard decisions[index].closesStory, prose >= settings.pageMinimumArticleWords else { continue }
            let after = (index + 1)..<decisions.count
            let reason: RemovalReason = after.contains { decisions[$0].reason == .comments } ? .comments : .footer
            for later in after where decisions[later].reason == nil { decisions[later].reason = reason }
            return
        }
    }

    /// Readers' comments that the reader took out, `closingCommentsMinimum` blocks or more in one
    /// place after the story's prose, end the story: what the page sets after them, in the same
    /// container and shorter than the story, is its sidebar or footer ("Find stories on the TED Blog
    /// about:", "Blogs we watch").
    private func removeAfterComments(_ removedByReader: [RemovedBlock], features: [LineFeatures], to decisions: inout [Decision]) {
        var comments: [Int: Int] = [:]
        for block in removedByReader where block.reason == .comments { comments[block.position, default: 0] += 1 }
        guard let position = comments.filter({ $0.value >= settings.closingCommentsMinimum }).keys.min(),
              position < decisions.count else { return }
        let kept = decisions.indices.filter { decisions[$0].reason == nil }
        let prose = kept.filter { $0 < position }.reduce(0) { $0 + features[$1].words }
        let after = kept.filter { $0 >= position }.reduce(0) { $0 + features[$1].words }
        // More text after the comments than before them is the page's main text, as answers under
        // a question on a Q&A site are.
        guard prose >= settings.pageMinimumArticleWords, after < prose else { return }
        for index in kept where index >= position { decisions[index].reason = .footer }
    }

    // MARK: Stage 4: headlines of other articles

    /// The article's words: its title and every line no certain rule removed.
    private func makeVocabulary(titleTokens: WordKeys, features: [LineFeatures], headlines: [Bool],
                                decisions: [Decision]) -> ArticleVocabulary {
        var vocabulary = ArticleVocabulary(minimumCapacity: features.indices.reduce(titleTokens.count) {
            decisions[$1].reason == nil ? $0 + features[$1].contentTokens.count : $0
        })
        vocabulary.add(titleTokens, strong: true)
        for index in features.indices where decisions[index].reason == nil {
            vocabulary.add(features[index].contentTokens, strong: isStrong(index, features: features, headlines: headlines))
        }
        return vocabulary
    }

    /// Sentences opening with a prompt's verb, naming no channel, that share at least
    /// `storyInstructionMinimumShare` of their words with the story: "Sign up to work the polls if you
    /// are healthy and able." under a county's plea for poll workers is the story's; "Follow the jump
    /// for the full results." is not.
    private func keepStoryInstructions(features: [LineFeatures], vocabulary: ArticleVocabulary, decisions: inout [Decision]) {
        for index in decisions.indices where decisions[index].mayBeStoryInstruction {
            guard let share = vocabulary.relatedness(features[index].contentTokens, ownWeight: 0),
                  share >= settings.storyInstructionMinimumShare else { continue }
            decisions[index] = Decision()
        }
    }

    /// Lines that open like a neighbour (a clock time later than the one before, an interview's "Q:" and
    /// "A:") and an interview's questions without labels are entries of the story's own listing or
    /// interview: short as they are, they are neither headlines nor prompts.
    private func structuredEntries(_ blocks: [Block], features: [LineFeatures]) -> [Bool] {
        let shapes = blocks.map { LeadingShape($0.text) }
        let reach = settings.structuredEntryReach
        let questions = interviewQuestions(blocks, features: features)
        return shapes.indices.map { index in
            if questions.contains(index) { return true }
            guard let shape = shapes[index] else { return false }
            return (max(0, index - reach)...min(shapes.count - 1, index + reach)).contains { other in
                other != index && shapes[other].map { shape.continues($0, after: index - other) } == true
            }
        }
    }

    /// The entries of lists the story leads into with a sentence ending in a colon ("Health officials
    /// advised residents to follow a few simple precautions:"): the lines after it up to the next
    /// paragraph of prose or a line that announces a list. A marker ending in a colon ("Read more:",
    /// "You may also be interested in:") is short, or a rule knows it, or it shares too little with
    /// the story (see `CleaningSettings.leadInMinimumWords`). With the entries come the lead-ins
    /// themselves: a marker right under one interrupts its list.
    private func leadInListEntries(_ blocks: [Block], features: [LineFeatures], vocabulary: ArticleVocabulary,
                                   decisions: [Decision]) -> (entries: [Int], leadIns: Set<Int>) {
        var entries: [Int] = []
        var leadIns = Set<Int>()
        for index in blocks.indices.dropLast() where decisions[index].reason == nil && features[index].words >= settings.leadInMinimumWords {
            let trimmed = TextMeasure.trim(blocks[index].text)
            // One or two short sentences: a paragraph that ends with a colon may announce a quotation
            // or a link, and a name in title case labels a link ("University of Nebraska's Institute
            // of Agriculture:"). A last sentence that opens a list in so many words ("… These
            // include:") needs fewer of the story's words.
            guard trimmed.last == ":", !trimmed.hasSuffix("::"), features[index].words <= settings.leadInMaximumWords,
                  case let sentences = CleaningRules.sentences(of: String(trimmed)), sentences.count <= 2,
                  !LineFeatures.isTitleCase(trimmed),
                  case let tokens = features[index].contentTokens, case let shared = vocabulary.sharedCount(tokens, ownWeight: 1),
                  Double(shared) > settings.unrelatedShare * Double(tokens.count),
                  shared >= (sentences.count == 2 && rules.opensList(sentences[1].dropLast())
                    ? settings.leadInAnnouncedMinimumSharedWords : settings.leadInMinimumSharedWords) else { continue }
            var list: [Int] = []
            var next = index + 1
            // A promo block set right after the list opens with a marker no table knows ("Keep exploring"),
            // or, after a paragraph of two sentences ("The operator opened the gates on Monday. Its
            // engineers then explained what comes next:"), with headlines in title case.
            while next < blocks.count, list.count < settings.leadInListMaximumItems, decisions[next].reason == nil,
                  !features[next].isAnchor(settings),
                  !(features[next].words <= settings.structuralMarkerMaximumWords && looksLikeAnnouncement(blocks[next].text)),
                  !(sentences.count > 1 && features[next].words >= settings.unmarkedHeadlineMinimumWords
                    && LineFeatures.isTitleCase(TextMeasure.trim(blocks[next].text))),
                  !breaksListShape(next, entries: list, blocks: blocks, features: features) {
                list.append(next)
                next += 1
            }
            leadIns.insert(index)
            // Unmarked headlines may open the list, set between the lead-in and its entries.
            let shares = list.map { vocabulary.relatedness(features[$0].contentTokens, ownWeight: 1) ?? 1 }
            if let head = promoHeadLength(shares, minimumHead: settings.minimumUnmarkedRun + 1),
               list[..<head].allSatisfy({ features[$0].isHeadlineShaped(settings, text: blocks[$0].text) }) {
                list.removeFirst(head)
            }
            entries += list
        }
        return (entries, leadIns)
    }

    /// The lines after a lead-in may open with a promo block ("… take the following steps:" / five
    /// unrelated headlines / the steps): the number of lines of that block, given each line's share
    /// of the story's words, or nil. The block and the entries are told apart where their shares
    /// part most (the split with the largest variance between the two groups). The block's lines
    /// then share at most `unrelatedShare` on average and none more than `weaklyRelatedShare`, as
    /// in a run of unrelated headlines; the entries share more on average, and there are at least
    /// `leadInResumedMinimumEntries` of them.
    private func promoHeadLength(_ shares: [Double], minimumHead: Int) -> Int? {
        let minimumEntries = settings.leadInResumedMinimumEntries
        guard shares.count >= minimumHead + minimumEntries else { return nil }
        let total = shares.reduce(0, +)
        var best: (head: Int, headMean: Double, separation: Double)?
        var headSum = 0.0
        for head in 1...(shares.count - minimumEntries) {
            headSum += shares[head - 1]
            guard head >= minimumHead else { continue }
            let headMean = headSum / Double(head), entryMean = (total - headSum) / Double(shares.count - head)
            let separation = Double(head * (shares.count - head)) * (entryMean - headMean) * (entryMean - headMean)
            guard entryMean > settings.unrelatedShare, separation > (best?.separation ?? 0) else { continue }
            best = (head, headMean, separation)
        }
        guard let best, best.headMean <= settings.unrelatedShare,
              shares[..<best.head].allSatisfy({ $0 <= settings.weaklyRelatedShare }) else { return nil }
        return best.head
    }

    /// Whether line `index` breaks the shape of the list entries before it, so the list is over: a
    /// line opening in capitals after entries that open in lowercase ("una línea de crédito …;" /
    /// "The Mekong Is Running Dry"), a headline's colon after entries without one ("No fans, no
    /// games, no paychecks: Minor league town counts cost"), or a line of a few words after entries
    /// of a sentence each (a subhead, "Not just Denver", and perhaps a promo block after it).
    private func breaksListShape(_ index: Int, entries: [Int], blocks: [Block], features: [LineFeatures]) -> Bool {
        guard !entries.isEmpty else { return false }
        if features[index].startsUppercase, entries.allSatisfy({ !features[$0].startsUppercase }) { return true }
        if blocks[index].text.contains(": "), entries.allSatisfy({ !blocks[$0].text.contains(": ") }) { return true }
        return features[index].words < settings.unmarkedHeadlineMinimumWords
            && entries.allSatisfy { features[$0].words >= settings.leadInSentenceEntryMinimumWords }
    }

    /// An interview written without speaker labels: questions on lines of their own, each answered by
    /// the paragraph after it. With `interviewMinimumQuestions` such pairs, the questions are the
    /// story's, though one may stand right after a promo block; fewer may be the last headline of a
    /// list before the story resumes.
    private func interviewQuestions(_ blocks: [Block], features: [LineFeatures]) -> Set<Int> {
        var questions = Set<Int>()
        for index in blocks.indices.dropLast() where features[index].words <= settings.headlineMaximumWords {
            guard TextMeasure.trim(blocks[index].text).last == "?", features[index + 1].isAnchor(settings),
                  TextMeasure.trim(blocks[index + 1].text).last != "?" else { continue }
            questions.insert(index)
        }
        return questions.count >= settings.interviewMinimumQuestions ? questions : []
    }

    private func isStrong(_ index: Int, features: [LineFeatures], headlines: [Bool]) -> Bool {
        !headlines[index] && features[index].isAnchor(settings)
    }

    /// What stage 4 judges a line by: its text, its measures, whether it is headline-shaped, and the
    /// share of its content words the rest of the article uses.
    private struct JudgedLines {
        var blocks: [Block]
        var features: [LineFeatures]
        var headlines: [Bool]
        var structured: [Bool]
        var relatedness: [Double?]
        /// A page (HTML or its copy) lists teasers with their summaries; a text article's lines
        /// that end "…" are its author's.
        var listsTeasers: Bool
    }

    private func removeHeadlineRuns(_ blocks: [Block], features: [LineFeatures], headlines: [Bool], structured: [Bool],
                                    vocabulary: ArticleVocabulary, listsTeasers: Bool, spentMarkers: Set<Int>,
                                    leadIns: Set<Int>, decisions: inout [Decision]) {
        let relatedness = features.indices.map { index in
            let own = decisions[index].reason != nil ? 0 : isStrong(index, features: features, headlines: headlines) ? ArticleVocabulary.requiredSupport : 1
            return vocabulary.relatedness(features[index].contentTokens, ownWeight: own)
        }
        var lines = JudgedLines(blocks: blocks, features: features, headlines: headlines, structured: structured,
                                relatedness: relatedness, listsTeasers: listsTeasers)
        markUnknownMarkers(lines, decisions: &decisions)
        removeListsAfterMarkers(&lines, spentMarkers: spentMarkers, leadIns: leadIns, decisions: &decisions)
        removeUnmarkedRuns(lines, decisions: &decisions)
    }

    /// A short unrelated announcement ("Keep exploring", "UP NEXT") followed by unrelated headlines
    /// is a marker no table knows.
    private func markUnknownMarkers(_ lines: JudgedLines, decisions: inout [Decision]) {
        for index in decisions.indices where decisions[index].reason == nil {
            if isBareMarker(index, lines, decisions: decisions) {
                // Its two lines are known unrelated: the sentence among them goes even at the list's end.
                decisions[index] = Decision(reason: .promoMarker, introducesHeadlines: true, judged: true)
                for member in (index + 1)...(index + 2) { decisions[member] = Decision(reason: .unrelatedHeadline, judged: true) }
                continue
            }
            guard isStructuralMarker(index, lines) else { continue }
            let following = ((index + 1)..<min(decisions.count, index + 3)).filter { decisions[$0].reason == nil }
            // A headline written as a sentence may open the list, not end it.
            let listed = following.filter {
                !lines.structured[$0] && !rules.isCredit(lines.blocks[$0].text)
                    && (lines.features[$0].isListedHeadlineShaped(settings, text: lines.blocks[$0].text)
                        || $0 == following.first && isListedStatement($0, lines))
                    && (lines.relatedness[$0] ?? 1) <= settings.weaklyRelatedShare
            }
            if following.count == 2, listed.count == 2, listed.contains(where: { (lines.relatedness[$0] ?? 1) <= settings.unrelatedShare }) {
                decisions[index] = Decision(reason: .promoMarker, introducesHeadlines: true, judged: true)
            }
        }
    }

    /// Lines under which the page's reader took out a list (`removedListMinimumEntries` blocks between
    /// them and the next kept one), when the kept line after the list is followed by prose: a marker
    /// there ("Mehr zum Thema" / links / "Gewerkschaft kündigt Widerstand an" / a paragraph) has had
    /// its list taken, and the heading after it is the story's. Entries kept after some removed ones
    /// ("Original Soundtrack" / "Music, Usually ships in 24 hours") are still the list's.
    private func markersWithRemovedLists(_ removedByReader: [RemovedBlock], features: [LineFeatures],
                                         blocks: [Block]) -> Set<Int> {
        var removedUnder: [Int: Int] = [:]
        for block in removedByReader where block.position > 0 { removedUnder[block.position - 1, default: 0] += 1 }
        return Set(removedUnder.compactMap { line, count in
            guard count >= settings.removedListMinimumEntries, line + 2 < blocks.count else { return nil }
            let prose = features[line + 2]
            return prose.words >= settings.anchorMinimumWords && prose.endsSentence
                && !TextMeasure.endsCutShort(blocks[line + 2].text) ? line : nil
        })
    }

    /// After a marker: the list it announces, up to its last unrelated headline. A related line
    /// inside the list is one more promoted article that happens to share a word; a related line
    /// after the list's end is the article resuming (a subhead).
    private func removeListsAfterMarkers(_ lines: inout JudgedLines, spentMarkers: Set<Int>, leadIns: Set<Int>,
                                         decisions: inout [Decision]) {
        for index in decisions.indices where decisions[index].introducesHeadlines && !spentMarkers.contains(index) {
            var listed = listAnnounced(by: index, lines, decisions: decisions)
            // A marker right under a lead-in ("… companies will have to:" / "Highlights") interrupts
            // the story's list: its entries follow the promoted headlines.
            if index > 0, leadIns.contains(index - 1),
               let head = promoHeadLength(listed.map { lines.relatedness[$0] ?? 1 }, minimumHead: 1) {
                for entry in listed[head...] { lines.structured[entry] = true }
                listed.removeLast(listed.count - head)
            }
            // A teaser's summary cut short after its headline is another article's, however many words it shares.
            guard var last = listed.lastIndex(where: {
                (lines.relatedness[$0] ?? 1) <= settings.unrelatedShareAfterMarker || isTeaserSummary($0, lines)
            }) else { continue }
            // The story resumes with a subhead sharing a word with the paragraph it heads ("Lessons
            // from Devon" / "Researchers … monitored a similar enclosure in west Devon …").
            if last > listed.startIndex, headsNextParagraph(listed[last], lines) {
                last -= 1
            }
            for member in listed[...last] {
                decisions[member].reason = .unrelatedHeadline
                decisions[member].judged = decisions[index].judged
            }
        }
    }

    /// A line of two or three words sharing some with the story and one with the paragraph of prose
    /// right after it: a subhead of the story (another article's headline is fuller).
    private func headsNextParagraph(_ index: Int, _ lines: JudgedLines) -> Bool {
        let next = index + 1
        guard next < lines.features.count, lines.headlines[index], !isFullHeadline(index, lines),
              (lines.relatedness[index] ?? 0) > settings.unrelatedShare, !looksLikeAnnouncement(lines.blocks[index].text),
              lines.features[next].isAnchor(settings) else { return false }
        return lines.features[index].contentTokens.sharedCount(with: lines.features[next].contentTokens) > 0
    }

    /// The headline-shaped lines after a marker, up to the first line of another shape or another marker.
    private func listAnnounced(by marker: Int, _ lines: JudgedLines, decisions: [Decision]) -> [Int] {
        var listed: [Int] = []
        // Headlines written as one sentence join the list only when an unrelated headline follows
        // them: at the list's end, such a line is the story resuming or its author's note (one of
        // two sentences is a headline's kicker, below).
        var statements: [Int] = []
        // A promo block may sit inside the story's own list: an entry after it that says nearly what
        // one before the marker says ("Bill White received six months of home detention", "Tom White
        // received three months …") is the story's list resuming.
        let entriesBefore = (max(0, marker - settings.echoReach)..<marker).filter {
            lines.headlines[$0] && decisions[$0].reason == nil
        }
        // So is a line opening in lowercase after the story's own list whose entries do ("The report
        // recommends that apps:" / "make maps private by default" / promo block / "hide home addresses").
        let storyListIsLowercase = (max(0, marker - settings.echoReach)..<marker).contains {
            lines.structured[$0] && decisions[$0].reason == nil && !lines.features[$0].startsUppercase
        }
        var next = marker + 1
        while next < decisions.count, listed.count + statements.count < settings.maximumListAfterMarker {
            if decisions[next].reason != nil {
                // A teaser's date line ("March 17, 2016") sits inside the list.
                let isTeaserDate = decisions[next].reason == .metadata && listed.last.map { isTeaserSummary($0, lines) } == true
                if decisions[next].introducesHeadlines || (decisions[next].reason != .unrelatedHeadline && !isTeaserDate) { break }
            } else {
                // The story's own listing after a heading that sounds like a marker ("What to watch next")
                // is no list of other articles.
                let text = lines.blocks[next].text
                guard !rules.isCredit(text), !lines.structured[next],
                      !entriesBefore.contains(where: { echoes(next, $0, lines) }),
                      !(storyListIsLowercase && !lines.features[next].startsUppercase) else { break }
                if lines.features[next].isListedHeadlineShaped(settings, text: text) {
                    if (lines.relatedness[next] ?? 1) <= settings.unrelatedShare { listed += statements }
                    listed.append(next)
                    statements = []
                } else if let previous = listed.last, statements.isEmpty, isTeaserSummary(next, lines),
                          lines.features[previous].isListedHeadlineShaped(settings, text: lines.blocks[previous].text) {
                    // "Related" / a headline / its summary, cut short "…": a teaser of another article.
                    listed.append(next)
                } else if isListedStatement(next, lines) || isTwoSentenceHeadline(next, lines) {
                    statements.append(next)
                } else {
                    break
                }
            }
            next += 1
        }
        // A headline of two sentences closing the list ("Along a flood-prone Virginia creek, a county
        // offers to buy out the neighbors. Not everyone wants to sell.") is the list's last entry.
        if !listed.isEmpty, let first = statements.first, isTwoSentenceHeadline(first, lines) {
            listed.append(first)
        }
        return listed
    }

    /// A teaser's summary in a page: prose that ends where it was cut ("… as many developers as the
    /// previous year. The results were published along with…"). Chinese and Japanese prose trails
    /// off with "…" as a matter of style.
    private func isTeaserSummary(_ index: Int, _ lines: JudgedLines) -> Bool {
        lines.listsTeasers && !lines.features[index].isCJK && lines.features[index].words >= settings.unmarkedHeadlineMinimumWords
            && TextMeasure.endsCutShort(lines.blocks[index].text)
    }

    /// Whether line `index` shares at least `echoMinimumSharedWords` content words, and at least
    /// `echoMinimumShare` of its own, with line `other`. The same headline twice is one article
    /// promoted twice (a copy the story kept above), not two entries of a list.
    private func echoes(_ index: Int, _ other: Int, _ lines: JudgedLines) -> Bool {
        let own = lines.features[index].contentTokens, theirs = lines.features[other].contentTokens
        guard own.count >= settings.echoMinimumSharedWords, own != theirs else { return false }
        let shared = own.sharedCount(with: theirs)
        return shared >= settings.echoMinimumSharedWords && Double(shared) >= settings.echoMinimumShare * Double(own.count)
    }

    /// A line that is no headline by its shape but a headline written as one short sentence with its
    /// stop ("Apple updates Mac Pros, doubles performance."), sharing nothing much with the story: an
    /// entry of a list of other articles when headlines stand around it. Asked of lines already
    /// known not to be headline-shaped.
    private func isListedStatement(_ index: Int, _ lines: JudgedLines) -> Bool {
        let features = lines.features[index]
        guard features.endsSentence, features.startsUppercase, features.isPlainText(settings),
              (settings.unmarkedHeadlineMinimumWords...settings.listedStatementMaximumWords).contains(features.words),
              features.stopwordShare <= settings.listedStatementMaximumStopwordShare,
              (lines.relatedness[index] ?? 1) <= settings.unrelatedShare else { return false }
        return !CleaningRules.hasSentenceBreak(String(TextMeasure.trim(lines.blocks[index].text)))
    }

    /// A headline written as two short sentences, the second a kicker ("Along a flood-prone Virginia
    /// creek, a county offers to buy out the neighbors. Not everyone wants to sell."), sharing nothing
    /// much with the story. Neither headline-shaped nor one statement, it is an entry of a list of
    /// other articles only among them.
    private func isTwoSentenceHeadline(_ index: Int, _ lines: JudgedLines) -> Bool {
        let features = lines.features[index]
        guard !lines.structured[index], features.startsUppercase, features.isPlainText(settings),
              (settings.unmarkedHeadlineMinimumWords...settings.twoSentenceHeadlineMaximumWords).contains(features.words),
              features.stopwordShare <= settings.twoSentenceHeadlineMaximumStopwordShare,
              (lines.relatedness[index] ?? 1) <= settings.unrelatedShare else { return false }
        // A line pointing elsewhere ("Read Kyle's post here. See also: …") is its author's note.
        let text = String(TextMeasure.trim(lines.blocks[index].text))
        guard !text.contains(":") else { return false }
        let sentences = CleaningRules.sentences(of: text)
        return sentences.count == 2 && sentences.allSatisfy { $0.first?.isUppercase == true }
    }

    /// A headline but for its opening in lowercase, as some languages write one ("la Métropole veut
    /// bannir …"), sharing nothing much with the story.
    private func isLowercaseHeadline(_ index: Int, _ lines: JudgedLines) -> Bool {
        let features = lines.features[index]
        guard !lines.structured[index], !features.startsUppercase, !features.endsSentence,
              features.words >= settings.unmarkedHeadlineMinimumWords,
              features.isListedHeadlineShaped(settings, text: lines.blocks[index].text),
              (lines.relatedness[index] ?? 1) <= settings.unrelatedShare else { return false }
        // A line of verse or a quotation broken across lines ends in its quotation mark; a web
        // address ("http://www.example.blogspot.com Flagstaff") signs a reader's post.
        let trimmed = TextMeasure.trim(lines.blocks[index].text)
        let firstWord = trimmed.prefix { $0 != " " }
        return trimmed.first?.isLowercase == true && trimmed.last.map { $0.isLetter || $0.isNumber } == true
            && !firstWord.contains { ".:/@".contains($0) }
    }

    /// Without a marker: runs of unrelated headlines. A line sharing a word or two with the article
    /// (at most `weaklyRelatedShare`) does not break a run between unrelated ones, but a run must
    /// start and end with unrelated lines.
    private func removeUnmarkedRuns(_ lines: JudgedLines, decisions: inout [Decision]) {
        // A headline of two sentences, or one opening in lowercase ("la Métropole veut bannir les
        // véhicules diesel du centre dès 2022"), joins a run of headline-shaped ones; a run of them
        // alone is prose or the story's own list.
        func isMember(_ index: Int) -> Bool {
            isCandidate(index, lines, decisions: decisions)
                || (decisions[index].reason == nil && (isTwoSentenceHeadline(index, lines) || isLowercaseHeadline(index, lines)))
        }
        var index = 0
        while index < decisions.count {
            guard isMember(index) else {
                index += 1
                continue
            }
            var end = index
            while end + 1 < decisions.count, isMember(end + 1) {
                end += 1
            }
            if (index...end).contains(where: { isCandidate($0, lines, decisions: decisions) }) {
                removeUnmarkedRun(index...end, lines, decisions: &decisions)
            }
            index = end + 1
        }
    }

    /// Removes a run of candidate lines when enough of them are unrelated, with the marker before it.
    private func removeUnmarkedRun(_ run: ClosedRange<Int>, _ lines: JudgedLines, decisions: inout [Decision]) {
        var unrelated = run.filter { (lines.relatedness[$0] ?? 1) <= settings.unrelatedShare }
        // A longer run of fuller headlines, each sharing a generic word or two with the story ("team",
        // "season"), is unrelated as a whole when its lines share little on average. The run may
        // open with its own announcement ("Explore more").
        let entries = run.dropFirst(isStructuralMarker(run.lowerBound, lines) ? 1 : 0)
        if entries.allSatisfy({ isFullHeadline($0, lines) }), run.count > settings.minimumUnmarkedRun,
           run.reduce(0.0, { $0 + (lines.relatedness[$1] ?? 1) }) <= settings.unrelatedRunMeanShare * Double(run.count) {
            unrelated = run.filter { (lines.relatedness[$0] ?? 1) <= settings.unrelatedRunMeanShare }
        }
        // A line opening in lowercase joins a run but does not make one: it may be a fragment of a
        // paragraph broken around its links ("Chris Peterson" / "and had overtures turned aside by
        // Oregon's" / "Mike Bellotti").
        let headlines = unrelated.filter { lines.features[$0].startsUppercase }
        // A two- or three-word line is more often a subhead, a name or a list entry of the story's own
        // ("Script Debugger", "Herman Melville") than another article's headline: a run needs the
        // usual count of fuller headlines, or one line more.
        let full = headlines.filter { isFullHeadline($0, lines) }
        guard let first = unrelated.first, let last = unrelated.last,
              full.count >= settings.minimumUnmarkedRun || headlines.count > settings.minimumUnmarkedRun else { return }
        // A short announcement just before the run is its marker, even in words no table knows;
        // then the run's weakly related opening lines belong to the list too.
        var start = first
        var marker: Int?
        let index = run.lowerBound
        if index > 0, decisions[index - 1].reason == nil, isStructuralMarker(index - 1, lines) {
            start = index
            marker = index - 1
        } else if first > 0, decisions[first - 1].reason == nil, isStructuralMarker(first - 1, lines) {
            marker = first - 1
        }
        for member in start...last {
            decisions[member].reason = .unrelatedHeadline
            decisions[member].judged = true
        }
        if let marker {
            decisions[marker].reason = .promoMarker
            decisions[marker].judged = true
        } else if looksLikeAnnouncement(lines.blocks[start].text), lines.features[start].words <= settings.structuralMarkerMaximumWords {
            // The run opens with its own announcement ("Elsewhere on our network").
            decisions[start].reason = .promoMarker
        }
    }

    /// Long enough to be another article's headline without a marker (CJK lines have few "words").
    private func isFullHeadline(_ index: Int, _ lines: JudgedLines) -> Bool {
        lines.features[index].isCJK || lines.features[index].words >= settings.unmarkedHeadlineMinimumWords
    }

    /// Prompts anywhere in the article ("Enjoyed this? Join 40,000 readers who get our weekly digest"),
    /// known by what they ask the reader to do rather than by a marker phrase, when they share little
    /// with the article: a story about an app or a newsletter keeps its own lines.
    private func removeCallsToAction(_ blocks: [Block], features: [LineFeatures], headlines: [Bool],
                                     vocabulary: ArticleVocabulary, decisions: inout [Decision]) {
        for index in blocks.indices where decisions[index].reason == nil && !features[index].isQuoted {
            guard let reason = callToAction(blocks[index].text) else { continue }
            let own = isStrong(index, features: features, headlines: headlines) ? ArticleVocabulary.requiredSupport : 1
            let share = vocabulary.relatedness(features[index].contentTokens, ownWeight: own) ?? 0
            // A prompt shares nothing with the story; a line about the story that names a channel
            // ("Follow #njstorm for the storm's effect on New Jersey") shares some words.
            guard share <= settings.unrelatedShare else { continue }
            decisions[index] = Decision(reason: reason, judged: true)
        }
    }

    /// What a line asks the reader to do, by the channel it names, under this cleaner's limits
    /// (nil for a line that asks nothing).
    private func callToAction(_ text: String) -> RemovalReason? {
        rules.callToAction(text, maximumWords: settings.callToActionMaximumWords, maximumPromptWords: settings.callToActionPromptMaximumWords,
                           maximumHookWords: settings.callToActionHookMaximumWords)
    }

    /// The tail of a scraped article: short prompts after the last paragraph ("Join our mailing list",
    /// "Spread the word") that share nothing with the article, in words no table may know.
    private func removeTrailingPrompts(_ blocks: [Block], features: [LineFeatures], headlines: [Bool], structured: [Bool],
                                       vocabulary: ArticleVocabulary, decisions: inout [Decision]) {
        var index = blocks.count - 1
        while index >= 0 {
            if decisions[index].reason != nil { index -= 1; continue }
            let line = features[index]
            let own = isStrong(index, features: features, headlines: headlines) ? ArticleVocabulary.requiredSupport : 1
            let share = vocabulary.relatedness(line.contentTokens, ownWeight: own) ?? 0
            guard line.words >= 2, line.words <= settings.trailingPromptMaximumWords, !line.endsSentence || line.words <= 4,
                  line.digitShare == 0,
                  share <= settings.unrelatedShare, !rules.isCredit(blocks[index].text), !line.startsListMarker,
                  !structured[index] else { break }
            decisions[index] = Decision(reason: .boilerplate, judged: true)
            index -= 1
        }
    }

    /// A section under a heading of its own after the story whose lines speak to the reader and
    /// share next to nothing with the story above them ("Customer Service" / "Our customer service
    /// team is available …" / "If you have a question about your subscription …"): the site's
    /// service or contact box, caught in the story's container. Each line shares at most
    /// `unrelatedShare` (a story's own section after its opening, an FAQ or a list of features,
    /// shares more); lines of a few words (a phone number) need not speak, two lines at least must.
    /// The box may hold more words than a short story: its removal is certain, not undone when
    /// little is left.
    private func removeServiceSection(_ blocks: [Block], features: [LineFeatures], titleTokens: WordKeys,
                                      decisions: inout [Decision]) {
        let kept = blocks.indices.filter { decisions[$0].reason == nil }
        var story = StorySoFar(titleTokens: titleTokens)
        for (position, index) in kept.enumerated() {
            if blocks[index].kind == .heading, story.words >= settings.serviceSectionMinimumStoryWords {
                let section = kept[(position + 1)...]
                // Most sections of a story share its words from their first line: judged line by line, they fail fast.
                var speaking = 0
                let isServiceBox = section.allSatisfy { line in
                    let text = blocks[line].text
                    // A prompt may name the site, which the story names too ("Get the Hindu app for a
                    // seamless reading experience" under a story about a Hindu temple's tank). The
                    // prompt rule costs the most, and is asked last.
                    if (story.vocabulary.relatedness(features[line].contentTokens, ownWeight: 0) ?? 0) > settings.unrelatedShare {
                        guard callToAction(text) != nil else { return false }
                    } else if !CleaningRules.addressesReader(text), callToAction(text) == nil {
                        return features[line].words <= settings.serviceSectionPlainLineMaximumWords
                    }
                    speaking += 1
                    return true
                }
                if isServiceBox, speaking >= 2 {
                    for line in [index] + section { decisions[line] = Decision(reason: .boilerplate) }
                    return
                }
            }
            story.add(features[index], settings: settings)
        }
    }

    // MARK: Photo galleries

    /// A photo gallery copied with the page: slides numbered in a row by a counter at their first
    /// line's start ("1/50 United goin down", "2/50 Star Wars boosts economy", or "1 of 6" alone),
    /// each over its caption and credit. A gallery of other stories ("Business news in pictures")
    /// shares little with the story around it: its slides and captions go, with the caption lines
    /// after the last counter (as many as the fewest between two counters). A story's own gallery,
    /// or a slideshow that is the page's story, keeps its captions; its bare counters go.
    private func removeGalleries(_ blocks: [Block], features: [LineFeatures], titleTokens: WordKeys, decisions: inout [Decision]) {
        var runs: [[SlideCounter]] = []
        for index in blocks.indices where decisions[index].reason == nil {
            guard let slide = SlideCounter(blocks[index].text, at: index) else { continue }
            if let last = runs.last?.last, last.total == slide.total, slide.number == last.number + 1 {
                runs[runs.count - 1].append(slide)
            } else {
                runs.append([slide])
            }
        }
        for run in runs where run.count >= settings.gallerySlidesMinimum {
            guard let first = run.first, let last = run.last else { continue }
            let fewestBetween = zip(run.dropFirst(), run).map { $0.index - $1.index }.min() ?? 1
            let span = first.index...min(blocks.count - 1, last.index + fewestBetween - 1)
            var story = StorySoFar(titleTokens: titleTokens)
            for index in blocks.indices where !span.contains(index) && decisions[index].reason == nil {
                story.add(features[index], settings: settings)
            }
            let slides = span.filter { decisions[$0].reason == nil }
            let shares = slides.compactMap { story.vocabulary.relatedness(features[$0].contentTokens, ownWeight: 0) }
            if story.words >= settings.pageMinimumArticleWords, !shares.isEmpty,
               shares.reduce(0, +) <= settings.unrelatedShare * Double(shares.count) {
                for index in slides { decisions[index].reason = .boilerplate }
            } else {
                for slide in run where slide.isBare { decisions[slide.index].reason = .navigation }
            }
        }
    }

    /// A short line, unrelated to the article, worded or shaped as an announcement.
    private func isStructuralMarker(_ index: Int, _ lines: JudgedLines) -> Bool {
        // Its own words may be the site's ("Elsewhere on the site"), so it may share a little with the article.
        // An entry of the story's own interview or listing ("AP: How do you view Cruise?") announces nothing.
        let features = lines.features[index]
        return !lines.structured[index] && features.words <= settings.structuralMarkerMaximumWords && !features.isAnchor(settings)
            && (lines.relatedness[index] ?? 0) <= settings.weaklyRelatedShare && looksLikeAnnouncement(lines.blocks[index].text)
    }

    /// A short headline-shaped line sharing nothing with the article, in words no table knows ("Top
    /// picks"), whose next two lines are unrelated too, the first another article's full headline.
    private func isBareMarker(_ index: Int, _ lines: JudgedLines, decisions: [Decision]) -> Bool {
        // A fuller line is a headline of the run itself, and so is any line after an unrelated headline.
        guard !lines.structured[index], lines.headlines[index], !isFullHeadline(index, lines),
              index == 0 || !isCandidate(index - 1, lines, decisions: decisions),
              (lines.relatedness[index] ?? 1) <= settings.unrelatedShare, index + 2 < decisions.count,
              decisions[index + 1].reason == nil, decisions[index + 2].reason == nil else { return false }
        let first = index + 1, second = index + 2
        return lines.headlines[first] && isFullHeadline(first, lines) && !lines.structured[first] && !lines.structured[second]
            && (lines.relatedness[first] ?? 1) <= settings.unrelatedShare && (lines.relatedness[second] ?? 1) <= settings.unrelatedShare
            && (lines.headlines[second] || isListedStatement(second, lines))
    }

    /// A line that announces a list: promo words ("More", "Picked for you") or all capitals.
    /// A colon alone is not enough: "Notes:" introduces the article's own list.
    private func looksLikeAnnouncement(_ text: String) -> Bool {
        let trimmed = String(TextMeasure.trim(text))
        let letters = trimmed.filter(\.isLetter)
        if !letters.isEmpty, letters.allSatisfy({ $0.isUppercase || !$0.isCased }), letters.contains(where: \.isCased) { return true }
        return rules.soundsLikePromo(trimmed)
    }

    /// A headline-shaped line still kept that shares at most a word or two with the article.
    private func isCandidate(_ index: Int, _ lines: JudgedLines, decisions: [Decision]) -> Bool {
        guard decisions[index].reason == nil, lines.headlines[index], !lines.structured[index],
              let share = lines.relatedness[index] else { return false }
        return share <= settings.weaklyRelatedShare
    }
}

/// The story around a part judged on its own (a gallery, a box under a heading): the title's words
/// and its lines' words, prose vouching alone, and how many words it has.
private struct StorySoFar {
    private(set) var vocabulary = ArticleVocabulary()
    private(set) var words = 0

    init(titleTokens: WordKeys) {
        vocabulary.add(titleTokens, strong: true)
    }

    mutating func add(_ line: LineFeatures, settings: CleaningSettings) {
        vocabulary.add(line.contentTokens, strong: line.words >= settings.anchorMinimumWords)
        words += line.words
    }
}

/// A photo gallery slide's counter at a line's start: "3/50 Star Wars boosts economy", "2 of 6".
private struct SlideCounter {
    var index: Int
    var number: Int
    var total: Int
    /// The counter is the whole line.
    var isBare: Bool

    init?(_ text: String, at index: Int) {
        // Asked of every line: most open with no digit.
        guard let first = text.utf8.first, (0x30...0x39).contains(first) else { return nil }
        var rest = Substring(text)
        guard let number = Self.number(&rest) else { return nil }
        rest = rest.drop { $0 == " " }
        if rest.hasPrefix("/") {
            rest = rest.dropFirst()
        } else if rest.hasPrefix("of ") {
            rest = rest.dropFirst(2)
        } else {
            return nil
        }
        rest = rest.drop { $0 == " " }
        guard let total = Self.number(&rest), number >= 1, number <= total,
              rest.isEmpty || rest.first == " " else { return nil }
        self.index = index
        self.number = number
        self.total = total
        isBare = rest.allSatisfy(\.isWhitespace)
    }

    /// One to three digits at the start of `text`, consumed.
    private static func number(_ text: inout Substring) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count) else { return nil }
        text = text.dropFirst(digits.count)
        return Int(digits)
    }
}
