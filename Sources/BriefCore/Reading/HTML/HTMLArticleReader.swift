// Reads an HTML page: decode, parse with libxml2, collect blocks, select the story, resolve metadata.
import Foundation

/// The HTML reader: one page in, one document out, with chrome already removed and every removal explained.
public struct HTMLArticleReader: ArticleReader {
    /// Pages larger than this are refused rather than parsed (no real article is this big).
    public static let maximumInputSize = 24 << 20

    /// When false (feed item bodies), every non-chrome block is kept: the fragment is all story.
    public var selectsMainContent: Bool
    public var settings: HTMLExtractionSettings

    public init(selectsMainContent: Bool = true, settings: HTMLExtractionSettings = .standard) {
        self.selectsMainContent = selectsMainContent
        self.settings = settings
    }

    public func read(_ data: Data, source: String) throws(ReadError) -> [RawDocument] {
        [try document(from: data, source: source)]
    }

    /// Reads one page into a document.
    public func document(from data: Data, source: String) throws(ReadError) -> RawDocument {
        guard !data.isEmpty else { throw ReadError(.empty, "empty file") }
        guard data.count <= Self.maximumInputSize else {
            throw ReadError(.tooLarge, "HTML page is \(data.count >> 20) MB, more than the \(Self.maximumInputSize >> 20) MB limit")
        }
        let decoded = HTMLCharsetDecoder.utf8(data)
        guard var reading = select(decoded.bytes, readingNoscript: false) else {
            throw ReadError(.malformed, "not an HTML page libxml2 can parse")
        }
        // A page that says next to nothing to a browser running scripts may hold its story in
        // `<noscript>` (a blog rendering its post from a script template): read that too.
        if selectsMainContent, Self.keptLength(reading.selection) < settings.minimumArticleLength,
           Self.containsNoscript(decoded.bytes), let second = select(decoded.bytes, readingNoscript: true),
           Self.keptLength(second.selection) > Self.keptLength(reading.selection) {
            reading = second
        }
        let collector = reading.collector
        var selection = reading.selection
        let metadata = HTMLMetadataResolver.resolve(facts: collector.facts, blocks: collector.blocks, kept: selection.kept)
        // A site's name before the headline in `<title>` ("IOL: Trio set for Derby debuts") is no part
        // of it: the headline printed over the story is the title.
        let title = metadata.title.map { removeTitleRepeat($0, from: &selection) ?? $0 }
        let summary = takeSummary(from: &selection)
        if selectsMainContent, let published = metadata.articleBody.flatMap({ PublishedArticleBody($0, settings: settings) }) {
            published.removeBlocksOutside(&selection, settings: settings)
        }

        let blocks = selection.kept.map {
            Block(kind: $0.kind, text: $0.text, linkDensity: $0.linkDensity, removalHint: nil, container: nil)
        }
        let removed = selection.removed.map { RemovedBlock(text: $0.block.text, reason: $0.reason, position: $0.position) }
        // Without an author in the page's metadata, the byline printed above the story names one.
        let printed = metadata.byline == nil ? Self.printedByline(selection) : nil
        var document = RawDocument(source: source, format: .html, title: title, date: metadata.date ?? printed?.date,
                                   byline: metadata.byline ?? printed?.name, url: metadata.url, siteName: metadata.siteName,
                                   blocks: blocks, removed: removed)
        document.language = metadata.language
        document.summary = summary
        document.captionsAreBody = settings.keepsCaptions
        return document
    }

    /// Parses the page and selects its story; nil when libxml2 could not even start.
    private func select(_ bytes: [UInt8], readingNoscript: Bool) -> (collector: HTMLBlockCollector, selection: HTMLSelection)? {
        let collector = HTMLBlockCollector(readsNoscript: readingNoscript)
        guard collector.collect(utf8: HTMLScriptStripper.strip(bytes, keepingNoscript: readingNoscript)) else { return nil }
        var selection: HTMLSelection
        if selectsMainContent {
            selection = HTMLContentSelector(settings: settings).select(blocks: collector.blocks, containers: collector.containers)
        } else {
            selection = HTMLSelection()
            var blocks = collector.blocks
            HTMLContentSelector(settings: settings).resolveChrome(&blocks, containers: collector.containers)
            for block in blocks {
                if let reason = block.removal { selection.removed.append((block, reason, selection.kept.count)) }
                else { selection.kept.append(block) }
            }
        }
        return (collector, selection)
    }

    private static func keptLength(_ selection: HTMLSelection) -> Int {
        selection.kept.reduce(0) { $0 + $1.length - $1.linkLength }
    }

    private static func containsNoscript(_ bytes: [UInt8]) -> Bool {
        let needle = Array("<noscript".utf8)
        guard bytes.count >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { input in
            var index = 0
            while index + needle.count <= input.count,
                  let found = memchr(input.baseAddress! + index, 0x3C, input.count - index) {
                let start = input.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard start + needle.count <= input.count else { return false }
                if (1..<needle.count).allSatisfy({ input[start + $0] | 0x20 == needle[$0] }) { return true }
                index = start + 1
            }
            return false
        }
    }

