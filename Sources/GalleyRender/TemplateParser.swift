/// Reads a Mustache template into `TemplateProgram.Node`s, with exactly the whitespace rules of
/// swift-mustache (the engine the theme is checked against): standalone section, comment,
/// partial and block tags take their whole line; the indentation of a standalone partial
/// indents every line it renders; text inside an inheriting partial (`{{<layout}}`) loses the
/// indentation of its first line. `TemplateProgramTests` compares the two engines.
///
/// It runs only on templates swift-mustache has already accepted, and fails, naming the line,
/// on what galley's renderer does not do (transforms such as `{{uppercased(x)}}`, changed
/// delimiters `{{=<% %>=}}`, `{{%CONTENT_TYPE}}` pragmas, dynamic partials `{{>*name}}`): the
/// build stops with that line instead of rendering the theme some other way.
struct TemplateParser {
    typealias Node = TemplateProgram.Node

    /// What the renderer does not do, and the line (from 1) where the template asks for it.
    struct Unsupported: Error, Sendable {
        var reason: String
        var line = 0
    }

    /// What the parser knows about where it is (the section it is in, whether a line has just begun).
    private struct State {
        var sectionName: String?
        var newLine = true
        var inPartialDefinition = false
        var partialDefinitionTopLevel = false
        var partialDefinitionIndent: Int?

        func inSection(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.partialDefinitionTopLevel = false
            state.newLine = self.newLine && newLine
            return state
        }

