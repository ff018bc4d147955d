import SteamLensEngine

/// The query parameters of one request, checked against what its route
/// accepts: unknown names, repeated names and bad values are 400s that name
/// the parameter.
struct QueryValues: Equatable {
    enum Format: String { case json, csv }

    var format = Format.json
    var sort = ListPage.Sort.count
    var ascending = false
    var offset = 0
    var limit = Parameters.defaultLimit
    var scope: String?
    /// The definitions and options given, by parameter name, checked against
    /// their kinds; each data set reads its own (defaults for the rest).
    var settings: [String: String] = [:]

    static func == (a: QueryValues, b: QueryValues) -> Bool { a.key == b.key }

    /// A canonical spelling of every value, for the answer cache.
    var key: String {
        "\(format.rawValue)|\(sort.rawValue)|\(ascending)|\(offset)|\(limit)|\(scope ?? "\u{0}")|"
            + settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "|")
    }

    init() {}

    init(_ pairs: [(name: String, value: String)], accepted: [QueryParameter]) throws(Problem) {
        var seen = Set<String>()
        for (name, value) in pairs {
            guard let parameter = accepted.first(where: { $0.name == name }) else {
                throw Problem.unknownParameter(name, allowed: accepted.map(\.name))
            }
            guard seen.insert(name).inserted else {
                throw Problem.badParameter(name, "\"\(name)\" is given more than once.")
            }
            try set(parameter, value)
        }
    }

    private mutating func set(_ parameter: QueryParameter, _ value: String) throws(Problem) {
        let name = parameter.name
        switch parameter.kind {
        case .choice(let choices, _):
            guard choices.contains(value) else {
                throw Problem.badParameter(name, "\"\(Sanitize.forMessage(value))\" is not a valid \(name); use one of: \(choices.joined(separator: ", ")).")
            }
        case .integer(let minimum, let maximum, _):
            // Plain decimal digits only: no sign, spaces or exponents.
            guard !value.isEmpty, value.utf8.count <= 10, value.utf8.allSatisfy({ (48...57).contains($0) }),
                  let number = Int(value), (minimum...maximum).contains(number) else {
                throw Problem.badParameter(name, "\(name) must be a whole number from \(minimum) to \(maximum), not \"\(Sanitize.forMessage(value))\".")
            }
        case .boolean:
            guard value == "true" || value == "false" else {
                throw Problem.badParameter(name, "\(name) must be true or false, not \"\(Sanitize.forMessage(value))\".")
            }
        case .scope(let names):
            guard ArgumentFormat.isWithinLength(value), ArgumentFormat.acceptsScope(value, names: names) else {
                let kinds = names.map { "\($0):NAME" } + ["year:YYYY"]
                throw Problem.badParameter(name, "\"\(Sanitize.forMessage(value))\" is not a scope; use \(kinds.joined(separator: ", ")).")
            }
        case .score:
            guard ArgumentFormat.score.accepts(value) else {
                throw Problem.badParameter(name, "\(name) must be a score from 0 to 5 (at most six decimals), not \"\(Sanitize.forMessage(value))\".")
            }
        }
        switch name {
        case "format": format = Format(rawValue: value)!
        case "sort": sort = ListPage.Sort(rawValue: value)!
        case "ascending": ascending = value == "true"
        case "offset": offset = Int(value)!
        case "limit": limit = Int(value)!
        case "scope": scope = value
        default: settings[name] = value
        }
    }
}
