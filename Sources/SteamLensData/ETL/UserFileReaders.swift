/// Rows of one user-keyed file, with users numbered locally in order of
/// first appearance; `DatasetBuilder` maps them to global indexes.
struct UserFileRows<Rows> {
    var users: [User] = []
    var rows: Rows
    /// The first line on which each item id appeared, for report samples.
    var firstLineOfItem: [Int: Int] = [:]
    /// Names the file gives for item ids (libraries only).
    var itemNames: [Int: String] = [:]
    var report: LoadReport.FileReport
}

/// Helpers shared by the two Python-literal files.
private struct UserLineContext {
    var userIndex: [String: Int32] = [:]

    /// The user of a line, registering it on first sight.
    mutating func user(of row: LiteralObject, line: Int, users: inout [User], report: inout LoadReport.FileReport) -> Int32? {
        guard let raw = row["user_id"], !raw.isMissing else {
            report.record(.userWithoutId, line: line)
            return nil
        }
        // Ids are always strings; a numeric literal is written back in full.
        let id: String
        switch raw {
        case .string(let text): id = String(text.trimmingSpaces)
        case .int(let number): id = String(number)
        default:
            report.record(.userWithoutId, line: line, detail: "user_id is a \(raw.kindName)")
            return nil
        }
        guard !id.isEmpty else {
            report.record(.userWithoutId, line: line)
            return nil
        }
        return register(id, line: line, users: &users, report: &report) { report in
            let fields = RowFields(row: row, line: line, place: "user \(id)")
            let steamId: String?
            if case .int(let number) = row["steam_id"] { steamId = String(number) } else { steamId = fields.text("steam_id", report: &report) }
            return User(
                id: id,
                steamId: steamId,
                url: fields.text("user_url", report: &report),
                declaredItemCount: fields.integer("items_count", report: &report).map { Int($0) }
            )
        }
    }

    /// The index of user `id`; a new user is described by `describe`, which
    /// runs only on first sight (a repeated line's fields are not read again).
    mutating func register(_ id: String, line: Int, users: inout [User], report: inout LoadReport.FileReport,
                           describe: (inout LoadReport.FileReport) -> User) -> Int32? {
        if let known = userIndex[id] {
            report.record(.repeatedUserLine, line: line, detail: "user \(id)")
            return known
        }
        // Users are numbered in 32 bits; a file with 2^31 users is 40 GB of user ids alone.
        guard let index = Int32(exactly: users.count) else {
            report.record(.userWithoutId, line: line, detail: "more than \(Int32.max) users")
            return nil
        }
        userIndex[id] = index
        users.append(describe(&report))
        return index
    }
}

private func parseUserLine(
    _ bytes: UnsafeBufferPointer<UInt8>, line: Int, report: inout LoadReport.FileReport
) -> LiteralObject? {
    let value: LiteralValue
    do {
        value = try LiteralParser.parse(bytes, dialect: .python)
    } catch {
        report.record(.malformedLine, line: line, detail: "\(error)")
        return nil
    }
    guard let row = value.objectValue else {
        report.record(.wrongShape, line: line, detail: "a \(value.kindName), not an object")
        return nil
    }
    return row
}

private func readLines(path: String, progress: ReadProgress?, report: inout LoadReport.FileReport,
                       _ body: (UnsafeBufferPointer<UInt8>, Int, inout LoadReport.FileReport) -> Void) {
    report.read(path: path, progress: progress) { bytes, line, report in
        guard !bytes.isBlank else { return }
        body(bytes, line, &report)
    }
}

/// Reads `australian_user_reviews` (Python literals), de-duplicating reviews on (user, item).
struct ReviewsFileReader {
    let path: String
    let displayName: String
    var progress: ReadProgress? = nil

