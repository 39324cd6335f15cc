// Finding mentions in one line: runs of name words, split by the gazetteer, typed by patterns.

/// What the words around a name say it is.
enum OrganizationCue {
    case organization
    /// A sports team named by its place (`England coach`).
    case team
}

extension DocumentEntityFinder {
    /// Finds the mentions of one line and appends them to `mentions`: dates, then the names after
    /// a title, skipping products and ships, then web sites, then runs of name words.
    mutating func findMentions(inLine lineIndex: Int) {
        let line = lines[lineIndex]
        let tokens = line.tokens
        var afterTitle = false
        var i = 0
        while i < tokens.count {
            if let dateEnd = addDate(lineIndex, line, at: i) {
                i = dateEnd
                afterTitle = false
            } else if let titleEnd = personTitleEnd(tokens, at: i) {
                // A title (`President`, `striker`) makes the name after it a person, in any casing.
                afterTitle = true
                i = titleEnd
            } else if let skipEnd = notNameEnd(tokens, at: i) ?? shipNameEnd(line, at: i) {
                i = skipEnd
                afterTitle = false
            } else if let siteEnd = webSiteEnd(tokens, at: i) {
                add(lineIndex, i, siteEnd, .organization, nil, .strong, tokens)
                i = siteEnd
                afterTitle = false
            } else if isNameWord(tokens, i, casing: line.casing) {
                let step = scanNameRun(lineIndex, line, from: i, afterTitle: afterTitle)
                i = step.resume
                afterTitle = afterTitle && step.keepsTitle
            } else {
                afterTitle = false
                i += 1
            }
        }
    }

    /// Adds the date starting at token `i` (with a day number before a month) and returns its end.
    private mutating func addDate(_ lineIndex: Int, _ line: EntityLine, at i: Int) -> Int? {
        let tokens = line.tokens
        guard let dateEnd = dateEnd(in: tokens, at: i, scalars: line.scalars) else { return nil }
        let first = (i > 0 && Self.isDayNumber(tokens[i - 1], in: line.scalars)
            && gazetteer.months.contains(tokens[i].key) && !endsMention(lineIndex, at: i - 1)) ? i - 1 : i
        mentions.append(EntityMention(line: lineIndex, first: first, end: dateEnd, type: .date, strength: .strong))
        return dateEnd
    }

    /// The end of a person's title (`President`, `striker`) at `i`, unless it reads as a surname.
    private func personTitleEnd(_ tokens: [EntityToken], at i: Int) -> Int? {
        guard tokens[i].isWord, gazetteer.personTitleOpenings.contains(tokens[i].key),
              let match = gazetteer.longestPhrase(in: tokens, at: i, limit: tokens.count, accept: { $0.isWord }),
              match.entry.kind == .personTitle, !isSurnameLikeTitle(tokens, i, match.end)
        else { return nil }
        return match.end
    }

    /// `USS Cole`, `HMS Queen Elizabeth`: a ship is no person, and no entity; the end of its name.
    private func shipNameEnd(_ line: EntityLine, at i: Int) -> Int? {
        let tokens = line.tokens
        guard tokens[i].has(.allCaps), gazetteer.shipPrefixes.contains(tokens[i].key), i + 1 < tokens.count,
              isNameWord(tokens, i + 1, casing: line.casing)
        else { return nil }
        return runEnd(tokens, from: i + 1, casing: line.casing, scalars: line.scalars)
    }

    /// Where a scan goes on after a run of name words, and whether a title before the run still applies.
    private struct RunStep {
        var resume: Int
        var keepsTitle: Bool
    }

    /// Takes the run of name words starting at `i`, trims what is no part of the name and classifies it.
    private mutating func scanNameRun(_ lineIndex: Int, _ line: EntityLine, from i: Int, afterTitle: Bool) -> RunStep {
        let tokens = line.tokens
        let n = tokens.count
        var end = runEnd(tokens, from: i, casing: line.casing, scalars: line.scalars)
        // `McDonald's`, `People's Liberation Army`, `Channel 4`: a listed name runs on past where
        // the run stopped.
        // (Only when the run stopped at something a phrase may go on through: `'`, `of`, `4`, `Wednesday`.)
        if end < n, EntityTokenizer.isApostrophe(tokens[end].symbol) || gazetteer.connectors.contains(tokens[end].key)
            || (tokens[end].isWord && !tokens[end].has(.lowercase)),
           let phrase = gazetteer.longestPhrase(in: tokens, at: i, limit: n, accept: { isPhraseToken($0) }), phrase.end > end,
           phrase.entry.kind != .notName, phrase.entry.kind != .personTitle {
            end = phrase.end
        }
        // `Apple MacBook Pro`: the name stops where a product starts, and the product is dropped.
        var resume = end
        if let productStart = ((i + 1)..<end).first(where: { notNameEnd(tokens, at: $0) != nil }) {
            resume = notNameEnd(tokens, at: productStart) ?? end
            end = productStart
        }
        // `The New York Times`: a leading article is not part of the name.
        if end - i >= 2, gazetteer.leadingArticles.contains(tokens[i].key), !startsPhrase(tokens, i) {
            return RunStep(resume: i + 1, keepsTitle: true)
        }
        if line.casing == .prose, isSentenceOpener(tokens, i, end, scalars: line.scalars) {
            return RunStep(resume: i + 1, keepsTitle: true)
        }
        if line.casing == .prose, isWorkTitle(tokens, i, end) {
            return RunStep(resume: max(end, resume), keepsTitle: false)
        }
        classifyRun(lineIndex, tokens, i, end, afterTitle: afterTitle)
        return RunStep(resume: max(end, resume), keepsTitle: false)
    }

