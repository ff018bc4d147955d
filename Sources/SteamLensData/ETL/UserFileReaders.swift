/// Rows of one user-keyed file, with users numbered locally in order of
/// first appearance; `DatasetBuilder` maps them to global indexes.
struct UserFileRows<Row> {
    var users: [User] = []
    var rows: [Row] = []
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
        if let known = userIndex[id] {
            report.record(.repeatedUserLine, line: line, detail: "user \(id)")
            return known
        }
        let index = Int32(users.count)
        userIndex[id] = index
        users.append(User(
            id: id,
            steamId: row["steam_id"].flatMap { $0.stringValue ?? $0.integerValue.map(String.init) },
            url: row["user_url"]?.stringValue,
            declaredItemCount: row["items_count"]?.integerValue.map { Int($0) }
        ))
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

private func readLines(path: String, report: inout LoadReport.FileReport, _ body: (UnsafeBufferPointer<UInt8>, Int, inout LoadReport.FileReport) -> Void) {
    do {
        try LineReader(path: path).forEachLine(onOversizedLine: { report.record(.oversizedLine, line: $0) }) { bytes, line in
            report.lines = line
            guard !bytes.isBlank else { return }
            body(bytes, line, &report)
        }
    } catch {
        report.problem = "\(error)"
        if case ReadProblem.truncatedGzip(_, let line) = error { report.record(.truncatedFile, line: line) }
    }
}

/// Reads `australian_user_reviews` (Python literals), de-duplicating reviews on (user, item).
struct ReviewsFileReader {
    let path: String
    let displayName: String

    func read() -> UserFileRows<Review> {
        var result = UserFileRows<Review>(report: LoadReport.FileReport(file: displayName, unit: "reviews"))
        var context = UserLineContext()
        var seen = Set<UserItemKey>()
        readLines(path: path, report: &result.report) { bytes, line, report in
            guard let row = parseUserLine(bytes, line: line, report: &report),
                  let user = context.user(of: row, line: line, users: &result.users, report: &report) else { return }
            guard let reviews = row["reviews"]?.arrayValue else {
                report.record(.wrongShape, line: line, detail: "'reviews' is a \(row["reviews"]?.kindName ?? "missing key"), not a list")
                return
            }
            for (position, rawReview) in reviews.enumerated() {
                guard let object = rawReview.objectValue else {
                    report.record(.wrongShape, line: line, detail: "review \(position + 1) is a \(rawReview.kindName)")
                    continue
                }
                guard let itemId = object["item_id"]?.integerValue, itemId > 0, itemId <= Int64(Int32.max) else {
                    report.record(.reviewWithoutItem, line: line, detail: "review \(position + 1)")
                    continue
                }
                guard seen.insert(UserItemKey(user: user, item: Int32(itemId))).inserted else {
                    report.record(.duplicateReview, line: line, detail: "user \(result.users[Int(user)].id), item \(itemId)")
                    continue
                }
                let posted = object["posted"]?.stringValue ?? ""
                let date = PostedDate(posted)
                if date.year == nil { report.record(.postedWithoutYear, line: line, detail: "\"\(posted)\"") }
                let text = object["review"]?.stringValue ?? ""
                if text.allSatisfy(\.isWhitespace) { report.record(.emptyReviewText, line: line, detail: "item \(itemId)") }
                if result.firstLineOfItem[Int(itemId)] == nil { result.firstLineOfItem[Int(itemId)] = line }
                result.rows.append(Review(
                    user: user, itemId: Int(itemId), posted: posted,
                    postedYear: date.year, postedMonth: date.month, postedDay: date.day,
                    recommend: object["recommend"]?.boolValue ?? (object["recommend"]?.stringValue?.lowercased() == "true"),
                    text: text,
                    helpful: object["helpful"]?.stringValue ?? "",
                    funny: object["funny"]?.stringValue ?? "",
                    lastEdited: object["last_edited"]?.stringValue ?? ""
                ))
            }
        }
        result.report.kept = result.rows.count
        return result
    }
}

/// One library row before its user is mapped to the global index.
struct LibraryRow {
    var user: Int32
    var itemId: Int32
    var minutes: Int32
    var minutesTwoWeeks: Int32
}

/// Reads `australian_users_items` (Python literals), merging an item listed
/// twice in one library into one row with the larger playtime.
struct LibrariesFileReader {
    let path: String
    let displayName: String

    func read() -> UserFileRows<LibraryRow> {
        var result = UserFileRows<LibraryRow>(report: LoadReport.FileReport(file: displayName, unit: "library items"))
        var context = UserLineContext()
        var rowOfItem: [Int32: Int] = [:]
        var rowRanges: [[Range<Int>]] = []
        readLines(path: path, report: &result.report) { bytes, line, report in
            guard let row = parseUserLine(bytes, line: line, report: &report),
                  let user = context.user(of: row, line: line, users: &result.users, report: &report) else { return }
            guard let items = row["items"]?.arrayValue else {
                report.record(.wrongShape, line: line, detail: "'items' is a \(row["items"]?.kindName ?? "missing key"), not a list")
                return
            }
            if let declared = row["items_count"]?.integerValue, declared != items.count {
                report.record(.itemCountMismatch, line: line, detail: "items_count \(declared), listed \(items.count)")
            }
            // A user listed on several lines gets one library: earlier lines' rows count as seen.
            rowOfItem.removeAll(keepingCapacity: true)
            if Int(user) < rowRanges.count {
                for range in rowRanges[Int(user)] {
                    for row in range { rowOfItem[result.rows[row].itemId] = row }
                }
            } else {
                rowRanges.append([])
            }
            let firstRow = result.rows.count
            defer { rowRanges[Int(user)].append(firstRow..<result.rows.count) }
            for (position, rawItem) in items.enumerated() {
                guard let object = rawItem.objectValue else {
                    report.record(.wrongShape, line: line, detail: "item \(position + 1) is a \(rawItem.kindName)")
                    continue
                }
                guard let itemId = object["item_id"]?.integerValue, itemId > 0, itemId <= Int64(Int32.max) else {
                    report.record(.libraryItemWithoutId, line: line, detail: "item \(position + 1)")
                    continue
                }
                let item = Int32(itemId)
                let minutes = Int32(clamping: max(0, object["playtime_forever"]?.integerValue ?? 0))
                let twoWeeks = Int32(clamping: max(0, object["playtime_2weeks"]?.integerValue ?? 0))
                if let existing = rowOfItem[item] {
                    report.record(.duplicateLibraryItem, line: line, detail: "user \(result.users[Int(user)].id), item \(itemId)")
                    result.rows[existing].minutes = max(result.rows[existing].minutes, minutes)
                    result.rows[existing].minutesTwoWeeks = max(result.rows[existing].minutesTwoWeeks, twoWeeks)
                    continue
                }
                rowOfItem[item] = result.rows.count
                if result.firstLineOfItem[Int(itemId)] == nil {
                    result.firstLineOfItem[Int(itemId)] = line
                    if let name = object["item_name"]?.stringValue, !name.isEmpty { result.itemNames[Int(itemId)] = name }
                }
                result.rows.append(LibraryRow(user: user, itemId: item, minutes: minutes, minutesTwoWeeks: twoWeeks))
            }
        }
        result.report.kept = result.rows.count
        return result
    }
}

struct UserItemKey: Hashable {
    var user: Int32
    var item: Int32
}
