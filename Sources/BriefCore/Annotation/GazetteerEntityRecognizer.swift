// PLACEHOLDER (skeleton): recognizes nothing yet.

public struct GazetteerEntityRecognizer: EntityRecognizer {
    public static let shared = GazetteerEntityRecognizer()
    public init() {}
    public func entities(title: String?, paragraphs: [String]) -> [EntitySpan] { [] }
}
