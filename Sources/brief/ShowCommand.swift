// `brief show`: the cleaned article, as text or as JSON Lines (the contract scripts and the scorer rely on).
import ArgumentParser
import BriefCore
import Foundation

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print cleaned articles.",
        discussion: "With --json, one JSON object per line per file. Exit status 1 when some file could not be read.")

    @Flag(name: .long, help: "One JSON object per article, one per line.")
    var json = false

    @Flag(name: .long, help: "Also list the removed blocks and why they were removed.")
    var removed = false

    @Argument(help: "Article files.")
    var files: [String]

    /// The JSON shape of one article in `brief show --json`.
    struct ShownArticle: Encodable {
        struct Removed: Encodable { var text: String; var reason: String; var position: Int }
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

        init(_ article: Article) {
            path = article.source
            format = article.format.rawValue
            title = article.title
            date = article.date?.description
            byline = article.byline
            url = article.url
            paragraphs = article.paragraphs
            removed = article.removed.map { Removed(text: $0.text, reason: $0.reason.rawValue, position: $0.position) }
            entities = article.entities
            topics = article.topics
        }
    }

    func run() async throws {
        let pipeline = ArticlePipeline()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var failed = false
        for path in files {
            let articles: [Article]
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("brief: \(path): no such file\n".utf8))
                failed = true
                continue
            }
            guard !isDirectory.boolValue else {
                FileHandle.standardError.write(Data("brief: \(path): is a directory (show takes files)\n".utf8))
                failed = true
                continue
            }
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                articles = try pipeline.articles(from: data, source: path)
            } catch let error as ReadError {
                FileHandle.standardError.write(Data("brief: \(path): \(error.reason)\n".utf8))
                failed = true
                continue
            } catch {
                FileHandle.standardError.write(Data("brief: \(path): cannot read: \(error.localizedDescription)\n".utf8))
                failed = true
                continue
            }
            for article in articles {
                if json {
                    var line = try encoder.encode(ShownArticle(article))
                    line.append(0x0A)
                    FileHandle.standardOutput.write(line)
                } else {
                    print(render(article))
                }
            }
        }
        if failed { throw ExitCode(1) }
    }

    private func render(_ article: Article) -> String {
        var out = article.title + "\n"
        if let date = article.date { out += date.description + "\n" }
        if let byline = article.byline { out += "By " + byline + "\n" }
        out += "\n" + article.paragraphs.joined(separator: "\n\n") + "\n"
        if removed && !article.removed.isEmpty {
            out += "\nRemoved:\n" + article.removed.map { "  [\($0.reason.rawValue)] \($0.text)" }.joined(separator: "\n") + "\n"
        }
        return out
    }
}
