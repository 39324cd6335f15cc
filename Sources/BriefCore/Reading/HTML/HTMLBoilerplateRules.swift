// The class/id/role tables that mark page chrome (menus, share bars, ads, comments), loaded from data.
import Foundation

/// What an element's `class`, `id` and `role` say about it.
struct HTMLElementVerdict: Sendable {
    /// Set when the element is page chrome: its blocks are removed with this reason.
    var removal: RemovalReason?
    /// True when a class or id token names article content (`article-body`, `entry-content`).
    var positive: Bool
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
    }

    private var tokenReasons: [String: RemovalReason] = [:]
    private var weakReasons: [String: RemovalReason] = [:]
    private var prefixReasons: [(prefix: String, reason: RemovalReason)] = []
    private var ignoreClassPrefixes: [String] = []
    private var protect: Set<String> = []
    private var positive: Set<String> = []
    private var roles: [String: RemovalReason] = [:]
    private var maximumClassPieces = 4
    private var maximumIdPieces = 3

    /// The shipped tables. A broken resource is a build defect, so it fails loudly in tests.
    static let shared: HTMLBoilerplateRules = {
        guard let url = Bundle.module.url(forResource: "html-boilerplate", withExtension: "json", subdirectory: "Data"),
              let data = try? Data(contentsOf: url),
              let rules = try? HTMLBoilerplateRules(json: data) else {
            preconditionFailure("Resources/Data/html-boilerplate.json is missing or malformed")
        }
        return rules
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
            for prefix in table.prefixes { prefixReasons.append((prefix, reason)) }
        }
        ignoreClassPrefixes = file.ignoreClassPrefixes
        maximumClassPieces = file.maximumClassPieces
        maximumIdPieces = file.maximumIdPieces
        protect = Set(file.protect)
        positive = Set(file.positive)
        for (role, reason) in file.roles {
            if let reason = RemovalReason(rawValue: reason) { roles[role] = reason }
        }
    }

    /// Judges one element from its class and id values and its ARIA role.
    func verdict(classValue: String?, idValue: String?, role: String?) -> HTMLElementVerdict {
        var tokens: [String] = []
        if let classValue {
            for name in classValue.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                if ignoreClassPrefixes.contains(where: { Self.hasPrefix(name, $0) }) { continue }
                Self.appendTokens(of: name, to: &tokens, maximumPieces: maximumClassPieces)
            }
        }
        if let idValue { Self.appendTokens(of: idValue.utf8[...], to: &tokens, maximumPieces: maximumIdPieces) }
        var verdict = HTMLElementVerdict(removal: nil, positive: false)
        if let role, let reason = roles[role.lowercased()] { verdict.removal = reason }
        var protected = false
        var weakHit: RemovalReason?
        for token in tokens {
            if positive.contains(token) { verdict.positive = true }
            if protect.contains(token) { protected = true }
            if verdict.removal == nil, let reason = tokenReasons[token] { verdict.removal = reason }
            if weakHit == nil {
                weakHit = weakReasons[token] ?? prefixReasons.first(where: { token.hasPrefix($0.prefix) })?.reason
            }
        }
        if verdict.removal == nil, !protected { verdict.removal = weakHit }
        if verdict.removal != nil { verdict.positive = false }
        return verdict
    }

    /// Case-insensitive ASCII prefix test on raw bytes.
    private static func hasPrefix(_ bytes: Substring.UTF8View.SubSequence, _ prefix: String) -> Bool {
        guard bytes.count >= prefix.utf8.count else { return false }
        return zip(bytes, prefix.utf8).allSatisfy { lower($0) == $1 }
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// Splits `articleBody_main-text` into `article`, `body`, `main`, `text` (and the joined
    /// `articlebodymaintext`), working on bytes: class names are ASCII in practice, and any other
    /// byte simply counts as a letter.
    private static func appendTokens(of name: Substring.UTF8View.SubSequence, to tokens: inout [String], maximumPieces: Int) {
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
    }
}
