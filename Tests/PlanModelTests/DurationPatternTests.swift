import Foundation
import PlanModel
import Testing

/// `DurationText.pattern(maximumSeconds:)` (the editor schema's `ttl` and rule `max` patterns) matches exactly the
/// durations `DurationText.seconds` reads as 1 to the maximum.
@Suite struct DurationPatternTests {
    @Test(arguments: [1, 9, 10, 59, 60, 61, 3600, 86_399, 86_400, 172_801, 2_592_000])
    func patternMatchesWhatSecondsReads(_ maximum: Int) throws {
        let regex = try NSRegularExpression(pattern: DurationText.pattern(maximumSeconds: maximum))
        func matches(_ text: String) -> Bool {
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        var texts: [String] = ["", "d", "7", "-1s", "+1s", "1.5h", "1S", " 1s", "1s ", "1w", "00s", "01s", "001d"]
        for (unit, size) in [("s", 1), ("m", 60), ("h", 3600), ("d", 86_400)] {
            let most = maximum / size
            for count in Set([0, 1, 2, 9, 10, 11, 99, 100, 101, most - 1, most, most + 1, most * 10]) where count >= 0 {
                texts.append("\(count)\(unit)")
            }
        }
        for text in texts {
            let read = DurationText.seconds(text)
            let wanted = read.map { (1...maximum).contains($0) } ?? false
            #expect(matches(text) == wanted, "\(text) with maximum \(maximum)")
        }
    }

    @Test func thirtyDaysPattern() {
        #expect(DurationText.pattern(maximumSeconds: 2_592_000) == "^(0*([1-9]|[1-2][0-9]{1}|30)d|0*([1-9]|[1-9][0-9]{1}|"
            + "[1-6][0-9]{2}|7[0-1][0-9]{1}|720)h|0*([1-9]|[1-9][0-9]{1}|[1-9][0-9]{2}|[1-9][0-9]{3}|[1-3][0-9]{4}|"
            + "4[0-2][0-9]{3}|43[0-1][0-9]{2}|43200)m|0*([1-9]|[1-9][0-9]{1}|[1-9][0-9]{2}|[1-9][0-9]{3}|"
            + "[1-9][0-9]{4}|[1-9][0-9]{5}|1[0-9]{6}|2[0-4][0-9]{5}|25[0-8][0-9]{4}|259[0-1][0-9]{3}|2592000)s)$")
        #expect(DurationText.pattern(maximumSeconds: 59) == "^(0*([1-9]|[1-4][0-9]{1}|5[0-8]|59)s)$")
    }
}
