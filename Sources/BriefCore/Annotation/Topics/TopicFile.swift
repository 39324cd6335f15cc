// Reads topic definitions from TOML: the built-in file and the user's file share one format.
import Foundation
import TOMLKit

/// Parses a topics file.
///
/// Each topic is a table named by its id:
///
/// ```toml
/// [supply-chain]
/// name = "Supply chain"
/// strong = ["supply chain", "critical minerals"]
/// terms = ["semiconductor", "lithium", "shortage"]
/// context = ["space"]    # optional: count only beside a strong term or a term
/// against = ["parking"]  # optional: a sentence with one of these is another sense
/// threshold = 2.0        # optional: the score to mention the topic
/// about = 1.2            # optional: the salience to be about it
/// ```
///
/// Topics come back in the order the file lists them.
public enum TopicFile {
    static let allowedKeys: Set<String> = ["name", "strong", "terms", "context", "against", "threshold", "about"]

    /// Parses `text`; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(TopicFileError) -> [TopicDefinition] {
        if let problem = TOMLHeaderCheck.problem(in: text) {
            throw TopicFileError(file: file, line: problem.line, message: problem.message)
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw TopicFileError(file: file, line: error.source.begin.line, message: error.description)
        } catch {
            throw TopicFileError(file: file, line: nil, message: "not valid TOML: \(error)")
        }
        let lines = HeaderLines(text)
        var topics: [(line: Int, topic: TopicDefinition)] = []
        for id in root.keys {
            let line = lines.line(of: id)
            func fail(_ message: String) -> TopicFileError {
                TopicFileError(file: file, line: line, message: "topic '\(id)': \(message)")
            }
            guard isValidID(id) else {
                throw TopicFileError(file: file, line: line,
                                     message: "'\(id)' is not a topic id (use lowercase letters, digits and hyphens)")
            }
            guard let table = root[id]?.table else { throw fail("expected a table [\(id)] with name, strong and terms") }
            for key in table.keys where !allowedKeys.contains(key) {
                throw fail("unknown key '\(key)' (expected \(allowedKeys.sorted().joined(separator: ", ")))")
            }
            guard let name = table["name"]?.string, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw fail("'name' must be a non-empty string")
            }
            let strong = try stringArray(table, "strong", fail)
            let terms = try stringArray(table, "terms", fail)
            guard !(strong.isEmpty && terms.isEmpty) else { throw fail("needs at least one term in 'strong' or 'terms'") }
            for term in strong + terms where !TermVariants.hasWords(term) {
                throw fail("term '\(term)' has no words to match")
            }
            let context = try stringArray(table, "context", fail)
            let against = try stringArray(table, "against", fail)
            for term in context + against where !TermVariants.hasWords(term) {
                throw fail("term '\(term)' has no words to match")
            }
            let threshold = try positiveNumber(table, "threshold", fail)
            let about = try positiveNumber(table, "about", fail)
            topics.append((line ?? Int.max, TopicDefinition(id: id, name: name, strong: strong, terms: terms, context: context,
                                                            against: against, threshold: threshold, about: about)))
        }
        return topics.sorted { ($0.line, $0.topic.id) < ($1.line, $1.topic.id) }.map(\.topic)
    }

    /// Reads and parses the file at `url`.
    public static func load(_ url: URL) throws(TopicFileError) -> [TopicDefinition] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TopicFileError(file: url.path, line: nil, message: "cannot read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TopicFileError(file: url.path, line: nil, message: "not UTF-8 text")
        }
        return try parse(text, file: url.path)
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.first != "-" && id.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
        }
    }

    private static func stringArray(_ table: TOMLTable, _ key: String,
                                    _ fail: (String) -> TopicFileError) throws(TopicFileError) -> [String] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else { throw fail("'\(key)' must be an array of strings") }
        var result: [String] = []
        for element in array {
            guard let string = element.string else { throw fail("'\(key)' must be an array of strings") }
            result.append(string)
        }
        return result
    }

    private static func positiveNumber(_ table: TOMLTable, _ key: String,
                                       _ fail: (String) -> TopicFileError) throws(TopicFileError) -> Double? {
        guard let value = table[key] else { return nil }
        guard let number = value.double ?? value.int.map(Double.init), number > 0 else {
            throw fail("'\(key)' must be a positive number")
        }
        return number
    }
}

/// Where each topic starts in the file, found in one pass: errors about a topic point at its
/// line. (Looking each id up in all the lines made a 1,000-topic file take seconds to load.)
private struct HeaderLines {
    /// 1-based line of the first `[id]` or `["id"]` header of each id.
    private var tables: [Substring: Int] = [:]
    /// 1-based line of the first `id = …` (an inline table, or a value where a table belongs).
    private var values: [Substring: Int] = [:]

    init(_ text: String) {
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.first == "[" {
                guard let close = line.firstIndex(of: "]") else { continue }
                var id = line[line.index(after: line.startIndex)..<close]
                if id.count >= 2, id.first == "\"", id.last == "\"" { id = id.dropFirst().dropLast() }
                if tables[id] == nil { tables[id] = index + 1 }
            } else if let end = line.firstIndex(where: { $0 == " " || $0 == "=" }) {
                let id = line[..<end]
                if !id.isEmpty, values[id] == nil { values[id] = index + 1 }
            }
        }
    }

    func line(of id: String) -> Int? {
        tables[Substring(id)] ?? values[Substring(id)]
    }
}
