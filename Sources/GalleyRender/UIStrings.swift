/// Words the theme shows, per site language (Indonesian and English built in; English is the
/// fallback for any other language).
struct UIStrings: Sendable {
    let language: String
    let words: [String: String]
    let months: [String]
    let weekdays: [String]

    init(language: String) {
        self.language = language
        let primary = language.lowercased().split(separator: "-").first.map(String.init) ?? "en"
        switch primary {
        case "id", "ms":
            words = Self.indonesian
            months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                      "Oktober", "November", "Desember"]
            weekdays = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"]
        default:
            words = Self.english
            months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
            weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        }
    }

    subscript(key: String) -> String { words[key] ?? Self.english[key] ?? key }

    static let english: [String: String] = [
        "home": "Home", "tags": "Tags", "regions": "Regions", "feed": "Atom feed", "by": "By",
        "published": "Published", "updated": "Updated", "source": "Source", "pagination": "Pages",
        "previous": "Newer", "next": "Older", "empty": "No articles yet.", "articles": "articles",
        "notFoundTitle": "Page not found", "notFoundText": "The page you asked for is not here. It may have moved or been removed.",
        "skipToContent": "Skip to content", "readMore": "Read more", "latest": "Latest news", "tag": "Tag",
        "region": "Region", "page": "Page", "allTags": "All tags", "allRegions": "All regions", "archive": "Archive",
    ]

    static let indonesian: [String: String] = [
        "home": "Beranda", "tags": "Topik", "regions": "Wilayah", "feed": "Umpan Atom", "by": "Oleh",
        "published": "Terbit", "updated": "Diperbarui", "source": "Sumber", "pagination": "Halaman",
        "previous": "Lebih baru", "next": "Lebih lama", "empty": "Belum ada berita.", "articles": "berita",
        "notFoundTitle": "Halaman tidak ditemukan", "notFoundText": "Halaman yang Anda cari tidak ada. Mungkin sudah dipindahkan atau dihapus.",
        "skipToContent": "Langsung ke isi", "readMore": "Selengkapnya", "latest": "Berita terbaru", "tag": "Topik",
        "region": "Wilayah", "page": "Halaman", "allTags": "Semua topik", "allRegions": "Semua wilayah", "archive": "Arsip",
    ]
}
