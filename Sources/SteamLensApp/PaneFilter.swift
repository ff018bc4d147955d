import SteamLensEngine

/// A pane filter typed after `|` or `f`: clauses that must all hold.
///
/// ```
/// price < 10            a number column compared (<, <=, >, >=, =, !=)
/// year 2012..2015       a closed range, both ends included
/// year 2014             one value
/// year=unknown          rows without a value
/// tag:roguelike         a label contains the text (tag, genre, spec, developer, publisher)
/// tag="Rogue-like"      a label equals the text (quotes for spaces)
/// -tag:indie            any clause negated
/// portal                a bare word: the name contains it
/// ```
///
/// Text is compared like names (case and accents ignored); `tag:roguelike`
/// also finds "Rogue-like" because punctuation is ignored inside labels.
public struct PaneFilter: Equatable, Sendable {
    public enum Test: Equatable, Sendable {
        case compare(Comparison, Double)
        case range(Double, Double)
        case missing
        case contains(String)
        case equals(String)
    }

    public enum Comparison: String, Equatable, Sendable {
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "=", notEqual = "!="
    }

    public struct Clause: Equatable, Sendable {
        /// "name", a column name ("price") or a label field ("tag").
        public var field: String
        public var test: Test
        public var negated = false
    }

    /// What was typed, as shown in the pane title.
    public var text: String
    public var clauses: [Clause]

    /// Checks a number or a missing value against a clause.
    static func holds(_ test: Test, number: Double?) -> Bool {
        switch test {
        case .missing: return number == nil
        case .compare(let op, let bound):
            guard let value = number else { return false }
            switch op {
            case .less: return value < bound
            case .lessOrEqual: return value <= bound
            case .greater: return value > bound
            case .greaterOrEqual: return value >= bound
            case .equal: return value == bound
            case .notEqual: return value != bound
            }
        case .range(let low, let high):
            guard let value = number else { return false }
            return value >= low && value <= high
        case .contains, .equals:
            return false
        }
    }

    /// Checks labels (already folded with ``fold(_:)``) against a text clause.
    static func holds(_ test: Test, labels: [String]) -> Bool {
        switch test {
        case .contains(let text): return labels.contains { $0.contains(text) }
        case .equals(let text): return labels.contains { $0 == text }
        case .missing: return labels.isEmpty
        default: return false
        }
    }

    /// Case, accents, spaces and punctuation folded away: "Rogue-like" → "roguelike".
    static func fold(_ text: String) -> String {
        String(NameKey.normalize(text).unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            .map(Character.init))
    }
}

/// Why a typed filter cannot be used, in words for the footer.
public struct FilterError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
}

extension PaneFilter {
    /// Parses `text` for a pane whose number columns are `numberFields` and
    /// whose label fields are `labelFields`. Throws a ``FilterError`` that
    /// names the bad part and lists the fields the pane has.
    public static func parse(_ text: String, numberFields: [String], labelFields: [String]) throws -> PaneFilter {
        let fieldList = (["name"] + numberFields + labelFields).joined(separator: ", ")
        func unknown(_ field: String) -> FilterError {
            FilterError(description: "no field \"\(field)\" here; fields: \(fieldList)")
        }
        var tokens = try tokenize(text)
        var clauses: [Clause] = []
        while !tokens.isEmpty {
            var token = tokens.removeFirst()
            var negated = false
            if token.text.hasPrefix("-") && token.text.count > 1 && !token.quoted && Double(token.text) == nil {
                negated = true
                token.text.removeFirst()
            }
            // field:text and field=text in one token.
            if !token.quoted, let split = token.text.firstIndex(where: { $0 == ":" || $0 == "=" }), split != token.text.startIndex {
                let field = token.text[..<split].lowercased()
                let isEquals = token.text[split] == "="
                var value = String(token.text[token.text.index(after: split)...])
                if value.isEmpty, let next = tokens.first {
                    value = next.text
                    tokens.removeFirst()
                }
                guard !value.isEmpty else { throw FilterError(description: "\(field)\(isEquals ? "=" : ":") needs a value") }
                if numberFields.contains(field) {
                    if value.lowercased() == "unknown" {
                        clauses.append(Clause(field: field, test: .missing, negated: negated))
                    } else {
                        clauses.append(Clause(field: field, test: try numberTest(value, field: field, tokens: &tokens), negated: negated))
                    }
                } else if labelFields.contains(field) || field == "name" {
                    let folded = fold(value)
                    guard !folded.isEmpty else { throw FilterError(description: "\(field): \"\(value)\" has no letters or digits") }
                    clauses.append(Clause(field: field, test: isEquals ? .equals(folded) : .contains(folded), negated: negated))
                } else {
                    throw unknown(field)
                }
                continue
            }
            let word = token.text.lowercased()
            if !token.quoted, numberFields.contains(word) {
                guard let next = tokens.first else { throw FilterError(description: "\(word) needs a comparison, e.g. \(word) < 10 or \(word) 1..5") }
                tokens.removeFirst()
                if let op = Comparison(rawValue: next.text == "==" ? "=" : next.text) {
                    guard let bound = tokens.first else { throw FilterError(description: "\(word) \(op.rawValue) needs a number") }
                    tokens.removeFirst()
                    if op == .equal, bound.text.lowercased() == "unknown" {
                        clauses.append(Clause(field: word, test: .missing, negated: negated))
                    } else {
                        clauses.append(Clause(field: word, test: .compare(op, try number(bound.text, field: word)), negated: negated))
                    }
                } else {
                    clauses.append(Clause(field: word, test: try numberTest(next.text, field: word, tokens: &tokens), negated: negated))
                }
                continue
            }
            if !token.quoted, Comparison(rawValue: token.text) != nil || token.text == ".." {
                throw FilterError(description: "\"\(token.text)\" needs a field before it, e.g. price \(token.text) 10")
            }
            let folded = fold(token.text)
            guard !folded.isEmpty else { throw FilterError(description: "\"\(token.text)\" has no letters or digits to look for") }
            clauses.append(Clause(field: "name", test: .contains(folded), negated: negated))
        }
        guard !clauses.isEmpty else { throw FilterError(description: "empty filter; Esc clears it") }
        return PaneFilter(text: text.trimmingCharacters(in: .whitespaces), clauses: clauses)
    }

