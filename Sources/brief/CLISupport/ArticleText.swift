// Plain-text renderings of an article for the terminal; every piece of article text passes through TerminalSafeText.
import BriefCore
import BriefUI

enum ArticleText {
    /// `show` without --json: header, topics, entities, paragraphs, and optionally what was removed.
    static func render(_ article: Article, showRemoved: Bool) -> String {
        let safe = TerminalSafeText.clean
        var lines: [String] = [safe(article.title.isEmpty ? "(untitled)" : article.title)]
        var facts = [article.date?.description ?? "undated"]
        if let byline = article.byline, !byline.isEmpty { facts.append(safe(byline)) }
        if let agency = article.agency { facts.append(safe(agency)) }
        if let url = article.url, !url.isEmpty { facts.append(safe(url)) }
        lines.append(facts.joined(separator: " · "))
        lines.append("\(safe(article.source)) (\(article.format.rawValue))")
        if !article.topics.isEmpty {
            let topics = article.topics.map { "\(safe($0.name)) [\($0.terms.prefix(4).map(safe).joined(separator: ", "))]" }
            lines.append("Topics: " + topics.joined(separator: "; "))
        }
        if !article.mentions.isEmpty {
            lines.append("Mentions: " + article.mentions.map { safe($0.name) }.joined(separator: ", "))
        }
        for (type, label) in [(EntityType.person, "People"), (.place, "Places"), (.organization, "Organizations"),
                              (.nationality, "Nationalities")] {
            var seen = Set<String>()
            let names = article.entities.filter { $0.type == type }.map(\.canonical).filter { seen.insert($0).inserted }
            if !names.isEmpty { lines.append("\(label): " + names.map(safe).joined(separator: ", ")) }
        }
        lines.append("")
        for paragraph in article.paragraphs {
            lines.append(safe(paragraph))
            lines.append("")
        }
        if showRemoved {
            lines.append("Removed (\(article.removed.count)):")
            for block in article.removed {
                lines.append("  [\(block.reason.rawValue)] \(safe(block.text))")
            }
        } else if !article.removed.isEmpty {
            lines.append("(\(article.removed.count) block\(article.removed.count == 1 ? "" : "s") removed; --removed lists them)")
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// One `list` line: date, topic ids, title, path.
    static func listLine(_ article: Article) -> String {
        let date = article.date?.description ?? "----------"
        let topics = article.topics.isEmpty ? "-" : article.topics.map(\.id).joined(separator: ",")
        let title = article.title.isEmpty ? "(untitled)" : article.title
        return "\(date)  \(TerminalSafeText.clean(topics))  \(TerminalSafeText.clean(title))  \(TerminalSafeText.clean(article.source))"
    }
}
