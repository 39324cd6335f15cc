// Fuzzes the whole path a library file takes: format detection, then whichever reader it picks
// (seeded with whole-page text dumps, so mostly the text reader's page layout), then cleaning,
// entities and topics.
import FuzzSupport

runFuzzer { start, count in
    detectReadAndProcess(start, count, source: "page.txt")
    return 0
}