    /// The end of a capitalized phrase at `i` that names no entity (`Black Friday`, `MacBook Pro`,
    /// `Tbsp`), past the model words and numbers after it (`Galaxy S23 Ultra`); nil when none starts there.
    private func notNameEnd(_ tokens: [EntityToken], at i: Int) -> Int? {
        let token = tokens[i]
        guard token.isCapitalized || token.has(.digit), gazetteer.notNameOpenings.contains(token.key),
              let match = gazetteer.longestPhrase(in: tokens, at: i, limit: tokens.count, accept: { _ in true }),
              match.entry.kind == .notName
        else { return nil }
        var end = match.end
        while end < tokens.count, tokens[end].start == tokens[end - 1].end + 1 || tokens[end].start == tokens[end - 1].end,
              tokens[end].has(.digit) || (gazetteer.modelWords.contains(tokens[end].key) && !tokens[end].has(.lowercase)) {
            end += 1
        }
        return end
    }

    /// `Goal.com`, `Amazon.co.uk`: a capitalized word joined by dots to web domains is the site,
    /// an organization; nil when none starts at `i`.
    private func webSiteEnd(_ tokens: [EntityToken], at i: Int) -> Int? {
        guard tokens[i].isWord, tokens[i].isCapitalized else { return nil }
        func isDomain(_ index: Int) -> Bool {
            index < tokens.count && tokens[index].start == tokens[index - 1].end && tokens[index].isWord
                && tokens[index].has(.lowercase) && gazetteer.webDomains.contains(tokens[index].key)
        }
        var end = i + 1
        while true {
            if end < tokens.count, tokens[end].symbol == 0x2E, tokens[end].start == tokens[end - 1].end, isDomain(end + 1) {
                end += 2
            } else if end > i + 1, isDomain(end) {
                // `co.` keeps its dot as an abbreviation: `uk` follows it directly.
                end += 1
            } else {
                break
            }
        }
        return end > i + 1 ? end : nil
    }

    /// `Freedom Edge military exercise`, `a drill named Freedom Edge`: the words around an unknown
    /// name make it an event.
    private func hasEventCue(_ tokens: [EntityToken], _ a: Int, _ b: Int) -> Bool {
        if hasCue(tokens, a, b, after: gazetteer.eventCuesAfter, before: gazetteer.eventCuesBefore) { return true }
        guard b < tokens.count, tokens[b].isWord, tokens[b].has(.lowercase) else { return false }
        if gazetteer.eventCuesAfter.contains(tokens[b].key) { return true }
        guard b + 1 < tokens.count, tokens[b + 1].isWord, tokens[b + 1].has(.lowercase) else { return false }
        let pair = ScalarKey.appending(tokens[b + 1].key, to: ScalarKey.appending(tokens[b].key, to: ScalarKey.emptyPhrase))
        return gazetteer.eventCuesAfter.contains(pair)
    }

    /// `Shrek The Third`, a quoted `“Back to Black”`: in prose, a capitalized function word inside a
    /// run or quotation marks around all of it make it the title of a work, which is no name
    /// (unless the gazetteer knows the whole run).
    private func isWorkTitle(_ tokens: [EntityToken], _ a: Int, _ b: Int) -> Bool {
        if let match = gazetteer.longestPhrase(in: tokens, at: a, limit: b, accept: { _ in true }), match.end == b { return false }
        if tokens[(a + 1)..<b].contains(where: { $0.isCapitalized && !$0.has(.allCaps) && gazetteer.functionWords.contains($0.key)
            && !gazetteer.nameParticles.contains($0.key) }) {
            return true
        }
        guard a > 0, b < tokens.count else { return false }
        return Self.isOpeningQuote(tokens[a - 1].symbol) && Self.isClosingQuote(tokens[b].symbol)
    }

    static func isOpeningQuote(_ symbol: UInt32) -> Bool { symbol == 0x22 || symbol == 0x201C || symbol == 0xAB }
    static func isClosingQuote(_ symbol: UInt32) -> Bool { symbol == 0x22 || symbol == 0x201D || symbol == 0xBB }

    /// What the words around a name say it is: `the carmaker X`, `chief executive of X`, `X spokesman`
    /// make an organization, `X coach`, `X's fans` a team. Nil when they say nothing.
    func organizationCue(_ tokens: [EntityToken], _ a: Int, _ b: Int) -> OrganizationCue? {
        var after = b
        // `Liverpool's manager`: past the possessive.
        if after + 1 < tokens.count, EntityTokenizer.isApostrophe(tokens[after].symbol), tokens[after + 1].key == Self.possessiveKey {
            after += 2
        }
        if after < tokens.count, tokens[after].isWord, tokens[after].has(.lowercase) || tokens[after].has(.allCaps) {
            let key = tokens[after].key
            if gazetteer.teamCuesAfter.contains(key) { return .team }
            if gazetteer.organizationCuesAfter.contains(key) { return .organization }
        }
        var key = ScalarKey.emptyPhrase
        var start = a
        var words: [UInt64] = []
        while start > 0, words.count < 3, tokens[start - 1].isWord, !tokens[start - 1].isCapitalized || tokens[start - 1].has(.allCaps) {
            start -= 1
            words.insert(tokens[start].key, at: 0)
            key = words.count == 1 ? words[0] : words.reduce(ScalarKey.emptyPhrase) { ScalarKey.appending($1, to: $0) }
            if gazetteer.teamCuesBefore.contains(key) { return .team }
            if gazetteer.organizationCuesBefore.contains(key) { return .organization }
        }
        return nil
    }

