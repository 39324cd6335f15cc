// Fuzzes the HTML reader (libxml2's HTML parser, content selection, metadata) and the cleaning after it.
import BriefCore
import FuzzSupport

runFuzzer { start, count in
    readAndProcess(HTMLArticleReader(), start, count, source: "fuzz.html")
    return 0
}
