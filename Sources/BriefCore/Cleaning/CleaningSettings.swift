// The thresholds of the cleaning stage, named, in one place.

/// Tunable thresholds of `ArticleCleaner`. The defaults were set on the development corpora.
public struct CleaningSettings: Sendable, Equatable {
    /// A headline has at least this many words (CJK: about two characters a word).
    public var headlineMinimumWords = 2
    /// …and at most this many.
    public var headlineMaximumWords = 25
    /// A headline has at most this share of words with digits (more: a table row)…
    public var headlineMaximumDigitShare = 0.35
    /// …and at least this share of letters among its characters (less: a formula or code).
    public var headlineMinimumLetterShare = 0.65
    /// A line of two sentences in sentence case, a question or exclamation first, is prose, not a
    /// headline, when its first and last sentences have at least this many words each.
    public var proseSentenceMinimumWords = 6
    /// A line of the reader's summary (a deck, a key point) has at least this many words; a shorter
    /// one is a label ("ICON", "Biz & IT —").
    public var summaryMinimumWords = 3
    /// A line of the author's name that a byline gave may carry the outlet's name after a comma
    /// ("Priya Nair, CNN Business"), of at most this many words.
    public var bylineOutletMaximumWords = 3
    /// A service box under its own heading after the story ("Customer Service", "Contact us") is
    /// looked for only after this many words of the story.
    public var serviceSectionMinimumStoryWords = 25
    /// A service box's lines speak to the reader, but for short ones of at most this many words
    /// (a phone number, an address).
    public var serviceSectionPlainLineMaximumWords = 8
    /// A photo gallery copied with the page numbers at least this many slides in a row ("1/50",
    /// "2/50", "3/50").
    public var gallerySlidesMinimum = 3
    /// A line with at least this many words and a sentence end is prose, used as the article's vocabulary.
    public var anchorMinimumWords = 12
    /// Share of a headline's content words found in the article at or under which it is unrelated.
    public var unrelatedShare = 0.2
    /// A line sharing at most this share may sit inside a run of unrelated headlines without breaking it.
    public var weaklyRelatedShare = 0.5
    /// The same after a marker such as "Related" announced other articles.
    public var unrelatedShareAfterMarker = 0.5
    /// Fewest consecutive unrelated headlines removed when no marker announces them.
    public var minimumUnmarkedRun = 2
    /// A run of more such lines than `minimumUnmarkedRun`, each of at least `unmarkedHeadlineMinimumWords`,
    /// whose shares average at most this is unrelated as a whole, from its first line at or under it to its last.
    public var unrelatedRunMeanShare = 0.25
    /// Fewest words of a line in such a run (CJK lines aside): shorter lines are the story's own
    /// subheads, names and list entries.
    public var unmarkedHeadlineMinimumWords = 4
    /// A line opening like another within this many lines (a clock time, "Q:") is an entry of the
    /// story's own listing or interview; the reach spans a day's heading between two listings.
    public var structuredEntryReach = 2
    /// One sentence of `leadInMinimumWords` to `leadInMaximumWords` words, not a name in title case,
    /// that ends with a colon and shares more than `unrelatedShare` of its words, and
    /// `leadInMinimumSharedWords` at least, with the story ("The report recommends that fitness
    /// apps:"; not "Posted on this day, other years:") leads into the story's own list: up to `leadInListMaximumItems` lines after it,
    /// before the next paragraph of prose, are its entries, however unrelated their words.
    public var leadInMinimumWords = 5
    public var leadInMaximumWords = 25
    public var leadInMinimumSharedWords = 3
    /// A lead-in whose last sentence opens a list in so many words ("These include:", the
    /// `listOpenings` of cleaning-markers.json) needs this many shared words.
    public var leadInAnnouncedMinimumSharedWords = 2
    public var leadInListMaximumItems = 12
    /// Entries of at least this many words each are sentences: a line of fewer than
    /// `unmarkedHeadlineMinimumWords` after them is a subhead, and the list is over.
    public var leadInSentenceEntryMinimumWords = 6
    /// A promo block set between a lead-in and its list leaves at least this many entries after it.
    public var leadInResumedMinimumEntries = 3
    /// After a marker, a line sharing at least `echoMinimumSharedWords` content words, and at least
    /// `echoMinimumShare` of its own, with a headline-shaped line at most `echoReach` lines before the
    /// marker is the story's list resuming after a promo block set inside it.
    public var echoMinimumSharedWords = 3
    public var echoMinimumShare = 0.6
    public var echoReach = 7
    /// Fewest questions, each on a line of its own and answered by the paragraph after it, that make
    /// an interview without speaker labels.
    public var interviewMinimumQuestions = 3
    /// Most lines a marker's headline list may span.
    public var maximumListAfterMarker = 10
    /// In such a list, a headline written as one sentence with its stop ("Apple updates Mac Pros,
    /// doubles performance.") has at most this many words, and shares at most `unrelatedShare`.
    public var listedStatementMaximumWords = 12
    /// …and, written as headlines are, at most this share of function words ("It's as simple as
    /// that." is the story's).
    public var listedStatementMaximumStopwordShare = 0.35
    /// A headline of two sentences has at most this many words and this share of function words.
    public var twoSentenceHeadlineMaximumWords = 22
    public var twoSentenceHeadlineMaximumStopwordShare = 0.45
    /// A short unrelated line right before a removed run is taken for its marker when it has at most this many words.
    public var structuralMarkerMaximumWords = 6
    /// Short prompts after an article's last paragraph have at most this many words.
    public var trailingPromptMaximumWords = 8
    /// A prompt to the reader ("Join 40,000 readers who get our weekly digest") has at most this many words.
    public var callToActionMaximumWords = 16
    /// A line of two or three sentences, one of them such a prompt, has at most this many words.
    public var callToActionPromptMaximumWords = 32
    /// A prompt's opening hook ("Got a story?", "We want to hear from you.") has at most this many words.
    public var callToActionHookMaximumWords = 10
    /// A sentence opening with a prompt's verb ("Follow", "Sign up to") that names no channel is the
    /// story's own when at least this share of its content words are the story's.
    public var storyInstructionMinimumShare = 0.34
    /// A reader's run of at least this many comment blocks in one place after the story's prose
    /// (`pageMinimumArticleWords`) ends the story: the blocks after it are the page's.
    public var closingCommentsMinimum = 5
    /// A page's reader that took out at least this many blocks right under a marker ("Mehr zum
    /// Thema" and its links) took out the list the marker announces: the line after them is the
    /// story's again.
    public var removedListMinimumEntries = 2
    /// When cleaning leaves less than this share of the body's words, headline removals are undone.
    public var minimumKeptShare = 0.3