    static let possessiveKey = ScalarKey.word("s")

    /// Whether a place at `a..<b` of a sports story is the team it names: a result or team word
    /// beside it (`India won`, `beat Wigan`), or, for a city or region, any place but after a place
    /// preposition, in a dateline or before `, Region`.
    private func isSportsTeam(_ lineIndex: Int, _ tokens: [EntityToken], _ a: Int, _ b: Int, national: Bool) -> Bool {
        if opensDateline(lineIndex, a, b) { return false }
        if hasCue(tokens, a, b, after: gazetteer.sportsTeamCuesAfter, before: gazetteer.sportsTeamCuesBefore) { return true }
        // `Calgary's Jan Hudec`: a place before a person's name is where the person is from.
        if b + 2 < tokens.count, EntityTokenizer.isApostrophe(tokens[b].symbol), tokens[b + 1].key == Self.possessiveKey,
           tokens[b + 2].isCapitalized {
            return false
        }
        // `the Vancouver skier`: a place describing a noun other than a team word.
        if a > 0, b < tokens.count, gazetteer.leadingArticles.contains(tokens[a - 1].key), tokens[b].isWord,
           tokens[b].has(.lowercase), !gazetteer.teamCuesAfter.contains(tokens[b].key) {
            return false
        }
        if a > 0, tokens[a - 1].isWord, tokens[a - 1].has(.lowercase), gazetteer.sportsPlacePrepositions.contains(tokens[a - 1].key) {
            return false
        }
        if b + 1 < tokens.count, tokens[b].symbol == 0x2C, tokens[b + 1].isCapitalized,
           gazetteer.longestPhrase(in: tokens, at: b + 1, limit: tokens.count, accept: { $0.isCapitalized })?.entry.kind == .place {
            return false
        }
        return !national && settings.sportsCitiesAreTeams
    }

    /// Whether the word after `a..<b` (past a possessive) is in `after`, or the one to three
    /// lowercase words before it make a phrase in `before`.
    private func hasCue(_ tokens: [EntityToken], _ a: Int, _ b: Int, after: KeySet, before: KeySet) -> Bool {
        var next = b
        if next + 1 < tokens.count, EntityTokenizer.isApostrophe(tokens[next].symbol), tokens[next + 1].key == Self.possessiveKey {
            next += 2
        }
        if next < tokens.count, tokens[next].isWord, tokens[next].has(.lowercase), after.contains(tokens[next].key) { return true }
        var key = ScalarKey.emptyPhrase
        var start = a
        var count = 0
        while start > 0, count < 3, tokens[start - 1].isWord, tokens[start - 1].has(.lowercase) {
            start -= 1
            count += 1
            key = count == 1 ? tokens[start].key : Self.prepend(tokens[start].key, to: tokens, start + 1, a)
            if before.contains(key) { return true }
        }
        return false
    }

    /// The chained key of a token followed by `tokens[from..<to]`.
    private static func prepend(_ first: UInt64, to tokens: [EntityToken], _ from: Int, _ to: Int) -> UInt64 {
        var key = ScalarKey.appending(first, to: ScalarKey.emptyPhrase)
        for index in from..<to { key = ScalarKey.appending(tokens[index].key, to: key) }
        return key
    }

    private func endsMention(_ line: Int, at token: Int) -> Bool {
        guard let last = mentions.last, last.line == line else { return false }
        return last.end > token
    }

    /// `King said`, `Major told`: a capitalized one-word title before a verb of saying is a name.
    private func isSurnameLikeTitle(_ tokens: [EntityToken], _ start: Int, _ end: Int) -> Bool {
        end == start + 1 && tokens[start].isCapitalized && end < tokens.count
            && gazetteer.speechVerbs.contains(tokens[end].key) && tokens[end].has(.lowercase)
    }

    /// Whether token `i` can start or continue a name in a line of this casing.
    func isNameWord(_ tokens: [EntityToken], _ i: Int, casing: LineCasing) -> Bool {
        let token = tokens[i]
        guard token.isWord, !token.has(.lowercaseTail) else { return false }
        // Numbered words (`Under-21`, `M3`) and calendar words are names only inside a gazetteer phrase.
        if token.has(.digit) || gazetteer.weekdays.contains(token.key) || gazetteer.months.contains(token.key) {
            return startsPhrase(tokens, i)
        }
        switch casing {
        case .prose:
            guard token.isCapitalized else { return false }
            // Inside a sentence a capital marks a name (but not `I`); at its start only an unusual word does.
            let common = gazetteer.commonWords.contains(token.key)
            if (token.has(.sentenceStart) && (common || lowercaseWords.contains(token.key)))
                || (common && token.end - token.start == 1) {
                return startsPhrase(tokens, i)
            }
            return true
        case .headline:
            guard !token.has(.lowercase), !token.has(.digit) else { return false }
            if gazetteer.commonWords.contains(token.key) || lowercaseWords.contains(token.key)
                || gazetteer.months.contains(token.key) || gazetteer.weekdays.contains(token.key) {
                return startsPhrase(tokens, i)
            }
            return true
        }
    }