    func read() -> UserFileRows<[Review]> {
        var result = UserFileRows<[Review]>(rows: [], report: LoadReport.FileReport(file: displayName, unit: "reviews"))
        var context = UserLineContext()
        var seen = Set<UserItemKey>()
        readLines(path: path, progress: progress, report: &result.report) { bytes, line, report in
            guard let row = parseUserLine(bytes, line: line, report: &report) else { return }
            // The shape is checked before the user is registered, so a bad line adds no user.
            guard let reviews = row["reviews"]?.arrayValue else {
                report.record(.wrongShape, line: line, detail: "'reviews' is a \(row["reviews"]?.kindName ?? "missing key"), not a list")
                return
            }
            guard let user = context.user(of: row, line: line, users: &result.users, report: &report) else { return }
            for (position, rawReview) in reviews.enumerated() {
                guard let object = rawReview.objectValue else {
                    report.record(.wrongShape, line: line, detail: "review \(position + 1) is a \(rawReview.kindName)")
                    continue
                }
                // Item ids are stored in 32 bits; larger ones cannot be real Steam apps.
                guard let itemId = object["item_id"]?.integerValue, itemId > 0, let item = Int32(exactly: itemId) else {
                    report.record(.reviewWithoutItem, line: line, detail: "review \(position + 1)")
                    continue
                }
                let fields = RowFields(row: object, line: line, place: "review \(position + 1)")
                guard let recommend = Self.recommend(object["recommend"], fields: fields, report: &report) else { continue }
                guard seen.insert(UserItemKey(user: user, item: item)).inserted else {
                    report.record(.duplicateReview, line: line, detail: "user \(result.users[Int(user)].id), item \(itemId)")
                    continue
                }
                let posted = fields.text("posted", report: &report) ?? ""
                let date = PostedDate(posted)
                if let rejected = date.rejectedYear {
                    report.record(.postedYearOutOfRange, line: line, detail: rejected == Int.max ? "\"\(posted.prefix(40))\"" : "year \(rejected)")
                } else if date.year == nil {
                    report.record(.postedWithoutYear, line: line, detail: "\"\(posted.prefix(40))\"")
                }
                let text = fields.text("review", report: &report) ?? ""
                if text.allSatisfy(\.isWhitespace) { report.record(.emptyReviewText, line: line, detail: "item \(itemId)") }
                let helpful = fields.text("helpful", report: &report) ?? ""
                if HelpfulVotes(helpful) == nil { report.record(.helpfulUnreadable, line: line, detail: "\"\(helpful.prefix(40))\"") }
                if result.firstLineOfItem[Int(itemId)] == nil { result.firstLineOfItem[Int(itemId)] = line }
                result.rows.append(Review(
                    user: user, itemId: Int(itemId), posted: posted,
                    postedYear: date.year, postedMonth: date.month, postedDay: date.day,
                    recommend: recommend,
                    text: text,
                    helpful: helpful,
                    funny: fields.text("funny", report: &report) ?? "",
                    lastEdited: fields.text("last_edited", report: &report) ?? ""
                ))
            }
        }
        result.report.kept = result.rows.count
        return result
    }

    /// `recommend` is True or False. The texts 'True'/'False' (any case) and
    /// the numbers 1/0 are read as those values and counted; anything else
    /// ('yes', 2, missing) cannot be guessed, so the review is skipped: a
    /// made-up False would bend every % recommend.
    static func recommend(_ raw: LiteralValue?, fields: RowFields, report: inout LoadReport.FileReport) -> Bool? {
        if let flag = raw?.boolValue { return flag }
        let repaired: Bool?
        switch raw {
        case .string(let text) where text.trimmingSpaces.lowercased() == "true": repaired = true
        case .string(let text) where text.trimmingSpaces.lowercased() == "false": repaired = false
        case .int(1): repaired = true
        case .int(0): repaired = false
        default: repaired = nil
        }
        let shown = raw.map(RowFields.show) ?? "missing"
        if let repaired {
            report.record(.recommendNotBool, line: fields.line, detail: "\(fields.place): \(shown)")
            return repaired
        }
        report.record(.recommendUnreadable, line: fields.line, detail: "\(fields.place): \(shown)")
        return nil
    }
}

/// Reads `australian_users_items` (Python literals), merging an item listed
/// twice in one library into one row with the larger playtime. The rows go
/// straight into columns, `user` in the file's own numbering (the merge
/// renumbers it in place).
///
/// Lines in the shape every real line has are read by `LibraryLineScanner`;
/// any other goes through `LiteralParser`. `fastPath: false` reads every
/// line the generic way (tests hold the two to the same rows and report).
struct LibrariesFileReader {
    let path: String
    let displayName: String
    var progress: ReadProgress? = nil
    var fastPath = true

    /// The fewest bytes of text a library row takes: `{'item_id': '1',
    /// 'item_name': '', 'playtime_forever': 0, 'playtime_2weeks': 0}, ` is 80.
    static let shortestRowBytes = 80

