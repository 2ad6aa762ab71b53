import GalleyCore
import GRDB

/// The `transliterations` table: the ASCII forms `Slug` made, kept for the next build.
extension BuildStateStore {
    /// The forms this same galley (`tool`) made in earlier builds; none from another galley
    /// (another ICU may transliterate otherwise).
    func transliterations(tool: String) throws(GalleyError) -> [(text: String, form: String)] {
        try read([]) { db in
            var forms: [(text: String, form: String)] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT text, form FROM transliterations WHERE tool = ?", arguments: [tool])
            while let row = try rows.next() { forms.append((try row.decode(atIndex: 0), try row.decode(atIndex: 1))) }
            return forms
        }
    }

    /// Replaces the stored forms by `forms` (those made by `tool`) in one transaction.
    func saveTransliterations(_ forms: [(text: String, form: String)], tool: String) throws(GalleyError) {
        try save("the transliterations") { db in
            try db.execute(sql: "DELETE FROM transliterations")
            let insert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO transliterations (text, form, tool) VALUES (?, ?, ?)")
            for (text, form) in forms { try insert.execute(arguments: [text, form, tool]) }
        }
    }
}
