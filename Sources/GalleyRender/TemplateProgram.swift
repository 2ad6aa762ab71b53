/// The theme's Mustache templates, parsed once into flat steps, rendered straight into UTF-8
/// bytes from `TemplateData` (see `TemplateProgram+Rendering.swift`): no casts, no reflection,
/// no name splitting per lookup, byte-wise escaping, and — since steps are plain numbers read
/// through buffer pointers — no reference counting on the shared templates while pages render
/// in parallel.
///
/// It renders what swift-mustache renders (`TemplateParser` takes its whitespace rules;
/// lookups climb the context stack by the first name part, then follow the rest), with one
/// deliberate difference: `{{value}}` escapes `< > & " '` wherever they occur, also when a
/// combining mark follows them (swift-mustache compares whole grapheme clusters, so `"` + U+0301
/// passed unescaped and could end an attribute). Themes that use what only swift-mustache does
/// (transforms, changed delimiters, content-type pragmas, dynamic partials) make `init` fail;
/// `TemplateEngine` then renders with swift-mustache.
struct TemplateProgram: Sendable {
    /// A theme feature this renderer does not do, and where the theme asks for it.
    struct UnsupportedFeature: Error, Sendable {
        let template: String
        let line: Int
        let reason: String
    }

    /// One parsed piece of a template, as `TemplateParser` gives it.
    indirect enum Node: Sendable {
        case text(String)
        /// `{{name}}`: HTML-escaped.
        case variable(Path)
        /// `{{{name}}}` or `{{&name}}`.
        case unescapedVariable(Path)
        case section(Path, [Node])
        case invertedSection(Path, [Node])
        /// `{{>name}}` (indentation when the tag stands alone on its line) or `{{<name}}` with
        /// the blocks it overrides.
        case partial(String, indentation: String?, overrides: [String: [Node]]?)
        /// `{{$name}}…{{/name}}` where it is used: the override, else its own default.
        case block(String, default: [Node], indentation: String)
        /// `{{$name}}…{{/name}}` inside `{{<parent}}` (only while parsing).
        case blockDefinition(String, [Node])
    }

    /// A dotted name, split once: `.` (or a leading `.`) means the current value only.
    struct Path: Sendable {
        let names: [String]
        let anchored: Bool
        /// The name as written, and the line (from 1) of its tag: for `TemplateChecker`'s errors.
        let name: String
        let line: Int

        init(_ name: String, line: Int = 0) {
            names = name.split(separator: ".").map(String.init)
            anchored = name.first == "."
            self.name = name
            self.line = line
        }
    }

    /// One step of a compiled template. A body (of a template, section or block) is a run of
    /// consecutive steps, `first..<end`.
    struct Step: Sendable {
        enum Kind: UInt8, Sendable {
            case text, variable, unescapedVariable, section, invertedSection, partial, block
        }

        var kind: Kind
        /// Text: its first byte in `text`. Variables and sections: the path. Partials: the
        /// template (-1 when there is none of that name). Blocks: the block.
        var a: Int32
        /// Text: its length. Sections and blocks: the body's first step. Partials: the
        /// overrides (-1: none).
        var b: Int32 = -1
        /// Sections and blocks: the body's end.
        var c: Int32 = -1
        /// Partials and blocks: the indentation (-1: none).
        var indentation: Int32 = -1
    }

    /// A path's names are `count` entries of `names` from `first`.
    struct PathEntry: Sendable {
        var first: Int32
        var count: Int32
        var anchored: Bool
    }

    private(set) var steps: [Step] = []
    private(set) var text: [UInt8] = []
    private(set) var names: [String] = []
    private(set) var paths: [PathEntry] = []
    private(set) var indentations: [[UInt8]] = []
    /// Per inheriting partial: the body of each block it overrides, by block number.
    private(set) var overrides: [[(block: Int, body: Range<Int32>)]] = []
    /// Every template's body, by template number.
    private(set) var bodies: [Range<Int32>] = []
    private(set) var templateNumbers: [String: Int32] = [:]
    private(set) var blockNumbers: [String: Int32] = [:]

    /// The syntax tree of every template; fails on the first (in name order) that asks for what
    /// this renderer does not do, naming it and the line.
    static func parse(_ sources: [String: String]) throws(UnsupportedFeature) -> [String: [Node]] {
        var parsed: [String: [Node]] = [:]
        for name in sources.keys.sorted() {
            do {
                parsed[name] = try TemplateParser.parse(sources[name]!)
            } catch {
                throw UnsupportedFeature(template: name, line: error.line, reason: error.reason)
            }
        }
        return parsed
    }

    /// Compiles parsed templates (`parse`).
    init(parsed: [String: [Node]]) {
        var bodies: [[Node]] = []
        for name in parsed.keys.sorted() {
            templateNumbers[name] = Int32(bodies.count)
            bodies.append(parsed[name]!)
        }
        self.bodies = bodies.map { compile($0) }
    }

    /// Compiles nodes into consecutive steps; the bodies they hold go after them.
    private mutating func compile(_ nodes: [Node]) -> Range<Int32> {
        let start = steps.count
        steps.append(contentsOf: repeatElement(Step(kind: .text, a: 0, b: 0), count: nodes.count))
        for (offset, node) in nodes.enumerated() {
            steps[start + offset] = compile(node)
        }
        return Int32(start)..<Int32(start + nodes.count)
    }

    private mutating func compile(_ node: Node) -> Step {
        switch node {
        case .text(let string):
            let start = text.count
            text.append(contentsOf: string.utf8)
            return Step(kind: .text, a: Int32(start), b: Int32(text.count - start))
        case .variable(let path):
            return Step(kind: .variable, a: intern(path))
        case .unescapedVariable(let path):
            return Step(kind: .unescapedVariable, a: intern(path))
        case .section(let path, let body):
            let path = intern(path)
            let body = compile(body)
            return Step(kind: .section, a: path, b: body.lowerBound, c: body.upperBound)
        case .invertedSection(let path, let body):
            let path = intern(path)
            let body = compile(body)
            return Step(kind: .invertedSection, a: path, b: body.lowerBound, c: body.upperBound)
        case .partial(let name, let indentation, let blocks):
            var set: Int32 = -1
            if let blocks {
                var bodies: [(block: Int, body: Range<Int32>)] = []
                for block in blocks.keys.sorted() { bodies.append((Int(blockNumber(block)), compile(blocks[block]!))) }
                set = Int32(overrides.count)
                overrides.append(bodies)
            }
            return Step(kind: .partial, a: templateNumbers[name] ?? -1, b: set, indentation: intern(indentation: indentation))
        case .block(let name, let fallback, let indentation):
            let block = blockNumber(name)
            let body = compile(fallback)
            return Step(kind: .block, a: block, b: body.lowerBound, c: body.upperBound, indentation: intern(indentation: indentation))
        case .blockDefinition:
            return Step(kind: .text, a: 0, b: 0)
        }
    }

    private mutating func intern(_ path: Path) -> Int32 {
        paths.append(PathEntry(first: Int32(names.count), count: Int32(path.names.count), anchored: path.anchored))
        names.append(contentsOf: path.names)
        return Int32(paths.count - 1)
    }

    private mutating func intern(indentation: String?) -> Int32 {
        guard let indentation else { return -1 }
        indentations.append(Array(indentation.utf8))
        return Int32(indentations.count - 1)
    }

    private mutating func blockNumber(_ name: String) -> Int32 {
        if let number = blockNumbers[name] { return number }
        blockNumbers[name] = Int32(blockNumbers.count)
        return Int32(blockNumbers.count - 1)
    }
}
