// Fuzzes the RSS/Atom reader (libxml2's XML parser, item HTML) and the cleaning of each item.
import BriefCore
import FuzzSupport

runFuzzer { start, count in
    readAndProcess(FeedReader(), start, count, source: "fuzz.xml")
    return 0
}
