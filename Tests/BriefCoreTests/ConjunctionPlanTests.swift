// The one split of an AND that every engine renders: text, must, must-not, unread.
import BriefCore
import Testing

@Suite struct ConjunctionPlanTests {
    func parts(_ query: String) throws -> [FilterExpression] {
        guard case .and(let parts) = try FilterQuery(query).expression else { Issue.record("not an AND: \(query)"); return [] }
        return parts
    }

    @Test func anAndSplitsIntoTextMustMustNotAndUnread() throws {
        let plan = ConjunctionPlan(try parts("cyber \"spy satellite\" topic:missiles -place:China unread -crypto*"))
        #expect(plan.text.count == 3, "the two words, the phrase and the negated prefix are text")
        #expect(plan.positives == [.topic("missiles")])
        #expect(plan.negatives == [.entity(.place, "China")])
        #expect(plan.unread)
    }

    @Test func textJoinedGoesFirstAsOnePartAndSpreadTextKeepsItsNots() throws {
        let plan = ConjunctionPlan(try parts("seoul -pyongyang topic:cyber"))
        let joined = plan.withTextJoined
        #expect(joined.text.isEmpty && joined.positives.count == 2)
        #expect(joined.positives.first == .and([.word("seoul", prefix: false), .not(.word("pyongyang", prefix: false))]))
        let spread = plan.withTextSpread
        #expect(spread.positives == [.topic("cyber"), .word("seoul", prefix: false)])
        #expect(spread.negatives == [.word("pyongyang", prefix: false)])
    }

    @Test func aSingleTextPartIsNeverJoined() throws {
        let plan = ConjunctionPlan(try parts("seoul topic:cyber"))
        #expect(plan.joinedText == nil)
        #expect(plan.withTextJoined == plan.withTextSpread)
    }

    @Test func onlyWordsAndPhrasesAreText() throws {
        #expect(try FilterQuery("seoul OR \"north korea\"").expression.isTextOnly)
        #expect(try !FilterQuery("seoul OR topic:cyber").expression.isTextOnly)
        #expect(try !FilterQuery("-unread").expression.isTextOnly)
    }
}
