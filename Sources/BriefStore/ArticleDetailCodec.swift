// A compact binary form of what an article needs only when opened: block kinds, removed blocks, entity spans, topics.
import BriefCore
import Foundation

/// The parts of an article that are only needed when it is opened.
struct ArticleDetail: Equatable {
    var kinds: [BlockKind]
    var removed: [RemovedBlock]
    var entities: [EntitySpan]
    /// The topics it is about, then those it mentions (each says its level).
    var topics: [TopicMatch]
    /// The article's language (`en`, `de`), nil when unknown.
    var language: String? = nil
    /// The deck, standfirst or key points shown under the title.
    var summary: String? = nil
    /// The news agency the text credits ("Reuters", "PTI").
    var agency: String? = nil
}

/// Encodes `ArticleDetail` as bytes: varints, one byte per enum case, and a per-article table
/// of the strings that repeat (canonical names, topic ids and terms). A mention's text is not
/// stored when it is the slice of its paragraph (or title) that its offsets name, as it nearly
/// always is. About a sixth of the JSON's size, and much cheaper to make on the parsing threads.
///
/// The first byte is the format's version: anything else is refused, never misread.
enum ArticleDetailCodec {
    /// 2: a topic's level and evidence follow its terms; the language and the summary end the body.
    /// 3: the agency follows the summary.
    static let formatVersion: UInt8 = 3

    /// Enum cases are stored by their position in `allCases`: this names that numbering, and the
    /// format's version, so that a cache stored in another form is parsed again, never refused.
    static let layoutFingerprint: String = {
        let names = [["v\(formatVersion)"], BlockKind.allCases.map(\.rawValue), RemovalReason.allCases.map(\.rawValue),
                     EntityType.allCases.map(\.rawValue)]
        return String(ContentHash.of(Array(names.map { $0.joined(separator: ",") }.joined(separator: ";").utf8)).prefix(8))
    }()

    struct Malformed: Error, CustomStringConvertible {
        var reason: String
        var description: String { "malformed article detail: \(reason)" }
    }

    /// How a mention's text is stored, in the low bit of its type byte.
    private static let textIsSlice: UInt8 = 0
    private static let textInTable: UInt8 = 1
    /// A topic's flags byte: its level and where its evidence stands.
    private static let topicIsMention: UInt8 = 1
    private static let topicInTitle: UInt8 = 2
    private static let topicInLead: UInt8 = 4

    /// - Parameters:
    ///   - title: The title as stored.
    ///   - paragraphs: The kept paragraphs exactly as `decode` will get them back.
    static func encode(_ detail: ArticleDetail, title: String, paragraphs: [String]) -> Data {
        var out = ByteWriter()
        out.bytes.reserveCapacity(256 + detail.entities.count * 6 + detail.removed.reduce(0) { $0 + $1.text.utf8.count + 4 })
        out.bytes.append(formatVersion)
        var strings = StringTable()
        var scalars = ParagraphScalars(title: title, paragraphs: paragraphs)

        // Entities and topics refer to strings by number, so the table goes first: encode them
        // into a second buffer while the table fills, then write the table and append it.
        var body = ByteWriter()
        body.bytes.reserveCapacity(detail.entities.count * 6 + 64)
        body.unsigned(detail.entities.count)
        for span in detail.entities {
            let slice = scalars.slice(paragraph: span.paragraph, start: span.start, end: span.end)
            let isSlice = slice.map { span.text.unicodeScalars.elementsEqual($0) } ?? false
            body.byte(UInt8(EntityType.allCases.firstIndex(of: span.type)!) << 1 | (isSlice ? textIsSlice : textInTable))
            body.signed(span.paragraph)
            body.signed(span.start)
            body.signed(span.end - span.start)
            body.unsigned(strings.index(of: span.canonical))
            if !isSlice { body.unsigned(strings.index(of: span.text)) }
        }
        body.unsigned(detail.topics.count)
        for topic in detail.topics {
            body.unsigned(strings.index(of: topic.id))
            body.unsigned(strings.index(of: topic.name))
            body.double(topic.score)
            body.unsigned(topic.terms.count)
            for term in topic.terms { body.unsigned(strings.index(of: term)) }
            let evidence = topic.evidence
            body.byte((topic.level == .mention ? topicIsMention : 0) | (evidence.inTitle ? topicInTitle : 0)
                          | (evidence.inLead ? topicInLead : 0))
            body.unsigned(evidence.paragraphs)
            body.unsigned(evidence.sentencesWithEvidence)
            body.unsigned(evidence.sentences)
        }
        // The language last: 0 when unknown, else its string's number plus one.
        body.unsigned(detail.language.map { strings.index(of: $0) + 1 } ?? 0)

        out.unsigned(detail.kinds.count)
        for kind in detail.kinds { out.byte(UInt8(BlockKind.allCases.firstIndex(of: kind)!)) }
        out.unsigned(detail.removed.count)
        for block in detail.removed {
            out.byte(UInt8(RemovalReason.allCases.firstIndex(of: block.reason)!))
            out.signed(block.position)
            out.string(block.text)
        }
        for optional in [detail.summary, detail.agency] {
            if let text = optional {
                out.byte(1)
                out.string(text)
            } else {
                out.byte(0)
            }
        }
        out.unsigned(strings.strings.count)
        for string in strings.strings { out.string(string) }
        out.bytes.append(contentsOf: body.bytes)
        return Data(out.bytes)
    }

