import Foundation
@testable import GalleyCore
@testable import GalleyNormalize
@testable import GalleyPipeline
import Testing

/// The article schema (`FrontMatter.fields`) reaches every place a field goes: each row is taken
/// through the YAML coder (both readers), the build state's document coder, summaries and render
/// keys. A new row is tested here without a new test; the template side is
/// `TemplateVariablesTests.everyDocumentedValueIsBuilt`.
@Suite struct ArticleSchemaTests {
    static let date = Timestamp(date: Date(timeIntervalSince1970: 1_602_558_900), utcOffsetSeconds: 7 * 3600)

    /// Front matter with only what is required.
    static var bare: FrontMatter { FrontMatter(title: "Judul", date: date) }

    /// A value for `field` that differs from its default and from `bare`'s.
    static func sample(for field: ArticleField) -> ArticleField.Value {
        switch field.storage {
        case .requiredText, .text: .text("Nilai \(field.key) \"kutip\": #1")
        case .languageTag: .text("en-GB")
        case .requiredTime, .time: .time(Timestamp(date: Date(timeIntervalSince1970: 1_700_000_000), utcOffsetSeconds: -12_600))
        case .list: .list(["Satu", "Dua, tiga"])
        case .flag: .flag(true)
        case .dateSource: .text(DateSource.fetched.rawValue)
        }
    }

    static func with(_ field: ArticleField) -> FrontMatter {
        var matter = bare
        #expect(field.set(sample(for: field), in: &matter), "\(field.key)")
        return matter
    }

    /// The stored fields of front matter (they live in its box, `FrontMatter.Fields`), each
    /// text field as its slot of `PackedText` (`slot 0` …), the others by their names (the
    /// tags as `terms`).
    static func stored(_ matter: FrontMatter) -> [(label: String, value: String)] {
        let properties = Mirror(reflecting: matter.fields).children.compactMap { child in
            // Terms by their names (a term's description is its box's).
            child.label.map { (label: $0, value: (child.value as? [Term]).map { "\($0.map(\.name))" } ?? "\(child.value)") }
        }
        let slots = (0..<PackedText.slots).map { (label: "slot \($0)", value: "\(String(describing: matter.fields.text[$0]))") }
        return properties.filter { $0.label != "text" } + slots
    }

    /// Each row's writer changes one stored property, its own, and its reader reads that one.
    @Test func everyStoredPropertyIsOneRowOfTheSchema() {
        let labels = Set(Self.stored(Self.bare).map(\.label))
        var reached: [String] = []
        for field in FrontMatter.fields {
            let before = Self.stored(Self.bare), after = Self.stored(Self.with(field))
            let changed = zip(before, after).filter { $0.value != $1.value }.map(\.0.label)
            #expect(changed.count == 1, "\(field.key) changes \(changed)")
            reached += changed
            // Its reader reads what its writer wrote, and no other row's reader sees it.
            let matter = Self.with(field)
            #expect(field.value(in: matter) == Self.sample(for: field), "\(field.key) reads another property than it writes")
            for other in FrontMatter.fields where other.key != field.key {
                #expect(other.value(in: matter) == other.value(in: Self.bare), "\(other.key) reads \(field.key)'s property")
            }
        }
        #expect(Set(reached).count == reached.count, "two rows share a property")
        #expect(Set(reached).union([FrontMatter.extraKey]) == labels, "properties outside the schema: \(labels.subtracting(reached))")
        #expect(Set(FrontMatter.fields.map(\.key)).count == FrontMatter.fields.count)
        #expect(FrontMatter.field(FrontMatter.extraKey) == nil)
    }

