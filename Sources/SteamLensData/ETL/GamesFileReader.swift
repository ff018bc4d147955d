/// Reads `steam_games` (JSON lines with bare NaN) into clean games.
struct GamesFileReader {
    let path: String
    let displayName: String
    var progress: ReadProgress? = nil

    func read() -> (games: [Game], report: LoadReport.FileReport) {
        var report = LoadReport.FileReport(file: displayName, unit: "games")
        var games: [Game] = []
        var seen = Set<Int>()
        report.read(path: path, progress: progress) { bytes, line, report in
            guard !bytes.isBlank else { return }
            // 88,310 of the real file's 120,445 lines are NaN rows: spot them without building a value.
            if bytes.isAllNaNObject {
                report.record(.emptyRow, line: line)
                return
            }
            let value: LiteralValue
            do {
                value = try LiteralParser.parse(bytes, dialect: .json)
            } catch {
                report.record(.malformedLine, line: line, detail: "\(error)")
                return
            }
            guard let row = value.objectValue else {
                report.record(.wrongShape, line: line, detail: "a \(value.kindName), not an object")
                return
            }
            if let game = decode(row, line: line, report: &report) {
                guard seen.insert(game.id).inserted else {
                    report.record(.duplicateGameId, line: line, detail: "id \(game.id)")
                    return
                }
                games.append(game)
            }
        }
        report.kept = games.count
        return (games, report)
    }

    private func decode(_ row: LiteralObject, line: Int, report: inout LoadReport.FileReport) -> Game? {
        if row.values.allSatisfy(\.isMissing) {
            report.record(.emptyRow, line: line)
            return nil
        }
        guard let rawId = row["id"], !rawId.isMissing else {
            let name = row["app_name"]?.stringValue ?? row["title"]?.stringValue ?? ""
            report.record(.gameWithoutId, line: line, detail: name.isEmpty ? "" : "\"\(name)\"")
            return nil
        }
        guard let id = rawId.integerValue, id > 0, id <= Int64(Int32.max) else {
            report.record(.gameIdNotNumeric, line: line, detail: "id \(RowFields.show(rawId))")
            return nil
        }

        let fields = RowFields(row: row, line: line, place: "id \(id)")
        var decodedEntity = false
        func text(_ key: String) -> String? {
            guard let value = fields.text(key, report: &report) else { return nil }
            let trimmed = String(value.trimmingSpaces)
            guard !trimmed.isEmpty else { return nil }
            if let decoded = HTMLEntities.decode(trimmed) {
                decodedEntity = true
                return decoded
            }
            return trimmed
        }
        func list(_ key: String) -> [String] {
            fields.textList(key, report: &report).map { value in
                if let decoded = HTMLEntities.decode(value) {
                    decodedEntity = true
                    return decoded
                }
                return value
            }
        }

        var title = text("title")
        if title == nil, let appName = text("app_name") {
            title = appName
            report.record(.titleFromAppName, line: line, detail: "id \(id)")
        }
        var game = Game(
            id: Int(id), title: title ?? "app \(id)",
            developer: text("developer"), publisher: text("publisher"),
            genres: list("genres"), tags: list("tags"), specs: list("specs"),
            earlyAccess: fields.flag("early_access", report: &report) ?? false
        )
        if decodedEntity { report.record(.htmlEntity, line: line, detail: "id \(id)") }
        if game.developer == nil { report.record(.developerMissing, line: line, detail: "id \(id)") }
        if game.publisher == nil { report.record(.publisherMissing, line: line, detail: "id \(id)") }

        let price = ParsedPrice(row["price"])
        game.price = price.amount
        game.priceLabel = price.label
        game.isFree = price.isFree
        switch price {
        case .free(let label): report.record(.freePriceText, line: line, detail: "\"\(label)\"")
        case .startingAt(_, let label): report.record(.startingAtPrice, line: line, detail: "\"\(label)\"")
        case .unknownText(let label): report.record(.priceTextWithoutAmount, line: line, detail: "\"\(label)\"")
        case .missing: report.record(.priceMissing, line: line, detail: "id \(id)")
        case .outOfRange(let text, _): report.record(.priceOutOfRange, line: line, detail: "id \(id): \(text.prefix(30))")
        case .amount: break
        }

        let rawDate = text("release_date")
        let date = ReleaseDate(rawDate)
        game.releaseDate = rawDate
        game.releaseYear = date.year
        switch date {
        case .missing: report.record(.releaseDateMissing, line: line, detail: "id \(id)")
        case .approximate: report.record(.releaseDateApproximate, line: line, detail: "\"\(rawDate ?? "")\"")
        case .noYear: report.record(.releaseDateWithoutYear, line: line, detail: "\"\(rawDate ?? "")\"")
        case .impossible: report.record(.releaseDateImpossible, line: line, detail: "id \(id): \"\(rawDate ?? "")\"")
        case .yearOutOfRange(let year): report.record(.releaseYearOutOfRange, line: line, detail: "id \(id): year \(year)")
        case .iso: break
        }
        return game
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// True for `{"a": NaN, "b": NaN}`: an object whose every value is a bare
    /// NaN. Sound because *every* colon must be followed by NaN, so a colon
    /// inside a string can only make the check fail (and the full parser run).
    var isAllNaNObject: Bool {
        guard count > 2, self[0] == UInt8(ascii: "{"), self[count - 1] == UInt8(ascii: "}") else { return false }
        var colons = 0
        var index = 1
        while index < count {
            if self[index] == UInt8(ascii: ":") {
                colons += 1
                var next = index + 1
                while next < count, self[next] == 0x20 { next += 1 }
                guard next + 3 < count, self[next] == UInt8(ascii: "N"), self[next + 1] == UInt8(ascii: "a"),
                      self[next + 2] == UInt8(ascii: "N"),
                      self[next + 3] == UInt8(ascii: ",") || self[next + 3] == UInt8(ascii: "}") else { return false }
                index = next + 3
            } else {
                index += 1
            }
        }
        return colons > 0
    }

    /// True for an empty line or one of spaces only.
    var isBlank: Bool {
        allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
