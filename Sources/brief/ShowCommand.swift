// `brief show`: the cleaned article(s) of each file, as JSON lines or readable text.
// (Minimal version from the html branch; the lead reconciles with the full one.)
import ArgumentParser
import BriefCore
import Foundation

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print the cleaned article of each file.")

    @Flag(name: .long, help: "One JSON object per line per article.")
    var json = false

    @Flag(name: .long, help: "Also list the removed blocks and why.")
    var removed = false

    @Argument(help: "Article files (text, HTML, RSS/Atom).")
    var files: [String]

    private struct Output: Encodable {
        struct Removed: Encodable { var text: String; var reason: String }
        var path: String
        var format: String
        var title: String
        var date: String?
        var byline: String?
        var url: String?
        var paragraphs: [String]
        var removed: [Removed]
        var entities: [EntitySpan]
        var topics: [TopicMatch]

        enum CodingKeys: String, CodingKey {
            case path, format, title, date, byline, url, paragraphs, removed, entities, topics
        }

        // Absent values are written as null, as the JSON contract says.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(format, forKey: .format)
            try container.encode(title, forKey: .title)
            try container.encode(date, forKey: .date)
            try container.encode(byline, forKey: .byline)
            try container.encode(url, forKey: .url)
            try container.encode(paragraphs, forKey: .paragraphs)
            try container.encode(removed, forKey: .removed)
            try container.encode(entities, forKey: .entities)
            try container.encode(topics, forKey: .topics)
        }
    }

    func run() async throws {
        let pipeline = ArticlePipeline()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var failed = false
        for path in files {
            let articles: [Article]
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                articles = try pipeline.articles(from: data, source: path)
            } catch let error as ReadError {
                FileHandle.standardError.write(Data("brief: \(path): \(error.reason)\n".utf8))
                failed = true
                continue
            } catch {
                FileHandle.standardError.write(Data("brief: \(path): cannot read (\(error.localizedDescription))\n".utf8))
                failed = true
                continue
            }
            for article in articles {
                if json {
                    let output = Output(
                        path: path, format: article.format.rawValue, title: article.title,
                        date: article.date?.description, byline: article.byline, url: article.url,
                        paragraphs: article.paragraphs,
                        removed: article.removed.map { .init(text: $0.text, reason: $0.reason.rawValue) },
                        entities: article.entities, topics: article.topics)
                    let data = try encoder.encode(output)
                    FileHandle.standardOutput.write(data + Data("\n".utf8))
                } else {
                    var text = "\(article.title)\n"
                    if let date = article.date { text += "\(date)\n" }
                    text += "\n" + article.paragraphs.joined(separator: "\n\n") + "\n"
                    if removed {
                        for block in article.removed { text += "[removed: \(block.reason.rawValue)] \(block.text)\n" }
                    }
                    FileHandle.standardOutput.write(Data(text.utf8))
                }
            }
        }
        if failed { throw ExitCode(1) }
    }
}
