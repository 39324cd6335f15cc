// Class and id names that give a block its kind (a deck or standfirst is the summary), from `html-block-kinds.json`.
import Foundation

/// The names that mark an element's text as the article's summary (deck, standfirst, key points).
struct HTMLBlockKindRules: Sendable {
    private struct File: Decodable { var summary: [String] }
    private let summaryNames: [String]

    static let shared: HTMLBlockKindRules = {
        do {
            return try HTMLBlockKindRules(data: BundledData.load("html-block-kinds.json"))
        } catch {
            // The data file ships inside the package; a broken one is a build defect, caught by the tests.
            fatalError("Brief's HTML block kind data is damaged: \(error)")
        }
    }()

    init(data: Data) throws {
        summaryNames = try JSONDecoder().decode(File.self, from: data).summary.map { $0.lowercased() }
    }

    /// True when one of the space-separated names (a class value, an id) marks a summary.
    func marksSummary(_ value: String) -> Bool {
        for name in value.split(whereSeparator: \.isWhitespace) {
            let compact = name.lowercased().filter { $0 != "-" && $0 != "_" }
            if summaryNames.contains(where: { compact.hasPrefix($0) || compact.hasSuffix($0) }) { return true }
        }
        return false
    }
}
