/// Locale-independent number formatting for cells: the same output on
/// every machine, so snapshots and exported tables agree.
public enum NumberFormat {
    /// Thousands separated: `grouped(32135)` is "32,135".
    public static func grouped(_ value: Int, separator: String = ",") -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { result += separator }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// Thousands separated with exactly `digits` decimals: `grouped(1208093.25, digits: 1)`
    /// is "1,208,093.3". Values past Int's range, NaN and infinities print unseparated.
    public static func grouped(_ value: Double, digits: Int, separator: String = ",") -> String {
        let digits = min(max(0, digits), 6)
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard value.isFinite, scaled < 9e15 else { return value.isNaN ? "NaN" : "\(value)" }
        let units = Int(scaled), whole = units / Int(scale)
        let sign = value < 0 && units > 0 ? "-" : ""
        let integer = sign + grouped(whole, separator: separator)
        guard digits > 0 else { return integer }
        let fraction = String(units % Int(scale))
        return integer + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    /// A short form for bin edges: whole numbers without decimals ("10"),
    /// others with at most `maxFractionDigits` digits and no trailing zeros
    /// ("0.25", "1.5").
    public static func compact(_ value: Double, maxFractionDigits: Int = 2) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        var scale = 1.0
        for _ in 0..<max(0, maxFractionDigits) { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        var text = String(rounded)
        // String(Double) can use exponent notation for tiny values; that is
        // still a correct, compact label.
        if text.contains(".") && !text.contains("e") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
