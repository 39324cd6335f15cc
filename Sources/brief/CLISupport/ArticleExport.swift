// The export formats of `show --format markdown` and `list --format csv`: article text for other tools.
import BriefCore
import BriefUI

/// What `brief show` prints.
enum ShowFormat: String, CaseIterable {
    case text, markdown, json
}

/// What `brief list` prints.
enum ListFormat: String, CaseIterable {
    case text, jsonl, csv
}

enum ArticleMarkdown {
    /// Title, date, byline, agency and source address, summary (as a quote) and paragraphs, with entities
    /// as plain text. Article text is escaped so that it reads as the words it is, never as markup.
    static func render(_ article: Article) -> String {
        let text = { (value: String) in escape(TerminalSafeText.clean(value)) }
        var blocks = ["# " + text(article.title.isEmpty ? "(untitled)" : article.title)]
        var facts = [article.date?.description ?? "undated"]
        if let byline = article.byline, !byline.isEmpty { facts.append(text(byline)) }
        if let agency = article.agency { facts.append(text(agency)) }
        let address = article.url ?? article.source
        facts.append("<" + TerminalSafeText.clean(address).replacingOccurrences(of: ">", with: "%3E") + ">")
        blocks.append(facts.joined(separator: " · "))
        if let summary = article.summary, !summary.isEmpty {
            blocks.append(summary.split(separator: "\n").map { "> " + text(String($0)) }.joined(separator: "\n"))
        }
        blocks += article.paragraphs.map(text)
        return blocks.joined(separator: "\n\n")
    }

    /// Backslash-escapes what Markdown would read as markup: emphasis, code, links, HTML, and
    /// headings, lists and quotes at the start of a line.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>|".contains(character) { result.append("\\") }
            result.append(character)
        }
        // A line start that would begin a heading, quote, list item or rule.
        if let first = result.first, "#>+-=".contains(first) {
            result.insert("\\", at: result.startIndex)
        } else if let dot = result.firstIndex(where: { !$0.isASCII || !$0.isNumber }),
                  dot != result.startIndex, result[dot] == "." || result[dot] == ")" {
            result.insert("\\", at: dot)
        }
        return result
    }
}

enum ArticleCSV {
    static let header = "date,topics,title,byline,url,path"

    /// One row: RFC 4180 quoting; controls shown as placeholders.
    static func row(_ article: Article) -> String {
        [article.date?.description ?? "", article.topics.map(\.id).joined(separator: " "), article.title,
         article.byline ?? "", article.url ?? "", article.source].map(field).joined(separator: ",")
    }

    /// A field quoted when it holds a comma, quote or line break. One that starts like a formula
    /// (`=`, `+`, `-`, `@`) gets a leading `'`: a spreadsheet would otherwise run a title such as
    /// `=HYPERLINK(…)` that a feed put there.
    static func field(_ value: String) -> String {
        var value = TerminalSafeText.clean(value)
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
