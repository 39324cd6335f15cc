// `brief entities`: the named entities in any text, as JSON for scripts or as readable lines.
import ArgumentParser
import BriefCore
import BriefUI
import Foundation

struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List the people, organizations, places, nationalities and dates in a text.",
        discussion: """
            Each line of the input is read as a paragraph; names are made consistent across the \
            whole input. Offsets are Unicode scalars over the input as given.
            """
    )

    @Flag(name: .long, help: "Print a JSON array of {start, end, text, type, canonical}.")
    var json = false

    @Argument(help: "A text file, or - for standard input.")
    var file: String = "-"

    func run() throws {
        let source = file == "-" ? "standard input" : file
        let data: Data
        // A file is read as the library reads one: regular files only, within the same size limit.
        switch file == "-" ? .success(FileHandle.standardInput.readDataToEndOfFile()) : FileContents.read(Array(file.utf8)) {
        case .success(let contents):
            data = contents
        case .failure(let failure):
            StandardStreams.message("\(source): \(failure.reason)")
            if json { StandardStreams.output("[]") }
            throw ExitCode(1)
        }
        if data.contains(0) {
            StandardStreams.message("\(source): looks like a binary file (it contains NUL bytes); skipped")
            if json { StandardStreams.output("[]") }
            throw ExitCode(1)
        }
        var badInput = false
        let text: String
        if let decoded = String(data: data, encoding: .utf8) {
            text = decoded
        } else if let decoded = String(data: data, encoding: .windowsCP1252) {
            StandardStreams.message("\(source): not valid UTF-8; read as Windows-1252 (offsets count the decoded text)")
            text = decoded
            badInput = true
        } else {
            StandardStreams.message("\(source): not valid UTF-8; invalid bytes read as U+FFFD")
            text = String(decoding: data, as: UTF8.self)
            badInput = true
        }

        let spans = Self.entities(in: text)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
            let output = try encoder.encode(spans)
            StandardStreams.output(String(decoding: output, as: UTF8.self))
        } else {
            for span in spans {
                var line = "\(span.start)-\(span.end)\t\(span.type.rawValue)\t\(TerminalSafeText.clean(span.text))"
                if span.canonical != span.text { line += "\t→ \(TerminalSafeText.clean(span.canonical))" }
                StandardStreams.output(line)
            }
        }
        if badInput { throw ExitCode(1) }
    }

    /// One entity of the output, with offsets over the whole input.
    struct Span: Encodable {
        var start: Int
        var end: Int
        var text: String
        var type: EntityType
        var canonical: String
    }

    /// The entities of `text`, each line a paragraph, offsets over the whole input.
    static func entities(in text: String) -> [Span] {
        GazetteerEntityRecognizer.shared.entities(inText: text).map {
            Span(start: $0.start, end: $0.end, text: $0.text, type: $0.type, canonical: $0.canonical)
        }
    }
}
