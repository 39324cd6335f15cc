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
    }

    private var tokenReasons: [String: RemovalReason] = [:]
    private var weakReasons: [String: RemovalReason] = [:]
    private var prefixReasons: [(prefix: String, reason: RemovalReason)] = []
    private var ignoreClassPrefixes: [String] = []
    private var protect: Set<String> = []
    private var positive: Set<String> = []
    private var roles: [String: RemovalReason] = [:]

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
            for name in classValue.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                let lowered = name.lowercased()
                if ignoreClassPrefixes.contains(where: { lowered.hasPrefix($0) }) { continue }
                Self.appendTokens(of: name, to: &tokens)
            }
        }
        if let idValue { Self.appendTokens(of: Substring(idValue), to: &tokens) }
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

    /// Splits `articleBody_main-text` into `article`, `body`, `main`, `text` (and the joined `articlebody`).
    private static func appendTokens(of name: Substring, to tokens: inout [String]) {
        var current = ""
        var previousLower = false
        var pieces: [String] = []
        for character in name {
            if character.isLetter || character.isNumber {
                if character.isUppercase && previousLower && !current.isEmpty {
                    pieces.append(current)
                    current = ""
                }
                current.append(contentsOf: character.lowercased())
                previousLower = character.isLowercase || character.isNumber
            } else {
                if !current.isEmpty { pieces.append(current) }
                current = ""
                previousLower = false
            }
        }
        if !current.isEmpty { pieces.append(current) }
        // Digits glued to a token (`ad300`, `sidebar2`) do not change what it is.
        for piece in pieces {
            let trimmed = piece.trimmingCharacters(in: .decimalDigits)
            if !trimmed.isEmpty { tokens.append(trimmed) }
        }
        if pieces.count > 1 { tokens.append(pieces.joined()) }
    }
}
