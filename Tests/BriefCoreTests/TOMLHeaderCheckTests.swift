// A TOML file whose table header does not begin with a key is reported, not a crash (Fuzz/run, config).
@testable import BriefCore
import Testing

@Suite struct TOMLHeaderCheckTests {
    /// Found by Fuzz/run (config): `[:` made TOMLKit's bundled toml++ abort the process.
    @Test func aTopicsFileWithAHeaderThatIsNotAKeyIsAnErrorNotACrash() {
        for text in ["[:", "[cyber]\nname = \"Cyber\"\n\n[ !drones]\n", "[[ .x]]", "\u{FEFF}[\u{00E9}t\u{00E9}]", "[\n"] {
            #expect(throws: TopicFileError.self) { try TopicFile.parse(text, file: "topics.toml") }
        }
        let problem = TOMLHeaderCheck.problem(in: "[cyber]\nname = \"Cyber\"\n\n[ !drones]\n")
        #expect(problem?.line == 4)
    }

    @Test func bracketsInsideValuesStringsAndCommentsAreNotHeaders() {
        let valid = """
            # [: a comment
            [cyber]
            name = "[: not a header"
            strong = [
            [1, 2],
            ]
            terms = \"\"\"
            [: inside a multi-line string
            \"\"\"
            literal = '''
            [! likewise
            '''
            [ "quoted key" ]
            [[ list-of-tables ]]
            """
        #expect(TOMLHeaderCheck.problem(in: valid) == nil)
    }

    /// Found by Fuzz/run (theme): `t=[}` made toml++'s value parser abort the process.
    @Test func aMissingValueIsAnErrorNotACrash() {
        for text in ["t=[}", "t = }", "t=,", "t = [1,,2]", "t = [\n# c\n}", "[x]\nt = { a = ] }"] {
            #expect(TOMLHeaderCheck.problem(in: text) != nil, "\(text)")
            #expect(throws: TopicFileError.self) { try TopicFile.parse(text, file: "topics.toml") }
        }
        #expect(TOMLHeaderCheck.problem(in: "a = 1\nb = 2\nc = [ 1,,]")?.line == 3)
    }

    @Test func emptyArraysTrailingCommasAndInlineTablesAreValues() {
        let valid = """
            empty = []
            spaced = [ ]
            trailing = [1, 2,]
            lines = [
              "a", # a comment
              "b",
            ]
            nested = [[], [1,], {a = 1}]
            inline = { a = 1, b = [2] }
            """
        #expect(TOMLHeaderCheck.problem(in: valid) == nil)
    }
}
