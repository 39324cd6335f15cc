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
}