    /// Decks, standfirsts and key points out of the story: those kept, and those above it that only
    /// content selection left out (a standfirst in the page header, beside the headline).
    private func takeSummary(from selection: inout HTMLSelection) -> String? {
        let keyPointsEnd = markKeyPoints(in: &selection)
        // Only the story's opening: further down, a block so named is a section's subtitle. The
        // labels and slugs a page prints over its story do not open it.
        let opening = selection.kept.indices.first {
            $0 >= keyPointsEnd && selection.kept[$0].kind != .summary && selection.kept[$0].kind != .heading
                && opensStory(selection.kept[$0].text)
        } ?? selection.kept.endIndex
        for index in selection.kept.indices[opening...] where selection.kept[index].kind == .summary {
            selection.kept[index].kind = .paragraph
        }
        let kept = selection.kept.indices.filter { selection.kept[$0].kind == .summary }
        let above = selection.removed.indices.filter {
            selection.removed[$0].position == 0 && selection.removed[$0].reason == .boilerplate
                && selection.removed[$0].block.kind == .summary && selection.removed[$0].block.linkDensity < 0.5
        }
        guard !kept.isEmpty || !above.isEmpty else { return nil }
        let summaryLength = (kept.map { selection.kept[$0] } + above.map { selection.removed[$0].block }).reduce(0) { $0 + $1.length }
        let storyLength = selection.kept.reduce(0) { $0 + $1.length }
        guard Double(summaryLength) <= settings.summaryMaximumShare * Double(storyLength) else {
            // Too much for a summary: the container was misnamed, and its text is the story's.
            for index in kept { selection.kept[index].kind = .paragraph }
            return nil
        }
        var lines = above.map { selection.removed[$0].block.text }
        for index in above.reversed() { selection.removed.remove(at: index) }
        for index in kept.reversed() { lines.insert(selection.take(keptAt: index).text, at: above.count) }
        return lines.joined(separator: "\n")
    }

    /// Whether a block can be the story's first: a sentence, or `storyOpeningMinimumWords` words.
    private func opensStory(_ text: String) -> Bool {
        let trimmed = TextMeasure.trim(text)
        return TextMeasure.wordCount(trimmed) >= settings.storyOpeningMinimumWords || trimmed.last.map { ".!?”\"".contains($0) } == true
    }

    /// Key points a page prints as a list under a label ("STORY HIGHLIGHTS", "Key points:") at the
    /// story's top, with no class that names them: the items become the summary and the label goes as
    /// metadata. Returns the index after the last item (0 when there are none), so that a line left
    /// above the label ("Part of complete coverage on") does not hide the story's opening from them.
    private func markKeyPoints(in selection: inout HTMLSelection) -> Int {
        let rules = HTMLBlockKindRules.shared
        for label in selection.kept.indices.prefix(settings.keyPointsLabelReach)
        where selection.kept[label].kind != .listItem && rules.isKeyPointsLabel(selection.kept[label].text) {
            var end = label + 1
            // Items the reader reads, not links to other pages ("Cast your vote now!" goes with cleaning).
            while end < selection.kept.count, selection.kept[end].kind == .listItem || selection.kept[end].kind == .summary {
                end += 1
            }
            let items = ((label + 1)..<end).filter { selection.kept[$0].linkDensity < settings.linkedHeadlineDensity }
            guard items.count >= settings.keyPointsMinimumItems else { continue }
            for item in items { selection.kept[item].kind = .summary }
            selection.remove(keptAt: label, reason: .metadata)
            return end - 1
        }
        return 0
    }

    /// A "By …" line removed as metadata above the story's first paragraphs (an element classed
    /// `byline`, say); further down, a byline belongs to a teaser or a comment.
    private static func printedByline(_ selection: HTMLSelection) -> (name: String, date: ArticleDate?)? {
        for removed in selection.removed where removed.reason == .metadata && removed.position <= 1 {
            if let byline = TextArticleReader.bylineAndDate(removed.block.text) { return byline }
        }
        return nil
    }

    /// The headline usually stands again at the top of the story; it is the title, not body text.
    /// Returns the heading when the title is it behind a site's name, else nil.
    private func removeTitleRepeat(_ title: String, from selection: inout HTMLSelection) -> String? {
        let wanted = Self.comparable(title)
        guard !wanted.isEmpty else { return nil }
        for (index, block) in selection.kept.prefix(4).enumerated() where block.kind == .heading || block.isHeading1 {
            let text = Self.comparable(block.text)
            let behindSiteName = text.count > 12 && text.count < wanted.count && wanted.hasSuffix(text)
                && Self.isBehindSiteName(comparableHeading: text, in: title)
            if text == wanted || (text.count > 12 && (wanted.hasPrefix(text) || text.hasPrefix(wanted))) || behindSiteName {
                selection.kept.remove(at: index)
                // Keep `removed` in document order: the title goes before everything that followed it.
                let insertion = selection.removed.firstIndex { $0.position > index } ?? selection.removed.endIndex
                for removedIndex in selection.removed.indices where selection.removed[removedIndex].position > index {
                    selection.removed[removedIndex].position -= 1
                }
                selection.removed.insert((block, .metadata, index), at: insertion)
                return behindSiteName ? block.text : nil
            }
        }
        return nil
    }

    /// Whether the title is a short name, a separator and then the heading ("Web Ink Now: How Content
    /// Works", "globeandmail.com: Blame game begins amid fury"); a title that only ends like its
    /// heading ("Receita de Sequilho com Chocolate Amargo") is the fuller headline.
    private static func isBehindSiteName(comparableHeading wanted: String, in title: String) -> Bool {
        for separator in [": ", " - ", " -- ", "- ", " | ", " – ", " — ", " » "] {
            var searchStart = title.startIndex
            while let range = title.range(of: separator, range: searchStart..<title.endIndex) {
                let name = title[..<range.lowerBound]
                if name.split(separator: " ").count <= siteNameMaximumWords, comparable(String(title[range.upperBound...])) == wanted {
                    return true
                }
                searchStart = range.upperBound
            }
        }
        return false
    }

    /// Most words a site's name before the headline in `<title>` has ("The Complete Guide to Imperfect Homemaking").
    private static let siteNameMaximumWords = 6

    private static func comparable(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            .map(Character.init))
    }
}
