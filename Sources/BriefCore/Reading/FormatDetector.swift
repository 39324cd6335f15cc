// Picks a reader by content first, extension second: HTML pages, RSS/Atom feeds, or text.
import Foundation

public enum FormatDetector {
    /// How many leading bytes are sniffed for markup.
    static let sniffLength = 2048

    public static func detect(_ data: Data, source: String) -> ArticleFormat {
        // Markup of every kind starts with `<`: a file opening with other ASCII text is text,
        // known without decoding and lowercasing its head.
        // UTF-16 and UTF-32 (a BOM, or the NULs around `<`) are decoded before anything is sniffed.
        let wideHead = FeedCharsetDecoder.wideHead(data, length: sniffLength)
        if wideHead == nil, opensWithPlainASCII(data) { return .text }
        let head = (wideHead ?? String(decoding: data.prefix(sniffLength), as: UTF8.self)).lowercased()
        var trimmed = head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        if let page = pageAfterJunk(trimmed) { trimmed = page }
        if isFeed(trimmed) { return .feed }
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || trimmed.hasPrefix("<head")
            || (trimmed.hasPrefix("<") && (head.contains("<html") || head.contains("<body") || head.contains("<head")
                || head.contains("<div") || head.contains("<p>") || head.contains("<meta"))) {
            return .html
        }
        let ext = (source as NSString).pathExtension.lowercased()
        if ["html", "htm", "xhtml", "shtml"].contains(ext), trimmed.hasPrefix("<") { return .html }
        // Plain text; the text reader itself tells a whole-page dump (`.pageText`) from an article by its layout.
        return .text
    }

    /// Most characters of junk a saved page may carry before its markup.
    static let junkLength = 8

    /// The page after a few characters of junk before its doctype or `<html>`: a byte-order mark
    /// that a tool turned into "?" or "ï»¿". Browsers show the junk and render the page; so does Brief.
    static func pageAfterJunk(_ trimmed: Substring) -> Substring? {
        guard let open = trimmed.prefix(junkLength + 1).firstIndex(of: "<"), open != trimmed.startIndex,
              !trimmed[..<open].contains(where: { $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        let page = trimmed[open...]
        let isPage = page.hasPrefix("<!doctype html")
            || page.hasPrefix("<html") && (page.contains("<head") || page.contains("<body"))
        return isPage ? page : nil
    }

    /// True when the first byte that is not ASCII white space is an ASCII letter or digit: markup
    /// starts with `<`, after a few bytes of junk at most (see `pageAfterJunk`).
    static func opensWithPlainASCII(_ data: Data) -> Bool {
        for byte in data.prefix(sniffLength) {
            switch byte {
            case 0x09...0x0D, 0x20: continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                return true
            default: return false
            }
        }
        return false
    }

    /// RSS 0.9x/2.0 (`<rss`), RSS 1.0 (`<rdf:RDF`), Atom (`<feed`), CDF (`<CHANNEL`), after an optional XML declaration and comments.
    static func isFeed(_ trimmed: Substring) -> Bool {
        guard trimmed.hasPrefix("<") else { return false }
        var rest = trimmed
        // Skip the XML declaration, processing instructions, comments and a doctype.
        while rest.hasPrefix("<?") || rest.hasPrefix("<!--") || rest.hasPrefix("<!doctype") {
            var close = rest.hasPrefix("<!--") ? "-->" : ">"
            // A doctype with an internal subset (`<!DOCTYPE rss [ … ]>`) ends at `]>`.
            if rest.hasPrefix("<!doctype"), let bracket = rest.firstIndex(of: "["),
               bracket < (rest.firstIndex(of: ">") ?? rest.endIndex) {
                close = "]>"
            }
            guard let end = rest.range(of: close) else { return rest.hasPrefix("<!doctype rss") || rest.hasPrefix("<!doctype feed") }
            rest = rest[end.upperBound...].drop(while: { $0.isWhitespace })
        }
        guard rest.hasPrefix("<") else { return false }
        // The root's local name: `<rss>`, `<feed>`, `<rdf:RDF>`, and prefixed roots such as `<r:rss>`.
        let name = rest.dropFirst().prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
        let local = name.split(separator: ":").last.map(String.init) ?? ""
        // A CDF channel (`<CHANNEL HREF=…>`) has no prefix.
        return ["rss", "feed", "rdf"].contains(local) || name == "channel"
    }

    public static func reader(for format: ArticleFormat, html: HTMLExtractionSettings = .standard) -> any ArticleReader {
        switch format {
        case .html: HTMLArticleReader(settings: html)
        case .feed: FeedReader(html: html)
        case .text, .pageText: TextArticleReader()
        }
    }
}
