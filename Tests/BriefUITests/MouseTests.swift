// The mouse in each pane: a click selects, a double click opens, a click on a topic toggles it, the wheel scrolls.
import BriefCore
import BriefUI
import Testing

@Suite struct MouseTests {
    /// 140×45: the filter pane is columns 0–27, the list 29–77, the reader from 79.
    let wide = FixtureLibrary.state(width: 140, height: 45)

    func mouse(_ events: [MouseEvent], _ state: AppState) -> (AppState, [Effect]) {
        feed(events.map(Event.mouse), state)
    }

    @Test func aClickSelectsTheListRowUnderItAndADoubleClickOpens() {
        // Row 0 is the title bar; each article takes two rows from row 1.
        let (selected, none) = mouse([MouseEvent(.click, x: 35, y: 4)], wide)
        #expect(selected.selection == 1)
        #expect(selected.focus == .list)
        #expect(none.isEmpty)
        let (opened, effects) = mouse([MouseEvent(.doubleClick, x: 35, y: 5)], wide)
        #expect(opened.reader?.article.title == "日本の首相、経済対策を発表")
        #expect(opened.focus == .reader)
        #expect(effects == [.markRead("/news/nikkei/stimulus.txt")])
        // Below the last article: nothing changes.
        let (below, _) = mouse([MouseEvent(.click, x: 35, y: 40)], wide)
        #expect(below.selection == 0)
    }

    @Test func aClickOnATopicTogglesItAndOnAHeadingDoesNothing() {
        // The pane's first row under its title is the "Topics" heading; Asia comes next.
        let (asia, _) = mouse([MouseEvent(.click, x: 5, y: 2)], wide)
        #expect(asia.filter.topics == ["asia"])
        #expect(asia.focus == .filter)
        #expect(asia.results.count == 4)
        let (again, _) = mouse([MouseEvent(.click, x: 5, y: 2)], asia)
        #expect(again.filter.topics.isEmpty)
        let (heading, _) = mouse([MouseEvent(.click, x: 5, y: 1)], wide)
        #expect(heading.filter.topics.isEmpty)
    }

    @Test func theWheelScrollsThePaneUnderThePointer() {
        let (reading, _) = press([.enter], FixtureLibrary.state(width: 140, height: 14))
        let (scrolled, _) = mouse([MouseEvent(.wheelDown, x: 100, y: 5)], reading)
        #expect(scrolled.reader?.anchor != reading.reader?.anchor)
        let (back, _) = mouse([MouseEvent(.wheelUp, x: 100, y: 5)], scrolled)
        #expect(back.reader?.anchor == reading.reader?.anchor)
        // The list's wheel moves its view, taking the selection along when it would fall out.
        // At 12 rows five of the six articles show: the wheel can move the view by one.
        let (list, _) = mouse([MouseEvent(.wheelDown, x: 35, y: 5)], FixtureLibrary.state(width: 140, height: 12))
        #expect(list.listTop == 1)
        #expect(list.selection == 1)
    }

    @Test func overAPromptTheMouseIsIgnored() {
        let (typing, _) = press([.character("/")], wide)
        let (after, _) = mouse([MouseEvent(.click, x: 35, y: 4)], typing)
        #expect(after.selection == 0)
        #expect(after.prompt != nil)
    }
}