    /// `Wei-lin` in `Chen Wei-lin`, `Hye-jin` in `Ahn Hye-jin`: a given name romanized from Chinese
    /// or Korean, two short syllables joined by a hyphen, the second in lowercase. It only continues
    /// a name, and a tail that makes a modifier (`Kim-led`, `Tokyo-born`) rules it out.
    private func isRomanizedGivenName(_ token: EntityToken, _ scalars: [UInt32]) -> Bool {
        guard token.has(.lowercaseTail), token.isCapitalized, !token.has(.digit), !token.has(.allCaps) else { return false }
        let limit = settings.romanizedSyllableMaximum
        guard let hyphen = (token.start..<token.end).first(where: { scalars[$0] == 0x2D || scalars[$0] == 0x2010 || scalars[$0] == 0x2011 }),
              (1...limit).contains(hyphen - token.start), (1...limit).contains(token.end - hyphen - 1)
        else { return false }
        let tail = scalars[(hyphen + 1)..<token.end]
        guard tail.allSatisfy(EntityTokenizer.isLower) else { return false }
        return !gazetteer.modifierTails.contains(ScalarKey.word(tail.compactMap(Unicode.Scalar.init)))
    }

    /// Whether a gazetteer phrase starts at `i` that outweighs the word being common:
    /// `New York` at a sentence start is a name, `Total` (the company) is not.
    private func startsPhrase(_ tokens: [EntityToken], _ i: Int) -> Bool {
        guard let match = gazetteer.longestPhrase(in: tokens, at: i, limit: tokens.count, accept: { isPhraseToken($0) })
        else { return false }
        return match.end - i > 1 || tokens[i].has(.allCaps)
            || !(gazetteer.commonWords.contains(tokens[i].key) || lowercaseWords.contains(tokens[i].key))
    }

    /// Whether a token may continue a gazetteer phrase in running text: no lowercase word but a
    /// connector (`of`) or the `s` of a possessive (`People's`).
    private func isPhraseToken(_ token: EntityToken) -> Bool {
        !token.has(.lowercase) || gazetteer.connectors.contains(token.key) || token.key == Self.possessiveKey
    }

    /// The end of a run of name words from `start`, taking in name particles (`de`, `van`),
    /// `of`/`the` after an organization or place head (`Bank of Japan`), and `&`.
    private func runEnd(_ tokens: [EntityToken], from start: Int, casing: LineCasing, scalars: [UInt32]) -> Int {
        let n = tokens.count
        var j = start + 1
        var headSeen = gazetteer.organizationHeads.contains(tokens[start].key) || gazetteer.placeHeads.contains(tokens[start].key)
        while j < n {
            let token = tokens[j]
            if isRomanizedGivenName(token, scalars) {
                j += 1
                continue
            }
            // `Theresa May`: a month that is also a word may continue a name, not start one.
            if isNameWord(tokens, j, casing: casing)
                || (gazetteer.ambiguousMonths.contains(token.key) && token.isCapitalized && !token.has(.allCaps)) {
                headSeen = headSeen || gazetteer.organizationHeads.contains(token.key) || gazetteer.placeHeads.contains(token.key)
                j += 1
                continue
            }
            // Connectors: up to two (`of the`), only if a name word follows.
            var k = j
            while k < n, k - j < 2, tokens[k].isWord, !tokens[k].isCapitalized || casing == .headline {
                let key = tokens[k].key
                if gazetteer.nameParticles.contains(key) || (headSeen && gazetteer.connectors.contains(key)) { k += 1 } else { break }
            }
            if k == j, token.symbol == 0x26 { k += 1 }  // &
            // `Bank of America and Wells Fargo`: `and` before a name of its own ends the run.
            if k > j, k < n, tokens[j..<k].contains(where: { gazetteer.conjunctions.contains($0.key) }),
               startsOwnName(tokens, k) { break }
            if k > j, k < n, isNameWord(tokens, k, casing: casing) { j = k; continue }
            break
        }
        return j
    }

    /// Whether a name that stands on its own starts at `i`: a known organization or person, a
    /// given name, or an organization head with its connector (`University of`).
    private func startsOwnName(_ tokens: [EntityToken], _ i: Int) -> Bool {
        let token = tokens[i]
        if gazetteer.firstNames.contains(token.key) { return true }
        if i + 1 < tokens.count, gazetteer.organizationHeads.contains(token.key), gazetteer.connectors.contains(tokens[i + 1].key) {
            return true
        }
        guard let match = gazetteer.longestPhrase(in: tokens, at: i, limit: tokens.count, accept: { !$0.has(.lowercase) })
        else { return false }
        return match.entry.kind == .organization || match.entry.kind == .person
    }

    /// `Meanwhile Apple`, `Despite Jake Sullivan`: the first word of a sentence glued onto a name
    /// after it is no part of it when it is no name itself (no given name, gazetteer phrase, title
    /// or organization word) and the rest is a known name, or when it reads as an adverb or a
    /// (`Separately`).
    func isSentenceOpener(_ tokens: [EntityToken], _ a: Int, _ b: Int, scalars: [UInt32]) -> Bool {
        let token = tokens[a]
        guard token.has(.sentenceStart), b - a >= 2, !token.has(.allCaps), !token.has(.initial),
              !gazetteer.firstNames.contains(token.key), !gazetteer.firstNames.contains(token.headKey),
              !gazetteer.organizationPrefixes.contains(token.key), !gazetteer.organizationHeads.contains(token.key),
              !gazetteer.placeHeads.contains(token.key),
              gazetteer.longestPhrase(in: tokens, at: a, limit: b, accept: { _ in true }) == nil
        else { return false }
        if Self.endsWith(scalars, token, "ly") { return true }
        if gazetteer.firstNames.contains(tokens[a + 1].key) { return true }
        guard let rest = gazetteer.longestPhrase(in: tokens, at: a + 1, limit: b, accept: { _ in true }) else { return false }
        return rest.end == b && rest.entry.kind != .personTitle
    }

    static func endsWith(_ scalars: [UInt32], _ token: EntityToken, _ suffix: String) -> Bool {
        let tail = suffix.unicodeScalars.map(\.value)
        guard token.end - token.start > tail.count + 2 else { return false }
        return scalars[(token.end - tail.count)..<token.end].elementsEqual(tail)
    }

