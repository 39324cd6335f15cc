// Document-level consistency: a later `Sullivan` is the `Jake Sullivan` named earlier, headlines use what the body says.

extension DocumentEntityFinder {
    private struct Known {
        var type: EntityType
        var canonical: String?
        var strength: MentionStrength
    }

    /// The chained key of tokens `first..<end` of a line.
    func sequenceKey(_ tokens: [EntityToken], _ first: Int, _ end: Int) -> UInt64 {
        if end - first == 1 { return tokens[first].key }
        var key = ScalarKey.emptyPhrase
        for index in first..<end { key = ScalarKey.appending(tokens[index].key, to: key) }
        return key
    }

    /// What the document's own mentions establish: the type of each name, the full name each
    /// part of a person's name belongs to, and which names are teams.
    private struct DocumentKnowledge {
        var known: [UInt64: Known] = [:]
        /// A word of a person's full name to that full name; empty when two people share it.
        var personParts: [UInt64: String] = [:]
        /// The longest known name in tokens, up to `longestRememberedName`.
        var longestKnown = 1
        var teams: Set<UInt64> = []
    }

    /// Retypes guesses by what the rest of the document established, gives short person
    /// mentions their full name as canonical, and keeps headline guesses only when confirmed
    /// (or, when not, the names the body knows inside them).
    mutating func settleWithDocument() {
        teamsThroughLists()
        let knowledge = learnFromMentions()
        var settled: [EntityMention] = []
        settled.reserveCapacity(mentions.count)
        var unconfirmed: [EntityMention] = []
        for var mention in mentions {
            guard mention.type != .date else { settled.append(mention); continue }
            let confirmed = retype(&mention, by: knowledge)
            if mention.needsConfirmation && !confirmed {
                unconfirmed.append(mention)
            } else {
                settled.append(mention)
            }
        }
        for mention in unconfirmed { settled.append(contentsOf: knownNames(inside: mention, knowledge)) }
        mentions = settled
    }

    private func learnFromMentions() -> DocumentKnowledge {
        var knowledge = DocumentKnowledge()
        var ambiguousParts: Set<UInt64> = []
        for mention in mentions where mention.team {
            knowledge.teams.insert(sequenceKey(lines[mention.line].tokens, mention.first, mention.end))
        }
        for mention in mentions where !mention.needsConfirmation && mention.type != .date {
            let tokens = lines[mention.line].tokens
            let key = sequenceKey(tokens, mention.first, mention.end)
            // Guesses do not teach types, but a guessed full name still names its parts (`King`).
            if mention.strength != .guess, (knowledge.known[key].map { $0.strength < mention.strength } ?? true) {
                knowledge.known[key] = Known(type: mention.type, canonical: mention.canonical, strength: mention.strength)
                knowledge.longestKnown = min(max(knowledge.longestKnown, mention.end - mention.first), settings.longestRememberedName)
            }
            guard mention.type == .person, mention.end - mention.first >= 2 else { continue }
            let canonical = mention.canonical ?? text(of: mention)
            for token in tokens[mention.first..<mention.end]
            where token.isWord && token.end - token.start >= 2 && !token.has(.allCaps) && !gazetteer.nameParticles.contains(token.key) {
                if let other = knowledge.personParts[token.key], other != canonical { ambiguousParts.insert(token.key) }
                knowledge.personParts[token.key] = canonical
            }
        }
        // A part shared by two people (`Bowden` of Tommy and Terry Bowden) is still a person's
        // name: typed as one, with no full name to report.
        for key in ambiguousParts { knowledge.personParts[key] = "" }
        return knowledge
    }

    /// Retypes one mention by what the document knows; true when that confirms it.
    private func retype(_ mention: inout EntityMention, by knowledge: DocumentKnowledge) -> Bool {
        let key = sequenceKey(lines[mention.line].tokens, mention.first, mention.end)
        if mention.team { return true }
        if mention.type == .place, knowledge.teams.contains(key), !opensDateline(mention.line, mention.first, mention.end) {
            // A city that is a team in this document's results is the team in its text too.
            mention.type = .organization
            mention.canonical = nil
            return true
        }
        if mention.end - mention.first == 1, let full = knowledge.personParts[key],
           mention.strength < .strong || mention.type == .person {
            mention.type = .person
            if !full.isEmpty, full != text(of: mention) { mention.canonical = full }
            return true
        }
        if let entry = knowledge.known[key], entry.strength > mention.strength || mention.needsConfirmation {
            mention.type = entry.type
            mention.canonical = entry.canonical ?? mention.canonical
            return true
        }
        return false
    }

