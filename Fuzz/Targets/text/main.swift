// Fuzzes the plain-text reader and what follows it (cleaning, entities, topics).
import BriefCore
import FuzzSupport

runFuzzer { start, count in
    readAndProcess(TextArticleReader(), start, count, source: "fuzz.txt")
    return 0
}