    /// In an HTML page, a headline-shaped block counts as another article's headline only with at
    /// least this share of its text in a link.
    public var htmlHeadlineMinimumLinkDensity = 0.5

    /// A block with at least this share of its text in links is a link list (formats that know links)…
    public var linkListDensity = 0.6
    /// …unless it has this many words or more, which a menu never has.
    public var linkListMaximumWords = 40

    // Page dumps: finding the article among the menus.
    /// A prose line in a page dump has at least this many words.
    public var pageProseMinimumWords = 10
    /// …and at least this share of function words (skipped for CJK text).
    public var pageProseMinimumStopwordShare = 0.2
    /// Weight of a non-prose line inside the article region (negative: it costs).
    public var pageShortLinePenalty = 3.0
    /// Weight of a line a certain rule marks as boilerplate.
    public var pageMarkerPenalty = 25.0
    /// Prose sharing a word with the page title weighs this many times its words.
    public var pageTitleWordBonus = 1.5
    /// Prose words an article region needs before a comments heading may end the search.
    public var pageMinimumArticleWords = 60
    /// In a page dump, a story's date or byline within this many lines under the region's first
    /// prose line makes that line the deck.
    public var pageDeckReach = 4
    /// A page dump's deck has at most this many words: a longer line is the story's opening.
    public var pageDeckMaximumWords = 45
    /// A second region joins the article when its weight reaches this share of the main one.
    public var pageSecondaryRegionShare = 0.3
    /// Past a marker line, the article region goes on only where at least this share of the prose
    /// lines from there to the region's end…
    public var pageRelatedPartShare = 0.3
    /// …each have at least this share of their words in the title or the region's prose so far,
    public var pageRelatedLineShare = 0.3
    /// …or at least this many of them: a long paragraph brings many new words of its own.
    public var pageRelatedLineMinimumSharedWords = 8
    /// A part past the marker with at least this share of the heaviest part's weight goes on the
    /// story when its own prose shares the story's words so (`pageRelatedPartShare`), whatever
    /// teasers follow it: a box of related links parts a story, it does not make a heavy part.
    public var pageHeavyPartShare = 0.3
    /// In a page dump, this many other stories' headlines in a row, each followed by one line of
    /// summary, make a list of teasers: the story may end where it starts.
    public var pageTeaserRunPairs = 3
    /// In a page dump, prose within this many lines under a line the page title holds (its
    /// headline) is a story, and the stretch it opens wins over a heavier one further down with at
    /// least `pageHeadlineStoryShare` of its weight.
    public var pageHeadlineProseReach = 5
    public var pageHeadlineStoryShare = 0.3
    /// A region that takes in the headline past its start begins under it when the prose there holds
    /// at least this share of the region's.
    public var pageHeadlineRegionShare = 0.5
    /// A line the title holds counts as its headline with at least this many words.
    public var pageHeadlineMinimumWords = 3

    public init() {}
}