    /// A piece of a run: a gazetteer phrase or an unknown stretch.
    private struct Piece {
        var first: Int
        var end: Int
        var entry: PhraseEntry?
    }

    /// A run of name words, `tokens[first..<end]` of one line, split into pieces.
    private struct NameRun {
        let line: Int
        let first: Int
        let end: Int
        var pieces: [Piece]
    }

    /// Where the name proper starts in a run, past the titles and nationalities that lead it.
    private struct NameHead {
        /// The name's first token.
        var first: Int
        /// The index of the name's first piece.
        var piece: Int
        /// Whether a title (`President`) came before the name.
        var titled: Bool
        /// The first token of a nationality right before the name (`Indonesian` in `Indonesian Democratic Party`).
        var nationalityFirst: Int?
    }

    /// Splits a run into gazetteer phrases and unknown stretches, then types them, in this order:
    /// an event is no entity; a closing one-word title is a surname; leading titles and
    /// nationalities stand apart; the name as a whole may be typed by its words; else each piece is.
    private mutating func classifyRun(_ lineIndex: Int, _ tokens: [EntityToken], _ a: Int, _ b: Int, afterTitle: Bool) {
        var run = NameRun(line: lineIndex, first: a, end: b, pieces: pieces(tokens, a, b))
        if isEvent(run, tokens) { return }
        Self.mergeClosingTitleIntoSurname(&run)
        let head = takeLeadingTitlesAndNationalities(run, tokens, afterTitle: afterTitle)
        guard head.first < b else { return }
        if classifyWholeName(run, head, tokens) { return }
        classifyPieces(run, head, tokens)
    }

    private func pieces(_ tokens: [EntityToken], _ a: Int, _ b: Int) -> [Piece] {
        var pieces: [Piece] = []
        var j = a
        var unknownStart = -1
        while j < b {
            if let match = gazetteer.longestPhrase(in: tokens, at: j, limit: b, accept: { _ in true }) {
                if unknownStart >= 0 { pieces.append(Piece(first: unknownStart, end: j)); unknownStart = -1 }
                pieces.append(Piece(first: j, end: match.end, entry: match.entry))
                j = match.end
            } else {
                if unknownStart < 0 { unknownStart = j }
                j += 1
            }
        }
        if unknownStart >= 0 { pieces.append(Piece(first: unknownStart, end: b)) }
        if pieces.count == 1, isSurnameLikeTitle(tokens, a, b) { pieces[0].entry = nil }
        return pieces
    }

    /// `Pacific Harrow military exercise`, `Operation Prosperity Guardian`: an event, unless all of it is listed.
    private func isEvent(_ run: NameRun, _ tokens: [EntityToken]) -> Bool {
        guard run.pieces.count > 1 || run.pieces[0].entry == nil else { return false }
        return gazetteer.eventPrefixes.contains(tokens[run.first].key) && run.end - run.first >= 2
            || hasEventCue(tokens, run.first, run.end)
    }

    /// `Billie Jean King`: a one-word title closing a name is the surname.
    private static func mergeClosingTitleIntoSurname(_ run: inout NameRun) {
        let count = run.pieces.count
        guard count >= 2, let entry = run.pieces[count - 1].entry, entry.kind == .personTitle,
              run.pieces[count - 1].end - run.pieces[count - 1].first == 1, run.pieces[count - 2].entry == nil
        else { return }
        run.pieces.removeLast()
        run.pieces[count - 2].end = run.end
    }

    /// Titles and leading nationalities stand apart (a nationality is added as a mention);
    /// what follows them is the name.
    private mutating func takeLeadingTitlesAndNationalities(_ run: NameRun, _ tokens: [EntityToken], afterTitle: Bool) -> NameHead {
        var head = NameHead(first: run.first, piece: 0, titled: afterTitle)
        while head.piece < run.pieces.count, let entry = run.pieces[head.piece].entry,
              entry.kind == .personTitle || entry.kind == .nationality {
            let piece = run.pieces[head.piece]
            if entry.kind == .personTitle {
                head.titled = true
                head.nationalityFirst = nil
            } else {
                add(run.line, piece.first, piece.end, .nationality, entry.canonical, .strong, tokens)
                head.nationalityFirst = piece.first
            }
            head.first = piece.end
            head.piece += 1
        }
        return head
    }

    /// Types a name of several words by its own words: an event or law by its last word (no
    /// entity), an organization or a place by its suffix or head, a person by a leading given
    /// name. False when the words say nothing and each piece must be typed.
    private mutating func classifyWholeName(_ run: NameRun, _ head: NameHead, _ tokens: [EntityToken]) -> Bool {
        let wholeIsOnePhrase = head.piece == run.pieces.count - 1 && run.pieces[head.piece].entry != nil
        guard !wholeIsOnePhrase, run.end - head.first >= 2 else { return false }
        let last = tokens[run.end - 1].key
        // `FA Cup`, `Glastonbury Festival`, `Civil Rights Act`: an event, a prize or a law, no entity.
        if gazetteer.eventSuffixes.contains(last), !gazetteer.organizationSuffixes.contains(last) { return true }
        let ampersand = tokens[head.first..<run.end].contains { $0.symbol == 0x26 }
        if gazetteer.organizationSuffixes.contains(last) || ampersand
            || gazetteer.organizationPrefixes.contains(tokens[head.first].key)
            || hasOrganizationHead(tokens, head.first, run.end) {
            addOrganizationName(run, head, tokens, ampersand: ampersand)
            return true
        }
        if gazetteer.placeSuffixes.contains(last) || gazetteer.placeHeads.contains(tokens[head.first].key) {
            addPlaceName(run, head, tokens)
            return true
        }
        // `Carla Sacramento`, `Richard Finn`, `Charles de Gaulle`: a first name opens a person's
        // name even when later words are in the gazetteer.
        if run.end - head.first <= 4, lines[run.line].casing == .prose, run.pieces[head.piece].entry == nil,
           gazetteer.firstNames.contains(tokens[head.first].key) || gazetteer.firstNames.contains(tokens[head.first].headKey) {
            add(run.line, head.first, run.end, .person, nil, .strong, tokens)
            return true
        }
        return false
    }

