// How every engine splits an AND of the filter language: the one place that decides it.

/// The parts of an AND, sorted the way the engines evaluate them: the text parts (which a
/// full-text index may answer in one query), the parts that must hold, the parts that must not,
/// and `unread` (answered by taking the few read articles away, never by listing every unread one).
///
/// The cache's set compiler, its row-condition compiler and its in-memory bitmaps each render
/// this plan; only how a leaf is answered differs between them.
public struct ConjunctionPlan: Sendable, Hashable {
    /// Parts that say something about the text only: words, phrases, and AND/OR/NOT of them.
    public private(set) var text: [FilterExpression] = []
    /// Other parts that must hold.
    public private(set) var positives: [FilterExpression] = []
    /// The inner expression of each other `NOT` part.
    public private(set) var negatives: [FilterExpression] = []
    /// Whether `unread` is one of the parts.
    public private(set) var unread = false

    public init(_ parts: [FilterExpression]) {
        for part in parts {
            if part.isTextOnly {
                text.append(part)
            } else if case .unread = part {
                unread = true
            } else {
                add(part)
            }
        }
    }

    /// The text parts, when the engine can answer them together (a full-text query of several),
    /// as one AND to put first among the positives; nil when they must stand alone.
    public var joinedText: FilterExpression? { text.count > 1 ? .and(text) : nil }

    /// The plan with the text parts spread among the positives and negatives, for when they
    /// cannot be answered together.
    public var withTextSpread: ConjunctionPlan {
        var plan = self
        plan.text = []
        for part in text { plan.add(part) }
        return plan
    }

    /// The plan with the text parts as one positive, first.
    public var withTextJoined: ConjunctionPlan {
        guard let joinedText else { return withTextSpread }
        var plan = self
        plan.text = []
        plan.positives.insert(joinedText, at: 0)
        return plan
    }

    private mutating func add(_ part: FilterExpression) {
        if case .not(let inner) = part { negatives.append(inner) } else { positives.append(part) }
    }
}

extension FilterExpression {
    /// Whether the subtree only says things about the text (words and phrases).
    public var isTextOnly: Bool {
        switch self {
        case .word, .phrase: return true
        case .and(let parts), .or(let parts): return !parts.isEmpty && parts.allSatisfy(\.isTextOnly)
        case .not(let inner): return inner.isTextOnly
        default: return false
        }
    }
}