    /// A headline run the body never confirmed may still contain names the body knows: the
    /// longest known name at each token, or a known part of a person's name.
    private func knownNames(inside mention: EntityMention, _ knowledge: DocumentKnowledge) -> [EntityMention] {
        let tokens = lines[mention.line].tokens
        var found: [EntityMention] = []
        var i = mention.first
        while i < mention.end {
            var matched = false
            var length = min(knowledge.longestKnown, mention.end - i)
            while length >= 1, !matched {
                let key = sequenceKey(tokens, i, i + length)
                if let entry = knowledge.known[key] {
                    found.append(EntityMention(line: mention.line, first: i, end: i + length, type: entry.type,
                                               canonical: entry.canonical, strength: entry.strength))
                    matched = true
                } else if length == 1, let full = knowledge.personParts[key] {
                    found.append(EntityMention(line: mention.line, first: i, end: i + 1, type: .person,
                                               canonical: full.isEmpty ? nil : full, strength: .context))
                    matched = true
                } else {
                    length -= 1
                }
            }
            i += matched ? max(length, 1) : 1
        }
        return found
    }

    /// `played for Southampton, Blackburn and Newcastle`: a place listed beside a team is a team
    /// too; in a sports story, beside any organization (`the Knicks and Miami`). Countries only in
    /// a sports story.
    private mutating func teamsThroughLists() {
        guard mentions.count >= 2 else { return }
        var changed = true
        while changed {
            changed = false
            for index in 0..<(mentions.count - 1) where mentions[index].line == mentions[index + 1].line {
                let leftPlace = mentions[index].type == .place, rightPlace = mentions[index + 1].type == .place
                guard leftPlace != rightPlace, isList(lines[mentions[index].line].tokens, index) else { continue }
                if leftPlace ? makeTeam(index, beside: index + 1) : makeTeam(index + 1, beside: index) { changed = true }
            }
        }
    }

    /// Makes the place `other` a team when the mention `team` beside it in a list is one.
    private mutating func makeTeam(_ other: Int, beside team: Int) -> Bool {
        let mention = mentions[other]
        let tokens = lines[mention.line].tokens
        guard mentions[team].team || (sportsStory && mentions[team].type == .organization),
              sportsStory || !mention.national, !opensDateline(mention.line, mention.first, mention.end),
              mention.first == 0 || !gazetteer.sportsPlacePrepositions.contains(tokens[mention.first - 1].key)
        else { return false }
        mentions[other].type = .organization
        mentions[other].canonical = nil
        mentions[other].team = true
        return true
    }

    /// Whether mentions `index` and `index + 1` (of one line) are items of one list: joined by
    /// `and`/`or`, or by a comma when a third item is joined to them too (`A, B and C`).
    private func isList(_ tokens: [EntityToken], _ index: Int) -> Bool {
        switch separator(tokens, mentions[index].end, mentions[index + 1].first) {
        case .conjunction: return true
        case .none: return false
        case .comma:
            if index + 2 < mentions.count, mentions[index + 2].line == mentions[index].line,
               separator(tokens, mentions[index + 1].end, mentions[index + 2].first) != .none {
                return true
            }
            if index > 0, mentions[index - 1].line == mentions[index].line,
               separator(tokens, mentions[index - 1].end, mentions[index].first) != .none {
                return true
            }
            return false
        }
    }

    private enum ListSeparator { case none, comma, conjunction }

    /// What tokens `from..<to` are between two list items: a comma, `and`/`or` (with or without a comma), or neither.
    private func separator(_ tokens: [EntityToken], _ from: Int, _ to: Int) -> ListSeparator {
        guard from < to, to - from <= 2,
              tokens[from..<to].allSatisfy({ $0.symbol == 0x2C || ($0.isWord && gazetteer.conjunctions.contains($0.key)) })
        else { return .none }
        return tokens[from..<to].contains { $0.isWord } ? .conjunction : .comma
    }

    func text(of mention: EntityMention) -> String {
        let line = lines[mention.line]
        return Self.string(line.scalars[line.tokens[mention.first].start..<line.tokens[mention.end - 1].end])
    }
}