    private mutating func addOrganizationName(_ run: NameRun, _ head: NameHead, _ tokens: [EntityToken], ampersand: Bool) {
        var first = head.first
        // `American Stock Exchange`, `Indonesian Democratic Party`: the demonym is part of the name.
        if let nationalityFirst = head.nationalityFirst, let previous = mentions.last, previous.type == .nationality,
           previous.line == run.line, previous.first == nationalityFirst {
            mentions.removeLast()
            first = nationalityFirst
        }
        // `Test and County Cricket Board`: a guessed name joined by `and` belongs to it.
        if first == run.first, first >= 2, gazetteer.conjunctions.contains(tokens[first - 1].key),
           let previous = mentions.last, previous.line == run.line, previous.end == first - 1,
           previous.strength == .guess, previous.end - previous.first <= settings.maximumGuessedNameWords, !ampersand {
            first = previous.first
            mentions.removeLast()
        }
        add(run.line, first, run.end, .organization, nil, .strong, tokens)
    }

    private mutating func addPlaceName(_ run: NameRun, _ head: NameHead, _ tokens: [EntityToken]) {
        var first = head.first
        // `East and South China Seas`: a plural suffix takes in a coordinated name before it.
        if gazetteer.pluralPlaceSuffixes.contains(tokens[run.end - 1].key), first >= 2, first == run.first,
           gazetteer.conjunctions.contains(tokens[first - 1].key),
           tokens[first - 2].isCapitalized {
            if let previous = mentions.last, previous.line == run.line, previous.end == first - 1 {
                if previous.first == first - 2, previous.strength < .strong { mentions.removeLast(); first -= 2 }
            } else {
                first -= 2
            }
        }
        add(run.line, first, run.end, .place, nil, .strong, tokens)
    }

    /// Types the pieces after the head one by one: known phrases by their entry (or as the team or
    /// company they name, from the words around them), unknown stretches by `classifyUnknown`.
    private mutating func classifyPieces(_ run: NameRun, _ head: NameHead, _ tokens: [EntityToken]) {
        var titled = head.titled
        for p in head.piece..<run.pieces.count {
            let piece = run.pieces[p]
            guard let entry = piece.entry else {
                classifyUnknown(run.line, tokens, piece.first, piece.end, titled: titled)
                titled = false
                continue
            }
            if entry.kind == .personTitle {
                titled = true
                continue
            }
            if !titled, classifyByNeighbours(run, p, entry, tokens) { return }
            if isTeamNamedByPlace(run, piece, entry, tokens, titled: titled) {
                add(run.line, piece.first, run.end, .organization, nil, .context, tokens)
                mentions[mentions.count - 1].team = true
                continue
            }
            if let type = entry.kind.entityType {
                let type = titled && entry.kind == .person ? .person : type
                add(run.line, piece.first, piece.end, type, entry.canonical, .strong, tokens)
                mentions[mentions.count - 1].national = entry.national
            }
            if entry.kind != .nationality { titled = false }
        }
    }

    /// A known piece typed by the unknown piece after it, which ends the run: `New York Knicks`
    /// (a place and a name: a team), `Victoria Beckham` (a given name that is a place: a person),
    /// `Chevrolet Volt` (a company and a word or two: its product, of which the company is kept).
    private mutating func classifyByNeighbours(_ run: NameRun, _ p: Int, _ entry: PhraseEntry, _ tokens: [EntityToken]) -> Bool {
        let piece = run.pieces[p]
        guard lines[run.line].casing == .prose, p + 1 < run.pieces.count else { return false }
        let next = run.pieces[p + 1]
        if entry.kind == .place, next.entry == nil || next.entry?.kind == .nationality, next.end == run.end {
            let person = piece.end - piece.first == 1 && gazetteer.firstNames.contains(tokens[piece.first].key)
            add(run.line, piece.first, run.end, person ? .person : .organization, nil, person ? .strong : .context, tokens)
            return true
        }
        if entry.company, p + 1 == run.pieces.count - 1, next.entry == nil, next.end - next.first <= 2,
           !tokens[next.first].has(.allCaps) {
            add(run.line, piece.first, piece.end, .organization, entry.canonical, .strong, tokens)
            return true
        }
        return false
    }

    /// Whether a place that ends the run names a team: `England coach`, `Liverpool's fans`; in a
    /// sports story `Australia boss`, `against India`, a city not `in` or `at`; a city in a results
    /// table (even after a title).
    private func isTeamNamedByPlace(_ run: NameRun, _ piece: Piece, _ entry: PhraseEntry, _ tokens: [EntityToken],
                                    titled: Bool) -> Bool {
        guard entry.kind == .place, piece.end == run.end else { return false }
        let prose = lines[run.line].casing == .prose
        if !titled, prose, organizationCue(tokens, piece.first, run.end) == .team { return true }
        if !titled, prose, sportsStory, isSportsTeam(run.line, tokens, piece.first, run.end, national: entry.national) {
            return true
        }
        return !entry.national && isTeamInResults(run.line, run.end)
    }