    func read() -> UserFileRows<LibraryColumns> {
        var libraries = LibraryRows(result: UserFileRows(rows: LibraryColumns(), report: LoadReport.FileReport(file: displayName, unit: "library items")))
        // Room for as many rows as the text could hold, taken once: growing
        // by doubling copied the columns twice over and, at the last
        // doubling, held both copies at the parse's memory peak. The room no
        // row reaches is never written, so it never becomes resident.
        libraries.result.rows.reserveCapacity((LineReader.textSizeEstimate(path: path) ?? 0) / Self.shortestRowBytes)
        var context = UserLineContext()
        var scanner = LibraryLineScanner()
        var report = libraries.result.report
        readLines(path: path, progress: progress, report: &report) { bytes, line, report in
            if fastPath, scanner.scan(bytes) {
                let id = scanner.userId
                guard let user = context.register(id, line: line, users: &libraries.result.users, report: &report, describe: { _ in
                    User(id: id, steamId: scanner.steamId, url: scanner.userURL, declaredItemCount: Int(scanner.itemsCount))
                }) else { return }
                checkItemCount(scanner.itemsCount, listed: scanner.items.count, line: line, report: &report)
                libraries.startLine(of: user)
                for item in scanner.items {
                    let firstSight = libraries.add(item: item.id, minutes: item.minutes, twoWeeks: item.twoWeeks, line: line, report: &report)
                    if firstSight { libraries.name(item.id, scanner.name(of: item, in: bytes)) }
                }
                libraries.endLine(of: user)
                return
            }
            guard let row = parseUserLine(bytes, line: line, report: &report) else { return }
            // The shape is checked before the user is registered, so a bad line adds no user.
            guard let items = row["items"]?.arrayValue else {
                report.record(.wrongShape, line: line, detail: "'items' is a \(row["items"]?.kindName ?? "missing key"), not a list")
                return
            }
            guard let user = context.user(of: row, line: line, users: &libraries.result.users, report: &report) else { return }
            checkItemCount(row["items_count"]?.integerValue, listed: items.count, line: line, report: &report)
            libraries.startLine(of: user)
            defer { libraries.endLine(of: user) }
            for (position, rawItem) in items.enumerated() {
                guard let object = rawItem.objectValue else {
                    report.record(.wrongShape, line: line, detail: "item \(position + 1) is a \(rawItem.kindName)")
                    continue
                }
                guard let itemId = object["item_id"]?.integerValue, itemId > 0, let item = Int32(exactly: itemId) else {
                    report.record(.libraryItemWithoutId, line: line, detail: "item \(position + 1)")
                    continue
                }
                let fields = RowFields(row: object, line: line, place: "item \(itemId)")
                let minutes = fields.minutes("playtime_forever", report: &report)
                let twoWeeks = fields.minutes("playtime_2weeks", report: &report)
                if libraries.add(item: item, minutes: minutes, twoWeeks: twoWeeks, line: line, report: &report) {
                    libraries.name(item, fields.text("item_name", report: &report))
                }
            }
        }
        libraries.result.report = report
        libraries.result.report.kept = libraries.result.rows.count
        return libraries.result
    }
}

/// Counts a line whose `items_count` is not the number of items it lists.
private func checkItemCount(_ declared: Int64?, listed: Int, line: Int, report: inout LoadReport.FileReport) {
    guard let declared, declared != listed else { return }
    report.record(.itemCountMismatch, line: line, detail: "items_count \(declared), listed \(listed)")
}

/// The rows of the libraries file as its lines add them, one library per user.
private struct LibraryRows {
    var result: UserFileRows<LibraryColumns>
    /// The row of each item of the current line's user.
    private var rowOfItem: [Int32: Int] = [:]
    /// The rows each user's earlier lines added, indexed by user.
    private var rowRanges: [[Range<Int>]] = []
    private var lineStart = 0
    private var currentUser: Int32 = 0

    init(result: UserFileRows<LibraryColumns>) {
        self.result = result
    }

    /// A user listed on several lines gets one library: earlier lines' rows count as seen.
    mutating func startLine(of user: Int32) {
        rowOfItem.removeAll(keepingCapacity: true)
        // Users may come in any order, so the table grows to the user's index.
        while rowRanges.count <= Int(user) { rowRanges.append([]) }
        for range in rowRanges[Int(user)] {
            for row in range { rowOfItem[result.rows.itemId[row]] = row }
        }
        lineStart = result.rows.count
        currentUser = user
    }

    mutating func endLine(of user: Int32) {
        rowRanges[Int(user)].append(lineStart..<result.rows.count)
    }

    /// Adds an item of the current line, or merges it into the row it repeats
    /// (keeping the larger playtimes). True when the file had not listed the
    /// item before: the caller then names it.
    mutating func add(item: Int32, minutes: Int32, twoWeeks: Int32, line: Int, report: inout LoadReport.FileReport) -> Bool {
        if let existing = rowOfItem[item] {
            report.record(.duplicateLibraryItem, line: line, detail: "user \(result.users[Int(currentUser)].id), item \(item)")
            result.rows.minutes[existing] = max(result.rows.minutes[existing], minutes)
            result.rows.minutesTwoWeeks[existing] = max(result.rows.minutesTwoWeeks[existing], twoWeeks)
            return false
        }
        rowOfItem[item] = result.rows.count
        result.rows.append(user: currentUser, itemId: item, minutes: minutes, minutesTwoWeeks: twoWeeks)
        guard result.firstLineOfItem[Int(item)] == nil else { return false }
        result.firstLineOfItem[Int(item)] = line
        return true
    }

    /// The file's name for an item, from the first line that listed it.
    mutating func name(_ item: Int32, _ name: String?) {
        if let name, !name.isEmpty { result.itemNames[Int(item)] = name }
    }
}

struct UserItemKey: Hashable {
    var user: Int32
    var item: Int32
}
