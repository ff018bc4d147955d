/// The page at `/`: every route with its summary and a try-it link that
/// calls it with example values from the loaded data.
enum IndexPage {
    static func html(for table: RouteTable, examples: Examples) -> String {
        var rows = ""
        var section = ""
        for route in table.routes {
            let heading: String
            switch route.target {
            case .question(_, let dataSet, _), .list(_, let dataSet):
                heading = route.aliasOf == nil ? "\(dataSet): v1" : "\(dataSet): aliases of the original notebooks"
            case .index, .openAPI, .health, .metrics: heading = "Service"
            }
            if heading != section {
                rows += "<tr><th colspan=\"3\">\(escape(heading))</th></tr>\n"
                section = heading
            }
            let link = examples.path(for: route)
            let parameters = route.queryParameters.map(\.name).joined(separator: ", ")
            rows += "<tr><td><code>\(escape(route.template))</code></td><td>\(escape(route.summary))"
                + (parameters.isEmpty ? "" : "<br><small>query: \(escape(parameters))</small>")
                + "</td><td><a href=\"\(escape(link))\">try it</a></td></tr>\n"
        }
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>SteamLens API</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; max-width: 72em; }
            table { border-collapse: collapse; width: 100%; }
            td, th { border-bottom: 1px solid #ddd; padding: .35em .6em; text-align: left; vertical-align: top; }
            th { background: #f4f4f4; }
            code { font-size: .95em; }
            </style>
            </head>
            <body>
            <h1>SteamLens API</h1>
            <p>Every question of <code>steamlens query</code> as a GET route; the JSON bodies are those of
            <code>steamlens query … --format json</code>, and the definitions used are in the
            <code>SteamLens-Definitions</code> header. Add <code>?format=csv</code> for CSV,
            <code>?review_year=release&amp;unit=minutes</code> (Steam) or <code>?title_year=added</code>
            (streaming) to switch definitions. The machine-readable
            list is <a href="/openapi.json">/openapi.json</a>; errors are
            <code>application/problem+json</code> with a stable <code>code</code>.</p>
            <table>
            \(rows)</table>
            </body>
            </html>

            """
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