    /// Reads what `encode` wrote, in its order: kinds, removed blocks, summary, agency, the string table,
    /// then the body (entities, topics, language) that refers to it.
    static func decode(_ data: Data, title: String, paragraphs: [String]) throws(Malformed) -> ArticleDetail {
        var input = ByteReader(bytes: [UInt8](data))
        guard try input.byte() == formatVersion else { throw Malformed(reason: "unknown format version") }
        var detail = ArticleDetail(kinds: [], removed: [], entities: [], topics: [])
        detail.kinds = try input.list { (input: inout ByteReader) throws(Malformed) in try input.enumCase(BlockKind.allCases) }
        detail.removed = try input.list(decodeRemoved)
        if try input.byte() == 1 { detail.summary = try input.string() }
        if try input.byte() == 1 { detail.agency = try input.string() }
        let strings = DecodedStrings(try input.list { (input: inout ByteReader) throws(Malformed) in try input.string() })
        var scalars = ParagraphScalars(title: title, paragraphs: paragraphs)
        detail.entities = try input.list { (input: inout ByteReader) throws(Malformed) in
            try decodeEntity(&input, strings: strings, scalars: &scalars)
        }
        detail.topics = try input.list { (input: inout ByteReader) throws(Malformed) in try decodeTopic(&input, strings: strings) }
        let language = try input.unsigned()
        if language > 0 { detail.language = try strings[language - 1] }
        guard input.isAtEnd else { throw Malformed(reason: "trailing bytes") }
        return detail
    }

    private static func decodeRemoved(_ input: inout ByteReader) throws(Malformed) -> RemovedBlock {
        let reason = try input.enumCase(RemovalReason.allCases)
        let position = try input.signed()
        return RemovedBlock(text: try input.string(), reason: reason, position: position)
    }

    /// One mention: its text is a slice of its paragraph (flag bit 0) or a string of the table.
    private static func decodeEntity(_ input: inout ByteReader, strings: DecodedStrings,
                                     scalars: inout ParagraphScalars) throws(Malformed) -> EntitySpan {
        let flags = try input.byte()
        let typeIndex = Int(flags >> 1)
        guard typeIndex < EntityType.allCases.count else { throw Malformed(reason: "entity type \(typeIndex)") }
        let paragraph = try input.signed()
        let start = try input.signed()
        let (end, overflows) = start.addingReportingOverflow(try input.signed())
        guard !overflows else { throw Malformed(reason: "mention \(start)... overflows") }
        let canonical = try strings[try input.unsigned()]
        let text: String
        if flags & 1 == textIsSlice {
            guard let slice = scalars.slice(paragraph: paragraph, start: start, end: end) else {
                throw Malformed(reason: "mention \(start)..<\(end) outside paragraph \(paragraph)")
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: slice)
            text = String(view)
        } else {
            text = try strings[try input.unsigned()]
        }
        return EntitySpan(paragraph: paragraph, start: start, end: end, text: text, type: EntityType.allCases[typeIndex],
                          canonical: canonical)
    }

    private static func decodeTopic(_ input: inout ByteReader, strings: DecodedStrings) throws(Malformed) -> TopicMatch {
        let id = try strings[try input.unsigned()]
        let name = try strings[try input.unsigned()]
        let score = try input.double()
        let terms = try input.list { (input: inout ByteReader) throws(Malformed) in try strings[try input.unsigned()] }
        let flags = try input.byte()
        let evidence = TopicEvidence(inTitle: flags & topicInTitle != 0, inLead: flags & topicInLead != 0,
                                     paragraphs: try input.unsigned(), sentencesWithEvidence: try input.unsigned(),
                                     sentences: try input.unsigned())
        return TopicMatch(id: id, name: name, score: score, terms: terms, level: flags & topicIsMention != 0 ? .mention : .about,
                          evidence: evidence)
    }
}

