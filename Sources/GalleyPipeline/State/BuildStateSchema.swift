/// The layout of the build state's one file, `state.sqlite` (see `BuildStateStore`). Open it
/// with `sqlite3` to see what the last build knew:
///
/// ```
/// sqlite3 .galley/public/state.sqlite 'select path, mtime from outputs limit 5'
/// ```
///
/// Stamps are sizes in bytes and mtimes in nanoseconds since 1970; times are seconds since 1970.
enum BuildStateSchema {
    /// `PRAGMA application_id`: marks the file as galley's build state ("GLST"). A SQLite file
    /// without it is someone else's and is discarded, never read.
    static let applicationID: Int32 = 0x474C_5354

    /// `PRAGMA user_version`: bumped whenever a table, a column or the meaning of a value
    /// changes. A file of another version is discarded and the next build starts from scratch.
    /// (The documents' own layout follows the front-matter schema and is checked by
    /// `meta.document_schema`; and a galley binary other than the one that saved the state
    /// reuses no document and no page anyway: `BuildKeys.toolIdentity` is part of every key.)
    static let version: Int32 = 13

    /// The tables, created together in one transaction.
    static let tables = """
        -- What the last build recorded about itself: one row per name (LastBuild).
        --   extraction_key     hash of galley and the config the documents were made under
        --   document_schema    the layout of documents.head (ArticleDocumentCoding.schemaSignature):
        --                      documents written under another front-matter schema are never read
        --   render_inputs_key  hash of galley, the config and the templates the outputs were made under
        --   complete           1: the outputs table describes the files on disk, made from exactly
        --                      the sources below; 0 while a build saves or writes
        --   valid_until        when the news sitemap next changes with the clock alone (NULL: never)
        --   published, tags, regions, pages, dates_page, dates_fetched, dates_file: totals
        CREATE TABLE meta (
            name TEXT PRIMARY KEY NOT NULL,
            value
        ) WITHOUT ROWID;
        -- One row per source file of the content folder (SourceRecord).
        CREATE TABLE sources (
            path TEXT PRIMARY KEY NOT NULL,   -- relative to the content folder
            size INTEGER NOT NULL,            -- the file's stamp when it was processed
            mtime INTEGER NOT NULL,
            sidecar_size INTEGER,             -- its sidecar NAME.json's stamp; NULL: no sidecar
            sidecar_mtime INTEGER,
            hash TEXT NOT NULL,               -- StableHasher of its bytes, hex
            racy INTEGER NOT NULL,            -- 1: modified too shortly before it was read; compare bytes next time
            fetched REAL NOT NULL,            -- sidecar fetched_at, else the mtime
            problem_stage TEXT,               -- why this version gives no document; NULL: none
            problem_source TEXT,
            problem_reason TEXT,
            problem_kind TEXT                 -- rejected or failed
        ) WITHOUT ROWID;
        -- The last good document of each source that has one: made from the fingerprint above when
        -- the source has no problem, from an earlier version of the file when it has. A table of
        -- its own keeps `sources` small, so the checks that read every fingerprint read little.
        -- A build keeps only the heads in memory; each body is read back when its page is made.
        CREATE TABLE documents (
            path TEXT PRIMARY KEY NOT NULL,   -- the source's path
            head BLOB NOT NULL,               -- source, body digest and images, front matter (DocumentHead,
                                              -- ArticleDocumentCoding)
            bands BLOB                        -- a scraped page's MinHash band keys for the duplicate filter
                                              -- (DuplicateFilter.bandKeys(ofBody:)), 8 little-endian Int64;
                                              -- NULL: a Markdown article, or a body too short to compare
        );
        -- Each document's body, apart from its head: the builds that read every head (a card edit,
        -- new articles, the source stage) then read a table of 0.8 KB rows, not one whose rows hold
        -- 5 KB bodies (a scan of it read every page of the bodies: 60 MB at 10,000 articles).
        CREATE TABLE document_bodies (
            path TEXT PRIMARY KEY NOT NULL,   -- documents.path
            body BLOB NOT NULL                -- the Markdown body, UTF-8
        );
        -- The pictures the documents' bodies inlined as data: URIs (SingleFile pages), taken out of
        -- the bodies, which name them instead (InlinePicture, InlinedPictures): read back only when
        -- a picture's files are made or an article's Markdown is kept.
        CREATE TABLE inline_pictures (
            path TEXT NOT NULL,               -- the document's source (documents.path)
            name TEXT NOT NULL,               -- inline-picture:<SHA-256 of the URI, hex>, as the body shows it
            uri TEXT NOT NULL,                -- the data: URI
            PRIMARY KEY (path, name)
        ) WITHOUT ROWID;
        CREATE INDEX inline_pictures_by_name ON inline_pictures (name);
        -- One row per file of the site the last build wrote (OutputRecord).
        CREATE TABLE outputs (
            path TEXT PRIMARY KEY NOT NULL,   -- relative to the output folder
            render_key INTEGER NOT NULL,      -- 64-bit hash of everything the file was made from (OutputKey,
                                              -- its bits as a signed integer); 0 for files written as
                                              -- bytes, and while being written
            size INTEGER,                     -- the file's stamp right after writing; NULL while being written
            mtime INTEGER
        ) WITHOUT ROWID;
        -- The articles the last build published (PublishedArticleRecord): what their pages were made
        -- from besides their documents. Rows are written when a page is rendered, so a kept page's
        -- row is the one it was made from; a build that finds only edits of article bodies
        -- renders those pages from here. A rowid table, so that a build's rows, written in the order of
        -- publication, are appended (a table keyed by source took 1 s of random B-tree inserts for 50,000).
        CREATE TABLE published_articles (
            source TEXT NOT NULL UNIQUE,      -- the document's source (sources.path)
            slug TEXT NOT NULL,               -- the final slug and the page's path
            path TEXT NOT NULL,
            related BLOB NOT NULL,            -- the related articles' sources (BinaryWriter strings), in page order
            previous TEXT,                    -- the neighbours' sources; NULL: none
            next TEXT
        );
        -- The image files of the scrape that articles show, as the images phase last planned them
        -- (ScrapedImageRecord): a file that still has this size and mtime, and was not racy, is
        -- planned from its row instead of being read and hashed again.
        CREATE TABLE scraped_images (
            path TEXT PRIMARY KEY NOT NULL,   -- relative to the content folder, symbolic links resolved; or the
                                              -- name of an inlined picture (inline-picture:…, InlinePicture),
                                              -- whose size and mtime are 0: its name stands for its bytes
            settings TEXT NOT NULL,           -- ImagePlan.settingsKey: processor, widths, quality, pixel limit
            size INTEGER NOT NULL,            -- the file's stamp when it was read
            mtime INTEGER NOT NULL,
            racy INTEGER NOT NULL,            -- 1: modified too shortly before it was read; read it again next time
            format TEXT NOT NULL,             -- what its bytes are: jpeg, png, gif, webp
            sha256 TEXT NOT NULL,             -- of its bytes, hex: names its files under media/
            width INTEGER NOT NULL,           -- the size pages show it at
            height INTEGER NOT NULL,
            widths TEXT NOT NULL,             -- the widths of its files, narrowest first, comma-separated
            libvips TEXT NOT NULL             -- the libvips that read its header (vips-8.14)
        ) WITHOUT ROWID;
        -- What each archive (WARC, WACZ) held of the image URLs its pages show, when the images
        -- phase last read it (ArchivedImagesRecord): while the archive keeps this size and mtime,
        -- and was not racy, it is not read again for them. One row per URL searched for.
        CREATE TABLE archived_images (
            path TEXT NOT NULL,               -- the archive, relative to the content folder
            url TEXT NOT NULL,                -- an image URL its pages show
            settings TEXT NOT NULL,           -- ImagePlan.settingsKey
            size INTEGER NOT NULL,            -- the archive's stamp when it was read
            mtime INTEGER NOT NULL,
            racy INTEGER NOT NULL,
            problem TEXT,                     -- the archive's image of the URL cannot be used: why
            format TEXT,                      -- its plan, as in scraped_images; NULL (with problem NULL):
            sha256 TEXT,                      -- the archive holds no image of the URL
            width INTEGER,
            height INTEGER,
            widths TEXT,
            libvips TEXT,
            PRIMARY KEY (path, url)
        ) WITHOUT ROWID;
        -- The ASCII forms of the non-ASCII text slugs were made from (tags, regions, titles:
        -- ICU transliteration or accent folding, `Slug`), as the galley named by `tool` made
        -- them: a rebuild by the same galley takes them instead of loading ICU's rules again.
        CREATE TABLE transliterations (
            text TEXT PRIMARY KEY NOT NULL,   -- compared byte for byte
            form TEXT NOT NULL,
            tool TEXT NOT NULL                -- BuildKeys.toolIdentity of the galley that made it
        ) WITHOUT ROWID;
        -- Every article's related articles and neighbours as a build last planned them
        -- (RelationTable.storedPositions: positions in the published articles' order, 32-bit
        -- little-endian), with the key of what they were planned from (RelationCache.key: galley,
        -- the articles' oldest-first order and each one's tags): a build with the same key takes
        -- them instead of planning again. One row.
        CREATE TABLE relations (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            key TEXT NOT NULL,
            positions BLOB NOT NULL
        );
        -- The problems the last build reported, in its order, repeated by a build that finds nothing changed.
        CREATE TABLE problems (
            position INTEGER PRIMARY KEY,
            stage TEXT NOT NULL,
            source TEXT,
            reason TEXT NOT NULL,
            kind TEXT NOT NULL
        );
        -- Sources among the problems whose last good version stayed published.
        CREATE TABLE stale (
            source TEXT PRIMARY KEY NOT NULL
        ) WITHOUT ROWID;
        """
}