    /// `Patriotic Union of Kurdistan`: an organization head followed by a connector.
    private func hasOrganizationHead(_ tokens: [EntityToken], _ a: Int, _ b: Int) -> Bool {
        var index = a
        while index + 1 < b {
            if gazetteer.organizationHeads.contains(tokens[index].key),
               gazetteer.connectors.contains(tokens[index + 1].key),
               !tokens[index + 1].isCapitalized || tokens[index + 1].has(.allCaps) {
                return true
            }
            index += 1
        }
        return false
    }

    /// A name at the start of a dateline (`TUZLA, Bosnia 1996-08-27`, `SEOUL, Dec 9 (Reuters) -`) is a place.
    func isDateline(_ lineIndex: Int, _ a: Int, _ b: Int) -> Bool {
        let line = lines[lineIndex]
        let tokens = line.tokens
        guard a == 0, b < tokens.count, tokens[b].symbol == 0x2C || tokens[b].has(.digit) else { return false }
        var index = b
        while index < min(tokens.count, b + 6) {
            if dateEnd(in: tokens, at: index, scalars: line.scalars) != nil, !tokens[index].has(.lowercase) { return true }
            index += 1
        }
        return false
    }

    /// A place that opens a dateline, dated or not: `ATLANTA -`, `MIAMI (AFP)`, `IRVING, Texas --`.
    func opensDateline(_ lineIndex: Int, _ a: Int, _ b: Int) -> Bool {
        if isDateline(lineIndex, a, b) { return true }
        let tokens = lines[lineIndex].tokens
        // `Texas` in `IRVING, Texas --`: the region after a city in capitals.
        let afterCity = a == 2 && tokens[1].symbol == 0x2C && tokens[0].has(.allCaps)
        guard a == 0 || afterCity, b < tokens.count else { return false }
        let next = tokens[b].symbol
        if next == 0x2D || next == 0x2013 || next == 0x2014 || next == 0x28 { return true }  // - – — (
        return next == 0x2C && a == 0 && tokens[a..<b].allSatisfy { $0.has(.allCaps) || !$0.isWord }
    }

    /// In a results table (`Stoke 4 3 1 0`, `DETROIT 4 Kansas City 0`) a name right before a
    /// number is a team: an organization, unless it is a country (a national team stays a place).
    private func isTeamInResults(_ lineIndex: Int, _ b: Int) -> Bool {
        let line = lines[lineIndex]
        guard line.numbers >= 2, b < line.tokens.count else { return false }
        let next = line.tokens[b]
        return next.has(.digit) && !next.isWord
    }

    /// Types a stretch of name words the gazetteer does not know, by a cascade: its own shape
    /// (a title or given name before it, a cue word, a dateline), then, for one word, what the
    /// word is, then the words around it, and last a guess the document may have to confirm.
    private mutating func classifyUnknown(_ lineIndex: Int, _ tokens: [EntityToken], _ a: Int, _ b: Int, titled: Bool) {
        if classifyUnknownByShape(lineIndex, tokens, a, b, titled: titled) { return }
        if b - a == 1, classifyLoneUnknownWord(lineIndex, tokens, a) { return }
        if classifyUnknownByContext(lineIndex, tokens, a, b) { return }
        guessUnknown(lineIndex, tokens, a, b)
    }

    /// A title or given name before the stretch, a cue word around it, a dateline: true when
    /// one of them decided (bare capital letters decide it is no name).
    private mutating func classifyUnknownByShape(_ lineIndex: Int, _ tokens: [EntityToken], _ a: Int, _ b: Int,
                                                 titled: Bool) -> Bool {
        let length = b - a
        let first = tokens[a]
        let headline = lines[lineIndex].casing == .headline
        if titled {
            add(lineIndex, a, b, .person, nil, .strong, tokens)
            return true
        }
        let initial = first.has(.initial) && first.end - first.start == 2
        if length >= 2, length <= 4, initial || isGivenName(first) {
            if headline, length > 2 {
                // `KEVIN BROWN LOWERS ERA`: in a headline only the next word surely belongs to the name.
                add(lineIndex, a, a + 2, .person, nil, .strong, tokens)
                add(lineIndex, a + 2, b, .organization, nil, .guess, tokens, confirm: true)
            } else {
                add(lineIndex, a, b, .person, nil, .strong, tokens)
            }
            return true
        }
        if !headline, let cue = organizationCue(tokens, a, b) {
            add(lineIndex, a, b, .organization, nil, .context, tokens)
            mentions[mentions.count - 1].team = cue == .team
            return true
        }
        if isDateline(lineIndex, a, b) {
            add(lineIndex, a, b, .place, nil, .strong, tokens)
            return true
        }
        // Bare capital letters (`W L PCT GB`, `F G`) are table headings and labels.
        return tokens[a..<b].contains(where: { $0.end - $0.start == 1 && $0.isWord })
    }

    private func isGivenName(_ token: EntityToken) -> Bool {
        gazetteer.firstNames.contains(token.key) || gazetteer.firstNames.contains(token.headKey)
    }