/// The string table as read back: a number past its end is a malformed detail, not a crash.
private struct DecodedStrings {
    let strings: [String]

    init(_ strings: [String]) { self.strings = strings }

    subscript(index: Int) -> String {
        get throws(ArticleDetailCodec.Malformed) {
            guard index < strings.count else { throw ArticleDetailCodec.Malformed(reason: "string \(index) of \(strings.count)") }
            return strings[index]
        }
    }
}

/// Strings numbered in order of first use.
private struct StringTable {
    var strings: [String] = []
    var numbers: [String: Int] = [:]

    mutating func index(of string: String) -> Int {
        if let known = numbers[string] { return known }
        numbers[string] = strings.count
        strings.append(string)
        return strings.count - 1
    }
}

/// The unicode scalars of the title (paragraph -1) and paragraphs, split out only when a mention asks.
private struct ParagraphScalars {
    let title: String
    let paragraphs: [String]
    var split: [Int: [Unicode.Scalar]] = [:]

    init(title: String, paragraphs: [String]) {
        self.title = title
        self.paragraphs = paragraphs
    }

    mutating func slice(paragraph: Int, start: Int, end: Int) -> ArraySlice<Unicode.Scalar>? {
        guard paragraph >= -1, paragraph < paragraphs.count, start >= 0, start <= end else { return nil }
        let scalars: [Unicode.Scalar]
        if let known = split[paragraph] {
            scalars = known
        } else {
            scalars = Array((paragraph == -1 ? title : paragraphs[paragraph]).unicodeScalars)
            split[paragraph] = scalars
        }
        guard end <= scalars.count else { return nil }
        return scalars[start..<end]
    }
}

private struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func unsigned(_ value: Int) {
        var rest = UInt64(value)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Zigzag: small magnitudes of either sign stay short.
    mutating func signed(_ value: Int) {
        let value = Int64(value)
        var rest = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    mutating func string(_ value: String) {
        unsigned(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }
}

private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() throws(ArticleDetailCodec.Malformed) -> UInt8 {
        guard offset < bytes.count else { throw ArticleDetailCodec.Malformed(reason: "truncated") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func raw() throws(ArticleDetailCodec.Malformed) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw ArticleDetailCodec.Malformed(reason: "varint too long") }
            value |= UInt64(next & 0x7F) << shift
            if next & 0x80 == 0 { return value }
            shift += 7
        }
    }

    mutating func unsigned() throws(ArticleDetailCodec.Malformed) -> Int {
        let value = try raw()
        guard value <= UInt64(Int.max) else { throw ArticleDetailCodec.Malformed(reason: "number too large") }
        return Int(value)
    }

    /// A count of items that follow, each at least one byte long (so a damaged count cannot
    /// make the decoder reserve more than the blob could hold).
    mutating func count() throws(ArticleDetailCodec.Malformed) -> Int {
        let value = try unsigned()
        guard value <= bytes.count - offset else { throw ArticleDetailCodec.Malformed(reason: "count \(value) past the end") }
        return value
    }

    /// A count, then that many elements each read by `element`.
    mutating func list<Element>(_ element: (inout ByteReader) throws(ArticleDetailCodec.Malformed) -> Element)
        throws(ArticleDetailCodec.Malformed) -> [Element] {
        let count = try count()
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try element(&self)) }
        return elements
    }

    mutating func signed() throws(ArticleDetailCodec.Malformed) -> Int {
        let zigzag = try raw()
        return Int(truncatingIfNeeded: Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
    }

    mutating func double() throws(ArticleDetailCodec.Malformed) -> Double {
        guard bytes.count - offset >= 8 else { throw ArticleDetailCodec.Malformed(reason: "truncated") }
        var bits: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 8) {
            bits |= UInt64(bytes[offset]) << UInt64(shift)
            offset += 1
        }
        return Double(bitPattern: bits)
    }

    mutating func string() throws(ArticleDetailCodec.Malformed) -> String {
        let length = try unsigned()
        guard length <= bytes.count - offset else { throw ArticleDetailCodec.Malformed(reason: "string past the end") }
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    mutating func enumCase<T>(_ cases: [T]) throws(ArticleDetailCodec.Malformed) -> T {
        let index = Int(try byte())
        guard index < cases.count else { throw ArticleDetailCodec.Malformed(reason: "case \(index) of \(T.self)") }
        return cases[index]
    }
}
