/// Typed reads of one row's fields that never coerce in silence.
///
/// A field that is absent, `None`, `null` or `NaN` is simply missing. A field
/// of the wrong kind (a number where text belongs, a string where a list
/// belongs) is treated as missing too, but counted as `field-wrong-type` with
/// its place, so `?? ""` can never hide a damaged column.
struct RowFields {
    let row: LiteralObject
    let line: Int
    /// Names the row in samples: "id 10", "review 2".
    let place: String

    /// The text at `key`, or nil when missing or not text.
    func text(_ key: String, report: inout LoadReport.FileReport) -> String? {
        guard let value = present(key) else { return nil }
        if let text = value.stringValue { return text }
        wrongType(key, value, expected: "text", report: &report)
        return nil
    }

    /// True or False at `key`, or nil when missing or not a bool.
    func flag(_ key: String, report: inout LoadReport.FileReport) -> Bool? {
        guard let value = present(key) else { return nil }
        if let flag = value.boolValue { return flag }
        wrongType(key, value, expected: "True or False", report: &report)
        return nil
    }

    /// A whole number at `key` (ids and counts are written as numbers or digit strings).
    func integer(_ key: String, report: inout LoadReport.FileReport) -> Int64? {
        guard let value = present(key) else { return nil }
        if let number = value.integerValue { return number }
        wrongType(key, value, expected: "a whole number", report: &report)
        return nil
    }

    /// The strings of the list at `key`; a non-list or a non-string item is counted once for the row.
    func textList(_ key: String, report: inout LoadReport.FileReport) -> [String] {
        guard let value = present(key) else { return [] }
        guard let items = value.arrayValue else {
            wrongType(key, value, expected: "a list", report: &report)
            return []
        }
        let texts = items.compactMap(\.stringValue)
        if texts.count != items.count, let odd = items.first(where: { $0.stringValue == nil }) {
            report.record(.fieldWrongType, line: line, detail: "\(place): '\(key)' holds a \(odd.kindName), not text; left out")
        }
        return texts
    }

    /// Minutes of playtime: a whole number in 0…`Int32.max`; anything else
    /// (missing, `'abc'`, `-3`, `[5]`, 1e12) is counted as `playtime-invalid` and becomes 0.
    func minutes(_ key: String, report: inout LoadReport.FileReport) -> Int32 {
        guard let raw = row[key] else {
            report.record(.playtimeInvalid, line: line, detail: "\(place): no '\(key)'")
            return 0
        }
        guard let number = raw.integerValue, number >= 0, let minutes = Int32(exactly: number) else {
            report.record(.playtimeInvalid, line: line, detail: "\(place): '\(key)' is \(Self.show(raw))")
            return 0
        }
        return minutes
    }

    private func present(_ key: String) -> LiteralValue? {
        guard let value = row[key], !value.isMissing else { return nil }
        return value
    }

    private func wrongType(_ key: String, _ value: LiteralValue, expected: String, report: inout LoadReport.FileReport) {
        report.record(.fieldWrongType, line: line, detail: "\(place): '\(key)' is \(Self.show(value)), not \(expected)")
    }

    /// A short rendering of a value for a sample: its kind, and its text when short.
    static func show(_ value: LiteralValue) -> String {
        switch value {
        case .string(let text): return "'\(text.prefix(30))'"
        case .int(let number): return "\(number)"
        case .double(let number): return "\(number)"
        case .bool(let flag): return flag ? "True" : "False"
        default: return "a \(value.kindName)"
        }
    }
}
