import SteamLensEngine

/// The query parameters of one request, checked against what its route
/// accepts: unknown names, repeated names and bad values are 400s that name
/// the parameter.
struct QueryValues: Equatable {
    enum Format: String { case json, csv }

    var definitions = Definitions.standard
    var format = Format.json
    var options = QueryOptions()
    var sort = ListPage.Sort.count
    var ascending = false
    var offset = 0
    var limit = Parameters.defaultLimit
    var scope: String?

    static func == (a: QueryValues, b: QueryValues) -> Bool { a.key == b.key }

    /// A canonical spelling of every value, for the answer cache.
    var key: String {
        "\(definitions.reviewYear.rawValue)|\(definitions.timeUnit.rawValue)|\(definitions.joinKey.rawValue)|\(format.rawValue)|"
            + "\(options.model ?? "")|\(options.showOwnEditions)|\(sort.rawValue)|\(ascending)|\(offset)|\(limit)|\(scope ?? "\u{0}")"
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
        case .text(let maxLength):
            guard value.unicodeScalars.count <= maxLength else {
                throw Problem.badParameter(name, "\(name) is longer than \(maxLength) characters.")
            }
        case .scope:
            guard ArgumentFormat.isWithinLength(value), ArgumentFormat.acceptsScope(value) else {
                throw Problem.badParameter(name, "\"\(Sanitize.forMessage(value))\" is not a scope; use developer:NAME, genre:NAME, year:YYYY or user:ID.")
            }
        }
        switch name {
        case "review_year": definitions.reviewYear = Definitions.ReviewYear(rawValue: value)!
        case "unit": definitions.timeUnit = Definitions.TimeUnit(rawValue: value)!
        case "join": definitions.joinKey = Definitions.JoinKey(rawValue: value)!
        case "format": format = Format(rawValue: value)!
        case "model": options.model = value
        case "show_editions": options.showOwnEditions = value == "true"
        case "sort": sort = ListPage.Sort(rawValue: value)!
        case "ascending": ascending = value == "true"
        case "offset": offset = Int(value)!
        case "limit": limit = Int(value)!
        case "scope": scope = value
        default: preconditionFailure("query parameter \(name) has no setter")
        }
    }
}
