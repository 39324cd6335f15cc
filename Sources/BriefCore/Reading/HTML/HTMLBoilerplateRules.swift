// The class/id/role tables that mark page chrome (menus, share bars, ads, comments), loaded from data.
import Foundation

/// What an element's `class`, `id` and `role` say about it.
struct HTMLElementVerdict: Sendable {
    /// Set when the element is page chrome: its blocks are removed with this reason.
    var removal: RemovalReason?
    /// True when a class or id token names article content (`article-body`, `entry-content`).
    var positive: Bool
    /// True when the removal rests on a weak token, prefix or substring (`sidebar-right`): such
    /// verdicts are void on containers that hold most of the page's prose.
    var isWeak = false
    /// True when a token names chrome that is never the story however much text it holds (a
    /// cookie banner, a photo gallery): the verdict stands against the prose-share test.
    var isCertain = false
}

/// Token tables from `Resources/Data/html-boilerplate.json`.
struct HTMLBoilerplateRules: Sendable {
    private struct ReasonTable: Decodable {
        var tokens: [String]
        var weak: [String]
        var prefixes: [String]
    }
    private struct File: Decodable {
        var ignoreClassPrefixes: [String]
        var protect: [String]
        var reasons: [String: ReasonTable]
        var positive: [String]
        var roles: [String: String]
        var maximumClassPieces: Int
        var maximumIdPieces: Int
        var substrings: [String: String]
        var certainPrefixes: [String]
        var screenReaderOnly: [String]
    }

    private var tokenReasons: [String: RemovalReason] = [:]
    private var weakReasons: [String: RemovalReason] = [:]
    /// Prefix entries by their first three bytes (every prefix is at least three long).
    private var prefixBuckets: [String: [(prefix: String, reason: RemovalReason)]] = [:]
    private var ignoreClassPrefixes: [String] = []
    private var protect: Set<String> = []
    private var positive: Set<String> = []
    private var roles: [String: RemovalReason] = [:]
    private var maximumClassPieces = 4
    private var maximumIdPieces = 3
    private var substrings: [(bytes: [UInt8], reason: RemovalReason)] = []
    private var certainPrefixes: [String] = []
    private var screenReaderOnly: Set<String> = []
    /// Every whole-token entry in one table, so each token costs one lookup.
    private struct TokenEntry {
        var strong: RemovalReason?
        var weak: RemovalReason?
        var positive = false
        var protect = false
    }
    private var table: [String: TokenEntry] = [:]

    /// The shipped tables. A broken resource is a build defect, so it fails loudly in tests.
    static let shared: HTMLBoilerplateRules = {
        do {
            return try HTMLBoilerplateRules(json: BundledData.data("html-boilerplate.json"))
        } catch {
            preconditionFailure("Brief's bundled data file html-boilerplate.json is malformed: \(error)")
        }
    }()

