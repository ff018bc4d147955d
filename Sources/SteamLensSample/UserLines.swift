/// A synthetic user: ids, library and reviews, and their Python-literal lines
/// in `australian_users_items.json.gz` and `australian_user_reviews.json.gz`.
struct LibraryItem {
    var item: Int
    var playtimeForever: Int
    var playtime2Weeks: Int
}

struct ReviewEntry {
    var item: Int
    var funny: String
    var posted: String
    var lastEdited: String
    var helpful: String
    var recommend: Bool
    var text: String
}

enum UserLines {
    static let itemsLineStart = "{'user_id': "

    static func items(userID: String, steamID: String, url: String, library: [LibraryItem],
                      catalog: GameCatalog, into line: inout LineBuffer) {
        line.raw("{'user_id': "); line.python(userID)
        line.raw(", 'items_count': "); line.int(library.count)
        line.raw(", 'steam_id': "); line.python(steamID)
        line.raw(", 'user_url': "); line.python(url)
        line.raw(", 'items': [")
        for (i, entry) in library.enumerated() {
            if i > 0 { line.raw(", ") }
            line.raw(catalog.itemRowPrefixes[entry.item])
            line.int(entry.playtimeForever)
            line.raw(", 'playtime_2weeks': "); line.int(entry.playtime2Weeks)
            line.raw("}")
        }
        line.raw("]}")
    }

    static func reviews(userID: String, url: String, reviews: [ReviewEntry],
                        catalog: GameCatalog, into line: inout LineBuffer) {
        line.raw("{'user_id': "); line.python(userID)
        line.raw(", 'user_url': "); line.python(url)
        line.raw(", 'reviews': [")
        for (i, review) in reviews.enumerated() {
            line.raw(i == 0 ? "{'funny': " : ", {'funny': ")
            line.python(review.funny)
            line.raw(", 'posted': "); line.python(review.posted)
            line.raw(", 'last_edited': "); line.python(review.lastEdited)
            line.raw(", 'item_id': "); line.python(catalog.itemIDs[review.item])
            line.raw(", 'helpful': "); line.python(review.helpful)
            line.raw(", 'recommend': "); line.python(review.recommend)
            line.raw(", 'review': "); line.python(review.text)
            line.raw("}")
        }
        line.raw("]}")
    }
}