    /// One unknown word: a team before a score, a word that only heads names, an acronym, a given
    /// name. True when one of them decided.
    private mutating func classifyLoneUnknownWord(_ lineIndex: Int, _ tokens: [EntityToken], _ a: Int) -> Bool {
        let b = a + 1
        let word = tokens[a]
        let headline = lines[lineIndex].casing == .headline
        // One word before a score is a team; two or three are as often a player (`Wasim Akram 4-50`).
        if isTeamInResults(lineIndex, b) {
            add(lineIndex, a, b, .organization, nil, .context, tokens)
            mentions[mentions.count - 1].team = true
            return true
        }
        // `the Council`, `the Union`, `the Park`: a word that heads or ends names is no name alone.
        if !word.has(.allCaps), gazetteer.isNameHeadOrSuffix(word.key) { return true }
        if word.has(.allCaps), !word.has(.digit), !headline,
           word.end - word.start <= settings.maximumAcronymLetters,
           !gazetteer.commonWords.contains(word.key), !lowercaseWords.contains(word.key) {
            add(lineIndex, a, b, .organization, nil, .context, tokens)
            return true
        }
        if isGivenName(word), !headline {
            add(lineIndex, a, b, .person, nil, .context, tokens)
            return true
        }
        return false
    }

    /// The words around a stretch of up to four words: a verb of saying makes a person; `, Country`,
    /// `the city of` or a place preposition a place. True when one of them decided.
    private mutating func classifyUnknownByContext(_ lineIndex: Int, _ tokens: [EntityToken], _ a: Int, _ b: Int) -> Bool {
        let length = b - a
        let headline = lines[lineIndex].casing == .headline
        let next = b < tokens.count ? tokens[b] : nil
        let previous = a > 0 ? tokens[a - 1] : nil
        if length <= 4, (next.map { gazetteer.speechVerbs.contains($0.key) && $0.has(.lowercase) } ?? false)
            || (previous.map { gazetteer.speechVerbs.contains($0.key) && $0.has(.lowercase) } ?? false) {
            add(lineIndex, a, b, .person, nil, .context, tokens, confirm: headline)
            return true
        }
        guard length <= 3 else { return false }
        // `Moengo, Surinam`: a name followed by a comma and a country or region is a place in it.
        if b + 1 < tokens.count, tokens[b].symbol == 0x2C,
           let match = gazetteer.longestPhrase(in: tokens, at: b + 1, limit: tokens.count, accept: { $0.isCapitalized }),
           match.entry.kind == .place, match.entry.national || isRegionEnd(tokens, match.end) {
            add(lineIndex, a, b, .place, nil, .context, tokens, confirm: headline)
            return true
        }
        // `the eastern city of Wuxi`, `the province of Aceh`.
        if a >= 2, tokens[a - 1].has(.lowercase), gazetteer.connectors.contains(tokens[a - 1].key),
           gazetteer.placeNouns.contains(tokens[a - 2].key) {
            add(lineIndex, a, b, .place, nil, .context, tokens, confirm: headline)
            return true
        }
        if let previous, previous.has(.lowercase), gazetteer.placePrepositions.contains(previous.key) {
            add(lineIndex, a, b, .place, nil, .guess, tokens, confirm: headline)
            return true
        }
        return false
    }

    /// What nothing decided is a guess of the configured type, kept only if the document confirms it.
    private mutating func guessUnknown(_ lineIndex: Int, _ tokens: [EntityToken], _ a: Int, _ b: Int) {
        let length = b - a
        let first = tokens[a]
        let headline = lines[lineIndex].casing == .headline
        if length == 1 {
            if gazetteer.commonWords.contains(first.key) { return }
            // A lone unknown word is as likely a product, a heading or a word used as a label: kept
            // only if the document confirms it (`Nadella` after `Satya Nadella`), unless it reads as
            // the plural name of a team or a band (`Bruins`, `Beatles`) inside a sentence.
            if let type = settings.unknownSingleWordType {
                let plural = !headline && !first.has(.sentenceStart) && isPluralName(lines[lineIndex].scalars, first)
                add(lineIndex, a, b, type, nil, .guess, tokens, confirm: !plural)
            }
            return
        }
        // `Rights Reserved`, `Match Referee`: a run of words the document also writes in lowercase is no name.
        if tokens[a..<b].allSatisfy({ lowercaseWords.contains($0.key) || gazetteer.commonWords.contains($0.key) }) { return }
        let type: EntityType = length <= settings.maximumGuessedNameWords ? settings.unknownNameType : .organization
        add(lineIndex, a, b, type, nil, .guess, tokens, confirm: headline)
    }

    /// `Bruins`, `Cottagers`: a capitalized word ending in a plural `s` (not `ss`, `us`, `is`) whose
    /// singular the document never writes in lowercase (`Marines` beside `a marine` is a word).
    private func isPluralName(_ scalars: [UInt32], _ token: EntityToken) -> Bool {
        let length = token.end - token.start
        guard length >= settings.minimumPluralNameLetters, !token.has(.allCaps), token.headKey == token.key,
              scalars[token.end - 1] == 0x73 else { return false }
        let before = scalars[token.end - 2]
        guard before != 0x73, before != 0x75, before != 0x69, before != 0x27 else { return false }
        let singular = ScalarKey.word(scalars[token.start..<(token.end - 1)].compactMap(Unicode.Scalar.init))
        return !lowercaseWords.contains(singular) && !gazetteer.commonWords.contains(singular)
            && !gazetteer.firstNames.contains(token.key)
    }

    /// Whether a place named before `end` closes its clause (`…, Texas.` or `…, Texas,`).
    private func isRegionEnd(_ tokens: [EntityToken], _ end: Int) -> Bool {
        end == tokens.count || !tokens[end].isWord
    }

    private mutating func add(_ line: Int, _ first: Int, _ end: Int, _ type: EntityType, _ canonical: String?,
                              _ strength: MentionStrength, _ tokens: [EntityToken], confirm: Bool = false) {
        mentions.append(EntityMention(line: line, first: first, end: end, type: type, canonical: canonical,
                                      strength: strength, needsConfirmation: confirm))
    }
}

