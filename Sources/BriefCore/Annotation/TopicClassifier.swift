// PLACEHOLDER (skeleton): no topics yet.

public struct TopicClassifier: Sendable {
    public static let builtIn = TopicClassifier()
    public init() {}
    public func classify(title: String, paragraphs: [String]) -> [TopicMatch] { [] }
}