    /// "10", "2012..2015" or "2012 .. 2015" after a number field.
    private static func numberTest(_ text: String, field: String, tokens: inout [Token]) throws -> Test {
        if let dots = text.range(of: "..") {
            let low = String(text[..<dots.lowerBound]), high = String(text[dots.upperBound...])
            if high.isEmpty, let next = tokens.first {
                tokens.removeFirst()
                return try range(low, next.text, field: field)
            }
            return try range(low, high, field: field)
        }
        if tokens.first?.text == ".." {
            tokens.removeFirst()
            guard let high = tokens.first else { throw FilterError(description: "\(field) \(text).. needs an upper end") }
            tokens.removeFirst()
            return try range(text, high.text, field: field)
        }
        return .compare(.equal, try number(text, field: field))
    }

    private static func range(_ low: String, _ high: String, field: String) throws -> Test {
        let a = try number(low, field: field), b = try number(high, field: field)
        guard a <= b else { throw FilterError(description: "\(field) \(low)..\(high): the lower end comes first") }
        return .range(a, b)
    }

    /// "10", "9.99", "$5", "1,000" or "1_000".
    private static func number(_ text: String, field: String) throws -> Double {
        let cleaned = text.filter { $0 != "," && $0 != "_" && $0 != "$" }
        guard let value = Double(cleaned), value.isFinite else {
            throw FilterError(description: "\(field): \"\(text)\" is not a number")
        }
        return value
    }

    struct Token: Equatable {
        var text: String
        var quoted = false
    }

    /// Words, quoted strings ("Early Access"), and comparison operators split
    /// off even without spaces ("price<10").
    static func tokenize(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var chars = Array(text)[...]
        func flush() {
            if !current.isEmpty { tokens.append(Token(text: current)) }
            current = ""
        }
        while let c = chars.first {
            chars = chars.dropFirst()
            switch c {
            case "\"", "'":
                guard let end = chars.firstIndex(of: c) else { throw FilterError(description: "a quote \(c) is not closed") }
                let quoted = String(chars[..<end])
                chars = chars[chars.index(after: end)...]
                if current.hasSuffix(":") || current.hasSuffix("=") {
                    current += quoted   // tag:"Early Access" stays one token
                    tokens.append(Token(text: current))
                    current = ""
                } else {
                    flush()
                    tokens.append(Token(text: quoted, quoted: true))
                }
            case "," where current.last?.isNumber == true && chars.first?.isNumber == true:
                current.append(c)   // 1,000: a thousands separator, not a clause separator
            case " ", "\t", ",":
                flush()
            case "<", ">", "!":
                flush()
                if chars.first == "=" {
                    chars = chars.dropFirst()
                    tokens.append(Token(text: String(c) + "="))
                } else if c == "!" {
                    throw FilterError(description: "! goes with =, as in price != 0; - negates a clause, as in -tag:indie")
                } else {
                    tokens.append(Token(text: String(c)))
                }
            case "=" where current.isEmpty || Comparison(rawValue: current) != nil:
                flush()
                if chars.first == "=" { chars = chars.dropFirst() }
                tokens.append(Token(text: "="))
            default:
                current.append(c)
            }
        }
        flush()
        return tokens
    }
}