    /// Setting every row at once (the build state's decoder) gives what setting them one by one
    /// gives, whichever row holds a value; a value of the wrong kind is refused.
    @Test func settingEveryFieldAtOnceEqualsSettingEachInTurn() {
        for field in FrontMatter.fields {
            let one = Self.with(field)
            var all = Self.bare
            let set = all.setEveryField(FrontMatter.fields.map { $0.value(in: one) })
            #expect(set && all == one, "\(field.key)")
        }
        var every = Self.bare
        for field in FrontMatter.fields { _ = field.set(Self.sample(for: field), in: &every) }
        var all = Self.bare
        let setAll = all.setEveryField(FrontMatter.fields.map { $0.value(in: every) })
        #expect(setAll && all == every)
        var wrong = FrontMatter.fields.map { $0.value(in: every) }
        wrong[0] = .flag(true)
        let setWrong = all.setEveryField(wrong)
        #expect(!setWrong)
        #expect(every.hasSlug("Nilai slug \"kutip\": #1") && !every.hasSlug("Nilai slug") && !Self.bare.hasSlug(""))
    }

    @Test(arguments: FrontMatter.fields.map(\.key))
    func everyFieldRoundTripsThroughYAMLBothReadersAndTheBuildState(key: String) throws {
        let field = try #require(FrontMatter.field(key))
        let document = ArticleDocument(source: "a.md", frontMatter: Self.with(field), body: "Isi.\n")
        let text = MarkdownNormalizer().serialize(document)
        #expect(text.contains("\n\(key):"), "\(text)")
        let (yaml, _) = try #require(FrontMatterCoder.split(text))
        #expect(try FrontMatterCoder.decode(yaml, source: "a.md", fastPath: false) == document.frontMatter)
        #expect(try FrontMatterCoder.decode(yaml, source: "a.md", fastPath: true) == document.frontMatter)
        var writer = BinaryWriter()
        ArticleDocumentCoding.write(DocumentHead(document), to: &writer)
        var reader = BinaryReader(writer.bytes)
        #expect(try ArticleDocumentCoding.readHead(&reader) == DocumentHead(document))
        #expect(reader.isAtEnd)
        // A head read back from its stored bytes has the digest the render keys took when it was
        // made (else every article would render again on the next build).
        var again = BinaryReader(writer.bytes)
        let read = try ArticleDocumentCoding.readHead(&again, codedDigest: DocumentHead.digest(of: writer.bytes))
        #expect(read.codedDigest == DocumentHead(document).codedDigest)
    }

    @Test(arguments: FrontMatter.fields.map(\.key))
    func everyFieldReachesTheSummaryAndItsRenderKeys(key: String) throws {
        let field = try #require(FrontMatter.field(key))
        let paths = SiteConfig().paths
        let bare = ArticleSummary(document: ArticleDocument(source: "a.md", frontMatter: Self.bare, body: ""), slug: "judul", paths: paths)
        let changed = ArticleSummary(document: ArticleDocument(source: "a.md", frontMatter: Self.with(field), body: ""), slug: "judul", paths: paths)
        if key == "slug" {  // the summary's slug is given, and kept as its front matter's
            #expect(field.value(in: changed.matter) == .text("judul"))
        } else if key != "image", key != "source_url" {  // URLs are checked first: the sample is not one
            #expect(field.value(in: changed.matter) == Self.sample(for: field))
        }
        #expect(RenderKey.hash(bare) != RenderKey.hash(changed) || ["image", "source_url", "slug"].contains(key))
        // The build's keys hash a summary by its document's head: every field reaches them too.
        let head = { (matter: FrontMatter) in DocumentHead(ArticleDocument(source: "a.md", frontMatter: matter, body: "")) }
        #expect(RenderKey.hash(bare, head: head(Self.bare)) != RenderKey.hash(changed, head: head(Self.with(field))))
        let keyer = RenderKey(inputs: "k", summaries: [bare])
        let page = { (matter: FrontMatter) in
            keyer.article(DocumentHead(ArticleDocument(source: "a.md", frontMatter: matter, body: "")), summary: bare, relations: .none)
        }
        #expect(page(Self.bare) != page(Self.with(field)))
    }

