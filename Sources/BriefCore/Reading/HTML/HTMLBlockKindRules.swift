// Class and id names that give a block its kind (a deck or standfirst is the summary, a caption is
// no body text), from `html-block-kinds.json`.
import Foundation

/// The names that mark an element's text as the article's summary (deck, standfirst, key points)
/// or as a picture's caption or credit.
struct HTMLBlockKindRules: Sendable {
    private struct File: Decodable {
        var summary: [String]
        var notSummary: [String]
        var caption: [String]
        var keyPointsLabels: [String]
    }
    private let summaryNames: [String]
    private let notSummaryNames: [String]
    private let captionNames: [String]
    private let keyPointsLabels: Set<String>

    static let shared: HTMLBlockKindRules = {
        do {
            return try HTMLBlockKindRules(data: BundledData.load("html-block-kinds.json"))
        } catch {
            // The data file ships inside the package; a broken one is a build defect, caught by the tests.
            fatalError("Brief's HTML block kind data is damaged: \(error)")
        }
    }()

    init(data: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: data)
        summaryNames = file.summary.map { $0.lowercased() }
        notSummaryNames = file.notSummary.map { $0.lowercased() }
        captionNames = file.caption.map { $0.lowercased() }
        keyPointsLabels = Set(file.keyPointsLabels.map { Self.label($0) })
    }

    /// Whether a block's whole text is what a page prints over its key points ("STORY HIGHLIGHTS", "Key points:").
    func isKeyPointsLabel(_ text: String) -> Bool {
        text.utf8.count <= 40 && keyPointsLabels.contains(Self.label(text))
    }

    /// Lower-cased, spaces collapsed, without the colon that may close it.
    private static func label(_ text: String) -> String {
        var words = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = words.last, last == ":" || last == "：" { words.removeLast() }
        return words.trimmingCharacters(in: .whitespaces)
    }

    /// The kind the space-separated names (a class value, an id) give the text inside: `.summary`,
    /// `.caption`, or nil for the many names that say nothing of it.
    func kind(named value: String) -> BlockKind? {
        let names = value.split(whereSeparator: \.isWhitespace).flatMap { name in
            let unhashed = Self.withoutHashModifier(name)
            return [unhashed.lowercased().filter { $0 != "-" && $0 != "_" }] + (Self.moduleComponent(of: name).map { [$0.lowercased()] } ?? [])
        }
        func matches(_ entries: [String]) -> Bool {
            names.contains { name in entries.contains { name.hasPrefix($0) || name.hasSuffix($0) } }
        }
        if matches(summaryNames), !names.contains(where: { name in notSummaryNames.contains { name.contains($0) } }) { return .summary }
        return matches(captionNames) ? .caption : nil
    }

    /// A name without the hash a build step glues on as a modifier (`contentHeader__dek--2Hc8v`):
    /// a last `--` part of at most eight letters and digits, holding both.
    private static func withoutHashModifier(_ name: Substring) -> Substring {
        guard let modifier = name.range(of: "--", options: .backwards), case let hash = name[modifier.upperBound...],
              (1...8).contains(hash.count), hash.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              hash.contains(where: \.isNumber), hash.contains(where: \.isLetter) else { return name }
        return name[..<modifier.lowerBound]
    }

    /// The component a CSS module's generated name starts with (`ArticleDek` in
    /// `ArticleDek_root__2JQcJ`): the local part after it (`root`, `link`) and the hash say nothing,
    /// and glued to them the component no longer ends the name.
    private static func moduleComponent(of name: Substring) -> Substring? {
        guard let hash = name.range(of: "__"), !name[hash.upperBound...].isEmpty,
              let local = name[..<hash.lowerBound].firstIndex(of: "_") else { return nil }
        let component = name[..<local]
        return component.count >= 3 && component.allSatisfy({ $0.isLetter || $0.isNumber }) ? component : nil
    }
}