    init(json: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: json)
        // Order reasons so the more specific ones win when one element carries several tokens.
        let order: [RemovalReason] = [.comments, .share, .newsletter, .advertisement, .unrelatedHeadline,
                                      .footer, .navigation, .metadata, .boilerplate]
        for reason in order {
            guard let table = file.reasons[reason.rawValue] else { continue }
            for token in table.tokens where tokenReasons[token] == nil { tokenReasons[token] = reason }
            for token in table.weak where weakReasons[token] == nil { weakReasons[token] = reason }
            for prefix in table.prefixes where prefix.utf8.count >= 3 {
                prefixBuckets[String(decoding: prefix.utf8.prefix(3), as: UTF8.self), default: []].append((prefix, reason))
            }
        }
        ignoreClassPrefixes = file.ignoreClassPrefixes
        maximumClassPieces = file.maximumClassPieces
        maximumIdPieces = file.maximumIdPieces
        substrings = file.substrings.sorted { $0.key < $1.key }
            .compactMap { text, reason in RemovalReason(rawValue: reason).map { (Array(text.utf8), $0) } }
        protect = Set(file.protect)
        certainPrefixes = file.certainPrefixes
        screenReaderOnly = Set(file.screenReaderOnly)
        positive = Set(file.positive)
        for (token, reason) in tokenReasons { table[token, default: TokenEntry()].strong = reason }
        for (token, reason) in weakReasons { table[token, default: TokenEntry()].weak = reason }
        for token in positive { table[token, default: TokenEntry()].positive = true }
        for token in protect { table[token, default: TokenEntry()].protect = true }
        for (role, reason) in file.roles {
            if let reason = RemovalReason(rawValue: reason) { roles[role] = reason }
        }
    }

    /// What the tokens of one attribute value say, before protection and roles are applied.
    struct Evidence: Sendable {
        var strong: RemovalReason?
        var weak: RemovalReason?
        var protected = false
        var positive = false
        var certain = false

        mutating func add(_ other: Evidence) {
            strong = strong ?? other.strong
            weak = weak ?? other.weak
            protected = protected || other.protected
            positive = positive || other.positive
            certain = certain || other.certain
        }
    }

    /// True when one of the class names hides the element from sight and leaves it to screen readers
    /// (`sr-only`, `visually-hidden`): a label such as "Media caption" or "Image copyright" that a reader of
    /// the page never sees. Checked on inline elements, which the chrome tables do not judge.
    func isScreenReaderOnly(classValue: String) -> Bool {
        classValue.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .contains { screenReaderOnly.contains($0.lowercased()) }
    }

    /// Judges one element from its class and id values and its ARIA role.
    func verdict(classValue: String?, idValue: String?, role: String?) -> HTMLElementVerdict {
        var evidence = classValue.map(self.evidence(classValue:)) ?? Evidence()
        if let idValue { evidence.add(self.evidence(idValue: idValue)) }
        return verdict(evidence, role: role)
    }

    /// Combines the evidence of an element's attributes with its role.
    func verdict(_ evidence: Evidence, role: String?) -> HTMLElementVerdict {
        var verdict = HTMLElementVerdict(removal: nil, positive: evidence.positive)
        if let role, let reason = roles[role.lowercased()] { verdict.removal = reason }
        if verdict.removal == nil { verdict.removal = evidence.strong }
        // `article-gallery` is a gallery in the article, not the article: certain chrome is not protected.
        if verdict.removal == nil, !evidence.protected || evidence.certain, let weak = evidence.weak {
            verdict.removal = weak
            verdict.isWeak = true
        }
        if verdict.removal != nil {
            verdict.positive = false
            verdict.isCertain = evidence.certain
        }
        return verdict
    }

    func evidence(classValue: String) -> Evidence {
        var tokens: [String] = []
        var pairs: [String] = []
        for name in classValue.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            if ignoreClassPrefixes.contains(where: { Self.hasPrefix(name, $0) }) { continue }
            if let element = metadataElement(of: name) {
                tokens += element
            } else {
                Self.appendTokens(of: name, to: &tokens, maximumPieces: maximumClassPieces, pairs: &pairs)
            }
        }
        var evidence = evidence(tokens)
        // Two neighbouring pieces may spell a metadata name of their own (`post-author-bio` holds `authorbio`),
        // which the story's word beside them (`post`) does not protect. Only metadata names: other pairs
        // (`up-next-bottom-wrapper`) name layout wrappers that may hold the story itself.
        if evidence.strong == nil, pairs.contains(where: { self.table[$0]?.strong == .metadata }) {
            evidence.strong = .metadata
        }
        return evidence
    }

    /// In a BEM name (`article__date`, `article-header__author`) the part after `__` says what the
    /// element is and the part before says where it sits. When that element is a metadata line (a
    /// date, an author, tags), the story's block name around it does not protect it: it is the
    /// story's metadata, not its text. Returns the element part's tokens in that case.
    private func metadataElement(of name: Substring.UTF8View.SubSequence) -> [String]? {
        var separator: Substring.UTF8View.Index?
        var index = name.startIndex
        while index < name.endIndex {
            let next = name.index(after: index)
            if name[index] == 0x5F, next < name.endIndex, name[next] == 0x5F { separator = name.index(after: next) }
            index = next
        }
        guard let separator, separator < name.endIndex else { return nil }
        var tokens: [String] = []
        var pairs: [String] = []
        Self.appendTokens(of: name[separator...], to: &tokens, maximumPieces: maximumClassPieces, pairs: &pairs)
        let evidence = evidence(tokens)
        guard evidence.strong == nil, evidence.weak == .metadata, !evidence.protected else { return nil }
        return tokens
    }

    func evidence(idValue: String) -> Evidence {
        let tokens = nameTokens(idValue)
        return exactNameEvidence(evidence(tokens), tokens: tokens)
    }

    /// The tokens of a name that stands alone (an id, an accessible name), at most `maximumIdPieces` pieces.
    private func nameTokens(_ value: String) -> [String] {
        var tokens: [String] = []
        var unusedPairs: [String] = []
        Self.appendTokens(of: value.utf8[...], to: &tokens, maximumPieces: maximumIdPieces, pairs: &unusedPairs)
        return tokens
    }

    /// What an element's accessible name says of it (`aria-label="Comments"`, `"advertisement"`):
    /// a page names its regions for screen readers in the words its class names use. Only chrome
    /// counts: a label protects nothing and marks no story, and no label makes a verdict certain.
    func evidence(regionLabel: String) -> Evidence {
        let found = evidence(nameTokens(regionLabel))
        return Evidence(strong: found.strong, weak: found.weak)
    }

    /// An id that is one chrome word and nothing else (`sidebar`, `comments`) names the page region
    /// itself, not a wrapper that happens to mention it: its verdict is certain. (Not so for classes:
    /// a lone `class="widget"` may style a story's box.)
    private func exactNameEvidence(_ evidence: Evidence, tokens: [String]) -> Evidence {
        guard tokens.count == 1, let entry = table[tokens[0]], entry.strong != nil || entry.weak != nil else { return evidence }
        var evidence = evidence
        evidence.certain = true
        return evidence
    }

    private func evidence(_ tokens: [String]) -> Evidence {
        var evidence = Evidence()
        for token in tokens {
            if let entry = table[token] {
                evidence.positive = evidence.positive || entry.positive
                evidence.protected = evidence.protected || entry.protect
                if evidence.strong == nil { evidence.strong = entry.strong }
                if evidence.weak == nil { evidence.weak = entry.weak }
            }
            if evidence.weak == nil { evidence.weak = prefixReason(token) ?? substringReason(token) }
            if !evidence.certain { evidence.certain = certainPrefixes.contains { token.hasPrefix($0) } }
        }
        return evidence
    }

    /// The reason of the first substring entry found inside a long token (`fbcommentsmodule`).
    private func substringReason(_ token: String) -> RemovalReason? {
        guard token.utf8.count > 6 else { return nil }
        let bytes = Array(token.utf8)
        for entry in substrings where entry.bytes.count <= bytes.count {
            for start in 0...(bytes.count - entry.bytes.count) where bytes[start] == entry.bytes[0] {
                if bytes[start..<start + entry.bytes.count].elementsEqual(entry.bytes) { return entry.reason }
            }
        }
        return nil
    }

    /// The reason of the first prefix entry the token starts with, looked up by its first three bytes.
    private func prefixReason(_ token: String) -> RemovalReason? {
        guard let candidates = prefixBuckets[String(decoding: token.utf8.prefix(3), as: UTF8.self)] else { return nil }
        return candidates.first { token.hasPrefix($0.prefix) }?.reason
    }

    /// Case-insensitive ASCII prefix test on raw bytes.
    private static func hasPrefix(_ bytes: Substring.UTF8View.SubSequence, _ prefix: String) -> Bool {
        guard bytes.count >= prefix.utf8.count else { return false }
        return zip(bytes, prefix.utf8).allSatisfy { lower($0) == $1 }
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// Splits `articleBody_main-text` into `article`, `body`, `main`, `text` (and the joined
    /// `articlebodymaintext`), working on bytes: class names are ASCII in practice, and any other
    /// byte simply counts as a letter. A name of three or more pieces also adds each two neighbouring
    /// pieces joined (`post-author-bio`: `postauthor`, `authorbio`) to `pairs`.
    private static func appendTokens(of name: Substring.UTF8View.SubSequence, to tokens: inout [String], maximumPieces: Int,
                                     pairs: inout [String]) {
        var pieces: [[UInt8]] = []
        var current: [UInt8] = []
        var previousLower = false
        for byte in name {
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLowerOrDigit = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
            if isUpper || isLowerOrDigit {
                if isUpper && previousLower && !current.isEmpty {
                    pieces.append(current)
                    current.removeAll(keepingCapacity: true)
                }
                current.append(lower(byte))
                previousLower = isLowerOrDigit
            } else {
                if !current.isEmpty { pieces.append(current) }
                current.removeAll(keepingCapacity: true)
                previousLower = false
            }
        }
        if !current.isEmpty { pieces.append(current) }
        guard !pieces.isEmpty, pieces.count <= maximumPieces else { return }
        // Digits glued to a token (`ad300`, `sidebar2`) do not change what it is.
        for piece in pieces {
            let trimmed = piece.drop(while: { $0 >= 0x30 && $0 <= 0x39 }).reversed().drop(while: { $0 >= 0x30 && $0 <= 0x39 }).reversed()
            if !trimmed.isEmpty { tokens.append(String(decoding: trimmed, as: UTF8.self)) }
        }
        if pieces.count > 1 { tokens.append(String(decoding: pieces.joined(), as: UTF8.self)) }
        if pieces.count > 2 {
            for index in 1..<pieces.count { pairs.append(String(decoding: pieces[index - 1] + pieces[index], as: UTF8.self)) }
        }
    }
}