    @Test func urlFieldsReachTheSummaryWhenTheyAreURLs() {
        var matter = Self.bare
        matter.sourceURL = "https://x.example/a"
        matter.image = "/a.jpg"
        let summary = ArticleSummary(document: ArticleDocument(source: "a.md", frontMatter: matter, body: ""), slug: "judul", paths: SiteConfig().paths)
        #expect(summary.sourceURL == "https://x.example/a")
        #expect(summary.image == "https://x.example/a.jpg")
        matter.sourceURL = "javascript:alert(1)"
        let hostile = ArticleSummary(document: ArticleDocument(source: "a.md", frontMatter: matter, body: ""), slug: "judul", paths: SiteConfig().paths)
        #expect(hostile.sourceURL == nil)
        #expect(RenderKey.hash(summary) != RenderKey.hash(hostile))
    }

    @Test func summaryKeysSeeSlugPathSourceTermsAndExtra() {
        let base = ArticleSummary(slug: "s", title: "t", path: "p", published: Self.date, tags: [Term(name: "x")], region: Term(name: "r"), source: "a.md")
        let variants: [(inout ArticleSummary) -> Void] = [
            { $0.slug = "s2" }, { $0.path = "p2" }, { $0.source = "b.md" }, { $0.tags = [] }, { $0.tags.append(Term(name: "y")) },
            { $0.region = nil }, { $0.region = Term(name: "q") }, { $0.matter.extra = ["kicker": .text("x")] },
            { $0.matter.extra = ["kicker": .flag(true)] }, { $0.matter.extra = ["kicker": .list([.text("x")])] },
            { $0.matter.extra = ["kicker": .map(["x": .text("x")])] },
        ]
        var seen = Set([RenderKey.hash(base)])
        for change in variants {
            var changed = base
            change(&changed)
            #expect(seen.insert(RenderKey.hash(changed)).inserted)
        }
    }

    /// Keys outside the schema and the `extra:` mapping pass through, typed as YAML types them,
    /// and come back the same from the file galley writes.
    @Test func extraFrontMatterPassesThroughAndRoundTrips() throws {
        let text = """
        ---
        title: Judul
        date: 2020-10-13T10:15:00+07:00
        kicker: Eksklusif
        featured: yes
        quoted: 'true'
        rating: 4
        extra:
          series: Banjir 2020
          sponsors: [Bank A, 'Bank B']
          layout: {wide: true, columns: 2}
          kicker: Dari extra
        ---
        Isi.
        """
        let normalizer = MarkdownNormalizer()
        let document = try normalizer.parseDocument(text, source: "a.md")
        #expect(document.frontMatter.extra == [
            "kicker": .text("Dari extra"), "featured": .flag(true), "quoted": .text("true"), "rating": .text("4"),
            "series": .text("Banjir 2020"), "sponsors": .list([.text("Bank A"), .text("Bank B")]),
            "layout": .map(["wide": .flag(true), "columns": .text("2")]),
        ])
        let written = normalizer.serialize(document)
        #expect(try normalizer.parseDocument(written, source: "a.md") == document)
        // The fast reader takes plain scalars outside the schema itself, typed as Yams types them.
        let plain = "title: Judul\ndate: 2020-10-13T10:15:00+07:00\nkicker: Eksklusif\nfeatured: yes\nquoted: 'true'\n"
        #expect(FrontMatterReader.read(plain) != nil)
        #expect(try FrontMatterCoder.decode(plain, source: "a.md", fastPath: true) == FrontMatterCoder.decode(plain, source: "a.md", fastPath: false))
        #expect(throws: GalleyError.self) { try normalizer.parseDocument("---\ntitle: J\ndate: 2020-10-13T10:15:00Z\nextra: nope\n---\n", source: "b.md") }
        // Hostile front matter outside the schema is refused, not expanded: deep nesting, and
        // aliases that would expand to billions of values.
        let deep = String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000)
        #expect(throws: GalleyError.self) { try normalizer.parseDocument("---\ntitle: J\ndate: 2020-10-13T10:15:00Z\nx: \(deep)\n---\n", source: "c.md") }
        var bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 { bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n" }
        #expect(throws: GalleyError.self) { try normalizer.parseDocument("---\ntitle: J\ndate: 2020-10-13T10:15:00Z\n\(bomb)---\n", source: "d.md") }
    }
}
