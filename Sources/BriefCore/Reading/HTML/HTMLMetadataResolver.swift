// Picks a page's title, date, byline, site name and canonical URL from the facts found while walking it.
import Foundation

/// The page metadata that ends up in the RawDocument.
struct HTMLMetadata {
    var title: String?
    var date: ArticleDate?
    var byline: String?
    var siteName: String?
    var url: String?
    var language: String?
    /// The story's text as the page publishes it in JSON-LD (`articleBody`), if any.
    var articleBody: String?
}

/// Resolves metadata in order of trust: structured data first, then tags, then text.
enum HTMLMetadataResolver {
    /// Visible date lines are only looked for in blocks this short, near the top of the story.
    static let dateLineMaximumLength = 120
    static let dateLineSearchDepth = 12

    private static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "scholarlyarticle", "techarticle", "liveblogposting", "posting", "socialmediaposting",
        "report", "review", "webpage", "creativework", "medicalwebpage", "itempage",
    ]
    private static let dateMetaKeys = [
        "article:published_time", "og:published_time", "datepublished", "article.published", "published_time",
        "publishdate", "publish-date", "publish_date", "pubdate", "date", "dc.date", "dc.date.issued",
        "dcterms.created", "dcterms.date", "dcterms.issued", "sailthru.date", "parsely-pub-date",
        "citation_publication_date", "citation_date", "article_date_original", "original-publish-date",
        "datecreated", "article:modified_time", "og:updated_time", "datemodified",
    ]
    private static let titleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " / "]

    static func resolve(facts: HTMLPageFacts, blocks: [HTMLTextBlock], kept: [HTMLTextBlock]) -> HTMLMetadata {
        var metadata = HTMLMetadata()
        let structured = StructuredData(facts.jsonLD.compactMap(parseJSON))
        let metas = facts.metas

        metadata.siteName = clean(metas["og:site_name"]) ?? structured.publisher ?? clean(metas["application-name"])
        metadata.url = clean(facts.canonical) ?? clean(metas["og:url"])
        metadata.language = clean(facts.language)
        metadata.articleBody = structured.articleBody

        let h1 = (kept.first(where: \.isHeading1) ?? blocks.first(where: \.isHeading1))?.text
        let candidates = [clean(metas["og:title"]), clean(metas["twitter:title"]), structured.headline,
                          clean(metas["headline"]), clean(h1), clean(facts.titleTag).map { stripSiteSuffix($0, site: metadata.siteName) }]
        if let title = candidates.compactMap({ $0 }).first {
            metadata.title = stripSiteSuffix(title, site: metadata.siteName, onlyKnownSite: true)
        }

        metadata.date = structured.datePublished.flatMap(NewsDateParser.parse)
        if metadata.date == nil {
            for key in dateMetaKeys {
                if let value = metas[key], let date = NewsDateParser.parse(value) {
                    metadata.date = date
                    break
                }
            }
        }
        if metadata.date == nil { metadata.date = facts.times.lazy.compactMap(NewsDateParser.parse).first }
        if metadata.date == nil { metadata.date = [metadata.url, metas["og:url"]].compactMap { $0 }.lazy.compactMap(NewsDateParser.fromURL).first }
        if metadata.date == nil {
            let early = blocks.prefix(dateLineSearchDepth * 4).lazy.filter { $0.length <= dateLineMaximumLength }
            metadata.date = early.compactMap { NewsDateParser.parse($0.text) }.first
        }

        let metaAuthor = [metas["author"], metas["article:author"], metas["byl"], metas["parsely-author"], metas["dc.creator"]]
            .compactMap { clean($0) }.first { !$0.hasPrefix("http") }
        metadata.byline = structured.author ?? metaAuthor
        return metadata
    }

    /// `Headline | Site` → `Headline`: the site part goes when it is the known site name, or (for
    /// `<title>`) the longest part is taken as the headline.
    static func stripSiteSuffix(_ title: String, site: String?, onlyKnownSite: Bool = false) -> String {
        if let site, !site.isEmpty {
            for separator in titleSeparators {
                if title.hasSuffix(separator + site) { return String(title.dropLast(separator.count + site.count)) }
                if title.hasPrefix(site + separator) { return String(title.dropFirst(separator.count + site.count)) }
            }
        }
        if onlyKnownSite { return title }
        for separator in titleSeparators where title.contains(separator) {
            let parts = title.components(separatedBy: separator)
            if let longest = parts.max(by: { $0.count < $1.count }), longest.count >= 15 {
                return longest.trimmingCharacters(in: .whitespaces)
            }
        }
        return title
    }

    private static func clean(_ value: String?) -> String? {
        guard let value else { return nil }
        // Text from the page is data: control and escape characters never reach the reader. A C1
        // code is read as Windows-1252, as in the body ("Iraq&#146;s" is "Iraq’s").
        let printable = value.unicodeScalars.map { scalar in
            if let reading = HTMLCharsetDecoder.windows1252Reading(ofC1: scalar.value) { return String(reading) }
            return scalar.properties.generalCategory == .control ? " " : String(scalar)
        }.joined()
        let collapsed = printable.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }

    private static func parseJSON(_ text: String) -> Any? {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for wrapper in ["<!--", "//<![CDATA[", "<![CDATA["] where body.hasPrefix(wrapper) { body.removeFirst(wrapper.count) }
        for wrapper in ["-->", "//]]>", "]]>"] where body.hasSuffix(wrapper) { body.removeLast(wrapper.count) }
        return try? JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed])
    }

    /// The article fields of a page's JSON-LD (schema.org), from the first object typed as an article.
    private struct StructuredData {
        var headline: String?
        var datePublished: String?
        var author: String?
        var publisher: String?
        var articleBody: String?

        init(_ roots: [Any]) {
            var objects: [[String: Any]] = []
            func gather(_ value: Any, depth: Int) {
                guard depth < 6 else { return }
                if let array = value as? [Any] {
                    array.forEach { gather($0, depth: depth + 1) }
                } else if let object = value as? [String: Any] {
                    objects.append(object)
                    if let graph = object["@graph"] { gather(graph, depth: depth + 1) }
                    if let main = object["mainEntity"] { gather(main, depth: depth + 1) }
                }
            }
            roots.forEach { gather($0, depth: 0) }
            func types(_ object: [String: Any]) -> [String] {
                if let type = object["@type"] as? String { return [type.lowercased()] }
                return (object["@type"] as? [String])?.map { $0.lowercased() } ?? []
            }
            let articles = objects.filter { types($0).contains(where: HTMLMetadataResolver.articleTypes.contains) }
            // Real article types before generic pages.
            let ordered = articles.sorted { a, b in
                let generic: Set<String> = ["webpage", "creativework", "itempage", "medicalwebpage"]
                return !types(a).allSatisfy(generic.contains) && types(b).allSatisfy(generic.contains)
            }
            for object in ordered {
                if headline == nil { headline = clean((object["headline"] as? String) ?? (object["name"] as? String)) }
                if datePublished == nil { datePublished = (object["datePublished"] as? String) ?? (object["dateCreated"] as? String) }
                if author == nil { author = Self.names(object["author"]) }
                if publisher == nil { publisher = Self.names(object["publisher"]) }
                if articleBody == nil, let body = object["articleBody"] as? String, !body.isEmpty { articleBody = body }
            }
            if publisher == nil {
                publisher = objects.first { types($0).contains("organization") || types($0).contains("newsmediaorganization") }
                    .flatMap { clean($0["name"] as? String) }
            }
        }

        private static func names(_ value: Any?) -> String? {
            if let name = value as? String { return clean(name) }
            if let object = value as? [String: Any] { return clean(object["name"] as? String) }
            if let array = value as? [Any] {
                let all = array.compactMap { names($0) }
                return all.isEmpty ? nil : all.joined(separator: ", ")
            }
            return nil
        }
    }
}