        func inInheritingPartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.inPartialDefinition = true
            state.partialDefinitionTopLevel = true
            return state
        }
    }

    private let characters: [Character]
    private var position = 0

    private init(_ text: String) {
        characters = Array(text)
    }

    /// The nodes of a template; fails on what only swift-mustache renders.
    static func parse(_ text: String) throws(Unsupported) -> [Node] {
        var parser = TemplateParser(text)
        do {
            return try parser.parse(State())
        } catch var failure as Unsupported {
            failure.line = parser.line
            throw failure
        } catch {
            throw Unsupported(reason: "\(error)", line: parser.line)
        }
    }

    /// The line the parser is on (from 1).
    private var line: Int {
        1 + characters[..<min(position, characters.count)].lazy.filter(\.isNewline).count
    }

    // MARK: Reading characters

    private var atEnd: Bool { position >= characters.count }

    /// The current character; NUL at the end (as swift-mustache's parser has it).
    private var current: Character { atEnd ? "\0" : characters[position] }

    private mutating func advance() { position += 1 }

    private mutating func read(while include: (Character) -> Bool) -> String {
        let start = position
        while !atEnd, include(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    /// Reads `text` if it comes next; fails when fewer characters are left than `text` has.
    private mutating func read(_ text: String) throws -> Bool {
        let expected = Array(text)
        guard characters.count - position >= expected.count else { throw Unsupported(reason: "the template ends inside a tag") }
        guard Array(characters[position..<(position + expected.count)]) == expected else { return false }
        position += expected.count
        return true
    }

    private static func isSpaceOrTab(_ character: Character) -> Bool { character == " " || character == "\t" }

    // MARK: Parsing

    private mutating func parse(_ initial: State) throws -> [Node] {
        var nodes: [Node] = []
        var state = initial
        var whitespaceBefore = ""
        func flushWhitespace() {
            if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
            whitespaceBefore = ""
        }
        while !atEnd {
            if state.newLine {
                let whitespace = read(while: Self.isSpaceOrTab)
                if state.inPartialDefinition, !state.partialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whitespaceBefore = String(whitespace.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = whitespace.count
                    }
                } else {
                    whitespaceBefore = whitespace
                }
            }
            let text = try readTextUntilTagOrNewline()
            if current.isNewline {
                nodes.append(.text(whitespaceBefore + text + String(current)))
                state.newLine = true
                advance()
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespaceBefore + text))
                whitespaceBefore = ""
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                advance()
                let name = try readName()
                let tagLine = line
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhitespace()
                }
                let body = try parse(state.inSection(name, newLine: setNewLine))
                nodes.append(inverted ? .invertedSection(TemplateProgram.Path(name, line: tagLine), body) : .section(TemplateProgram.Path(name, line: tagLine), body))
            case "/":
                advance()
                guard try readName() == state.sectionName else { throw Unsupported(reason: "a closing tag that does not match its section") }
                if !isStandalone(state) { flushWhitespace() }
                return nodes
            case "!":
                advance()
                try skipComment()
                setNewLine = isStandalone(state)
            case "{":
                flushWhitespace()
                advance()
                let name = try readName()
                guard !atEnd, current == "}" else { throw Unsupported(reason: "a triple mustache without its third brace") }
                advance()
                nodes.append(.unescapedVariable(TemplateProgram.Path(name, line: line)))
            case "&":
                flushWhitespace()
                advance()
                nodes.append(.unescapedVariable(TemplateProgram.Path(try readName(), line: line)))
            case ">":
                advance()
                _ = read(while: \.isWhitespace)
                guard current != "*" else { throw Unsupported(reason: "dynamic partials ({{>*name}}) are not supported") }
                let name = try readPartialName()
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: whitespaceBefore, overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil))
                }
                whitespaceBefore = ""
            case "<":
                advance()
                _ = read(while: \.isWhitespace)
                let name = try readPartialName()
                guard name.first != "*" else { throw Unsupported(reason: "dynamic partials ({{<*name}}) are not supported") }
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                if isStandalone(state) { setNewLine = true }
                let body = try parse(state.inInheritingPartial(name))
                nodes.append(.partial(name, indentation: whitespaceBefore, overrides: try Self.blockDefinitions(in: body)))
                whitespaceBefore = ""
            case "$":
                advance()
                let name = try readName()
                if state.partialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    nodes.append(.blockDefinition(name, try parse(state.inSection(name, newLine: setNewLine))))
                } else {
                    if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.inSection(name, newLine: setNewLine))
                    nodes.append(.block(name, default: body, indentation: whitespaceBefore))
                    whitespaceBefore = ""
                }
            case "=":
                throw Unsupported(reason: "changed delimiters ({{=… …=}}) are not supported")
            case "%":
                throw Unsupported(reason: "pragmas ({{%…}}) are not supported")
            default:
                flushWhitespace()
                nodes.append(.variable(TemplateProgram.Path(try readName(), line: line)))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Unsupported(reason: "a section that is never closed") }
        return nodes
    }

    /// Text up to a line break (not read) or an opening `{{` (read).
    private mutating func readTextUntilTagOrNewline() throws -> String {
        var text = ""
        while !atEnd {
            text += read(while: { $0 != "\n" && $0 != "\r\n" && $0 != "{" })
            if current.isNewline { break }
            if current == "{" {
                if try read("{{") { break }
                text.append("{")
                advance()
            }
        }
        return text
    }

    /// A variable or section name and the closing `}}`; transforms (`f(x)`) are not taken.
    private mutating func readName() throws -> String {
        _ = read(while: \.isWhitespace)
        let name = read(while: Self.nameCharacters.contains)
        _ = read(while: \.isWhitespace)
        guard try read("}}") else { throw Unsupported(reason: "a tag that does not end with }}") }
        guard !name.contains("("), !name.contains(")") else { throw Unsupported(reason: "transforms such as {{uppercased(x)}} are not supported") }
        return name
    }

    private mutating func readPartialName() throws -> String {
        _ = read(while: \.isWhitespace)
        let name = read(while: Self.partialNameCharacters.contains)
        _ = read(while: \.isWhitespace)
        guard try read("}}") else { throw Unsupported(reason: "a partial tag that does not end with }}") }
        return name
    }

    private mutating func skipComment() throws {
        while !atEnd {
            if characters[position] == "}", position + 1 < characters.count, characters[position + 1] == "}" {
                position += 2
                return
            }
            position += 1
        }
        throw Unsupported(reason: "a comment that is never closed")
    }

    /// Whether a tag at the start of a line ends its line (then the line break is read too).
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var end = position
        while end < characters.count, Self.isSpaceOrTab(characters[end]) { end += 1 }
        guard end < characters.count, characters[end].isNewline else { return false }
        position = end + 1
        return true
    }

    /// The blocks an inheriting partial overrides; it may hold nothing else but text.
    private static func blockDefinitions(in body: [Node]) throws -> [String: [Node]] {
        var blocks: [String: [Node]] = [:]
        for node in body {
            switch node {
            case .blockDefinition(let name, let nodes): blocks[name] = nodes
            case .text: continue
            default: throw Unsupported(reason: "an inheriting partial ({{<name}}) may hold only blocks ({{$name}}) and text")
            }
        }
        return blocks
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
}
