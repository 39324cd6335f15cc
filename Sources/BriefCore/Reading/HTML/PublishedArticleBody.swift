// The story's text as the page itself publishes it for machines (schema.org `articleBody`),
// used as a second opinion on which kept blocks are the body.
import Foundation

/// A news page's JSON-LD often carries the story's text as its CMS stored it: the paragraphs,
/// without the page's prompts, advertisements, product boxes or picture credits. When that text
/// and the blocks content selection kept tell the same story, a kept paragraph or heading whose
/// words are mostly not in it is something the page put around the story.
///
/// Publishers also use the field for a lede only (a paywall), for another story on the page, or
/// for an older version of the text: the check applies only when the published text and the kept
/// text each hold most of the other's words (`publishedBodyAgreement`, `publishedBodyCoverage`).
/// Lists, tables and quotations stay whatever it says: CMSs often leave them out of the field; so
/// do a subhead among the published paragraphs and a sentence above them (a standfirst).
struct PublishedArticleBody {
    /// The published text's distinct words, lowercased.
    let vocabulary: Set<String>

    /// Nil when the text is shorter than `publishedBodyMinimumLength` bytes: a description, not a body.
    init?(_ text: String, settings: HTMLExtractionSettings) {
        guard text.utf8.count >= settings.publishedBodyMinimumLength else { return nil }
        vocabulary = Set(Self.words(in: text, skippingMarkup: true))
        guard !vocabulary.isEmpty else { return nil }
    }

    /// Moves kept paragraphs and headings that the published text does not hold to the removed
    /// blocks, when the two texts agree on the story.
    func removeBlocksOutside(_ selection: inout HTMLSelection, settings: HTMLExtractionSettings) {
        let keptWords = selection.kept.map { Self.words(in: $0.text, skippingMarkup: false) }
        let allKept = keptWords.joined()
        guard !allKept.isEmpty else { return }
        let keptVocabulary = Set(allKept)
        let agreement = Double(vocabulary.lazy.filter(keptVocabulary.contains).count) / Double(vocabulary.count)
        let coverage = Double(allKept.lazy.filter(vocabulary.contains).count) / Double(allKept.count)
        guard agreement >= settings.publishedBodyAgreement, coverage >= settings.publishedBodyCoverage else { return }
        let held = keptWords.map { words in
            !words.isEmpty && Double(words.lazy.filter(vocabulary.contains).count) >= settings.publishedBodyBlockShare * Double(words.count)
        }
        // Where the published paragraphs start (a headline above them may be held too) and end.
        guard let firstHeld = held.indices.first(where: { held[$0] && selection.kept[$0].kind != .heading }),
              let lastHeld = held.lastIndex(of: true) else { return }
        for index in selection.kept.indices.reversed() where !held[index] && !keptWords[index].isEmpty {
            let block = selection.kept[index]
            switch block.kind {
            case .paragraph:
                // A standfirst above the published text: the CMS keeps it in a field of its own.
                if index < firstHeld, keptWords[index].count >= settings.publishedBodyOpeningWords { continue }
            case .heading:
                // A subhead among the published paragraphs heads them, whether the field kept it or not;
                // one after them heads what the page added ("Related articles", "Topics").
                if index < lastHeld { continue }
            default:
                continue
            }
            selection.remove(keptAt: index, reason: Self.reason(for: block.text))
        }
    }

    /// A date line or a byline is metadata, a picture's credit a credit; the rest is the page's.
    private static func reason(for text: String) -> RemovalReason {
        switch MetadataLineRules.builtIn.judge(text) {
        case .credit?: return .credit
        case .caption?: return .caption
        case .some: return .metadata
        case nil: return TextArticleReader.bylineAndDate(text) != nil ? .metadata : .boilerplate
        }
    }

    /// The text's words as the cleaner normalizes lines (lowercased runs of letters and digits);
    /// with `skippingMarkup`, text inside `<…>` is left out first (some CMSs publish the field as HTML).
    static func words(in text: String, skippingMarkup: Bool) -> [String] {
        CleaningRules.normalize(skippingMarkup ? withoutMarkup(text) : text).split(separator: " ").map(String.init)
    }

    /// The text with every `<…>` replaced by a space.
    private static func withoutMarkup(_ text: String) -> String {
        var plain = String.UnicodeScalarView()
        var inTag = false
        for scalar in text.unicodeScalars {
            if scalar == "<" {
                inTag = true
                plain.append(" ")
            } else if inTag {
                if scalar == ">" { inTag = false }
            } else {
                plain.append(scalar)
            }
        }
        return String(plain)
    }
}
